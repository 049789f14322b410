import Foundation

/// Renders diagnostics the way swiftc and rustc do:
///
///     specs/a.yaml:3:1: error[L001]: unknown key 'identiy' in the contract
///      3 | identiy:
///        | ^~~~~~~
///       = help: did you mean 'identity'?
///        |
///      3 | identity:
///        | ~~~~~~~~
///
/// Text is for people (colour only when asked for); JSON carries the same content for tools.
/// Rendering is linear in the diagnostics: each file's line starts are found once per run.
public struct DiagnosticRenderer: Sendable {
    public var colour: Bool
    /// The language of the words around the messages and of the messages, notes and fix-its.
    public var language: Language

    public init(colour: Bool = false, language: Language = .en) {
        self.colour = colour
        self.language = language
    }

    /// Renders at most `limit` diagnostics (0 for all) and says how many more there are; the
    /// closing summary line is separate and always counts everything.
    public func render(_ diagnostics: [Diagnostic], limit: Int = 0) -> String {
        var lines = LineIndex()
        var out = ""
        let shown = limit > 0 ? diagnostics.prefix(limit) : diagnostics[...]
        for diagnostic in shown {
            render(diagnostic, into: &out, lines: &lines)
        }
        let hidden = diagnostics.dropFirst(shown.count)
        if !hidden.isEmpty {
            out += omitted(errors: hidden.count { $0.severity == .error }, others: hidden.count { $0.severity != .error }, limit: limit)
        }
        return out
    }

    private func render(_ diagnostic: Diagnostic, into out: inout String, lines: inout LineIndex) {
        let label = "\(Words.severity(diagnostic.severity, language))[\(diagnostic.code.rawValue)]"
        let message = TerminalText.escaped(diagnostic.text.text(in: language))
        out += header(at: diagnostic.span, label: paint(label, diagnostic.severity), message: message)
        if let span = diagnostic.span { out += excerpt(span, severity: diagnostic.severity, lines: &lines) }
        for note in diagnostic.notes {
            if let span = note.span {
                out += header(at: span, label: paint(Words.severity(.note, language), .note), message: TerminalText.escaped(note.text.text(in: language)))
                out += excerpt(span, severity: .note, lines: &lines)
            } else {
                out += "   = \(Words.severity(.note, language)): \(TerminalText.escaped(note.text.text(in: language)))\n"
            }
        }
        for fixIt in diagnostic.fixIts {
            out += "   = \(Words.help(language)): \(TerminalText.escaped(fixIt.text.text(in: language)))\n"
            out += suggestion(fixIt, lines: &lines)
        }
    }

    /// A command's own failure, not tied to a file: `accessc: error: text`.
    public func failure(_ text: LocalizedText) -> String {
        "accessc: \(paint(Words.severity(.error, language), .error)): \(TerminalText.escaped(text.text(in: language)))\n"
    }

    /// The closing line: how much was found in how many files.
    public func summary(errors: Int, warnings: Int, files: Int) -> String {
        "accessc: " + Words.summary(errors: errors, warnings: warnings, files: files, language) + "\n"
    }

    private func omitted(errors: Int, others: Int, limit: Int) -> String {
        "accessc: " + Words.omitted(errors: errors, others: others, limit: limit, language) + "\n"
    }

    private func header(at span: SourceSpan?, label: String, message: String) -> String {
        guard let span else { return "accessc: \(label): \(message)\n" }
        let place = "\(TerminalText.escaped(span.file.path)):\(span.start.line):\(span.start.column)"
        return "\(bold(place)): \(label): \(bold(message))\n"
    }

    private func excerpt(_ span: SourceSpan, severity: Severity, lines: inout LineIndex) -> String {
        guard let line = lines.text(of: span.file, line: span.start.line) else { return "" }
        let scalars = Array(line.unicodeScalars)
        let startIndex = min(max(span.start.column - 1, 0), scalars.count)
        let endIndex = span.end.line == span.start.line
            ? min(max(span.end.column - 1, startIndex + 1), max(scalars.count, startIndex + 1))
            : max(scalars.count, startIndex + 1)
        let window = Window(scalars.count, marking: startIndex, min(endIndex, scalars.count))
        let lead = window.leadWidth + TerminalText.width(scalars[window.range.lowerBound..<startIndex])
        let marked = startIndex < scalars.count ? TerminalText.width(scalars[startIndex..<min(endIndex, window.range.upperBound)]) : 1
        let number = String(span.start.line)
        let gutter = String(repeating: " ", count: number.count)
        let underline = "^" + String(repeating: "~", count: max(marked, 1) - 1)
        return " \(number) | \(window.shown(scalars))\n \(gutter) | \(String(repeating: " ", count: lead))\(paint(underline, severity))\n"
    }

    /// The part of a long line an excerpt shows: the marked text and some context either side,
    /// with `…` where the line was cut, so a minified 10 MB line prints a few hundred columns.
    struct Window {
        static let context = 80
        let range: Range<Int>
        let cutsStart: Bool
        let cutsEnd: Bool

        init(_ count: Int, marking start: Int, _ end: Int) {
            let lower = start > Self.context * 2 ? start - Self.context : 0
            let upper = count - max(end, start) > Self.context * 2 ? max(end, start) + Self.context : count
            range = lower..<max(lower, min(upper, count))
            cutsStart = lower > 0
            cutsEnd = upper < count
        }

        var leadWidth: Int { cutsStart ? 1 : 0 }

