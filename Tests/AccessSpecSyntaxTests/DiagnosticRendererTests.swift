import AccessSpecSyntax
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
}
