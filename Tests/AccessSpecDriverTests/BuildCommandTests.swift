import AccessSpecCore
import AccessSpecDriver
import AccessSpecGenerators
import Foundation
import Testing

/// `accessc build` and its writer, driven as a user would: a workspace folder, an output
/// folder, and what ends up on disk.
struct BuildCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let specs = repository.appendingPathComponent("specs").path

    let scratch: URL
    let output: String

    init() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("accessspec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        output = scratch.appendingPathComponent("generated").path
    }

    private func build(_ workspace: String = specs, check: Bool = false, language: Language = .en) -> (CommandStatus, RecordingConsole) {
        let console = RecordingConsole()
        return (Commands(console: console).build(workspace: workspace, output: output, checkOnly: check, options: ReportOptions(language: language),
                                                 cache: .file(scratch.appendingPathComponent("cache"))), console)
    }

    private func read(_ path: String) -> Data? { FileManager.default.contents(atPath: output + "/" + path) }

    @Test func buildWritesThenWritesNothingWhenUnchanged() throws {
        let (first, console) = build()
        #expect(first == .success, "\(console.stderr)")
        #expect(read("ir/workspace.json") != nil)
        let modified = try FileManager.default.attributesOfItem(atPath: output + "/ir/workspace.json")[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)
        let (second, secondConsole) = build()
        #expect(second == .success)
        #expect(secondConsole.stderr.contains("up to date"), "\(secondConsole.stderr)")
        let after = try FileManager.default.attributesOfItem(atPath: output + "/ir/workspace.json")[.modificationDate] as? Date
        #expect(modified == after, "an unchanged file is not rewritten")
    }

    @Test func checkNamesStaleFilesAndWritesNothing() throws {
        _ = build()
        let path = output + "/ir/workspace.json"
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: path))
        let (status, console) = build(check: true)
        #expect(status == .failure)
        #expect(console.stderr.contains("ir/workspace.json: error: stale"))
        #expect(read("ir/workspace.json") == Data("{}\n".utf8), "check mode leaves files as they were")
        _ = build()
        #expect(build(check: true).0 == .success)
    }

    /// Every line a build prints about its outputs reads in the language asked for.
    @Test func buildSpeaksChineseWhenAsked() throws {
        let (first, written) = build(language: .zh)
        #expect(first == .success)
        #expect(written.stderr.hasPrefix("accessc: 已向 \(output) 写入 "), "\(written.stderr)")
        #expect(build(language: .zh).1.stderr == "accessc: \(output) 中的输出均为最新，无需构建\n")
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: output + "/ir/workspace.json"))
        let (stale, checked) = build(check: true, language: .zh)
        #expect(stale == .failure)
        #expect(checked.stderr.contains("ir/workspace.json: 错误: 已过时；请运行 `accessc build"), "\(checked.stderr)")
        #expect(checked.stderr.contains("个已过时\n"), "\(checked.stderr)")
        let unknown = RecordingConsole()
        let status = Commands(console: unknown).build(workspace: Self.specs, output: output, checkOnly: false, options: ReportOptions(language: .zh),
                                                      overrides: GenerationOverrides(platforms: ["natinal"]), cache: .none)
        #expect(status == .usage)
        #expect(unknown.stderr.contains("accessc: 错误: --platform “natinal”不是工作区中的平台；是否想写“national”？"), "\(unknown.stderr)")
        for text in [written.stderr, checked.stderr, unknown.stderr] {
            #expect(!text.contains("wrote") && !text.contains("stale") && !text.contains("error"), "\(text)")
        }
    }

    @Test func outputsNoLongerProducedAreRemovedButForeignFilesAreKept() throws {
        _ = build()
        // An output an earlier build made that is no longer produced.
        try FileManager.default.createDirectory(atPath: output + "/old", withIntermediateDirectories: true)
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: output + "/old/gone.json"))
        let manifest = output + "/" + OutputWriter.manifestName
        try (String(contentsOfFile: manifest, encoding: .utf8) + "old/gone.json\n").write(toFile: manifest, atomically: true, encoding: .utf8)
        // A file accessc never made.
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: output + "/NOTES.md"))
        #expect(build(check: true).0 == .failure)
        #expect(build().0 == .success)
        #expect(!FileManager.default.fileExists(atPath: output + "/old/gone.json"))
        #expect(!FileManager.default.fileExists(atPath: output + "/old"), "emptied folders go too")
        #expect(read("NOTES.md") == Data("mine\n".utf8))
    }

    @Test func aFileInTheWayThatAccesscDidNotMakeIsNotOverwritten() throws {
        try FileManager.default.createDirectory(atPath: output + "/ir", withIntermediateDirectories: true)
        try Data("hand-written\n".utf8).write(to: URL(fileURLWithPath: output + "/ir/workspace.json"))
        let (status, console) = build()
        #expect(status == .failure)
        #expect(console.stderr.contains("did not make"))
        #expect(read("ir/workspace.json") == Data("hand-written\n".utf8))
    }

    @Test func aFailedBuildLeavesOutputsExactlyAsTheyWere() throws {
        _ = build()
        let before = read("ir/workspace.json")
        let broken = scratch.appendingPathComponent("broken")
        try FileManager.default.copyItem(atPath: Self.specs, toPath: broken.path)
        let national = broken.appendingPathComponent("national.yaml")
        try (String(contentsOf: national, encoding: .utf8) + "\nidentiy: {}\n").write(to: national, atomically: true, encoding: .utf8)
        let (status, console) = build(broken.path)
        #expect(status == .failure)
        #expect(console.stderr.contains("error[L001]"))
        #expect(console.stderr.contains("nothing was written"))
        #expect(read("ir/workspace.json") == before)
    }

    @Test(arguments: [("specs", "generated"), ("Tests/HostileFixture/specs", "Tests/HostileFixture/generated"), ("Tests/NameTorture/specs", "Tests/NameTorture/generated")])
    func committedOutputsAreFresh(_ workspace: String, _ output: String) {
        let console = RecordingConsole()
        let status = Commands(console: console).build(
            workspace: Self.repository.appendingPathComponent(workspace).path, output: Self.repository.appendingPathComponent(output).path,
            checkOnly: true, options: ReportOptions(), cache: .none)
        #expect(status == .success, "\(output)/ is stale; run 'swift run accessc build \(workspace) --out \(output)': \(console.stderr)")
    }
}
