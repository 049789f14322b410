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
        let compilation = Compiler.compile(WorkspaceSources(contracts: entries))
        let renderer = DiagnosticRenderer()
        let actual = renderer.render(compilation.diagnostics)
            + renderer.summary(errors: compilation.errorCount, warnings: compilation.warningCount, files: compilation.fileCount)
        let expectedURL = Self.folder.appendingPathComponent("\(name).txt")
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
