/// Turns one file's libyaml events into a positioned node tree, enforcing the frontend's
/// policy: one document, core tags only, no duplicate keys, bounded depth, scalar length and
/// alias expansion. Every problem becomes a diagnostic; the tree is built without recursion.
public struct YAMLLoader: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = YAMLLimits()) {
        self.limits = limits
    }

    /// The file's root node, or nil when the file could not be read as one YAML document.
    public func load(_ file: SourceFile, diagnostics: DiagnosticEngine) -> YAMLNode? {
        let whole = SourceSpan(file: file, at: SourceLocation(line: 1, column: 1))
        guard file.bytes.count <= limits.maxFileBytes else {
            diagnostics.error(
                YAMLDiagnostics.fileTooLarge,
                en: "file is \(file.bytes.count) bytes, more than the limit of \(limits.maxFileBytes)",
                zh: "文件大小为 \(file.bytes.count) 字节，超过上限 \(limits.maxFileBytes) 字节", at: whole)
            return nil
        }
        var builder = TreeBuilder(file: file, limits: limits, diagnostics: diagnostics)
        let syntaxError = YAMLEventReader.read(file) { builder.consume($0) }
        if let syntaxError {
            report(syntaxError, in: file, diagnostics: diagnostics)
            return nil
        }
        guard !builder.aborted else { return nil }
        guard let root = builder.root else {
            diagnostics.error(YAMLDiagnostics.emptyFile, en: "file holds no YAML document", zh: "文件中没有 YAML 文档", at: whole)
            return nil
        }
        return root
    }

    private func report(_ error: YAMLSyntaxError, in file: SourceFile, diagnostics: DiagnosticEngine) {
        let span = SourceSpan(file: file, at: error.location)
        var lines = LineIndex()
        let offending = lines.text(of: file, line: error.location.line).flatMap { line -> Unicode.Scalar? in
            let scalars = Array(line.unicodeScalars)
            let index = error.location.column - 1
            return index >= 0 && index < scalars.count ? scalars[index] : nil
        }
        var notes: [DiagnosticNote] = []
        if let context = error.context, let location = error.contextLocation, location != error.location {
            notes.append(DiagnosticNote(YAMLProblemText.localized(context), at: SourceSpan(file: file, at: location)))
        }
        switch error.stage {
        case .reader where error.problem.contains("control characters"):
            let index = min(max(0, file.bytes.firstIndex(of: 0) ?? -1), file.bytes.count)
            let isNUL = file.bytes.contains(0)
            let location = isNUL ? file.location(ofByteOffset: index) : error.location
            diagnostics.error(
                YAMLDiagnostics.controlCharacter,
                isNUL
                    ? LocalizedText(en: "file contains a NUL byte; is it binary or UTF-16?", zh: "文件含有 NUL 字节；它是不是二进制文件或 UTF-16 文件？")
                    : LocalizedText(en: "file contains a control character", zh: "文件含有控制字符"),
                at: SourceSpan(file: file, at: location))
        case .reader:
            diagnostics.error(
                YAMLDiagnostics.encoding,
                en: "file is not valid UTF-8 (\(error.problem))",
                zh: "文件不是有效的 UTF-8 编码（\(YAMLProblemText.localized(error.problem).zh)）", at: span,
                notes: [DiagnosticNote(en: "contracts must be saved as UTF-8 text", zh: "契约必须保存为 UTF-8 文本")])
        case _ where offending == "\t":
            diagnostics.error(
                YAMLDiagnostics.tabIndentation,
                en: "tab character where YAML expects indentation by spaces", zh: "此处出现制表符，而 YAML 要求用空格缩进",
                at: span, fixIts: [FixIt(en: "replace the tab with spaces", zh: "把制表符换成空格", replacing: span, with: "  ")])
        default:
            diagnostics.error(YAMLDiagnostics.syntax, YAMLProblemText.localized(error.problem), at: span, notes: notes)
        }
    }
}

private struct TreeBuilder {
    /// A large mapping's keys and where each was first given. A class, so that adding a key never
    /// copies the index along with the frame that holds it (a mapping of n keys stays O(n)).
    private final class KeyIndex {
        var positions: [String: Int] = [:]
    }

    /// An open mapping or sequence; mutated in place on the stack so appends stay O(1).
    private struct Frame {
        var isMapping: Bool
        var start: SourceLocation
        var tag: String?
        var anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        /// Built only for large mappings; small ones are searched directly.
        var keyIndex: KeyIndex?
        /// Set after a duplicate key: its value is read but dropped, so later stages see the first only.
        var dropValue = false
        var weight = 1
    }

    let file: SourceFile
    let limits: YAMLLimits
    let diagnostics: DiagnosticEngine
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    private var expanded = 0
    private var documents = 0
    private(set) var root: YAMLNode?
    private(set) var aborted = false

    init(file: SourceFile, limits: YAMLLimits, diagnostics: DiagnosticEngine) {
        self.file = file
        self.limits = limits
        self.diagnostics = diagnostics
    }

