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
                #expect(file.path.hasPrefix(generator.name + "/"), "\(file.path) is outside \(generator.name)/")
                #expect(!file.path.contains(".."))
            }
        }
        #expect(Set(first.map(\.path)).count == first.count, "no two generators write the same path")
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
