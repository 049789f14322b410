import AccessSpecCore
import AccessSpecSyntax
import Foundation
import Testing

/// The inputs that the front end's fuzz harness (Fuzz/Sources/fuzz-frontend) found breaking it,
/// kept in Tests/FuzzRegressions/frontend/ and fed through the harness's three workspaces: the
/// input alone, beside the golden hub, and as accessspec.yaml beside the hub.
struct FuzzRegressionTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = repository.appendingPathComponent("Tests/FuzzRegressions/frontend")

    static var reproducers: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func entry(_ path: String, _ bytes: [UInt8]) -> WorkspaceSources.Entry {
        WorkspaceSources.Entry(relativePath: path, file: SourceFile(path: path, bytes: bytes))
    }

    static func workspaces(of bytes: [UInt8]) throws -> [WorkspaceSources] {
        let hubBytes = try Data(contentsOf: repository.appendingPathComponent("Tests/AccessSpecCoreTests/Golden/base/national.yaml"))
        let hub = entry("base/national.yaml", [UInt8](hubBytes))
        let input = entry("fuzz.yaml", bytes)
        return [WorkspaceSources(contracts: [input]), WorkspaceSources(contracts: [hub, input]),
                WorkspaceSources(contracts: [hub], config: entry("accessspec.yaml", bytes))]
    }

    @Test(arguments: reproducers)
    func reproducerCompilesRendersAndReportsJSON(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        for sources in try Self.workspaces(of: bytes) {
            let compilation = Compiler.compile(sources)
            let text = DiagnosticRenderer().render(compilation.diagnostics)
            let json = DiagnosticReport(compilation.diagnostics, files: compilation.fileCount).json()
            #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "\(name): the JSON report does not parse")
            #expect(compilation.errorCount > 0 || compilation.ir != nil, "\(name): no errors, yet no IR")
            if compilation.errorCount > 0 {
                #expect(text.contains("error["), "\(name): errors that the text form does not show")
            }
            if let ir = compilation.ir {
                let decoded = try JSONDecoder().decode(WorkspaceIR.self, from: ir.canonicalJSON())
                #expect(decoded == ir, "\(name): the canonical IR does not decode to itself")
            }
        }
    }
}
