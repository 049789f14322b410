import AccessSpecCore
import AccessSpecDriver
import AccessSpecSyntax
import Foundation
import Testing

/// What a spec author meets at the terminal: limits, languages and the language's schema.
struct AuthoringTests {
    let cli = CommandLineTests()

    /// A workspace with `count` misspelt keys in one contract, each its own error.
    func workspaceWithErrors(_ count: Int) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accessspec-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fields = (0..<count).map { "      field\($0): {tpye: string}" }.joined(separator: "\n")
        try "accessSpec: 1\ntypes:\n  Big:\n    fields:\n\(fields)\n".write(to: folder.appendingPathComponent("types.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func textStopsAtMaxErrorsAndTheSummaryCountsAll() throws {
        let folder = try workspaceWithErrors(80)
        let limited = try cli.run(["check", folder.path, "--max-errors", "3"])
        #expect(limited.status == 1)
        #expect(limited.stderr.components(separatedBy: ": error[").count - 1 == 3)
        #expect(limited.stderr.contains("accessc: and 77 more errors and 0 other problems not shown (the first 3 were; --max-errors 0 shows all)\n"))
        #expect(limited.stderr.hasSuffix("accessc: 80 errors, 0 warnings in 1 file\n"))
        let byDefault = try cli.run(["check", folder.path])
        #expect(byDefault.stderr.components(separatedBy: ": error[").count - 1 == ReportOptions.defaultMaxErrors)
        let all = try cli.run(["check", folder.path, "--max-errors", "0"])
        #expect(all.stderr.components(separatedBy: ": error[").count - 1 == 80)
        #expect(!all.stderr.contains("not shown"))
        // JSON is for tools: always everything.
        let json = try cli.run(["check", folder.path, "--format", "json", "--max-errors", "1"])
        #expect(json.stdout.components(separatedBy: "\"code\" : \"L001\"").count - 1 == 80)
        #expect(try cli.run(["check", folder.path, "--max-errors", "-1"]).status == 2)
    }

    @Test func chineseFromTheFlagOrTheLocale() throws {
        let folder = try workspaceWithErrors(1)
        let flagged = try cli.run(["check", folder.path, "--lang", "zh"])
        // The message itself is Chinese, not the code's summary before the English one.
        #expect(flagged.stderr.contains(": 错误[L001]: 类型“Big”的字段“field0”中有未知的键“tpye”\n"), "\(flagged.stderr)")
        #expect(flagged.stderr.contains("   = 建议: 是否应为“type”？\n"))
        #expect(!flagged.stderr.contains("unknown key"))
        #expect(flagged.stderr.hasSuffix("accessc: 1 个文件中有 1 个错误、0 个警告\n"))
        let fromLocale = try cli.run(["check", folder.path], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(fromLocale.stderr == flagged.stderr)
        let english = try cli.run(["check", folder.path, "--lang", "en"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(english.stderr.contains(": error[L001]: unknown key 'tpye'"))
        let explained = try cli.run(["explain", "TOP001", "--lang", "zh"])
        #expect(explained.stdout.hasPrefix("TOP001: 省级平台或国务院部门平台接入国家政务服务平台\n"))
        #expect(explained.stdout.contains("错误示例："))
        #expect(try cli.run(["check", folder.path, "--lang", "fr"]).status == 2)
    }

    /// docs/ holds what `accessc schema` prints, so editors reading the committed file see the
    /// language this compiler reads.
    @Test func committedSchemasAreWhatAccesscPrints() throws {
        for document in ContractSchema.Document.allCases {
            let printed = try cli.run(["schema", document.rawValue])
            #expect(printed.status == 0)
            let committed = try String(contentsOf: CommandLineTests.repository.appendingPathComponent("docs/\(document.fileName)"), encoding: .utf8)
            #expect(printed.stdout == committed, "docs/\(document.fileName) is stale; run 'accessc schema \(document.rawValue) > docs/\(document.fileName)'")
        }
        #expect(try cli.run(["schema", "nonsense"]).status == 2)
    }

    func copyOfSpecs() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accessspec-init-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CommandLineTests.repository.appendingPathComponent("specs"), to: folder)
        return folder
    }

    /// One new platform of each level, each connected where its level belongs, all clean together.
    @Test func initWritesAContractOfEachLevelThatChecksClean() throws {
        let folder = try copyOfSpecs()
        let requests = [
            ["--id", "jinan", "--level", "municipal", "--region", "370100"],
            ["--id", "lixia", "--level", "county", "--region", "370102"],
            ["--id", "guangdong", "--level", "provincial", "--region", "440000"],
            ["--id", "mof", "--level", "departmental"],
            ["--id", "alipay", "--level", "third-party", "--region", "330000", "--to", "shandong"],
        ]
        for arguments in requests {
            let result = try cli.run(["init", folder.path] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let lixia = try String(contentsOf: folder.appendingPathComponent("lixia.yaml"), encoding: .utf8)
        #expect(lixia.contains("  - to: jinan\n"), "a county connects to the city of its region")
        #expect(lixia.contains("key: \"${env:LIXIA_SECRET}\""))
        #expect(lixia.contains("待填写"))
        let check = try cli.run(["check", folder.path])
        #expect(check.status == 0 && check.stderr.hasSuffix("accessc: no problems in 13 files\n"), "\(check.stderr)")
    }

    @Test func initNeverReplacesAFileAndRefusesWhatWouldNotCheckClean() throws {
        let folder = try copyOfSpecs()
        let existing = folder.appendingPathComponent("jinan.yaml")
        try "keep me\n".write(to: existing, atomically: true, encoding: .utf8)
        let replaced = try cli.run(["init", folder.path, "--id", "jinan", "--level", "municipal", "--region", "370100"])
        #expect(replaced.status == 1 && replaced.stderr.contains("already exists"))
        #expect(try String(contentsOf: existing, encoding: .utf8) == "keep me\n")
        // A link planted where the file would go is not written through.
        let target = folder.appendingPathComponent("elsewhere.txt")
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("qingdao.yaml"), withDestinationURL: target)
        let linked = try cli.run(["init", folder.path, "--id", "qingdao", "--level", "municipal", "--region", "370200"])
        #expect(linked.status == 1)
        #expect(!FileManager.default.fileExists(atPath: target.path))

        let secondHub = try cli.run(["init", folder.path, "--id", "hub", "--level", "national"])
        #expect(secondHub.status == 1 && secondHub.stderr.contains("TOP006") && secondHub.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("hub.yaml").path))
        let typo = try cli.run(["init", folder.path, "--id", "yantai", "--level", "municipal", "--region", "370600", "--to", "shandnog"])
        #expect(typo.status == 1 && typo.stderr.contains("did you mean 'shandong'?"))
        #expect(try cli.run(["init", folder.path, "--id", "Bad_Id", "--level", "county", "--region", "370102"]).status == 1)
        #expect(try cli.run(["init", folder.path, "--id", "x", "--level", "provinical"]).status == 2)
        #expect(try cli.run(["init", folder.path, "--id", "weifang", "--level", "municipal"]).stderr.contains("--region"))
        // The config's own name, and a hub told to connect somewhere.
        #expect(try cli.run(["init", folder.path, "--id", "accessspec", "--level", "provincial", "--region", "340000"]).stderr.contains("workspace config"))
        #expect(try cli.run(["init", folder.path, "--id", "hub", "--level", "national", "--to", "anhui"]).stderr.contains("--to does not apply"))
    }

    /// A name with quotes, backslashes and a line break is written so that it reads back as given.
    @Test func initEscapesTheNameItWrites() throws {
        let folder = try copyOfSpecs()
        let name = "济南市\"政务\"\\服务\n平台"
        #expect(try cli.run(["init", folder.path, "--id", "jinan", "--level", "municipal", "--region", "370100", "--name", name]).status == 0)
        let sources = WorkspaceLoader.load(root: folder.path, diagnostics: DiagnosticEngine())
        let platforms = Compiler.compile(sources, lowering: false).workspace?.contracts.compactMap { $0.platform?.identity } ?? []
        #expect(platforms.first { $0.id == "jinan" }?.name == name)
    }
}
