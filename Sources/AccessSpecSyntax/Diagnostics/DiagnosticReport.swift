import Foundation

/// The JSON form of a run's diagnostics: the same content as the text form, for tools.
public struct DiagnosticReport: Codable, Sendable {
    public struct Position: Codable, Sendable {
        public var file: String
        public var line: Int
        public var column: Int
        public var endLine: Int
        public var endColumn: Int

        init(_ span: SourceSpan) {
            file = span.file.path
            line = span.start.line
            column = span.start.column
            endLine = span.end.line
            endColumn = span.end.column
        }
    }

    public struct Note: Codable, Sendable {
        public var message: String
        public var position: Position?
    }

    public struct Edit: Codable, Sendable {
        public var message: String
        public var position: Position
        public var replacement: String
    }

    public struct Entry: Codable, Sendable {
        public var code: String
        public var severity: Severity
        public var message: String
        public var position: Position?
        public var notes: [Note]
        public var fixIts: [Edit]
    }

    public struct Summary: Codable, Sendable {
        public var errors: Int
        public var warnings: Int
        public var files: Int
    }

    public var diagnostics: [Entry]
    public var summary: Summary

    /// Messages, notes and fix-its in `language`; English unless asked, so tools matching on
    /// messages see the stable English form.
    public init(_ diagnostics: [Diagnostic], files: Int, language: Language = .en) {
        self.diagnostics = diagnostics.map { diagnostic in
            Entry(
                code: diagnostic.code.rawValue,
                severity: diagnostic.severity,
                message: diagnostic.text.text(in: language),
                position: diagnostic.span.map(Position.init),
                notes: diagnostic.notes.map { Note(message: $0.text.text(in: language), position: $0.span.map(Position.init)) },
                fixIts: diagnostic.fixIts.map {
                    Edit(message: $0.text.text(in: language), position: Position($0.span), replacement: $0.replacement)
                }
            )
        }
        summary = Summary(
            errors: diagnostics.count { $0.severity == .error },
            warnings: diagnostics.count { $0.severity == .warning },
            files: files
        )
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
