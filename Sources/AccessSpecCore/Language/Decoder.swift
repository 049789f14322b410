import AccessSpecSyntax

/// A mapping being decoded: its values by key, with unknown keys already reported.
struct Fields {
    let node: YAMLNode
    /// Named only when something is wrong: most mappings decode clean.
    let what: () -> LocalizedText
    /// Known keys in source order. Language mappings have a handful of keys, so a scan beats hashing.
    private let pairs: [(key: String, pair: YAMLPair)]
    /// Keys that were reported as unknown.
    let unknownKeys: [String]
    /// The known keys those were probably meant as (the nearest of each).
    let probablyMeant: Set<String>

    init(node: YAMLNode, what: @escaping () -> LocalizedText, pairs: [(key: String, pair: YAMLPair)], unknownKeys: [String], probablyMeant: Set<String> = []) {
        self.node = node
        self.what = what
        self.pairs = pairs
        self.unknownKeys = unknownKeys
        self.probablyMeant = probablyMeant
    }

    subscript(key: String) -> YAMLNode? { pairs.first { $0.key == key }?.pair.value }
    func keySpan(_ key: String) -> SourceSpan? { pairs.first { $0.key == key }?.pair.key.span }
    var keys: [String] { pairs.map(\.key) }
}

/// The building blocks every section's decoding uses: each reports what is wrong and
/// returns nil, so callers just skip what they could not read.
struct NodeDecoder {
    let diagnostics: DiagnosticEngine

    // MARK: Containers

    /// Reads a mapping whose keys must be among `known`; unknown keys are reported with the
    /// nearest known one as a fix-it.
    func fields(_ node: YAMLNode, _ what: @autoclosure @escaping () -> LocalizedText, known: [String]) -> Fields? {
        guard let pairs = entries(node, what()) else { return nil }
        var byKey: [(key: String, pair: YAMLPair)] = []
        byKey.reserveCapacity(pairs.count)
        var unknown: [String] = []
        var meant: Set<String> = []
        for (key, pair) in pairs {
            if known.contains(key.value) {
                byKey.append((key.value, pair))
            } else {
                if let nearest = unknownKey(key, in: what(), known: known) { meant.insert(nearest) }
                unknown.append(key.value)
            }
        }
        return Fields(node: node, what: what, pairs: byKey, unknownKeys: unknown, probablyMeant: meant)
    }

