import AccessSpecCore
import AccessSpecDriver
import Foundation
import Testing

/// The `accessc` executable itself: arguments, exit codes and output streams.
struct CommandLineTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built executable beside this test bundle.
    static var executable: URL {
        let products = Bundle.main.bundleURL
        let candidates = [products.appendingPathComponent("accessc"), products.deletingLastPathComponent().appendingPathComponent("accessc")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Runs accessc in an English locale unless `environment` says otherwise.
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES"] { inherited[name] = nil }
        inherited["LANG"] = "C.UTF-8"
        process.environment = inherited.merging(environment) { $1 }
        process.currentDirectoryURL = Self.repository
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test func checkOnTheBundledSpecsIsClean() throws {
        let result = try run(["check", "specs"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("accessc: no problems in"))
    }

    /// `--timings` prints each step once, in order, with its seconds, and the total; the
    /// outputs and stdout are those of a run without it.
    @Test func timingsNameEveryStepOnStderr() throws {
        let check = try run(["check", "specs", "--timings"])
        #expect(check.status == 0, "\(check.stderr)")
        let checkSteps = ["accessc check: wall seconds by step", "front end", "parse and decode", "resolve and check", "rules", "report", "total"]
        #expect(Self.lineStarts(checkSteps, in: check.stderr), "\(check.stderr)")

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("accessspec-timings-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let build = try run(["build", "specs", "--out", out.path, "--no-cache", "--timings"])
        #expect(build.status == 0, "\(build.stderr)")
        let buildSteps = ["accessc build: wall seconds by step", "read the cache, hash the inputs", "compare the outputs", "front end", "parse and decode",
                          "resolve and check", "rules", "lower to the IR", "digest the IR", "list the outputs", "make and write the changed outputs",
                          "save the cache", "total"]
        #expect(Self.lineStarts(buildSteps, in: build.stderr), "\(build.stderr)")
        let plain = try run(["build", "specs", "--out", out.path, "--no-cache"])
        #expect(plain.stderr.contains("wrote 0 of"), "\(plain.stderr)")
        #expect(!plain.stderr.contains("wall seconds"))
    }

    /// Whether the lines of `text` that hold a step are exactly `steps`, in order, each with seconds.
    static func lineStarts(_ steps: [String], in text: String) -> Bool {
        let lines = text.split(separator: "\n").map(String.init).drop { !$0.hasPrefix(steps[0]) }
        guard lines.count >= steps.count else { return false }
        return zip(steps, lines).enumerated().allSatisfy { index, pair in
            let (step, line) = pair
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard index > 0 else { return trimmed == step }
            guard trimmed.hasPrefix(step), let seconds = Double(trimmed.dropFirst(step.count).trimmingCharacters(in: .whitespaces)) else { return false }
            return seconds >= 0
        }
    }

    @Test func checkReportsEveryFileAndExitsOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accessspec-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "accessSpec: 1\nplatform:\n  id: Bad_Id\n".write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "accessSpec: 2\ntypes: {}\n".write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let text = try run(["check", folder.path, "--color", "never"])
        #expect(text.status == 1)
        #expect(text.stderr.contains("a.yaml:3:7: error[L006]"))
        #expect(text.stderr.contains("b.yaml:1:13: error[L005]"))
        #expect(text.stderr.contains(" | "))
        let json = try run(["check", folder.path, "--format", "json"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((object?["summary"] as? [String: Any])?["errors"] as? Int ?? 0 >= 2)
        // JSON is English unless --lang asks; with `--lang zh` its messages are the Chinese ones.
        let messages = { (output: String) -> [String] in
            let object = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
            return (object?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["message"] as? String }
        }
        #expect(messages(json.stdout).contains { $0.hasPrefix("language version 2 is not supported") })
        let chinese = try run(["check", folder.path, "--format", "json", "--lang", "zh"])
        #expect(messages(chinese.stdout).contains("不支持语言版本 2；本 accessc 只读取版本 1"))
        #expect(messages(chinese.stdout).contains { $0.hasPrefix("平台标识“Bad_Id”必须是") })
        let sarif = try run(["check", folder.path, "--format", "sarif", "--lang", "zh"])
        #expect(sarif.stdout.contains("不支持语言版本 2"))
    }

    @Test func warningsAsErrorsTurnsWarningsIntoFailure() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accessspec-warn-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("specs"), to: folder)
        let config = folder.appendingPathComponent("accessspec.yaml")
        try (String(contentsOf: config, encoding: .utf8) + "").write(to: config, atomically: true, encoding: .utf8)
        let hefei = folder.appendingPathComponent("hefei.yaml")
        let text = try String(contentsOf: hefei, encoding: .utf8)
        try text.replacingOccurrences(of: "timestamp: true", with: "timestamp: false").write(to: hefei, atomically: true, encoding: .utf8)
        #expect(try run(["check", folder.path]).status == 0)
        let strict = try run(["check", folder.path, "--warnings-as-errors"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("warning[SEL002]"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try run(["check", "--format", "xml"]).status == 2)
        #expect(try run(["frobnicate"]).status == 2)
        #expect(try run(["explain", "NOPE1"]).status == 2)
    }

    /// ArgumentParser's own messages and the commands' checks of their options, in Chinese for
    /// a Chinese locale or `--lang zh`: every line of the frame translated, the exit status 2.
    @Test func usageErrorsSpeakTheReadersLanguage() throws {
        let chinese = ["LANG": "zh_CN.UTF-8"]
        let cases: [([String], String)] = [
            (["diff"], "错误：缺少参数 <old>"),
            (["check", "--foo"], "错误：未知选项 --foo；是否想用 --color？"),
            (["build", "--platform"], "错误：--platform <platform> 缺少取值"),
            (["check", "--max-errors", "x"], "错误：“x”不是 --max-errors <max-errors> 的有效取值"),
            (["check", "a", "b"], "错误：多余的参数 b"),
            (["check", "--format", "xml"], "错误：--format 只能是 text、json 或 sarif"),
            (["diff", "a", "--fail-on", "all"], "错误：--fail-on 只能是 breaking、dangerous 或 none"),
            (["mock", "specs", "--platform", "hefei", "--fail-rate", "2"], "错误：--fail-rate 必须在 0 到 1 之间"),
        ]
        for (arguments, first) in cases {
            let result = try run(arguments, environment: chinese)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix(first + "\n"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("用法：accessc ") && result.stderr.contains("  详见 'accessc "), "\(result.stderr)")
            for english in ["Error:", "Usage:", "Help:", "See '", "Missing", "Unknown", "must be"] {
                #expect(!result.stderr.contains(english), "\(arguments): \(result.stderr)")
            }
        }
        // --lang wins over the locale, either way, as --lang X or --lang=X.
        #expect(try run(["init", "--lang=zh"]).stderr.hasPrefix("错误：缺少参数 --id <id>"))
        let english = try run(["diff", "--lang", "en"], environment: chinese)
        #expect(english.stderr.hasPrefix("Error: Missing expected argument '<old>'\n"), "\(english.stderr)")
    }

    @Test func explainListsEveryCodeAndExplainsOne() throws {
        let list = try run(["explain"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("SEC002 ") && list.stdout.contains("Y005 ") && list.stdout.contains("TOP001 "))
        let one = try run(["explain", "lic001"])
        #expect(one.status == 0)
        #expect(one.stdout.contains("LIC001:") && one.stdout.contains("Bad:") && one.stdout.contains("Good:"))
    }

    @Test func irPrintsCanonicalJSON() throws {
        let result = try run(["ir", "specs"])
        #expect(result.status == 0)
        // The same IR as the build's files: the index and each platform's file, put together.
        let committed = try WorkspaceIR.read(from: Self.repository.appendingPathComponent("generated/ir"))
        #expect(result.stdout == String(decoding: try committed.canonicalJSON(), as: UTF8.self))
        let index = try JSONDecoder().decode(IRIndex.self, from: Data(contentsOf: Self.repository.appendingPathComponent("generated/ir/workspace.json")))
        for entry in index.platforms {
            let file = try Data(contentsOf: Self.repository.appendingPathComponent("generated/ir/\(entry.file)"))
            let platform = try #require(committed.platforms.first { $0.id == entry.id })
            #expect(file == (try platform.canonicalJSON()), "ir/\(entry.file) is the platform's canonical JSON")
        }
    }

    /// The user's path: start `accessc mock`, point `accessc conform` at it, stop it with Ctrl-C.
    @Test func mockServesConformPassesAndSIGINTStopsIt() throws {
        let junit = FileManager.default.temporaryDirectory.appendingPathComponent("accessc-conform-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: junit) }
        let mock = Process()
        mock.executableURL = Self.executable
        mock.arguments = ["mock", "specs", "--platform", "hefei", "--port", "0"]
        mock.currentDirectoryURL = Self.repository
        mock.environment = ProcessInfo.processInfo.environment.merging(["HEFEI_APP_SECRET": "cli-secret"]) { $1 }
        let out = Pipe(), err = Pipe()
        mock.standardOutput = out
        mock.standardError = err
        try mock.run()
        defer { if mock.isRunning { mock.terminate() } }

        // The mock announces its port on standard error once it listens.
        var announced = ""
        while !announced.contains("; Ctrl-C") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            announced += String(decoding: chunk, as: UTF8.self)
        }
        let port = try #require(announced.split(separator: ":").last(where: { Int($0.prefix { $0.isNumber }) != nil }).flatMap { Int($0.prefix { $0.isNumber }) },
                                "no port in: \(announced)")

        let conform = Process()
        conform.executableURL = Self.executable
        conform.arguments = ["conform", "specs", "--platform", "hefei", "--base-url", "http://127.0.0.1:\(port)", "--junit", junit.path]
        conform.currentDirectoryURL = Self.repository
        conform.environment = mock.environment
        let report = Pipe()
        conform.standardOutput = report
        conform.standardError = Pipe()
        try conform.run()
        let text = String(decoding: report.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        conform.waitUntilExit()
        #expect(conform.terminationStatus == 0, "\(text)")
        #expect(text.contains(" 0 failed"))
        #expect(FileManager.default.fileExists(atPath: junit.path))

        mock.interrupt()
        mock.waitUntilExit()
        #expect(mock.terminationStatus == 0)
        let log = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stopped = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stopped.contains("mock of hefei stopped"))
        let vectors = Int(text.split(separator: "\n").last?.split(separator: " ").first ?? "") ?? -1
        // A replayed-nonce vector sends its request twice.
        let replays = try String(contentsOf: Self.repository.appendingPathComponent("generated/tests/hefei/vectors.json"), encoding: .utf8)
            .components(separatedBy: #""check" : "replayed-nonce""#).count - 1
        #expect(replays > 0)
        #expect(log.split(separator: "\n").count == vectors + replays, "one log line per request")
        #expect(log.contains(" 401 ") && log.contains("INVALID_SIGNATURE: no X-Signature header"))
    }

    @Test func mockWithoutItsKeySaysWhichVariableToSet() throws {
        let result = try run(["mock", "specs", "--platform", "samr", "--port", "0"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("set SAMR_SIGNING_KEY"))
        let unknown = try run(["mock", "specs", "--platform", "nowhere"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no platform 'nowhere'"))
        let usage = try run(["mock", "specs", "--platform", "hefei", "--fail-rate", "2"])
        #expect(usage.status == 2)
    }
}
