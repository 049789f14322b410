@testable import AccessSpecDiff
import AccessSpecCore
import AccessSpecDriver
import AccessSpecSyntax
import Foundation
import Testing

/// Collects what a command prints.
final class CapturedConsole: Console, @unchecked Sendable {
    var stdout = ""
    var stderr = ""
    var errIsTerminal: Bool { false }
    func out(_ text: String) { stdout += text }
    func err(_ text: String) { stderr += text }
}

/// Makes a scratch folder and removes it afterwards.
func scratch(_ name: String, _ body: (URL) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accessspec-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder)
}

@discardableResult
func shell(_ arguments: [String], in folder: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(arguments)")
    return String(decoding: data, as: UTF8.self)
}

func edit(_ file: URL, _ old: String, _ new: String) throws {
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains(old), "\(file.lastPathComponent) has no '\(old)'")
    try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
}

struct WorkspaceDiffTests {
    static let root = Fixtures.repository

    /// Every bundled workspace, and a synthetic one, compared with itself.
    @Test(arguments: ["specs", "Tests/HostileFixture/specs", "Tests/NameTorture/specs"])
    func aBundledWorkspaceComparedWithItselfIsEmpty(_ folder: String) {
        let ir = Fixtures.compile(folder)
        #expect(ContractDiff.compare(old: ir, new: ir).isEmpty)
    }

    @Test func aSyntheticWorkspaceComparedWithItselfIsEmpty() throws {
        try scratch("synthetic") { folder in
            try shell(["python3", Self.root.appendingPathComponent("Benchmarks/synthesize.py").path, "--megabytes", "1", "--out", folder.path, "--no-verify"], in: folder)
            let first = Compiler.compile(workspaceAt: folder.path), second = Compiler.compile(workspaceAt: folder.path)
            #expect(first.errorCount == 0)
            let old = try #require(first.ir), new = try #require(second.ir)
            #expect(ContractDiff.compare(old: old, new: new).isEmpty)
        }
    }

    /// A repository made here: `git:HEAD` is read from its objects, not checked out, and nothing is left behind.
    @Test func aGitSideIsReadFromTheRepositorysObjects() throws {
        try scratch("git") { repo in
            try FileManager.default.copyItem(at: Self.root.appendingPathComponent("specs"), to: repo.appendingPathComponent("specs"))
            try shell(["git", "init", "-q", "-b", "main"], in: repo)
            try shell(["git", "add", "specs"], in: repo)
            try shell(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "contracts"], in: repo)
            try edit(repo.appendingPathComponent("specs/hefei.yaml"), "algorithm: hmac-sm3\n    header", "algorithm: sm2-sm3\n    header")
            let before = try shell(["git", "status", "--porcelain", "--ignored"], in: repo)
            let listing = try FileManager.default.contentsOfDirectory(atPath: repo.path).sorted()

            let console = CapturedConsole()
            let specs = repo.appendingPathComponent("specs").path
            let status = Commands(console: console).diff(old: "git:main", new: specs, options: DiffCommandOptions(format: .json, failOn: .breaking))
            #expect(status == .failure, "\(console.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(console.stdout.utf8)) as? [String: Any])
            let changes = try #require(document["changes"] as? [[String: Any]])
            #expect(changes.map { $0["code"] as? String } == ["D076"])
            #expect(changes.first?["affected"] as? [String] == ["anhui"])
            #expect((changes.first?["oldPosition"] as? [String: Any])?["file"] as? String == "git:main:specs/hefei.yaml")

            // An explicit path, and both sides from git, which are read from the repository of
            // the current directory (this package's own, whatever its branches are called): the
            // same tree twice is no change.
            let same = CapturedConsole()
            #expect(Commands(console: same).diff(old: "git:HEAD:specs", new: "git:HEAD:specs", options: DiffCommandOptions(failOn: .dangerous)) == .success,
                    "\(same.stderr)")