    /// A mapping with free keys (types, errors, environments), in source order.
    func entries(_ node: YAMLNode, _ what: @autoclosure () -> LocalizedText) -> [(Located<String>, YAMLPair)]? {
        guard case .mapping(let pairs) = node.content else {
            if node.scalar?.resolved(tag: node.tag) == .null { return [] }
            wrongKind(node, expected: LocalizedText(en: "a mapping", zh: "映射"), for: what())
            return nil
        }
        var result: [(Located<String>, YAMLPair)] = []
        result.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let key = pair.key.scalar else {
                diagnostics.error(LanguageDiagnostics.wrongKind, en: "keys in \(what().en) must be plain text, not \(pair.key.kindName.en)",
                                  zh: "\(what().zh)中的键必须是纯文本，而不是\(pair.key.kindName.zh)", at: pair.key.span)
                continue
            }
            result.append((Located(key.text, pair.key.span), pair))
        }
        return result
    }

    func list(_ node: YAMLNode, _ what: @autoclosure () -> LocalizedText) -> [YAMLNode]? {
        switch node.content {
        case .sequence(let items): return items
        case .scalar(let scalar) where scalar.resolved(tag: node.tag) == .null: return []
        default:
            wrongKind(node, expected: LocalizedText(en: "a list", zh: "列表"), for: what())
            return nil
        }
    }

    func required(_ fields: Fields, _ key: String) -> YAMLNode? {
        if let value = fields[key] { return value }
        // `nmae:` was reported as an unknown key with `name` as its fix; not also as missing.
        if fields.probablyMeant.contains(key) { return nil }
        let start = SourceSpan(file: fields.node.span.file, at: fields.node.span.start)
        diagnostics.error(LanguageDiagnostics.missingKey, en: "\(fields.what().en) is missing required key '\(key)'", zh: "\(fields.what().zh)缺少必填的键 `\(key)`", at: start)
        return nil
    }

    // MARK: Scalars

    func string(_ node: YAMLNode, _ what: @autoclosure () -> LocalizedText) -> Located<String>? {
        guard let scalar = node.scalar else {
            wrongKind(node, expected: LocalizedText(en: "text", zh: "文本"), for: what())
            return nil
        }
        if scalar.resolved(tag: node.tag) == .null {
            diagnostics.error(LanguageDiagnostics.wrongKind, en: "\(what().en) is empty; expected text", zh: "\(what().zh)为空；此处应为文本", at: node.span)
            return nil
        }
        return Located(scalar.text, node.span)
    }

    func integer(_ node: YAMLNode, _ what: @autoclosure () -> LocalizedText) -> Located<Int>? {
        guard let scalar = node.scalar, case .integer(let value) = scalar.resolved(tag: node.tag) else {
            wrongKind(node, expected: LocalizedText(en: "an integer", zh: "整数"), for: what())
            return nil
        }
        return Located(value, node.span)
    }

    func number(_ node: YAMLNode, _ what: @autoclosure () -> LocalizedText) -> Located<Double>? {
        switch node.scalar?.resolved(tag: node.tag) {
        case .integer(let value): return Located(Double(value), node.span)
        case .float(let value) where value.isFinite: return Located(value, node.span)
        default:
            wrongKind(node, expected: LocalizedText(en: "a number", zh: "数字"), for: what())
            return nil
        }
    }

    func bool(_ node: YAMLNode, _ what: @autoclosure () -> LocalizedText) -> Located<Bool>? {
        guard let scalar = node.scalar, case .bool(let value) = scalar.resolved(tag: node.tag) else {
            wrongKind(node, expected: LocalizedText(en: "true or false", zh: "true 或 false"), for: what())
            return nil
        }
        return Located(value, node.span)
    }

    func choice<T: RawRepresentable & CaseIterable & Sendable>(_ node: YAMLNode, _ what: @autoclosure () -> LocalizedText, _: T.Type = T.self) -> Located<T>?
    where T.RawValue == String {
        guard let text = string(node, what()) else { return nil }
        if let value = T(rawValue: text.value) { return Located(value, node.span) }
        let allowed = T.allCases.map(\.rawValue)
        var fixIts: [FixIt] = []
        if let nearest = Suggestions.nearest(to: text.value, in: allowed) {
            fixIts.append(FixIt(.didYouMean(nearest), replacing: node.span, with: nearest))
        }
        diagnostics.error(
            LanguageDiagnostics.notAChoice,
            en: "'\(text.value)' is not a valid \(what().en); expected one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))",
            zh: "“\(text.value)”不是有效的\(what().zh)；应为 \(allowed.map { "“\($0)”" }.joined(separator: "、")) 之一",
            at: node.span, fixIts: fixIts)
        return nil
    }

    func strings(_ node: YAMLNode, _ what: @autoclosure () -> LocalizedText) -> [Located<String>] {
        (list(node, what()) ?? []).compactMap { string($0, what()) }
    }

    func choices<T: RawRepresentable & CaseIterable & Sendable>(_ node: YAMLNode, _ what: @autoclosure () -> LocalizedText, _: T.Type = T.self) -> [T]
    where T.RawValue == String {
        var seen: [T] = []
        for item in list(node, what()) ?? [] {
            guard let value = choice(item, what(), T.self) else { continue }
            if seen.contains(where: { $0.rawValue == value.value.rawValue }) {
                diagnostics.error(LanguageDiagnostics.badValue, en: "'\(value.value.rawValue)' is listed twice in \(what().en)",
                                  zh: "“\(value.value.rawValue)”在\(what().zh)中列出了两次", at: item.span)
            } else {
                seen.append(value.value)
            }
        }
        return seen
    }

    // MARK: Names and formats

    func name(_ node: YAMLNode, _ what: @autoclosure () -> LocalizedText, _ form: NameForm) -> Located<String>? {
        guard let text = string(node, what()) else { return nil }
        return checkName(text, what(), form) ? text : nil
    }

    func checkName(_ text: Located<String>, _ what: @autoclosure () -> LocalizedText, _ form: NameForm) -> Bool {
        guard form.matches(text.value) else {
            diagnostics.error(LanguageDiagnostics.badName, en: "\(what().en) '\(text.value)' must be \(form.explanation.en)",
                              zh: "\(what().zh)“\(text.value)”必须是\(form.explanation.zh)", at: text.span,
                              fixIts: form.suggestion(for: text.value).map { [FixIt(en: "rename to '\($0)'", zh: "改名为“\($0)”", replacing: text.span, with: $0)] } ?? [])
            return false
        }
        return true
    }

    func url(_ node: YAMLNode, _ what: @autoclosure () -> LocalizedText) -> Located<String>? {
        guard let text = string(node, what()) else { return nil }
        if let problem = ValueFormat.url.problem(with: text.value) {
            diagnostics.error(LanguageDiagnostics.badValue, en: "\(what().en): \(problem.en)", zh: "\(what().zh)：\(problem.zh)", at: node.span)
            return nil
        }
        return text
    }

    func path(_ node: YAMLNode, _ what: @autoclosure () -> LocalizedText) -> Located<String>? {
        guard let text = string(node, what()) else { return nil }
        guard text.value.hasPrefix("/"), ASCIISet.pathCharacters.containsAll(text.value) else {
            diagnostics.error(LanguageDiagnostics.badValue,
                              en: "\(what().en) '\(text.value)' must start with '/', use only URL path characters (percent-encode others), and write parameters as {name}",
                              zh: "\(what().zh)“\(text.value)”必须以 `/` 开头，只使用 URL 路径字符（其他字符须百分号编码），参数写作 {name}", at: node.span)
            return nil
        }
        do {
            let template = try PathTemplate(text.value)
            if let bad = template.parameters.first(where: { !NameForm.fieldName.matches($0) }) {
                diagnostics.error(LanguageDiagnostics.badValue, en: "\(what().en) '\(text.value)': parameter '{\(bad)}' must be a field name",
                                  zh: "\(what().zh)“\(text.value)”：参数“{\(bad)}”必须是字段名", at: node.span)
                return nil
            }
        } catch {
            diagnostics.error(LanguageDiagnostics.badValue, en: "\(what().en) '\(text.value)': \(error.text.en)", zh: "\(what().zh)“\(text.value)”：\(error.text.zh)", at: node.span)
            return nil
        }
        return text
    }

    /// An HTTP header name: an RFC 9110 token.
    func headerName(_ node: YAMLNode, _ what: @autoclosure () -> LocalizedText) -> Located<String>? {
        guard let text = string(node, what()) else { return nil }
        guard !text.value.isEmpty, ASCIISet.tokenCharacters.containsAll(text.value) else {
            diagnostics.error(LanguageDiagnostics.badValue, en: "\(what().en) '\(text.value)' is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)",
                              zh: "\(what().zh)“\(text.value)”不是 HTTP 头部名称（字母、数字及 !#$%&'*+-.^_`|~）", at: node.span)
            return nil
        }
        return text
    }

    /// A value in a domain format, checked with its check character where it has one.
    func formatted(_ node: YAMLNode, _ what: @autoclosure () -> LocalizedText, check: (String) -> LocalizedText?) -> Located<String>? {
        guard let text = string(node, what()) else { return nil }
        if let problem = check(text.value) {
            diagnostics.error(LanguageDiagnostics.badValue, en: "\(what().en) '\(text.value)' is invalid: \(problem.en)", zh: "\(what().zh)“\(text.value)”无效：\(problem.zh)", at: node.span)
            return nil
        }
        return text
    }

    func secret(_ node: YAMLNode, _ what: @autoclosure () -> LocalizedText) -> Located<String>? {
        guard let text = string(node, what()) else { return nil }
        guard SecretReference.isReference(text.value) else {
            diagnostics.error(LanguageDiagnostics.literalSecret, en: "\(what().en) must be a reference such as '${env:NAME}', not the secret itself",
                              zh: "\(what().zh)必须是 `${env:NAME}` 这样的引用，而不是密钥本身", at: node.span,
                              notes: [DiagnosticNote(en: "anything written in a contract is committed and published; treat this secret as leaked and rotate it",
                                                     zh: "契约中写入的内容都会被提交和发布；请把该密钥视为已泄露，并予以更换")],
                              fixIts: [FixIt(en: "reference an environment variable", zh: "改为引用环境变量", replacing: node.span, with: "${env:APP_SECRET}")])
            return nil
        }
        return text
    }

    // MARK: Reporting

    func wrongKind(_ node: YAMLNode, expected: LocalizedText, for what: LocalizedText) {
        diagnostics.error(LanguageDiagnostics.wrongKind, en: "expected \(expected.en) for \(what.en), found \(node.kindName.en)",
                          zh: "\(what.zh)应为\(expected.zh)，实际是\(node.kindName.zh)", at: node.span)
    }

    /// Reports the key and returns the known key it was probably meant as.
    @discardableResult
    private func unknownKey(_ key: Located<String>, in what: LocalizedText, known: [String]) -> String? {
        let nearest = Suggestions.nearest(to: key.value, in: known)
        let fixIts = nearest.map { [FixIt(.didYouMean($0), replacing: key.span, with: $0)] } ?? []
        diagnostics.error(LanguageDiagnostics.unknownKey, en: "unknown key '\(key.value)' in \(what.en)", zh: "\(what.zh)中有未知的键“\(key.value)”", at: key.span,
                          notes: fixIts.isEmpty ? [DiagnosticNote(en: "known keys: \(known.joined(separator: ", "))", zh: "已知的键：\(known.joined(separator: "、"))")] : [],
                          fixIts: fixIts)
        return nearest
    }
}

