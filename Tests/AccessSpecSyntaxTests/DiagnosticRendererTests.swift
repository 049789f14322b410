@testable import AccessSpecSyntax
import Foundation
import Testing

struct DiagnosticRendererTests {
    let file = SourceFile(path: "specs/a.yaml", text: "accessSpec: 1\nname: 山东省 ident: x\n")

    @Test func caretSitsUnderWideCharactersCorrectly() {
        let span = SourceSpan(file: file, start: SourceLocation(line: 2, column: 11), end: SourceLocation(line: 2, column: 16))
        let text = DiagnosticRenderer().render([Diagnostic(.error, "L001", "unknown key 'ident'", at: span,
                                                           fixIts: [FixIt("did you mean 'identity'?", replacing: span, with: "identity")])])
        #expect(text == """
            specs/a.yaml:2:11: error[L001]: unknown key 'ident'
             2 | name: 山东省 ident: x
               |              ^~~~~
               = help: did you mean 'identity'?
               |
             2 | name: 山东省 identity: x
               |              ~~~~~~~~

            """)
    }

    @Test func notesWithPositionsShowTheirOwnSourceLine() {
        let first = SourceSpan(file: file, at: SourceLocation(line: 1, column: 1))
        let second = SourceSpan(file: file, at: SourceLocation(line: 2, column: 1))
        let text = DiagnosticRenderer().render([Diagnostic(.error, "Y005", "duplicate key", at: second, notes: [DiagnosticNote("first here", at: first), DiagnosticNote("plain note")])])
        #expect(text.contains("specs/a.yaml:1:1: note: first here\n 1 | accessSpec: 1\n   | ^\n"))
        #expect(text.contains("   = note: plain note\n"))
    }

    @Test func colourOnlyWhenAsked() {
        let span = SourceSpan(file: file, at: SourceLocation(line: 1, column: 1))
        let diagnostic = Diagnostic(.warning, "OPS002", "low", at: span)
        #expect(!DiagnosticRenderer(colour: false).render([diagnostic]).contains("\u{1B}["))
        #expect(DiagnosticRenderer(colour: true).render([diagnostic]).contains("\u{1B}[1;33m"))
    }

    @Test func jsonCarriesTheSameContent() throws {
        let span = SourceSpan(file: file, start: SourceLocation(line: 2, column: 11), end: SourceLocation(line: 2, column: 16))
        let report = DiagnosticReport([Diagnostic(.error, "L001", "unknown key", at: span, fixIts: [FixIt("rename", replacing: span, with: "identity")])], files: 3)
        let object = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as! [String: Any]
        let entry = (object["diagnostics"] as! [[String: Any]])[0]
        #expect(entry["code"] as? String == "L001")
        #expect((entry["position"] as! [String: Any])["line"] as? Int == 2)
        #expect(((entry["fixIts"] as! [[String: Any]])[0])["replacement"] as? String == "identity")
        #expect((object["summary"] as! [String: Any])["files"] as? Int == 3)
    }

    @Test func summaryCountsErrorsWarningsAndFiles() {
        #expect(DiagnosticRenderer().summary(errors: 0, warnings: 0, files: 1) == "accessc: no problems in 1 file\n")
        #expect(DiagnosticRenderer().summary(errors: 2, warnings: 1, files: 7) == "accessc: 2 errors, 1 warning in 7 files\n")
    }

    @Test func anInsertionIsMarkedWithPlusAndAddedLinesAreShownAsAdded() {
        let file = SourceFile(path: "a.yaml", text: "types:\n  A: {fields: {}}\n")
        let start = SourceSpan(file: file, at: SourceLocation(line: 1, column: 1))
        let text = DiagnosticRenderer().render([Diagnostic(.error, "L005", "no version", at: start,
                                                           fixIts: [FixIt("insert it", replacing: start, with: "accessSpec: 1\n")])])
        #expect(text.hasSuffix("""
               = help: insert it
               |
             1 + accessSpec: 1
             2 | types:

            """))
        let end = SourceSpan(file: file, at: SourceLocation(line: 2, column: 6))
        let inserted = DiagnosticRenderer().render([Diagnostic(.error, "L001", "x", at: end, fixIts: [FixIt("add", replacing: end, with: "Big")])])
        #expect(inserted.hasSuffix(" 2 |   A: Big{fields: {}}\n   |      +++\n"), "\(inserted)")
    }

    /// Bytes from a contract never reach the terminal as control sequences.
    @Test func controlCharactersAndTerminalEscapesAreShownEscaped() {
        let file = SourceFile(path: "evil\u{1B}]0;title\u{07}.yaml", text: "key\u{1B}[2J: \u{202E}x\u{9B}\n")
        let span = SourceSpan(file: file, start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 6))
        let text = DiagnosticRenderer().render([Diagnostic(.error, "L001", "unknown key 'key\u{1B}[2J'", at: span,
                                                           notes: [DiagnosticNote("note \u{1B}[31m")],
                                                           fixIts: [FixIt("rename \u{1B}", replacing: span, with: "k\u{1B}y")])])
        let forbidden = text.unicodeScalars.filter { $0 != "\n" && (TerminalText.mustEscape($0)) }
        #expect(forbidden.isEmpty, "raw control characters in: \(text.debugDescription)")
        #expect(text.contains("unknown key 'key\\u{1B}[2J'"))
        #expect(text.contains(" 1 | key\\u{1B}[2J: \\u{202E}x\\u{9B}\n"))
        // The caret covers the escape as printed: `key\u{1B}[` is 10 columns.
        #expect(text.contains("\n   | ^~~~~~~~~~\n"))
    }

    @Test func aByteOrderMarkIsNotShownAndCRLFLinesLoseTheirCarriageReturn() {
        let file = SourceFile(path: "a.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: 2\r\n".utf8))
        let first = DiagnosticRenderer().render([Diagnostic(.error, "L001", "x", at: SourceSpan(file: file, at: SourceLocation(line: 1, column: 1)))])
        let second = DiagnosticRenderer().render([Diagnostic(.error, "L001", "x", at: SourceSpan(file: file, at: SourceLocation(line: 2, column: 1)))])
        #expect(first.contains(" 1 | a: 1\n"))
        #expect(second.contains(" 2 | b: 2\n"))
        #expect(file.location(ofByteOffset: 4) == SourceLocation(line: 1, column: 2))
    }

    @Test func aLimitStopsAfterThatManyErrorsAndSaysHowManyMore() {
        let span = SourceSpan(file: file, at: SourceLocation(line: 1, column: 1))
        let diagnostics = (0..<5).map { Diagnostic(.error, "L001", "e\($0)", at: span) } + [Diagnostic(.warning, "OPS002", "w", at: span)]
        let text = DiagnosticRenderer().render(diagnostics, limit: 2)
        #expect(text.components(separatedBy: "error[L001]").count - 1 == 2)
        #expect(text.hasSuffix("accessc: and 3 more errors and 1 other problem not shown (the first 2 were; --max-errors 0 shows all)\n"))
        #expect(!DiagnosticRenderer().render(diagnostics, limit: 0).contains("not shown"))
        #expect(!DiagnosticRenderer().render(diagnostics, limit: 6).contains("not shown"))
    }

    @Test func chineseLabelsAndTheCodesSummaryComeFirst() {
        let span = SourceSpan(file: file, at: SourceLocation(line: 1, column: 1))
        let renderer = DiagnosticRenderer(language: .zh)
        let diagnostic = Diagnostic(.error, "L001", en: "unknown key 'x'", zh: "未知的键“x”", at: span,
                                    notes: [DiagnosticNote(en: "known keys: y", zh: "已知的键：y")],
                                    fixIts: [FixIt(en: "did you mean 'y'?", zh: "是否应为“y”？", replacing: span, with: "y")])
        let text = renderer.render([diagnostic])
        #expect(text.hasPrefix("specs/a.yaml:1:1: 错误[L001]: 未知的键“x”\n"))
        #expect(text.contains("   = 注: 已知的键：y\n"))
        #expect(text.contains("   = 建议: 是否应为“y”？\n"))
        #expect(!text.contains("unknown key"))
        #expect(DiagnosticRenderer(language: .en).render([diagnostic]).hasPrefix("specs/a.yaml:1:1: error[L001]: unknown key 'x'\n"))
        #expect(diagnostic.message == "unknown key 'x'")
        #expect(renderer.summary(errors: 2, warnings: 1, files: 3) == "accessc: 3 个文件中有 2 个错误、1 个警告\n")
        #expect(Language.fromLocale(["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.fromLocale(["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(Language.fromLocale([:]) == .en)
    }

    /// A minified line prints a window around the caret, not the whole line per diagnostic.
    @Test func aLongLineIsShownAsAWindowAroundTheCaret() {
        let line = String(repeating: "a: 1, ", count: 20_000) + "idd: x"
        let file = SourceFile(path: "a.yaml", text: "{" + line + "}\n")
        let column = line.count - 4
        let span = SourceSpan(file: file, start: SourceLocation(line: 1, column: column), end: SourceLocation(line: 1, column: column + 3))
        let text = DiagnosticRenderer().render([Diagnostic(.error, "L001", "unknown key 'idd'", at: span,
                                                           fixIts: [FixIt("did you mean 'id'?", replacing: span, with: "id")])])
        #expect(text.utf8.count < 2_000)
        #expect(text.contains(" 1 | …") && text.contains("id: x}\n"))
        let lines = text.split(separator: "\n")
        #expect(lines[1].hasPrefix(" 1 | …") && lines[1].hasSuffix("idd: x}"))
        // The caret still sits under `idd`.
        let caret = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let key = lines[1].range(of: "idd").map { lines[1].distance(from: lines[1].startIndex, to: $0.lowerBound) }
        #expect(caret == key)
    }

    @Test func aLoneCarriageReturnEndsALineAsForLibyaml() {
        let file = SourceFile(path: "a.yaml", text: "a: 1\rb: 2\r")
        let text = DiagnosticRenderer().render([Diagnostic(.error, "L001", "x", at: SourceSpan(file: file, at: SourceLocation(line: 2, column: 1)))])
        #expect(text.contains(" 2 | b: 2\n"))
    }

    @Test func combiningMarksTakeNoColumnAndInvisibleCharactersAreEscaped() {
        #expect(TerminalText.displayWidth("\u{0301}") == 0)
        #expect(TerminalText.displayWidth("🚀") == 2)
        for invisible in ["\u{200B}", "\u{2028}", "\u{061C}", "\u{2066}"] {
            #expect(TerminalText.escaped("na\(invisible)me") != "na\(invisible)me")
        }
    }
}

// The renderer's tests are about layout: their messages are English alone, given as both texts.
private extension Diagnostic {
    init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at span: SourceSpan?, notes: [DiagnosticNote] = [], fixIts: [FixIt] = []) {
        self.init(severity, code, en: message, zh: message, at: span, notes: notes, fixIts: fixIts)
    }
}

private extension DiagnosticNote {
    init(_ message: String, at span: SourceSpan? = nil) { self.init(en: message, zh: message, at: span) }
}

private extension FixIt {
    init(_ message: String, replacing span: SourceSpan, with replacement: String) { self.init(en: message, zh: message, replacing: span, with: replacement) }
}
