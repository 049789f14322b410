import AccessSpecCore
import AccessSpecSyntax
import Foundation
import Testing

/// Every standard rule's examples are proven: the bad one, merged into the example workspace
/// (Golden/base/: a valid hub and one valid platform of each other level), fires exactly that
/// rule; the good one leaves the workspace clean. See `RuleExample` for the patch format.
struct RuleExamplesTests {
    static let ruleCodes = RuleCatalog.all.map(\.code.rawValue)

    @Test func exampleWorkspaceAloneIsClean() {
        let workspace = ExampleWorkspace()
        #expect(Set(workspace.contracts.keys) == Set(RuleExample.platformIDs.values))
        let diagnostics = workspace.compile()
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
    }

    @Test(arguments: ruleCodes)
    func badExampleFiresExactlyItsRule(_ code: String) throws {
        let rule = try #require(RuleCatalog.byCode[DiagnosticCode(code)])
        let diagnostics = try ExampleWorkspace().patching(rule.badExample).compile()
        let rendered = "\(rule.bad)\n---\n\(DiagnosticRenderer().render(diagnostics))"
        #expect(Set(diagnostics.map(\.code)) == [rule.code], "\(rendered)")
        #expect(diagnostics.allSatisfy { $0.span?.file.path == "\(rule.badExample.platformID).yaml" }, "reported outside the patched contract: \(rendered)")
    }

    @Test(arguments: ruleCodes)
    func goodExampleLeavesTheWorkspaceClean(_ code: String) throws {
        let rule = try #require(RuleCatalog.byCode[DiagnosticCode(code)])
        let diagnostics = try ExampleWorkspace().patching(rule.goodExample).compile()
        #expect(diagnostics.isEmpty, "\(rule.good)\n---\n\(DiagnosticRenderer().render(diagnostics))")
    }

    @Test func docsShowEveryRuleExampleAsExplainPrintsIt() throws {
        let reference = try String(contentsOf: ExampleWorkspace.repository.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        for rule in RuleCatalog.all {
            let showsBad = reference.contains("Bad:\n\n```yaml\n\(rule.bad)\n```")
            let showsGood = reference.contains("Good:\n\n```yaml\n\(rule.good)\n```")
            let explains = reference.contains(rule.explanation)
            #expect(showsBad, "docs/rules.md shows an old bad example for \(rule.code)")
            #expect(showsGood, "docs/rules.md shows an old good example for \(rule.code)")
            #expect(explains, "docs/rules.md has an old explanation for \(rule.code)")
        }
    }

    // MARK: The rules that once passed what they forbid

    @Test(arguments: ["1.0", "1.1"])
    func offeringGMTLSDoesNotExcuseOldPlainTLS(_ version: String) throws {
        let diagnostics = try ExampleWorkspace().patching(.provincial, "security: {transport: {minTls: \"\(version)\", gm: true}}").compile()
        #expect(diagnostics.map(\.code) == ["SEC001"])
        #expect(diagnostics.first?.message.contains("below 1.2; offering GM TLS as well does not make it safe") == true)
    }

    @Test(arguments: ["production", "prod", "staging", "uat", "pre-production"])
    func everyEnvironmentButTestAndDevelopmentOnesMustBeHTTPS(_ name: String) throws {
        let diagnostics = try ExampleWorkspace().patching(.provincial, "platform: {environments: {\(name): http://x.ah.example.gov.cn/api}}").compile()
        #expect(diagnostics.map(\.code) == ["SEC002"])
        #expect(diagnostics.first?.message.contains("of environment '\(name)' is not https") == true)
    }

    @Test(arguments: ["test", "testing", "dev", "development", "sandbox"])
    func testAndDevelopmentEnvironmentsMayUseHTTP(_ name: String) throws {
        let diagnostics = try ExampleWorkspace().patching(.provincial, "platform: {environments: {\(name): http://x.ah.example.gov.cn/api}}").compile()
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
    }

    @Test(arguments: ["{type: string, maxLength: 200, required: false}", "UseCause?"])
    func anOptionalUseCauseIsAnError(_ field: String) throws {
        let patch = "types: {VerifyRequest: {fields: {useCause: \(field)}}, UseCause: {type: string, maxLength: 200}}"
        let diagnostics = try ExampleWorkspace().patching(.provincial, patch).compile()
        #expect(diagnostics.map(\.code) == ["LIC001"], "\(DiagnosticRenderer().render(diagnostics))")
        #expect(diagnostics.first?.message.contains("'useCause' (用证事由) is optional") == true)
    }

    @Test func aWorkspaceWithoutAHubIsOneErrorAtThePlatformThatSortsFirst() throws {
        var workspace = try ExampleWorkspace().patching(.provincial, "connections: []").patching(.departmental, "connections: []")
        workspace.contracts["national"] = nil
        let diagnostics = workspace.compile()
        #expect(diagnostics.map(\.code) == ["TOP006"], "\(DiagnosticRenderer().render(diagnostics))")
        #expect(diagnostics.first?.span?.file.path == "anhui.yaml")
        #expect(diagnostics.first?.message.contains("no national platform") == true)
    }

    @Test func aSecondHubIsReportedWithANoteAtTheFirst() throws {
        let rule = try #require(RuleCatalog.byCode["TOP006"])
        let diagnostics = try ExampleWorkspace().patching(rule.badExample).compile()
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.span?.file.path == "samr.yaml")
        #expect(diagnostics.first?.notes.map(\.message) == ["'national' is national too"])
        #expect(diagnostics.first?.notes.first?.span?.file.path == "national.yaml")
    }
}