/// The forms names must take, so they become safe identifiers and file names downstream.
public enum NameForm: Sendable {
    case id, typeName, errorName, fieldName

    public func matches(_ text: String) -> Bool {
        // Every form is ASCII, so bytes are characters (and any other byte fails).
        let bytes = text.utf8
        guard let first = bytes.first, bytes.count <= 64 else { return false }
        let rest = bytes.dropFirst()
        switch self {
        case .id:
            return ASCIISet.lowercase.contains(first) && ASCIISet.idCharacters.containsAll(rest) && !text.hasSuffix("-") && !text.contains("--")
        case .typeName:
            return ASCIISet.uppercase.contains(first) && ASCIISet.lettersAndDigits.containsAll(rest)
        case .errorName:
            return ASCIISet.uppercase.contains(first) && ASCIISet.errorNameCharacters.containsAll(rest)
        case .fieldName:
            return ASCIISet.fieldNameStart.contains(first) && ASCIISet.fieldNameCharacters.containsAll(rest)
        }
    }

    /// The same form as an ECMA-262 pattern, for the JSON Schema (names are at most 64 long).
    public var pattern: String {
        switch self {
        case .id: "^[a-z](?:-?[a-zA-Z0-9])*$"
        case .typeName: "^[A-Z][A-Za-z0-9]*$"
        case .errorName: "^[A-Z][A-Z0-9_]*$"
        case .fieldName: "^[A-Za-z_][A-Za-z0-9_]*$"
        }
    }

