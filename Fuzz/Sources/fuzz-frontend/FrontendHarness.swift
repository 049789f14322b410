import AccessSpecCore
import AccessSpecSyntax
import Foundation

/// The front end as `accessc check` and `accessc ir` drive it, fed arbitrary bytes three ways:
/// as a one-file workspace, as a contract beside a small valid hub (so that the bytes reach
/// resolution and the standard's rules), and as the workspace's accessspec.yaml beside that
/// hub. Every run renders its diagnostics both ways and, when clean, the IR's canonical JSON.
/// The input is plain YAML, so a reproducer is also a file `accessc check` reads.
enum FrontendHarness {
    /// Tests/AccessSpecCoreTests/Golden/base/national.yaml, read once.
    static let hub: WorkspaceSources.Entry = {
        let root = ProcessInfo.processInfo.environment["ACCESSSPEC_ROOT"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..").standardized.path
        let path = "\(root)/Tests/AccessSpecCoreTests/Golden/base/national.yaml"
        guard let bytes = FileManager.default.contents(atPath: path) else {
            fatalError("fuzz-frontend: cannot read the hub \(path); set ACCESSSPEC_ROOT to the repository")
        }
        return entry("base/national.yaml", [UInt8](bytes))
    }()

    static func entry(_ path: String, _ bytes: [UInt8]) -> WorkspaceSources.Entry {
        WorkspaceSources.Entry(relativePath: path, file: SourceFile(path: path, bytes: bytes))
    }

    static func run(_ bytes: [UInt8]) {
        let input = entry("fuzz.yaml", bytes)
        exercise(WorkspaceSources(contracts: [input]), lowering: false)
        exercise(WorkspaceSources(contracts: [hub, input]), lowering: true)
        exercise(WorkspaceSources(contracts: [hub], config: entry("accessspec.yaml", bytes)), lowering: true)
    }

    static func exercise(_ sources: WorkspaceSources, lowering: Bool) {
        let compilation = Compiler.compile(sources, lowering: lowering)
        for colour in [false, true] {
            let renderer = DiagnosticRenderer(colour: colour)
            _ = renderer.render(compilation.diagnostics)
            _ = renderer.summary(errors: compilation.errorCount, warnings: compilation.warningCount, files: compilation.fileCount)
        }
        let json = DiagnosticReport(compilation.diagnostics, files: compilation.fileCount).json()
        // The JSON form must stay JSON whatever the contract holds.
        guard (try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil else {
            fatalError("fuzz-frontend: the JSON diagnostic report is not JSON:\n\(json)")
        }
        if compilation.errorCount == 0, lowering, compilation.ir == nil {
            fatalError("fuzz-frontend: a compilation without errors produced no IR")
        }
        if let ir = compilation.ir {
            guard let data = try? ir.canonicalJSON() else { fatalError("fuzz-frontend: the IR does not encode") }
            // What `accessc ir` prints must read back as the same IR.
            guard let decoded = try? JSONDecoder().decode(WorkspaceIR.self, from: data), decoded == ir else {
                fatalError("fuzz-frontend: the canonical IR does not decode to itself")
            }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FrontendHarness.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
