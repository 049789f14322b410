import AccessSpecCore
import AccessSpecDriver
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
        #expect(flagged.stderr.contains(": 错误[L001]: 语言未定义的键"), "\(flagged.stderr)")
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
}
