import AccessSpecCore
import AccessSpecSyntax
import Foundation
import Testing

/// Faults in the example workspace, each as an author makes it: the output holds the fault,
/// and neither follow-on errors nor silence about independent faults.
struct CascadeTests {
    /// The example workspace with `edits` applied (file -> (old text, new text)).
    func compile(_ edits: [String: [(String, String)]]) throws -> [Diagnostic] {
        var sources = WorkspaceLoader.load(root: WorkspaceTests.specs, diagnostics: DiagnosticEngine())
        for (index, entry) in sources.contracts.enumerated() {
            guard let changes = edits[entry.relativePath] else { continue }
            var text = String(decoding: entry.file.bytes, as: UTF8.self)
            for (old, new) in changes {
                #expect(text.contains(old), "\(entry.relativePath) has no '\(old)'")
                text = text.replacingOccurrences(of: old, with: new)
            }
            sources.contracts[index] = .init(relativePath: entry.relativePath, file: SourceFile(path: entry.relativePath, text: text))
        }
        return Compiler.compile(sources, lowering: false).diagnostics
    }

    func codes(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map { "\($0.span?.file.path ?? ""):\($0.code)" } }

    /// A hub that does not parse is still the hub its file name says: no "no platform 'national'"
    /// in every province, no "the workspace has no national platform".
    @Test(arguments: ["  level: national: x\n", "\tlevel: national\n"])
    func aHubThatDoesNotParseIsOneError(_ broken: String) throws {
        let diagnostics = try compile(["national.yaml": [("  level: national\n", broken)]])
        #expect(codes(diagnostics) == ["national.yaml:Y001"] || codes(diagnostics) == ["national.yaml:Y004"], "\(codes(diagnostics))")
    }

    @Test(arguments: ["  id: National\n", "  id: [national]\n"])
    func aHubWhoseIdIsMalformedIsOneError(_ broken: String) throws {
        let diagnostics = try compile(["national.yaml": [("  id: national\n", broken)]])
        #expect(diagnostics.count == 1 && diagnostics[0].span?.file.path == "national.yaml", "\(codes(diagnostics))")
    }

    /// A broken hub header silences only what depends on the hub; a region at odds with the
    /// level (TOP008) and a connection down the hierarchy (TOP007) are still reported.
    @Test func aBrokenHeaderDoesNotHideIndependentTopologyFaults() throws {
        let diagnostics = try compile([
            "national.yaml": [("  nameEn:", "  nameEnn:")],
            "anhui.yaml": [("  region: \"340000\"", "  region: \"340100\"")],
        ])
        #expect(codes(diagnostics).contains("national.yaml:L001"))
        #expect(codes(diagnostics).contains("anhui.yaml:TOP008"), "\(codes(diagnostics))")
        #expect(!codes(diagnostics).contains { $0.hasSuffix("S007") || $0.hasSuffix("TOP001") || $0.hasSuffix("TOP006") })
    }

    /// A failed import may have declared any name, but a near miss of a visible one is a typo.
    @Test func aBrokenImportStillReportsTyposOfVisibleNames() throws {
        let diagnostics = try compile(["hefei.yaml": [
            ("imports: [common/types.yaml]", "imports: [common/types.yaml, common/nope.yaml]"),
            ("errors: [INVALID_TOKEN, NOT_FOUND]", "errors: [INVALID_TOKEN, NOT_FOUNDD, SOMETHING_ELSE]"),
        ]])
        #expect(codes(diagnostics) == ["hefei.yaml:S004", "hefei.yaml:S003"] || codes(diagnostics).sorted() == ["hefei.yaml:S003", "hefei.yaml:S004"], "\(codes(diagnostics))")
        #expect(diagnostics.contains { $0.message.contains("NOT_FOUNDD") && $0.fixIts.first?.replacement == "NOT_FOUND" })
        #expect(!diagnostics.contains { $0.message.contains("SOMETHING_ELSE") })
    }

    @Test func environmentsLeftEmptyAreAnError() throws {
        let diagnostics = try compile(["samr.yaml": [
            ("  environments:\n    production: https://zwfw.samr.gov.cn/access\n    test: https://test-zwfw.samr.gov.cn/access\n", "  environments:\n"),
        ]])
        #expect(codes(diagnostics) == ["samr.yaml:L002"], "\(codes(diagnostics))")
    }
}
