import Foundation

/// Renders diagnostics the way swiftc and rustc do:
///
///     specs/a.yaml:3:1: error[L001]: unknown key 'identiy' in a platform contract
///       3 | identiy:
///         | ^~~~~~~
///         = help: did you mean 'identity'?
///
/// Text is for people (colour only when asked for); JSON carries the same content for tools.
public struct DiagnosticRenderer: Sendable {
    public var colour: Bool

    public init(colour: Bool = false) {
        self.colour = colour
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            render(diagnostic, into: &out)
        }
        return out
    }

    public func render(_ diagnostic: Diagnostic, into out: inout String) {
        let label = "\(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)]"
        out += header(at: diagnostic.span, label: paint(label, diagnostic.severity), message: diagnostic.message)
        if let span = diagnostic.span { out += excerpt(span, severity: diagnostic.severity) }
        for note in diagnostic.notes {
            if let span = note.span {
                out += header(at: span, label: paint("note", .note), message: note.message)
                out += excerpt(span, severity: .note)
            } else {
                out += "   = note: \(note.message)\n"
            }
        }
        for fixIt in diagnostic.fixIts {
            out += "   = help: \(fixIt.message)\n"
        }
    }

    /// The closing line: how much was found in how many files.
    public func summary(errors: Int, warnings: Int, files: Int) -> String {
        let fileWord = files == 1 ? "file" : "files"
        if errors == 0 && warnings == 0 { return "accessc: no problems in \(files) \(fileWord)\n" }
        let errorWord = errors == 1 ? "error" : "errors"
        let warningWord = warnings == 1 ? "warning" : "warnings"
        return "accessc: \(errors) \(errorWord), \(warnings) \(warningWord) in \(files) \(fileWord)\n"
    }

    private func header(at span: SourceSpan?, label: String, message: String) -> String {
        guard let span else { return "accessc: \(label): \(message)\n" }
        let place = "\(span.file.path):\(span.start.line):\(span.start.column)"
        return "\(bold(place)): \(label): \(bold(message))\n"
    }

    private func excerpt(_ span: SourceSpan, severity: Severity) -> String {
        guard let rawLine = span.file.lineText(span.start.line) else { return "" }
        // Tabs would break the caret's alignment; show each as one space.
        let line = String(rawLine.unicodeScalars.map { $0 == "\t" ? " " : Character($0) })
        let scalars = Array(line.unicodeScalars)
        let startIndex = min(max(span.start.column - 1, 0), scalars.count)
        let endIndex = span.end.line == span.start.line
            ? min(max(span.end.column - 1, startIndex + 1), max(scalars.count, startIndex + 1))
            : max(scalars.count, startIndex + 1)
        let lead = scalars[..<startIndex].reduce(0) { $0 + Self.displayWidth($1) }
        let marked = startIndex < scalars.count
            ? scalars[startIndex..<min(endIndex, scalars.count)].reduce(0) { $0 + Self.displayWidth($1) }
            : 1
        let number = String(span.start.line)
        let gutter = String(repeating: " ", count: number.count)
        let underline = "^" + String(repeating: "~", count: max(marked, 1) - 1)
        return " \(number) | \(line)\n \(gutter) | \(String(repeating: " ", count: lead))\(paint(underline, severity))\n"
    }

    /// Columns a character takes in a terminal: CJK and emoji take two.
    static func displayWidth(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            2
        default:
            1
        }
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard colour else { return text }
        let code = switch severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;33m"
        case .note: "\u{1B}[1;36m"
        }
        return code + text + "\u{1B}[0m"
    }

    private func bold(_ text: String) -> String {
        colour ? "\u{1B}[1m" + text + "\u{1B}[0m" : text
    }
}

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

    public init(_ diagnostics: [Diagnostic], files: Int) {
        self.diagnostics = diagnostics.map { diagnostic in
            Entry(
                code: diagnostic.code.rawValue,
                severity: diagnostic.severity,
                message: diagnostic.message,
                position: diagnostic.span.map(Position.init),
                notes: diagnostic.notes.map { Note(message: $0.message, position: $0.span.map(Position.init)) },
                fixIts: diagnostic.fixIts.map {
                    Edit(message: $0.message, position: Position($0.span), replacement: $0.replacement)
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
