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
                "file is \(file.bytes.count) bytes, more than the limit of \(limits.maxFileBytes)", at: whole)
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
            diagnostics.error(YAMLDiagnostics.emptyFile, "file holds no YAML document", at: whole)
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
            notes.append(DiagnosticNote(context, at: SourceSpan(file: file, at: location)))
        }
        switch error.stage {
        case .reader where error.problem.contains("control characters"):
            let index = min(max(0, file.bytes.firstIndex(of: 0) ?? -1), file.bytes.count)
            let isNUL = file.bytes.contains(0)
            let location = isNUL ? file.location(ofByteOffset: index) : error.location
            diagnostics.error(
                YAMLDiagnostics.controlCharacter,
                isNUL ? "file contains a NUL byte; is it binary or UTF-16?" : "file contains a control character",
                at: SourceSpan(file: file, at: location))
        case .reader:
            diagnostics.error(
                YAMLDiagnostics.encoding, "file is not valid UTF-8 (\(error.problem))", at: span,
                notes: [DiagnosticNote("contracts must be saved as UTF-8 text")])
        case _ where offending == "\t":
            diagnostics.error(
                YAMLDiagnostics.tabIndentation, "tab character where YAML expects indentation by spaces",
                at: span, fixIts: [FixIt("replace the tab with spaces", replacing: span, with: "  ")])
        default:
            diagnostics.error(YAMLDiagnostics.syntax, error.problem, at: span, notes: notes)
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
                error(YAMLDiagnostics.multipleDocuments, "file holds more than one YAML document; put each contract in a file of its own",
                      at: event.start, notes: root.map { [DiagnosticNote("the first document starts here", at: $0.span)] } ?? [])
                return abort()
            }
            return true
        case .mappingStart, .sequenceStart:
            guard stack.count < limits.maxDepth else {
                error(YAMLDiagnostics.tooDeep, "nodes are nested more than \(limits.maxDepth) levels deep", at: event.start)
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
                error(YAMLDiagnostics.scalarTooLong, "scalar is \(text.utf8.count) bytes, more than the limit of \(limits.maxScalarBytes)", at: event.start)
                return abort()
            }
            let tag = event.tag == CoreTag.nonSpecific ? CoreTag.string : event.tag
            let node = YAMLNode(.scalar(YAMLScalar(text: text, style: style)),
                                span: SourceSpan(file: file, start: event.start, end: event.end), tag: tag)
            return attach(node, weight: 1, anchor: event.anchor)
        case let .alias(name):
            guard let (anchored, weight) = anchors[name] else {
                error(YAMLDiagnostics.unknownAlias, "alias '*\(name)' refers to no anchor defined before it", at: event.start)
                return abort()
            }
            expanded += weight
            guard expanded <= limits.maxAliasExpansion else {
                error(YAMLDiagnostics.aliasExpansion,
                      "aliases expand to more than \(limits.maxAliasExpansion) nodes", at: event.start,
                      notes: [DiagnosticNote("repeated aliases of nested anchors grow exponentially; use fewer levels")])
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
        if let text = node.scalar?.text, let first = firstKey(text, in: &stack[top]) {
            error(YAMLDiagnostics.duplicateKey, "duplicate key '\(text)' in mapping", at: node.span.start, end: node.span.end,
                  notes: [DiagnosticNote("'\(text)' was first given here", at: first)])
            stack[top].dropValue = true
        }
        return true
    }

    /// The span of an earlier key with the same text, if any.
    private func firstKey(_ text: String, in frame: inout Frame) -> SourceSpan? {
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
        error(YAMLDiagnostics.unsupportedTag, "tag '\(shown)' is not in the YAML core schema", at: location,
              notes: [DiagnosticNote("allowed tags are !!str, !!int, !!float, !!bool, !!null, !!map and !!seq")])
    }

    private func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, end: SourceLocation? = nil, notes: [DiagnosticNote] = []) {
        diagnostics.error(code, message, at: SourceSpan(file: file, start: location, end: end ?? location), notes: notes)
    }

    private mutating func abort() -> Bool {
        aborted = true
        return false
    }
}
