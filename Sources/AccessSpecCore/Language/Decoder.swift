import AccessSpecSyntax

/// A mapping being decoded: its values by key, with unknown keys already reported.
struct Fields {
    let node: YAMLNode
    let what: String
    /// Known keys in source order. Language mappings have a handful of keys, so a scan beats hashing.
    private let pairs: [(key: String, pair: YAMLPair)]
    /// Keys that were reported as unknown.
    let unknownKeys: [String]
    /// The known keys those were probably meant as (the nearest of each).
    let probablyMeant: Set<String>

    init(node: YAMLNode, what: String, pairs: [(key: String, pair: YAMLPair)], unknownKeys: [String], probablyMeant: Set<String> = []) {
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
    func fields(_ node: YAMLNode, _ what: String, known: [String]) -> Fields? {
        guard let pairs = entries(node, what) else { return nil }
        var byKey: [(key: String, pair: YAMLPair)] = []
        byKey.reserveCapacity(pairs.count)
        var unknown: [String] = []
        var meant: Set<String> = []
        for (key, pair) in pairs {
            if known.contains(key.value) {
                byKey.append((key.value, pair))
            } else {
                if let nearest = unknownKey(key, in: what, known: known) { meant.insert(nearest) }
                unknown.append(key.value)
            }
        }
        return Fields(node: node, what: what, pairs: byKey, unknownKeys: unknown, probablyMeant: meant)
    }

    /// A mapping with free keys (types, errors, environments), in source order.
    func entries(_ node: YAMLNode, _ what: String) -> [(Located<String>, YAMLPair)]? {
        guard case .mapping(let pairs) = node.content else {
            if node.scalar?.resolved(tag: node.tag) == .null { return [] }
            wrongKind(node, expected: "a mapping", for: what)
            return nil
        }
        var result: [(Located<String>, YAMLPair)] = []
        result.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let key = pair.key.scalar else {
                diagnostics.error(LanguageDiagnostics.wrongKind, "keys in \(what) must be plain text, not \(pair.key.kindName)", at: pair.key.span)
                continue
            }
            result.append((Located(key.text, pair.key.span), pair))
        }
        return result
    }

    func list(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        switch node.content {
        case .sequence(let items): return items
        case .scalar(let scalar) where scalar.resolved(tag: node.tag) == .null: return []
        default:
            wrongKind(node, expected: "a list", for: what)
            return nil
        }
    }

    func required(_ fields: Fields, _ key: String) -> YAMLNode? {
        if let value = fields[key] { return value }
        // `nmae:` was reported as an unknown key with `name` as its fix; not also as missing.
        if fields.probablyMeant.contains(key) { return nil }
        let start = SourceSpan(file: fields.node.span.file, at: fields.node.span.start)
        diagnostics.error(LanguageDiagnostics.missingKey, "\(fields.what) is missing required key '\(key)'", at: start)
        return nil
    }

    // MARK: Scalars

    func string(_ node: YAMLNode, _ what: String) -> Located<String>? {
        guard let scalar = node.scalar else {
            wrongKind(node, expected: "text", for: what)
            return nil
        }
        if scalar.resolved(tag: node.tag) == .null {
            diagnostics.error(LanguageDiagnostics.wrongKind, "\(what) is empty; expected text", at: node.span)
            return nil
        }
        return Located(scalar.text, node.span)
    }

    func integer(_ node: YAMLNode, _ what: String) -> Located<Int>? {
        guard let scalar = node.scalar, case .integer(let value) = scalar.resolved(tag: node.tag) else {
            wrongKind(node, expected: "an integer", for: what)
            return nil
        }
        return Located(value, node.span)
    }

    func number(_ node: YAMLNode, _ what: String) -> Located<Double>? {
        switch node.scalar?.resolved(tag: node.tag) {
        case .integer(let value): return Located(Double(value), node.span)
        case .float(let value) where value.isFinite: return Located(value, node.span)
        default:
            wrongKind(node, expected: "a number", for: what)
            return nil
        }
    }

