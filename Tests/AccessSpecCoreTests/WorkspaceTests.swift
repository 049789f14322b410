import AccessSpecCore
import AccessSpecSyntax
import Foundation
import Testing

/// The bundled workspace, determinism of the IR, and the IR's JSON Schema.
struct WorkspaceTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let specs = repository.appendingPathComponent("specs").path

    @Test func bundledWorkspaceCompilesWithoutErrors() throws {
        let compilation = Compiler.compile(workspaceAt: Self.specs)
        #expect(compilation.errorCount == 0, "\(DiagnosticRenderer().render(compilation.diagnostics))")
        let ir = try #require(compilation.ir)
        let levels = Set(ir.platforms.map(\.level))
        #expect(levels.isSuperset(of: [.national, .provincial, .municipal, .departmental, .thirdParty]))
        #expect(ir.platforms.filter { $0.level == .provincial }.count >= 2)
        let operations = ir.platforms.flatMap(\.areas.allOperations)
        #expect(operations.count >= 40)
        #expect(Set(operations.map(\.area)) == Set(AccessArea.allCases))
        #expect(RuleCatalog.all.count >= 25)
        #expect(Set(RuleCatalog.all.compactMap(\.area)) == Set(AccessArea.allCases))
    }

    /// What a workspace folder's listing takes: `.yaml` and `.yml` files at any depth, in
    /// sorted order; not hidden files or folders, other extensions, or symbolic links (to a
    /// file or a folder, inside the workspace or out).
    @Test func aWorkspaceIsItsOwnYAMLFilesWithoutHiddenOnesOrLinks() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("accessspec-listing-\(UUID().uuidString)")
        let outside = root.appendingPathExtension("outside")
        defer { try? manager.removeItem(at: root); try? manager.removeItem(at: outside) }
        for folder in ["b/c", ".git", ".hidden", "linked-target"] {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        for file in ["z.yaml", "a.yml", "b/c/d.yaml", "b/readme.md", "b/x.yaml.bak", ".secret.yaml", ".git/e.yaml", ".hidden/f.yaml", "linked-target/g.yaml"] {
            try Data("accessSpec: 1\n".utf8).write(to: root.appendingPathComponent(file))
        }
        try Data("accessSpec: 1\n".utf8).write(to: outside.appendingPathComponent("passwd.yaml"))
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("in.yaml").path, withDestinationPath: "z.yaml")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("out.yaml").path, withDestinationPath: outside.appendingPathComponent("passwd.yaml").path)
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("folder-link").path, withDestinationPath: outside.path)
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("b/inner-link").path, withDestinationPath: "../linked-target")
        let sources = WorkspaceLoader.load(root: root.path, diagnostics: DiagnosticEngine())
        #expect(sources.contracts.map(\.relativePath) == ["a.yml", "b/c/d.yaml", "linked-target/g.yaml", "z.yaml"])
        #expect(sources.contracts.first?.file.path == root.path + "/a.yml")
    }

    /// Every file is read whole and exactly, whatever its size: empty, around the size of the
    /// reader's extra buffer, and large; and one that cannot be read is a located error.
    @Test func filesAreReadByteForByte() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("accessspec-reading-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: root) }
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        var written: [String: [UInt8]] = [:]
        for size in [0, 1, 4095, 4096, 4097, 100_000, 3_000_000] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ size) }
            written["f\(size).yaml"] = bytes
            try Data(bytes).write(to: root.appendingPathComponent("f\(size).yaml"))
        }
        try Data("a: 1\n".utf8).write(to: root.appendingPathComponent("locked.yaml"))
        try manager.setAttributes([.posixPermissions: 0o000], ofItemAtPath: root.appendingPathComponent("locked.yaml").path)
        defer { try? manager.setAttributes([.posixPermissions: 0o644], ofItemAtPath: root.appendingPathComponent("locked.yaml").path) }
        let diagnostics = DiagnosticEngine()
        let sources = WorkspaceLoader.load(root: root.path, diagnostics: diagnostics)
        for entry in sources.contracts where entry.relativePath != "locked.yaml" {
            #expect(entry.file.bytes == written[entry.relativePath], "\(entry.relativePath)")
        }
        #expect(Set(written.keys).isSubset(of: sources.contracts.map(\.relativePath)))
        // Root may read anything; otherwise the locked file is reported and left out.
        if getuid() != 0 {
            #expect(Set(sources.contracts.map(\.relativePath)) == Set(written.keys))
            #expect(diagnostics.sorted.contains { $0.message.contains("cannot read") && $0.message.contains("locked.yaml") })
        }
    }

    @Test func irIsByteIdenticalWhateverTheFileOrder() throws {
        let diagnostics = DiagnosticEngine()
        let sources = WorkspaceLoader.load(root: Self.specs, diagnostics: diagnostics)
        let first = try #require(Compiler.compile(sources).ir).canonicalJSON()
        var reversed = sources
        reversed.contracts.reverse()
        var shuffled = sources
        var generator = SystemRandomNumberGenerator()
        shuffled.contracts.shuffle(using: &generator)
        for variant in [reversed, shuffled, sources] {
            let again = try #require(Compiler.compile(variant).ir).canonicalJSON()
            #expect(again == first)
        }
    }

    @Test func diagnosticsAreIdenticalWhateverTheFileOrder() {
        let diagnostics = DiagnosticEngine()
        var sources = WorkspaceLoader.load(root: Self.specs, diagnostics: diagnostics)
        // Break two files so that there is something to report.
        for index in sources.contracts.indices.prefix(2) {
            let entry = sources.contracts[index]
            sources.contracts[index].file = SourceFile(path: entry.file.path, bytes: entry.file.bytes + Array("\nidentiy: {}\n".utf8))
        }
        let render = { (sources: WorkspaceSources) in DiagnosticRenderer().render(Compiler.compile(sources).diagnostics) }
        let first = render(sources)
        sources.contracts.reverse()
        #expect(render(sources) == first)
        #expect(first.contains("error[L001]"))
    }

    @Test func irMatchesItsJSONSchema() throws {
        let ir = try #require(Compiler.compile(workspaceAt: Self.specs).ir)
        let instance = FileManager.default.temporaryDirectory.appendingPathComponent("accessspec-ir-\(UUID().uuidString).json")
        try ir.canonicalJSON().write(to: instance)
        defer { try? FileManager.default.removeItem(at: instance) }
        let schema = Self.repository.appendingPathComponent("docs/ir.schema.json").path
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1])); instance = json.load(open(sys.argv[2]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(instance), key=str)
            for error in errors[:5]: print(list(error.absolute_path), error.message)
            bad = dict(instance); bad["irVersion"] = 99
            if not list(jsonschema.Draft202012Validator(schema).iter_errors(bad)): print("schema accepts a wrong irVersion")
            # The files a build writes: the index and each platform's file, against their parts.
            def part(name): return jsonschema.Draft202012Validator(dict(schema, **{"$ref": "#/$defs/" + name}))
            folder = sys.argv[3]
            index = json.load(open(folder + "/workspace.json"))
            files = [(part("IRIndex"), index, "workspace.json")] + [(part("PlatformIR"), json.load(open(folder + "/" + p["file"])), p["file"]) for p in index["platforms"]]
            for validator, document, name in files:
                for error in list(validator.iter_errors(document))[:3]: errors.append(error); print(name, list(error.absolute_path), error.message)
            if len(files) != len(instance["platforms"]) + 1: errors.append("platform files"); print("the index lists", len(files) - 1, "platforms")
            sys.exit(1 if errors else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema, instance.path, Self.repository.appendingPathComponent("generated/ir").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "schema validation failed: \(output)")
        #expect(!output.contains("accepts a wrong"))
    }

    @Test func everyCodeHasAnExplanationAndEveryRuleHasExamples() {
        let codes = DiagnosticCatalog.all.map(\.code)
        #expect(Set(codes).count == codes.count, "codes are unique")
        for descriptor in DiagnosticCatalog.all {
            #expect(!descriptor.summary.isEmpty && !descriptor.explanation.isEmpty, "\(descriptor.code)")
        }
        for rule in RuleCatalog.all {
            #expect(!rule.bad.isEmpty && !rule.good.isEmpty, "\(rule.code) needs a bad and a good example")
        }
    }

    @Test func workspaceConfigTunesRulesButNotLanguageErrors() {
        let config = SourceFile(path: "accessspec.yaml", text: "accessSpecWorkspace: 1\nrules:\n  SEC001: off\n  L001: off\n  SEC00: warning\n")
        let diagnostics = DiagnosticEngine()
        var sources = WorkspaceLoader.load(root: Self.specs, diagnostics: diagnostics)
        sources.config = .init(relativePath: "accessspec.yaml", file: config)
        let rendered = DiagnosticRenderer().render(Compiler.compile(sources).diagnostics)
        #expect(rendered.contains("accessspec.yaml:4:3: error[L012]: 'L001' is a language error and cannot be tuned"))
        #expect(rendered.contains("accessspec.yaml:5:3: error[L012]: 'SEC00' is not a rule code"))
    }
}

extension WorkspaceTests {
    @Test func rulesReferenceDocumentsEveryCode() throws {
        let reference = try String(contentsOf: Self.repository.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        for descriptor in DiagnosticCatalog.all {
            #expect(reference.contains("### \(descriptor.code.rawValue)"), "docs/rules.md lacks \(descriptor.code.rawValue)")
            #expect(reference.contains(descriptor.summary), "docs/rules.md has an old summary for \(descriptor.code.rawValue)")
            #expect(reference.contains("**\(descriptor.summaryZh)**\n\n\(descriptor.explanationZh)\n"), "docs/rules.md has an old Chinese text for \(descriptor.code.rawValue)")
        }
    }
}