/// The example workspace: one contract per platform id, as YAML text.
struct ExampleWorkspace {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = repository.appendingPathComponent("Tests/AccessSpecCoreTests/Golden/base")

    var contracts: [String: String]

    init() {
        contracts = Dictionary(uniqueKeysWithValues: RuleExample.platformIDs.values.map { id in
            (id, (try? String(contentsOf: Self.folder.appendingPathComponent("\(id).yaml"), encoding: .utf8)) ?? "")
        })
    }

    func patching(_ example: RuleExample) throws -> ExampleWorkspace {
        try patching(example.level, example.patch)
    }

    /// The workspace with `patch` merged into the contract of the platform of `level`.
    func patching(_ level: PlatformLevel, _ patch: String) throws -> ExampleWorkspace {
        let id = try #require(RuleExample.platformIDs[level])
        let contract = try MergePatch.parse(contracts[id] ?? "", as: "\(id).yaml")
        var patched = self
        patched.contracts[id] = MergePatch.render(MergePatch.apply(try MergePatch.parse(patch, as: "patch"), to: contract))
        return patched
    }

    func compile() -> [Diagnostic] {
        let entries = contracts.map { id, text in
            WorkspaceSources.Entry(relativePath: "\(id).yaml", file: SourceFile(path: "\(id).yaml", text: text))
        }
        return Compiler.compile(WorkspaceSources(contracts: entries)).diagnostics
    }
}

/// YAML merge patches (RFC 7386) over YAMLNode trees, rendered back to block YAML.
enum MergePatch {
    static func parse(_ text: String, as path: String) throws -> YAMLNode {
        let diagnostics = DiagnosticEngine()
        let node = YAMLLoader().load(SourceFile(path: path, text: text), diagnostics: diagnostics)
        #expect(diagnostics.diagnostics.isEmpty, "\(path) is not valid YAML: \(DiagnosticRenderer().render(diagnostics.diagnostics))")
        return try #require(node)
    }

    /// Mappings merge key by key, a null value removes its key, anything else replaces.
    static func apply(_ patch: YAMLNode, to target: YAMLNode?) -> YAMLNode {
        guard case .mapping(let changes) = patch.content else { return patch }
        var pairs: [YAMLPair] = if case .mapping(let existing)? = target?.content { existing } else { [] }
        for change in changes {
            let index = pairs.firstIndex { $0.key.scalar?.text == change.key.scalar?.text }
            if change.value.scalar?.resolved(tag: change.value.tag) == .null {
                if let index { pairs.remove(at: index) }
            } else if let index {
                pairs[index].value = apply(change.value, to: pairs[index].value)
            } else {
                var added = change
                added.value = apply(change.value, to: nil)
                pairs.append(added)
            }
        }
        return YAMLNode(.mapping(pairs), span: patch.span)
    }

    static func render(_ node: YAMLNode, indent: String = "") -> String {
        switch node.content {
        case .scalar(let scalar): return indent + text(scalar) + "\n"
        case .mapping(let pairs): return pairs.map { indent + text($0.key.scalar!) + ":" + nested($0.value, indent) }.joined()
        case .sequence(let items): return items.map { indent + "-" + nested($0, indent) }.joined()
        }
    }

    private static func nested(_ node: YAMLNode, _ indent: String) -> String {
        switch node.content {
        case .scalar(let scalar): " " + text(scalar) + "\n"
        case .mapping(let pairs) where pairs.isEmpty: " {}\n"
        case .sequence(let items) where items.isEmpty: " []\n"
        default: "\n" + render(node, indent: indent + "  ")
        }
    }

    /// Plain scalars stay plain, so that they resolve as they did; every other style becomes double-quoted.
    private static func text(_ scalar: YAMLScalar) -> String {
        guard scalar.style != .plain else { return scalar.text }
        let escaped = scalar.text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
        return "\"\(escaped)\""
    }
}
