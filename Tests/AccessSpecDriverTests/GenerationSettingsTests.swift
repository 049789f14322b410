import AccessSpecCore
import AccessSpecDriver
import Foundation
import Testing

/// The `generate:` section of accessspec.yaml and the command line's narrowing of it, as a user
/// meets them through `accessc build`: located errors for every mistake, and only the outputs
/// asked for on disk.
struct GenerationSettingsTests {
    let workspace: URL
    let output: String

    init() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("accessspec-gen-\(UUID().uuidString)")
        workspace = scratch.appendingPathComponent("specs")
        try FileManager.default.copyItem(at: BuildCommandTests.repository.appendingPathComponent("specs"), to: workspace)
        output = scratch.appendingPathComponent("generated").path
    }

    func configure(_ generate: String) throws {
        let config = workspace.appendingPathComponent("accessspec.yaml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try (text + "\n" + generate).write(to: config, atomically: true, encoding: .utf8)
    }

    func build(_ overrides: GenerationOverrides = GenerationOverrides()) -> (CommandStatus, RecordingConsole) {
        let console = RecordingConsole()
        let status = Commands(console: console).build(workspace: workspace.path, output: output, checkOnly: false,
                                                      options: ReportOptions(colour: .never), overrides: overrides)
        return (status, console)
    }

    func written() -> [String] {
        let walker = FileManager.default.enumerator(atPath: output)
        return (walker?.allObjects as? [String] ?? []).filter { !$0.hasPrefix(".") && $0.contains(".") }.sorted()
    }

    @Test func onlyTheListedOutputsAreWrittenInTheirFolders() throws {
        try configure("""
            generate:
              openapi:
                out: api
                platforms: [hefei]
              swift:
                platforms: [hefei, national]
                module: Hub
                access: package
            """)
        let (status, console) = build()
        #expect(status == .success, "\(console.stderr)")
        let files = written()
        #expect(files.contains("api/hefei.yaml"))
        #expect(files.filter { $0.hasPrefix("api/") } == ["api/hefei.yaml"])
        #expect(files.contains("swift/national/national+Models1.swift"))
        #expect(!files.contains { $0.hasPrefix("ir/") || $0.hasPrefix("docs/") || $0.hasPrefix("tests/") || $0.hasPrefix("swift/anhui/") })
        let client = try String(contentsOfFile: output + "/swift/hefei/hefei.swift", encoding: .utf8)
        #expect(client.contains("package enum Hefei") && !client.contains("public "))

        // Narrowed on the command line, and what is no longer produced is removed.
        let (narrowed, narrowedConsole) = build(GenerationOverrides(outputs: [.swift], platforms: ["national"]))
        #expect(narrowed == .success, "\(narrowedConsole.stderr)")
        #expect(written().allSatisfy { $0.hasPrefix("swift/national/") }, "\(written())")
    }

    @Test func everyMistakeIsALocatedErrorWithItsFix() throws {
        try configure("""
            generate:
              swfit: {}
              docs:
                out: ../elsewhere
                platforms: [hefei]
              openapi:
                out: same
              tests:
                out: same
                platforms: [hefe]
              swift:
                access: open
                module: lower_case
            """)
        let (status, console) = build()
        #expect(status == .failure)
        let text = console.stderr
        for expected in [
            "accessspec.yaml:24:3: error[L001]: unknown key 'swfit'",
            "= help: did you mean 'swift'?",
            "accessspec.yaml:26:10: error[L012]: 'generate: docs' 'out' must be a relative folder under the output folder",
            "accessspec.yaml:27:5: error[L001]: unknown key 'platforms'",
            "accessspec.yaml:31:10: error[L012]: 'generate: tests' 'out' is 'same', the folder of another output",
            "accessspec.yaml:32:17: error[L012]: 'generate: tests' names platform 'hefe', which no contract of the workspace declares",
            "accessspec.yaml:34:13:",
            "accessspec.yaml:35:13:",
        ] {
            #expect(text.contains(expected), "missing \(expected) in:\n\(text)")
        }
        #expect(text.contains("nothing was written"))
        #expect(written().isEmpty)
        // The misspelt platform carries the fix an editor can apply.
        let unknown = try #require(Compiler.compile(workspaceAt: workspace.path).diagnostics.first { $0.message.contains("'hefe'") })
        #expect(unknown.fixIts.map(\.replacement) == ["hefei"])
    }

    @Test func anUnknownPlatformOnTheCommandLineIsAUsageError() throws {
        let (status, console) = build(GenerationOverrides(platforms: ["natinal"]))
        #expect(status == .usage)
        #expect(console.stderr.contains("--platform 'natinal' is not a platform of the workspace; did you mean 'national'?"))
        #expect(written().isEmpty)
    }
}