    func bool(_ node: YAMLNode, _ what: String) -> Located<Bool>? {
        guard let scalar = node.scalar, case .bool(let value) = scalar.resolved(tag: node.tag) else {
            wrongKind(node, expected: "true or false", for: what)
            return nil
        }
        return Located(value, node.span)
    }

    func choice<T: RawRepresentable & CaseIterable & Sendable>(_ node: YAMLNode, _ what: String, _: T.Type = T.self) -> Located<T>?
    where T.RawValue == String {
        guard let text = string(node, what) else { return nil }
        if let value = T(rawValue: text.value) { return Located(value, node.span) }
        let allowed = T.allCases.map(\.rawValue)
        var fixIts: [FixIt] = []
        if let nearest = Suggestions.nearest(to: text.value, in: allowed) {
            fixIts.append(FixIt("did you mean '\(nearest)'?", replacing: node.span, with: nearest))
        }
        diagnostics.error(
            LanguageDiagnostics.notAChoice,
            "'\(text.value)' is not a valid \(what); expected one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))",
            at: node.span, fixIts: fixIts)
        return nil
    }

    func strings(_ node: YAMLNode, _ what: String) -> [Located<String>] {
        (list(node, what) ?? []).compactMap { string($0, what) }
    }

    func choices<T: RawRepresentable & CaseIterable & Sendable>(_ node: YAMLNode, _ what: String, _: T.Type = T.self) -> [T]
    where T.RawValue == String {
        var seen: [T] = []
        for item in list(node, what) ?? [] {
            guard let value = choice(item, what, T.self) else { continue }
            if seen.contains(where: { $0.rawValue == value.value.rawValue }) {
                diagnostics.error(LanguageDiagnostics.badValue, "'\(value.value.rawValue)' is listed twice in \(what)", at: item.span)
            } else {
                seen.append(value.value)
            }
        }
        return seen
    }

    // MARK: Names and formats

    func name(_ node: YAMLNode, _ what: String, _ form: NameForm) -> Located<String>? {
        guard let text = string(node, what) else { return nil }
        return checkName(text, what, form) ? text : nil
    }

    func checkName(_ text: Located<String>, _ what: String, _ form: NameForm) -> Bool {
        guard form.matches(text.value) else {
            diagnostics.error(LanguageDiagnostics.badName, "\(what) '\(text.value)' must be \(form.explanation)", at: text.span,
                              fixIts: form.suggestion(for: text.value).map { [FixIt("rename to '\($0)'", replacing: text.span, with: $0)] } ?? [])
            return false
        }
        return true
    }

    func url(_ node: YAMLNode, _ what: String) -> Located<String>? {
        guard let text = string(node, what) else { return nil }
        if let problem = ValueFormat.url.problem(with: text.value) {
            diagnostics.error(LanguageDiagnostics.badValue, "\(what): \(problem)", at: node.span)
            return nil
        }
        return text
    }

    func path(_ node: YAMLNode, _ what: String) -> Located<String>? {
        guard let text = string(node, what) else { return nil }
        // RFC 3986 path characters (pchar and '/'), plus braces around parameters.
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@%/{}")
        guard text.value.hasPrefix("/"), text.value.allSatisfy({ allowed.contains($0) }) else {
            diagnostics.error(LanguageDiagnostics.badValue, "\(what) '\(text.value)' must start with '/', use only URL path characters (percent-encode others), and write parameters as {name}", at: node.span)
            return nil
        }
        do {
            let template = try PathTemplate(text.value)
            if let bad = template.parameters.first(where: { !NameForm.fieldName.matches($0) }) {
                diagnostics.error(LanguageDiagnostics.badValue, "\(what) '\(text.value)': parameter '{\(bad)}' must be a field name", at: node.span)
                return nil
            }
        } catch {
            diagnostics.error(LanguageDiagnostics.badValue, "\(what) '\(text.value)': \(error)", at: node.span)
            return nil
        }
        return text
    }

