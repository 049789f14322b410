import AccessSpecCore
import AccessSpecSyntax
import Foundation
import Testing

/// Each case in Golden/ is a contract (or a folder of them) compiled beside a small valid hub,
/// Golden/base/. Its diagnostics, rendered as `accessc check` prints them, must equal the
/// case's `.txt`. Re-record with `RECORD_GOLDEN=1 swift test`.
struct GoldenDiagnosticsTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0 != "base" && !$0.hasSuffix(".txt") }.map { $0.replacingOccurrences(of: ".yaml", with: "") }.sorted()
    }

    @Test(arguments: cases)
    func diagnosticsMatchGolden(_ name: String) throws {
        try expectGolden(name, language: .en, in: Self.folder)
    }

    /// Real faults as a Chinese reader sees them (`--lang zh`): an unknown type, a misspelt key
    /// with its fix-it, a rule failure with a note, a literal secret with a note and a fix-it.
    static let chineseCases = ["unknown-type-is-reported-once", "unknown-key-typo", "connection-area-missing-at-target", "literal-secret", "weak-tls"]
    static let chineseFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("GoldenChinese")

    @Test(arguments: chineseCases)
    func chineseDiagnosticsMatchGolden(_ name: String) throws {
        try expectGolden(name, language: .zh, in: Self.chineseFolder)
    }

    /// Every message, note and fix-it the golden cases produce has a Chinese text of its own:
    /// not empty, not the English copied, and with Chinese in it.
    @Test func everyDiagnosticOfTheGoldenCasesHasItsChinese() throws {
        var seen = 0
        for name in Self.cases {
            let compilation = Compiler.compile(WorkspaceSources(contracts: entries(of: name)))
            for diagnostic in compilation.diagnostics {
                let texts = [diagnostic.text] + diagnostic.notes.map(\.text) + diagnostic.fixIts.map(\.text)
                for text in texts {
                    seen += 1
                    #expect(!text.zh.isEmpty && text.zh != text.en && text.zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) },
                            "\(name) \(diagnostic.code): \(text.en) / \(text.zh)")
                }
            }
        }
        #expect(seen > 80)
    }

    private func entries(of name: String) -> [WorkspaceSources.Entry] {
        var entries = [entry("base/national.yaml")]
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(name).path, isDirectory: &isDirectory), isDirectory.boolValue {
            let files = FileManager.default.enumerator(atPath: Self.folder.appendingPathComponent(name).path)?.compactMap { $0 as? String } ?? []
            for file in files.sorted() where file.hasSuffix(".yaml") {
                entries.append(entry("\(name)/\(file)"))
            }
        } else {
            entries.append(entry("\(name).yaml"))
        }
        return entries
    }

    private func expectGolden(_ name: String, language: Language, in folder: URL) throws {
        let compilation = Compiler.compile(WorkspaceSources(contracts: entries(of: name)))
        let renderer = DiagnosticRenderer(language: language)
        let actual = renderer.render(compilation.diagnostics)
            + renderer.summary(errors: compilation.errorCount, warnings: compilation.warningCount, files: compilation.fileCount)
        let expectedURL = folder.appendingPathComponent("\(name).txt")
        if Self.recording {
            try Data(actual.utf8).write(to: expectedURL)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "golden \(name).txt differs; re-record with RECORD_GOLDEN=1 if the change is intended")
    }

    @Test func everyGoldenCaseButTheValidOneFails() throws {
        for name in Self.cases {
            let expected = try String(contentsOf: Self.folder.appendingPathComponent("\(name).txt"), encoding: .utf8)
            if name.hasPrefix("valid") {
                #expect(expected.hasSuffix("no problems in 2 files\n"), "\(name) should compile cleanly")
            } else {
                #expect(expected.contains("error[") || expected.contains("warning["), "\(name) should report a problem")
            }
        }
    }

    private func entry(_ relativePath: String) -> WorkspaceSources.Entry {
        let bytes = (try? Data(contentsOf: Self.folder.appendingPathComponent(relativePath))) ?? Data()
        return WorkspaceSources.Entry(relativePath: relativePath, file: SourceFile(path: relativePath, bytes: [UInt8](bytes)))
    }
}