    public var explanation: LocalizedText {
        switch self {
        case .id: LocalizedText(en: "a lower-case letter followed by letters, digits and single dashes (^[a-z][a-zA-Z0-9-]*$)",
                                zh: "小写字母开头、后接字母、数字和单个连字符的名称（^[a-z][a-zA-Z0-9-]*$）")
        case .typeName: LocalizedText(en: "UpperCamelCase letters and digits (^[A-Z][A-Za-z0-9]*$)", zh: "由字母和数字组成的 UpperCamelCase 名称（^[A-Z][A-Za-z0-9]*$）")
        case .errorName: LocalizedText(en: "UPPER_SNAKE_CASE (^[A-Z][A-Z0-9_]*$)", zh: "UPPER_SNAKE_CASE 名称（^[A-Z][A-Z0-9_]*$）")
        case .fieldName: LocalizedText(en: "letters, digits and underscores, not starting with a digit", zh: "由字母、数字和下划线组成、不以数字开头的名称")
        }
    }

    func suggestion(for text: String) -> String? {
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard !words.isEmpty, text.allSatisfy(\.isASCII) else { return nil }
        let candidate: String
        switch self {
        case .id: candidate = words.map { $0.lowercased() }.joined(separator: "-")
        case .typeName: candidate = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        case .errorName: candidate = words.map { $0.uppercased() }.joined(separator: "_")
        case .fieldName: candidate = words[0] + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }
        return matches(candidate) && candidate != text ? candidate : nil
    }
}