        func shown(_ scalars: [Unicode.Scalar]) -> String {
            (cutsStart ? "…" : "") + TerminalText.shown(scalars[range]) + (cutsEnd ? "…" : "")
        }
    }

    /// The line as the fix would leave it, the replacement marked (`~` where text is replaced,
    /// `+` where it is only inserted); a replacement that adds lines shows them as `N + line`.
    private func suggestion(_ fixIt: FixIt, lines: inout LineIndex) -> String {
        let span = fixIt.span
        guard span.start.line == span.end.line, let line = lines.text(of: span.file, line: span.start.line) else { return "" }
        let scalars = Array(line.unicodeScalars)
        let start = min(max(span.start.column - 1, 0), scalars.count)
        let end = min(max(span.end.column - 1, start), scalars.count)
        let replacement = Array(fixIt.replacement.unicodeScalars)
        let number = String(span.start.line)
        let gutter = String(repeating: " ", count: number.count)
        var out = " \(gutter) |\n"
        if replacement.contains("\n") {
            // Lines holding text of the replacement are added (+); a last line left as it was is not.
            let edited = Array(scalars[..<start] + replacement + scalars[end...])
            let newLines = edited.split(separator: "\n", omittingEmptySubsequences: false)
            let lastIsOriginal = replacement.last == "\n"
            for (offset, newLine) in newLines.enumerated() {
                let lineNumber = String(span.start.line + offset)
                let shownNumber = String(repeating: " ", count: max(number.count - lineNumber.count, 0)) + lineNumber
                let added = offset < newLines.count - 1 || !lastIsOriginal
                out += " \(shownNumber) \(added ? paint("+", .note) : "|") \(TerminalText.shown(newLine[...]))\n"
            }
            return out
        }
        let edited = Array(scalars[..<start] + replacement + scalars[end...])
        let window = Window(edited.count, marking: start, start + replacement.count)
        let lead = window.leadWidth + TerminalText.width(edited[window.range.lowerBound..<start])
        let mark = end > start ? "~" : "+"
        let marker = String(repeating: mark, count: max(TerminalText.width(replacement[...]), 1))
        out += " \(number) | \(window.shown(edited))\n"
        out += " \(gutter) | \(String(repeating: " ", count: lead))\(paint(marker, .note))\n"
        return out
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

/// Each file's line table, built once per rendering, so that showing thousands of excerpts
/// never rescans a file from its start.
struct LineIndex {
    private var tables: [ObjectIdentifier: LineTable] = [:]

    /// The text of a 1-based line without its line break (LF or CRLF), decoded leniently.
    mutating func text(of file: SourceFile, line: Int) -> String? {
        let table = tables[ObjectIdentifier(file)] ?? LineTable(file.bytes)
        tables[ObjectIdentifier(file)] = table
        return table.text(ofLine: line)
    }
}

/// Text from a contract on its way to a terminal: control characters, terminal escapes and
/// bidirectional overrides are shown escaped (`\u{1B}`), never passed through.
enum TerminalText {
    static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        // C0 and C1 controls, DEL; the Arabic letter mark, zero-width characters, the bidi marks,
        // line and paragraph separators, embeddings, overrides and isolates; the BOM.
        case 0x00...0x08, 0x0A...0x1F, 0x7F...0x9F, 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF: true
        default: false
        }
    }

    /// A source line as shown: each tab as one space (so carets stay aligned), escapes escaped.
    static func shown(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar == "\t" {
                out.append(" ")
            } else if mustEscape(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A message, note or path: the same escaping, tabs kept.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: mustEscape) else { return text }
        return text.unicodeScalars.map { mustEscape($0) ? escape($0) : String($0) }.joined()
    }

    static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// Columns the scalars take in a terminal as `shown` prints them.
    static func width(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        scalars.reduce(0) { $0 + (mustEscape($1) ? escape($1).count : displayWidth($1)) }
    }

    /// Columns a character takes in a terminal: CJK and emoji take two, combining marks and
    /// emoji modifiers none.
    static func displayWidth(_ scalar: Unicode.Scalar) -> Int {
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { return 0 }
        if scalar.properties.isEmojiModifier || scalar.properties.isVariationSelector { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            2
        default:
            1
        }
    }
}

/// The few words the renderer itself prints, in each language (the language server's too).
public enum Words {
    public static func severity(_ severity: Severity, _ language: Language) -> String {
        switch (severity, language) {
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        case (.note, .en): "note"
        case (.error, .zh): "错误"
        case (.warning, .zh): "警告"
        case (.note, .zh): "注"
        }
    }

    public static func help(_ language: Language) -> String { language == .zh ? "建议" : "help" }

    static func summary(errors: Int, warnings: Int, files: Int, _ language: Language) -> String {
        switch language {
        case .zh:
            errors == 0 && warnings == 0 ? "\(files) 个文件中没有问题" : "\(files) 个文件中有 \(errors) 个错误、\(warnings) 个警告"
        case .en:
            errors == 0 && warnings == 0
                ? "no problems in \(plural(files, "file"))"
                : "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(files, "file"))"
        }
    }

    static func omitted(errors: Int, others: Int, limit: Int, _ language: Language) -> String {
        switch language {
        case .zh:
            "另有 \(errors) 个错误和 \(others) 个其他问题未显示（只显示前 \(limit) 个；--max-errors 0 显示全部）"
        case .en:
            "and \(plural(errors, "more error")) and \(others) other \(others == 1 ? "problem" : "problems") not shown (the first \(limit) were; --max-errors 0 shows all)"
        }
    }

    private static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
