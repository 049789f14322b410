/// libyaml's problem and context phrases in both languages. libyaml speaks English; the phrases
/// are few and fixed (its scanner, parser and reader), so each has its Chinese here. One not
/// listed keeps libyaml's words after a Chinese lead-in.
enum YAMLProblemText {
    static func localized(_ phrase: String) -> LocalizedText {
        LocalizedText(en: phrase, zh: chinese[phrase] ?? "YAML 语法错误（libyaml：\(phrase)）")
    }

    private static let chinese: [String: String] = [
        // Problems.
        "did not find expected key": "此处应为键，但没有找到",
        "did not find expected node content": "此处应为节点内容，但没有找到",
        "did not find expected '-' indicator": "此处应为列表项标记 `-`，但没有找到",
        "did not find expected ',' or ']'": "此处应为 `,` 或 `]`，但没有找到",
        "did not find expected ',' or '}'": "此处应为 `,` 或 `}`，但没有找到",
        "did not find expected <document start>": "此处应为文档开始标记，但没有找到",
        "did not find expected comment or line break": "此处应为注释或换行，但没有找到",
        "did not find expected whitespace or line break": "此处应为空白或换行，但没有找到",
        "did not find expected alphabetic or numeric character": "此处应为字母或数字，但没有找到",
        "did not find expected tag URI": "此处应为标签 URI，但没有找到",
        "could not find expected ':'": "没有找到应有的 `:`",
        "mapping values are not allowed in this context": "此处不允许出现映射的值",
        "block sequence entries are not allowed in this context": "此处不允许出现块列表项",
        "block mapping entries are not allowed in this context": "此处不允许出现块映射项",
        "found character that cannot start any token": "出现了不能作为任何记号开头的字符",
        "found unexpected end of stream": "文件意外结束",
        "found unexpected document indicator": "出现了意外的文档标记",
        "found unknown escape character": "出现了未知的转义字符",
        "found undefined tag handle": "出现了未定义的标签句柄",
        "found incompatible YAML document": "YAML 文档版本不兼容",
        "found duplicate %YAML directive": "%YAML 指令重复",
        "found a tab character that violates indentation": "制表符破坏了缩进",
        "found a tab character where an indentation space is expected": "此处应为缩进空格，却是制表符",
        "found unexpected ':'": "出现了意外的 `:`",
        "found extra tokens": "出现了多余的记号",
        "malformed YAML": "YAML 格式错误",
        "libyaml could not start": "libyaml 无法启动",
        // Reader problems.
        "invalid leading UTF-8 octet": "UTF-8 的首字节无效",
        "incomplete UTF-8 octet sequence": "UTF-8 字节序列不完整",
        "invalid trailing UTF-8 octet": "UTF-8 的后续字节无效",
        "invalid length of a UTF-8 sequence": "UTF-8 序列长度无效",
        "invalid Unicode character": "无效的 Unicode 字符",
        "control characters are not allowed": "不允许出现控制字符",
        // Contexts.
        "while scanning a simple key": "扫描简单键时",
        "while scanning a plain scalar": "扫描普通标量时",
        "while scanning a quoted scalar": "扫描带引号的标量时",
        "while scanning a block scalar": "扫描块标量时",
        "while scanning an anchor": "扫描锚点时",
        "while scanning an alias": "扫描别名时",
        "while scanning a tag": "扫描标签时",
        "while scanning a directive": "扫描指令时",
        "while scanning for the next token": "查找下一个记号时",
        "while parsing a block mapping": "解析块映射时",
        "while parsing a block collection": "解析块集合时",
        "while parsing a flow mapping": "解析流式映射时",
        "while parsing a flow sequence": "解析流式列表时",
        "while parsing a flow node": "解析流式节点时",
        "while parsing a block node": "解析块节点时",
        "while parsing a node": "解析节点时",
    ]
}
