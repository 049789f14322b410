import AccessSpecCore
@testable import AccessSpecGenerators
import Foundation
import Testing

/// Properties every generator shares: pure, deterministic, safe paths.
struct GeneratorTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func bundledIR() throws -> WorkspaceIR {
        try #require(Compiler.compile(workspaceAt: repository.appendingPathComponent("specs").path).ir)
    }

    @Test func generatorsAreDeterministicAndStayInTheirFolders() throws {
        let ir = try Self.bundledIR()
        let first = try Generators.generate(ir)
        let second = try Generators.generate(ir)
        #expect(first == second)
        for generator in Generators.all {
            for file in try generator.generate(ir) {
                #expect(file.path.hasPrefix(generator.kind.rawValue + "/"), "\(file.path) is outside \(generator.kind.rawValue)/")
                #expect(!file.path.contains(".."))
            }
        }
        #expect(Set(first.map(\.path)).count == first.count, "no two generators write the same path")
    }

    /// `generate:` settings: only the outputs listed, in their folders, for their platforms, and
    /// suites that find the IR wherever it went.
    @Test func settingsChooseOutputsFoldersPlatformsAndAccess() throws {
        let ir = try Self.bundledIR()
        var settings = GenerationSettings()
        settings.outputs = [
            .ir: .init(folder: "build/ir"),
            .swift: .init(folder: "clients", platforms: ["national"]),
            .tests: .init(folder: "suites/conformance", platforms: ["national", "hefei"]),
        ]
        settings.swiftModule = "HubClients"
        settings.swiftAccess = .internal
        let files = try Generators.generate(ir, settings: settings)
        let folders = Set(files.map { $0.path.split(separator: "/").prefix(2).joined(separator: "/") })
        #expect(folders == ["build/ir", "clients/national", "suites/conformance"], "\(folders)")
        let swift = files.filter { $0.path.hasPrefix("clients/") }
        #expect(swift.map(\.path).sorted() == (["national.swift", "national+ContractError.swift"] + (1...8).map { "national+Models\($0).swift" })
            .map { "clients/national/\($0)" }.sorted())
        for file in swift {
            let text = String(decoding: file.contents, as: UTF8.self)
            #expect(!text.contains("public "), "\(file.path) declares something public")
        }
        let suite = try #require(files.first { $0.path == "suites/conformance/hefei/hefei+Conformance.swift" })
        let text = String(decoding: suite.contents, as: UTF8.self)
        #expect(text.contains("import HubClients"))
        #expect(text.contains(#"appendingPathComponent("../../../build/ir")"#), "the suite finds the IR from its own folder")
        #expect(try Generators.generate(ir, settings: settings) == files, "deterministic")
    }
}

extension GeneratorTests {
    /// "Trojan source": a right-to-left override would make a reviewer read text backwards.
    @Test func directionalControlsAreShownNotObeyed() {
        let text = "verify\u{202E}gnp.exe\u{2066}"
        #expect(HTMLEscaper.escape(text) == "verify[U+202E]gnp.exe[U+2066]")
        #expect(MarkdownEscaper.text(text) == #"verify\[U+202E\]gnp.exe\[U+2066\]"#)
    }
}
