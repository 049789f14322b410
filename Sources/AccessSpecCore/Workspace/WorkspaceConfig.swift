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
        guard let top = decoder.fields(root, LocalizedText(en: "the workspace config", zh: "工作区配置"), known: ContractSchema.workspaceConfig.keyNames) else { return config }
        if let node = decoder.required(top, "accessSpecWorkspace"), let version = decoder.integer(node, .key("accessSpecWorkspace")), version.value != 1 {
            diagnostics.error(LanguageDiagnostics.version, en: "workspace config version \(version.value) is not supported; this accessc reads version 1",
                              zh: "不支持工作区配置版本 \(version.value)；本 accessc 只读取版本 1", at: node.span)
        }
        if let node = top["rules"] {
            let rules = RuleCatalog.byCode
            for (code, pair) in decoder.entries(node, .key("rules")) ?? [] {
                guard let rule = rules[DiagnosticCode(code.value)] else {
                    let known = DiagnosticCatalog.all.contains { $0.code.rawValue == code.value }
                    let nearest = Suggestions.nearest(to: code.value, in: rules.keys.map(\.rawValue))
                    diagnostics.error(LanguageDiagnostics.config,
                                      known ? LocalizedText(en: "'\(code.value)' is a language error and cannot be tuned; only the standard's rules can",
                                                            zh: "“\(code.value)”是语言错误，不能调整；只有规范的规则可以调整")
                                            : LocalizedText(en: "'\(code.value)' is not a rule code; `accessc explain` lists them",
                                                            zh: "“\(code.value)”不是规则代码；`accessc explain` 会列出所有规则"),
                                      at: code.span, fixIts: nearest.map { [FixIt(.didYouMean($0), replacing: code.span, with: $0)] } ?? [])
                    continue
                }
                guard let level = decoder.choice(pair.value, LocalizedText(en: "severity of \(rule.code)", zh: "\(rule.code)的级别"), RuleLevel.self) else { continue }
                config.ruleSeverities[rule.code] = level.value.severity
            }
        }
        if let node = top["settings"], let settings = decoder.fields(node, .key("settings"), known: ContractSchema.workspaceSettings.keyNames) {
            if let pattern = settings["itemCodePattern"].flatMap({ decoder.string($0, .key("itemCodePattern")) }) {
                if case .failure(let problem) = Pattern.compiled(pattern.value) {
                    diagnostics.error(LanguageDiagnostics.config, en: "itemCodePattern '\(pattern.value)' is not in AccessSpec's regular expression dialect: \(problem)",
                                      zh: "itemCodePattern“\(pattern.value)”不属于 AccessSpec 的正则表达式方言：\(problem.localized.zh)", at: pattern.span)
                } else {
                    config.settings.itemCodePattern = pattern.value
                }
            }
            if let value = settings["minAvailability"].flatMap({ decoder.number($0, .key("minAvailability")) }) { config.settings.minAvailability = value.value }
            if let value = settings["minAuditRetentionDays"].flatMap({ decoder.integer($0, .key("minAuditRetentionDays")) }) {
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
        guard let diff = decoder.fields(node, .key("diff"), known: ContractSchema.diff.keyNames) else { return }
        config.diffBaseline = diff["baseline"].flatMap { decoder.string($0, .key("diff.baseline")) }?.value
        for entry in diff["ignore"].flatMap({ decoder.list($0, .key("diff.ignore")) }) ?? [] {
            guard let fields = decoder.fields(entry, LocalizedText(en: "an ignored change", zh: "忽略的变更"), known: ContractSchema.ignoredChange.keyNames),
                  let platform = decoder.required(fields, "platform").flatMap({ decoder.string($0, .key("platform")) }),
                  let code = decoder.required(fields, "code").flatMap({ decoder.string($0, .key("code")) }),
                  let reason = decoder.required(fields, "reason").flatMap({ decoder.string($0, .key("reason")) })
            else { continue }
            guard !reason.value.trimmingCharacters(in: .whitespaces).isEmpty else {
                decoder.diagnostics.error(LanguageDiagnostics.config, en: "an ignored change needs a reason a reviewer can read", zh: "忽略的变更需要写明评审人能读懂的理由", at: reason.span)
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