enum SecretReference {
    /// `${env:NAME}`: the only way a contract names a secret.
    static func isReference(_ text: String) -> Bool {
        guard text.hasPrefix("${env:"), text.hasSuffix("}") else { return false }
        let name = text.utf8.dropFirst(6).dropLast()
        guard let first = name.first, first == UInt8(ascii: "_") || (65...90).contains(first) else { return false }
        return name.allSatisfy { $0 == UInt8(ascii: "_") || (65...90).contains($0) || (48...57).contains($0) }
    }
}

extension LocalizedText {
    /// The fix-it of a misspelt word.
    public static func didYouMean(_ word: String) -> LocalizedText {
        LocalizedText(en: "did you mean '\(word)'?", zh: "是否应为“\(word)”？")
    }

    /// A key of the language as the subject of a message: 'security.transport', `security.transport`.
    static func key(_ path: String) -> LocalizedText {
        LocalizedText(en: "'\(path)'", zh: "`\(path)`")
    }
}

/// "Did you mean" by edit distance.
public enum Suggestions {
    public static func nearest(to word: String, in candidates: [String]) -> String? {
        guard word.utf8.count <= 128 else { return nil }
        let limit = max(1, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// Edits between two words, a swap of two neighbours counting as one (`tpye` is one
    /// edit from `type`): the optimal string alignment distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}

/// A set of ASCII characters, tested byte by byte: built once, not hashed per character.
struct ASCIISet: Sendable {
    private let members: [Bool]

    init(_ characters: String) {
        var members = [Bool](repeating: false, count: 128)
        for byte in characters.utf8 where byte < 128 { members[Int(byte)] = true }
        self.members = members
    }

    /// Whether the byte is one of the set's characters (no byte of a non-ASCII character is).
    func contains(_ byte: UInt8) -> Bool { byte < 128 && members[Int(byte)] }

    /// Whether every character of `text` is in the set.
    func containsAll(_ text: String) -> Bool { containsAll(text.utf8) }

    func containsAll(_ bytes: some Sequence<UInt8>) -> Bool { bytes.allSatisfy(contains) }

    static let lowercase = ASCIISet("abcdefghijklmnopqrstuvwxyz")
    static let uppercase = ASCIISet("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    static let lettersAndDigits = ASCIISet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    /// What follows the first letter of the name forms (`NameForm`).
    static let idCharacters = ASCIISet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
    static let errorNameCharacters = ASCIISet("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
    static let fieldNameStart = ASCIISet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
    static let fieldNameCharacters = ASCIISet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")

    /// RFC 3986 path characters (pchar and '/'), plus braces around parameters.
    static let pathCharacters = ASCIISet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@%/{}")
    /// RFC 9110 token characters: what a header name is made of.
    static let tokenCharacters = ASCIISet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~")
}