    /// Takes one event; false stops the parse (a limit was crossed).
    mutating func consume(_ event: YAMLEvent) -> Bool {
        switch event.kind {
        case .streamStart, .streamEnd, .documentEnd:
            return true
        case .documentStart:
            documents += 1
            if documents > 1 {
                error(YAMLDiagnostics.multipleDocuments,
                      LocalizedText(en: "file holds more than one YAML document; put each contract in a file of its own",
                                    zh: "文件含有多个 YAML 文档；每份契约应放在单独的文件中"),
                      at: event.start, notes: root.map { [DiagnosticNote(en: "the first document starts here", zh: "第一个文档从这里开始", at: $0.span)] } ?? [])
                return abort()
            }
            return true
        case .mappingStart, .sequenceStart:
            guard stack.count < limits.maxDepth else {
                error(YAMLDiagnostics.tooDeep, LocalizedText(en: "nodes are nested more than \(limits.maxDepth) levels deep", zh: "节点嵌套超过 \(limits.maxDepth) 层"), at: event.start)
                return abort()
            }
            checkTag(event.tag, at: event.start)
            let isMapping = if case .mappingStart = event.kind { true } else { false }
            stack.append(Frame(isMapping: isMapping, start: event.start, tag: event.tag, anchor: event.anchor))
            return true
        case .mappingEnd, .sequenceEnd:
            guard let frame = stack.popLast() else { return true }
            let span = SourceSpan(file: file, start: frame.start, end: event.end)
            let content: YAMLNode.Content = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
            return attach(YAMLNode(content, span: span, tag: frame.tag), weight: frame.weight, anchor: frame.anchor)
        case let .scalar(text, style):
            checkTag(event.tag, at: event.start)
            if text.utf8.count > limits.maxScalarBytes {
                error(YAMLDiagnostics.scalarTooLong,
                      LocalizedText(en: "scalar is \(text.utf8.count) bytes, more than the limit of \(limits.maxScalarBytes)",
                                    zh: "标量长度为 \(text.utf8.count) 字节，超过上限 \(limits.maxScalarBytes) 字节"), at: event.start)
                return abort()
            }
            let tag = event.tag == CoreTag.nonSpecific ? CoreTag.string : event.tag
            let node = YAMLNode(.scalar(YAMLScalar(text: text, style: style)),
                                span: SourceSpan(file: file, start: event.start, end: event.end), tag: tag)
            return attach(node, weight: 1, anchor: event.anchor)
        case let .alias(name):
            guard let (anchored, weight) = anchors[name] else {
                error(YAMLDiagnostics.unknownAlias, LocalizedText(en: "alias '*\(name)' refers to no anchor defined before it", zh: "别名“*\(name)”引用的锚点未在其前面定义"), at: event.start)
                return abort()
            }
            expanded += weight
            guard expanded <= limits.maxAliasExpansion else {
                error(YAMLDiagnostics.aliasExpansion,
                      LocalizedText(en: "aliases expand to more than \(limits.maxAliasExpansion) nodes", zh: "别名展开后超过 \(limits.maxAliasExpansion) 个节点"), at: event.start,
                      notes: [DiagnosticNote(en: "repeated aliases of nested anchors grow exponentially; use fewer levels",
                                             zh: "嵌套锚点的别名反复引用会呈指数增长；请减少层数")])
                return abort()
            }
            // The alias stands where it is written, with the anchored content.
            var node = anchored
            node.span = SourceSpan(file: file, start: event.start, end: event.end)
            return attach(node, weight: weight, anchor: nil)
        }
    }

    private mutating func attach(_ node: YAMLNode, weight: Int, anchor: String?) -> Bool {
        if let anchor { anchors[anchor] = (node, weight) }
        guard !stack.isEmpty else {
            if root == nil { root = node }
            return true
        }
        let top = stack.count - 1
        stack[top].weight += weight
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return true
        }
        if let key = stack[top].pendingKey {
            if !stack[top].dropValue { stack[top].pairs.append(YAMLPair(key: key, value: node)) }
            stack[top].pendingKey = nil
            stack[top].dropValue = false
            return true
        }
        stack[top].pendingKey = node
        if let text = node.scalar?.text, let first = Self.firstKey(text, in: &stack[top]) {
            error(YAMLDiagnostics.duplicateKey, LocalizedText(en: "duplicate key '\(text)' in mapping", zh: "映射中的键“\(text)”重复"), at: node.span.start, end: node.span.end,
                  notes: [DiagnosticNote(en: "'\(text)' was first given here", zh: "“\(text)”第一次出现在这里", at: first)])
            stack[top].dropValue = true
        }
        return true
    }

    /// The span of an earlier key with the same text, if any. Static: a method of the builder
    /// would hold a copy of it, and with it a second reference to the stack, while the frame is
    /// changed in place, which copies the whole stack at every key.
    private static func firstKey(_ text: String, in frame: inout Frame) -> SourceSpan? {
        if frame.pairs.count < 16 {
            return frame.pairs.first { $0.key.scalar?.text == text }?.key.span
        }
        let index = frame.keyIndex ?? {
            let built = KeyIndex()
            for (position, pair) in frame.pairs.enumerated() {
                if let key = pair.key.scalar?.text, built.positions[key] == nil { built.positions[key] = position }
            }
            frame.keyIndex = built
            return built
        }()
        if let position = index.positions[text] { return frame.pairs[position].key.span }
        // Remember this key at the index its pair will take.
        index.positions[text] = frame.pairs.count
        return nil
    }

    private func checkTag(_ tag: String?, at location: SourceLocation) {
        guard let tag, !CoreTag.all.contains(tag) else { return }
        let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
        error(YAMLDiagnostics.unsupportedTag, LocalizedText(en: "tag '\(shown)' is not in the YAML core schema", zh: "标签“\(shown)”不属于 YAML 核心模式"), at: location,
              notes: [DiagnosticNote(en: "allowed tags are !!str, !!int, !!float, !!bool, !!null, !!map and !!seq",
                                     zh: "允许的标签为 !!str、!!int、!!float、!!bool、!!null、!!map 和 !!seq")])
    }

    private func error(_ code: DiagnosticCode, _ text: LocalizedText, at location: SourceLocation, end: SourceLocation? = nil, notes: [DiagnosticNote] = []) {
        diagnostics.error(code, text, at: SourceSpan(file: file, start: location, end: end ?? location), notes: notes)
    }

    private mutating func abort() -> Bool {
        aborted = true
        return false
    }
}