            #expect(try shell(["git", "status", "--porcelain", "--ignored"], in: repo) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: repo.path).sorted() == listing)
            let unknown = CapturedConsole()
            #expect(Commands(console: unknown).diff(old: "git:no-such-ref", new: specs, options: DiffCommandOptions()) == .failure)
            #expect(unknown.stderr.contains("cannot read git:no-such-ref"))
        }
    }

    /// Text as `check` prints it: at the change in NEW, a note at the old place, who it breaks.
    @Test func textReportsLocateTheChangeAndItsCallers() throws {
        try scratch("text") { folder in
            let new = folder.appendingPathComponent("specs")
            try FileManager.default.copyItem(at: Self.root.appendingPathComponent("specs"), to: new)
            try edit(new.appendingPathComponent("shandong.yaml"), "path: /license/v1/verify/data", "path: /license/v2/verify/data")
            let console = CapturedConsole()
            let status = Commands(console: console).diff(old: Self.root.appendingPathComponent("specs").path, new: new.path,
                                                         options: DiffCommandOptions(failOn: .breaking, colour: .never))
            #expect(status == .failure)
            #expect(console.stderr.contains("specs/shandong.yaml:"), "\(console.stderr)")
            #expect(console.stderr.contains("error[D016]: shandong: the path changes from /license/v1/verify/data to /license/v2/verify/data"))
            #expect(console.stderr.contains("note: it was here"))
            #expect(console.stderr.contains("breaks icbc-mobile"))

            // The same report for a reader of Chinese: the change, its note and the count.
            let chinese = CapturedConsole()
            _ = Commands(console: chinese).diff(old: Self.root.appendingPathComponent("specs").path, new: new.path,
                                                options: DiffCommandOptions(failOn: .breaking, colour: .never, language: .zh))
            #expect(chinese.stderr.contains("错误[D016]: shandong：路径由 /license/v1/verify/data 改为 /license/v2/verify/data"), "\(chinese.stderr)")
            #expect(chinese.stderr.contains("原来在这里"))
            #expect(chinese.stderr.contains("破坏 icbc-mobile"))
            #expect(chinese.stderr.contains("共 1 项变更：协议不兼容 1 项"), "\(chinese.stderr)")
            #expect(!chinese.stderr.contains("changes from") && !chinese.stderr.contains(" ignored"), "\(chinese.stderr)")
        }
    }

    @Test func anIgnoredChangeIsReportedAsIgnoredAndDoesNotFailTheGate() throws {
        try scratch("ignore") { folder in
            let new = folder.appendingPathComponent("specs")
            try FileManager.default.copyItem(at: Self.root.appendingPathComponent("specs"), to: new)
            try edit(new.appendingPathComponent("hefei.yaml"), "algorithm: hmac-sm3\n    header", "algorithm: sm2-sm3\n    header")
            let config = new.appendingPathComponent("accessspec.yaml")
            try (String(contentsOf: config, encoding: .utf8) + """

            diff:
              ignore:
                - platform: hefei
                  code: D076
                  reason: anhui moved to SM2 signing in the same release
                - platform: samr
                  code: D013
                  reason: nothing matches this one

            """).write(to: config, atomically: true, encoding: .utf8)
            let old = Self.root.appendingPathComponent("specs").path
            let text = CapturedConsole()
            #expect(Commands(console: text).diff(old: old, new: new.path, options: DiffCommandOptions(failOn: .breaking, colour: .never)) == .success, "\(text.stderr)")
            #expect(text.stderr.contains("note[D076]"))
            #expect(text.stderr.contains("ignored in accessspec.yaml: anhui moved to SM2 signing in the same release"))
            #expect(text.stderr.contains("ignored change D013 on 'samr' matches no change"))
            #expect(text.stderr.contains("1 ignored"))
            let markdown = CapturedConsole()
            _ = Commands(console: markdown).diff(old: old, new: new.path, options: DiffCommandOptions(format: .markdown))
            #expect(markdown.stdout.contains("### ignored (已忽略)"))
            #expect(markdown.stdout.contains("| D076 | hefei |"))

            try edit(config, "reason: anhui moved to SM2 signing in the same release", "reason: \"\"")
            let unexplained = CapturedConsole()
            #expect(Commands(console: unexplained).diff(old: old, new: new.path, options: DiffCommandOptions()) == .failure)
            #expect(unexplained.stderr.contains("an ignored change needs a reason"))
        }
    }

    @Test func theGateFollowsTheCategories() throws {
        try scratch("gate") { folder in
            let new = folder.appendingPathComponent("specs")
            try FileManager.default.copyItem(at: Self.root.appendingPathComponent("specs"), to: new)
            try edit(new.appendingPathComponent("hefei.yaml"), "tokenTtlSeconds: 3600", "tokenTtlSeconds: 1800")
            let old = Self.root.appendingPathComponent("specs").path
            func status(_ gate: DiffGate) -> CommandStatus {
                Commands(console: CapturedConsole()).diff(old: old, new: new.path, options: DiffCommandOptions(failOn: gate))
            }
            #expect(status(.breaking) == .success)
            #expect(status(.dangerous) == .failure)
            #expect(status(.none) == .success)
            let junit = CapturedConsole()
            _ = Commands(console: junit).diff(old: old, new: new.path, options: DiffCommandOptions(format: .junit, failOn: .dangerous))
            #expect(junit.stdout.contains("<failure type=\"dangerous\""))
            #expect(junit.stdout.contains("failures=\"1\""))
        }
    }
}
