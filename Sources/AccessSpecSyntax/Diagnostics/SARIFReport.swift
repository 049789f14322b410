import Foundation

/// Diagnostics as SARIF 2.1.0 (the OASIS Static Analysis Results Interchange Format), for
/// code-scanning tools: one run, a rule per code with its help and default level, and a
/// result per diagnostic. The one SARIF writer; `accessc check` and `accessc diff` both use it.
public struct SARIFReport: Sendable {
    public struct Rule: Sendable {
        public var code: DiagnosticCode
        public var summary: String
        public var help: String
        public var defaultSeverity: Severity
        /// Extra properties shown by tools that read them (a diff kind's category).
        public var properties: [String: String]

        public init(code: DiagnosticCode, summary: String, help: String, defaultSeverity: Severity, properties: [String: String] = [:]) {
            self.code = code
            self.summary = summary
            self.help = help
            self.defaultSeverity = defaultSeverity
            self.properties = properties
        }
    }

    public struct Result: Sendable {
        public var diagnostic: Diagnostic
        /// Set when a reviewer accepted the result; it is then reported as suppressed.
        public var suppression: String?
        public var properties: [String: String]

        public init(_ diagnostic: Diagnostic, suppression: String? = nil, properties: [String: String] = [:]) {
            self.diagnostic = diagnostic
            self.suppression = suppression
            self.properties = properties
        }
    }

    public var toolVersion: String
    public var rules: [Rule]
    public var results: [Result]
    /// The language of the results' messages; English unless asked.
    public var language: Language

    public init(toolVersion: String, rules: [Rule], results: [Result], language: Language = .en) {
        self.toolVersion = toolVersion
        self.rules = rules
        self.results = results
        self.language = language
    }

    public static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    public func json() -> String {
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let log: [String: Any] = [
            "$schema": Self.schema,
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": [
                    "name": "accessc",
                    "version": toolVersion,
                    "rules": rules.map(Self.rule),
                ] as [String: Any]],
                "columnKind": "unicodeCodePoints",
                "results": results.map { Self.result($0, index: ruleIndex[$0.diagnostic.code], language: language) },
            ] as [String: Any]],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    static func rule(_ rule: Rule) -> [String: Any] {
        var object: [String: Any] = [
            "id": rule.code.rawValue,
            "shortDescription": ["text": rule.summary],
            "fullDescription": ["text": rule.help],
            "help": ["text": rule.help + "\nRun `accessc explain \(rule.code.rawValue)` for more."],
            "defaultConfiguration": ["level": level(rule.defaultSeverity)],
        ]
        if !rule.properties.isEmpty { object["properties"] = rule.properties }
        return object
    }

    static func location(_ span: SourceSpan, message: String? = nil) -> [String: Any] {
        var region: [String: Any] = ["startLine": span.start.line, "startColumn": span.start.column]
        if span.end >= span.start { region["endLine"] = span.end.line; region["endColumn"] = max(span.end.column, 1) }
        var location: [String: Any] = ["physicalLocation": ["artifactLocation": ["uri": uri(span.file.path)], "region": region] as [String: Any]]
        if let message { location["message"] = ["text": message] }
        return location
    }

    /// A relative path as a URI reference: `/` separators, each segment percent-encoded.
    static func uri(_ path: String) -> String {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: ":"))
        let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return relative.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }.joined(separator: "/")
    }

    static func result(_ result: Result, index: Int?, language: Language) -> [String: Any] {
        let diagnostic = result.diagnostic
        var text = diagnostic.text.text(in: language)
        for note in diagnostic.notes where note.span == nil { text += "\n" + note.text.text(in: language) }
        var object: [String: Any] = [
            "ruleId": diagnostic.code.rawValue,
            "level": level(diagnostic.severity),
            "message": ["text": text],
            "locations": diagnostic.span.map { [location($0)] } ?? [],
        ]
        if let index { object["ruleIndex"] = index }
        let related = diagnostic.notes.compactMap { note in note.span.map { location($0, message: note.text.text(in: language)) } }
        if !related.isEmpty {
            object["relatedLocations"] = related.enumerated().map { index, location in location.merging(["id": index]) { a, _ in a } }
        }
        if let suppression = result.suppression { object["suppressions"] = [["kind": "external", "justification": suppression]] }
        if !result.properties.isEmpty { object["properties"] = result.properties }
        return object
    }
}