    /// An HTTP header name: an RFC 9110 token.
    func headerName(_ node: YAMLNode, _ what: String) -> Located<String>? {
        guard let text = string(node, what) else { return nil }
        let token = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~")
        guard !text.value.isEmpty, text.value.allSatisfy({ token.contains($0) }) else {
            diagnostics.error(LanguageDiagnostics.badValue, "\(what) '\(text.value)' is not an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)", at: node.span)
            return nil
        }
        return text
    }

    /// A value in a domain format, checked with its check character where it has one.
    func formatted(_ node: YAMLNode, _ what: String, check: (String) -> String?) -> Located<String>? {
        guard let text = string(node, what) else { return nil }
        if let problem = check(text.value) {
            diagnostics.error(LanguageDiagnostics.badValue, "\(what) '\(text.value)' is invalid: \(problem)", at: node.span)
            return nil
        }
        return text
    }

    func secret(_ node: YAMLNode, _ what: String) -> Located<String>? {
        guard let text = string(node, what) else { return nil }
        guard SecretReference.isReference(text.value) else {
            diagnostics.error(LanguageDiagnostics.literalSecret, "\(what) must be a reference such as '${env:NAME}', not the secret itself", at: node.span,
                              notes: [DiagnosticNote("anything written in a contract is committed and published; treat this secret as leaked and rotate it")],
                              fixIts: [FixIt("reference an environment variable", replacing: node.span, with: "${env:APP_SECRET}")])
            return nil
        }
        return text
    }

    // MARK: Reporting

    func wrongKind(_ node: YAMLNode, expected: String, for what: String) {
        diagnostics.error(LanguageDiagnostics.wrongKind, "expected \(expected) for \(what), found \(node.kindName)", at: node.span)
    }

    /// Reports the key and returns the known key it was probably meant as.
    @discardableResult
    private func unknownKey(_ key: Located<String>, in what: String, known: [String]) -> String? {
        let nearest = Suggestions.nearest(to: key.value, in: known)
        let fixIts = nearest.map { [FixIt("did you mean '\($0)'?", replacing: key.span, with: $0)] } ?? []
        diagnostics.error(LanguageDiagnostics.unknownKey, "unknown key '\(key.value)' in \(what)", at: key.span,
                          notes: fixIts.isEmpty ? [DiagnosticNote("known keys: \(known.joined(separator: ", "))")] : [],
                          fixIts: fixIts)
        return nearest
    }
}

/// The forms names must take, so they become safe identifiers and file names downstream.
public enum NameForm: Sendable {
    case id, typeName, errorName, fieldName

    public func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, scalars.count <= 64 else { return false }
        let lower: ClosedRange<Unicode.Scalar> = "a"..."z", upper: ClosedRange<Unicode.Scalar> = "A"..."Z", digit: ClosedRange<Unicode.Scalar> = "0"..."9"
        let rest = scalars.dropFirst()
        switch self {
        case .id:
            return lower.contains(first) && rest.allSatisfy { lower.contains($0) || upper.contains($0) || digit.contains($0) || $0 == "-" }
                && !text.hasSuffix("-") && !text.contains("--")
        case .typeName:
            return upper.contains(first) && rest.allSatisfy { lower.contains($0) || upper.contains($0) || digit.contains($0) }
        case .errorName:
            return upper.contains(first) && rest.allSatisfy { upper.contains($0) || digit.contains($0) || $0 == "_" }
        case .fieldName:
            return (lower.contains(first) || upper.contains(first) || first == "_")
                && rest.allSatisfy { lower.contains($0) || upper.contains($0) || digit.contains($0) || $0 == "_" }
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

    public var explanation: String {
        switch self {
        case .id: "a lower-case letter followed by letters, digits and single dashes (^[a-z][a-zA-Z0-9-]*$)"
        case .typeName: "UpperCamelCase letters and digits (^[A-Z][A-Za-z0-9]*$)"
        case .errorName: "UPPER_SNAKE_CASE (^[A-Z][A-Z0-9_]*$)"
        case .fieldName: "letters, digits and underscores, not starting with a digit"
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
