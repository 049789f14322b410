import AccessSpecSyntax
import Foundation

/// Settings a workspace gives in `accessspec.yaml`.
public struct WorkspaceSettings: Sendable, Codable, Equatable {
    public var itemCodePattern = ValueFormat.defaultItemCodePattern
    /// Percent; OPS002 warns below it.
    public var minAvailability = 99.5
    /// Days; SEC006 requires at least this.
    public var minAuditRetentionDays = 180

    public init() {}
}

/// A change that `accessc diff` reports as ignored rather than gating on: one code on one
/// platform, with the reason a reviewer accepted it.
public struct DiffIgnore: Sendable, Equatable {
    public var platform: String
    public var code: String
    public var reason: String
    /// Where the entry is written, for a diagnostic when it matches nothing.
    public var span: SourceSpan?

    public init(platform: String, code: String, reason: String, span: SourceSpan? = nil) {
        self.platform = platform
        self.code = code
        self.reason = reason
        self.span = span
    }
}

public struct WorkspaceConfig: Sendable {
    public var settings = WorkspaceSettings()
    /// Severity per rule code; nil turns a rule off.
    public var ruleSeverities: [DiagnosticCode: Severity?] = [:]
    /// What `accessc build` writes (the `generate:` section).
    public var generation = GenerationSettings()
    var generationLocations = GenerationSettings.Locations()
    /// `diff.baseline`: what `accessc build` compares against for the docs' changelog.
    public var diffBaseline: String?
    /// `diff.ignore`: accepted changes, reported as ignored.
    public var diffIgnores: [DiffIgnore] = []

    public init() {}

    /// Reads the config file; problems are reported and the defaults kept.
    public static func decode(_ root: YAMLNode, diagnostics: DiagnosticEngine) -> WorkspaceConfig {
        var config = WorkspaceConfig()
        let decoder = NodeDecoder(diagnostics: diagnostics)
        guard let top = decoder.fields(root, "the workspace config", known: ContractSchema.workspaceConfig.keyNames) else { return config }
        if let node = decoder.required(top, "accessSpecWorkspace"), let version = decoder.integer(node, "'accessSpecWorkspace'"), version.value != 1 {
            diagnostics.error(LanguageDiagnostics.version, "workspace config version \(version.value) is not supported; this accessc reads version 1", at: node.span)
        }
        if let node = top["rules"] {
            let rules = RuleCatalog.byCode
            for (code, pair) in decoder.entries(node, "'rules'") ?? [] {
                guard let rule = rules[DiagnosticCode(code.value)] else {
                    let known = DiagnosticCatalog.all.contains { $0.code.rawValue == code.value }
                    let nearest = Suggestions.nearest(to: code.value, in: rules.keys.map(\.rawValue))
                    diagnostics.error(LanguageDiagnostics.config,
                                      known ? "'\(code.value)' is a language error and cannot be tuned; only the standard's rules can"
                                            : "'\(code.value)' is not a rule code; `accessc explain` lists them",
                                      at: code.span, fixIts: nearest.map { [FixIt("did you mean '\($0)'?", replacing: code.span, with: $0)] } ?? [])
                    continue
                }
                guard let level = decoder.choice(pair.value, "severity of \(rule.code)", RuleLevel.self) else { continue }
                config.ruleSeverities[rule.code] = level.value.severity
            }
        }
        if let node = top["settings"], let settings = decoder.fields(node, "'settings'", known: ContractSchema.workspaceSettings.keyNames) {
            if let pattern = settings["itemCodePattern"].flatMap({ decoder.string($0, "'itemCodePattern'") }) {
                if case .failure(let problem) = Pattern.compiled(pattern.value) {
                    diagnostics.error(LanguageDiagnostics.config, "itemCodePattern '\(pattern.value)' is not in AccessSpec's regular expression dialect: \(problem)", at: pattern.span)
                } else {
                    config.settings.itemCodePattern = pattern.value
                }
            }
            if let value = settings["minAvailability"].flatMap({ decoder.number($0, "'minAvailability'") }) { config.settings.minAvailability = value.value }
            if let value = settings["minAuditRetentionDays"].flatMap({ decoder.integer($0, "'minAuditRetentionDays'") }) {
                config.settings.minAuditRetentionDays = value.value
            }
        }
        if let node = top["generate"] {
            config.generation = GenerationSettings.decode(node, decoder: decoder, locations: &config.generationLocations)
        }
        if let node = top["diff"] { decodeDiff(node, decoder: decoder, into: &config) }
        return config
    }

    private static func decodeDiff(_ node: YAMLNode, decoder: NodeDecoder, into config: inout WorkspaceConfig) {
        guard let diff = decoder.fields(node, "'diff'", known: ContractSchema.diff.keyNames) else { return }
        config.diffBaseline = diff["baseline"].flatMap { decoder.string($0, "'diff.baseline'") }?.value
        for entry in diff["ignore"].flatMap({ decoder.list($0, "'diff.ignore'") }) ?? [] {
            guard let fields = decoder.fields(entry, "an ignored change", known: ContractSchema.ignoredChange.keyNames),
                  let platform = decoder.required(fields, "platform").flatMap({ decoder.string($0, "'platform'") }),
                  let code = decoder.required(fields, "code").flatMap({ decoder.string($0, "'code'") }),
                  let reason = decoder.required(fields, "reason").flatMap({ decoder.string($0, "'reason'") })
            else { continue }
            guard !reason.value.trimmingCharacters(in: .whitespaces).isEmpty else {
                decoder.diagnostics.error(LanguageDiagnostics.config, "an ignored change needs a reason a reviewer can read", at: reason.span)
                continue
            }
            config.diffIgnores.append(DiffIgnore(platform: platform.value, code: code.value.uppercased(), reason: reason.value, span: entry.span))
        }
    }
}

enum RuleLevel: String, CaseIterable, Sendable {
    case error, warning, off

    var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .off: nil
        }
    }
}
