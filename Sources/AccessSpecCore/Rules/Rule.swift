import AccessSpecSyntax

/// One requirement of the access standard, checked on each platform contract.
public struct Rule: Sendable {
    public let code: DiagnosticCode
    /// The access area the rule belongs to; nil for the topology (接入架构) rules.
    public let area: AccessArea?
    public let defaultSeverity: Severity
    public let summary: String
    public let explanation: String
    public let badExample: RuleExample
    public let goodExample: RuleExample
    let evaluate: @Sendable (RuleContext) -> RuleOutcome

    init(
        _ code: DiagnosticCode, area: AccessArea?, _ severity: Severity, _ summary: String,
        explanation: String, bad: RuleExample, good: RuleExample,
        evaluate: @escaping @Sendable (RuleContext) -> RuleOutcome
    ) {
        self.code = code
        self.area = area
        self.defaultSeverity = severity
        self.summary = summary
        self.explanation = explanation
        self.badExample = bad
        self.goodExample = good
        self.evaluate = evaluate
    }

    /// The examples as `accessc explain` and docs/rules.md show them.
    public var bad: String { badExample.text }
    public var good: String { goodExample.text }

    public var descriptor: DiagnosticDescriptor {
        DiagnosticDescriptor(code, summary, explanation: explanation, bad: bad, good: good, tunable: true)
    }
}

/// A bad or good example of a rule, short enough to read in `accessc explain` and exact enough
/// to compile (Tests/AccessSpecCoreTests/RuleExamplesTests.swift proves each one): a YAML merge
/// patch (RFC 7386: mappings merge key by key, `null` removes a key, anything else replaces)
/// on the contract of one platform of the example workspace, Tests/AccessSpecCoreTests/Golden/base/,
/// which is a valid hub and one valid platform of each other level.
public struct RuleExample: Sendable {
    /// The example workspace's platform of each level.
    public static let platformIDs: [PlatformLevel: String] = [
        .national: "national", .provincial: "anhui", .municipal: "hefei", .county: "yaohai",
        .departmental: "samr", .thirdParty: "bank",
    ]

    public let level: PlatformLevel
    public let patch: String

    init(_ level: PlatformLevel, _ patch: String) {
        self.level = level
        self.patch = patch
    }

    public var platformID: String { Self.platformIDs[level]! }

    /// The patch under a comment naming the contract it is merged into.
    public var text: String { "# merged into \(platformID), the example \(level.rawValue) platform\n" + patch }
}

public enum RuleOutcome: Sendable {
    /// The rule says nothing about this platform (a county rule on a province).
    case notApplicable
    case checked([RuleFinding])

    static let passed = RuleOutcome.checked([])

    static func failed(en: String, zh: String, at span: SourceSpan, notes: [DiagnosticNote] = [], fixIts: [FixIt] = []) -> RuleOutcome {
        .checked([RuleFinding(en: en, zh: zh, span: span, notes: notes, fixIts: fixIts)])
    }

    /// Passed when `condition` holds.
    static func require(_ condition: Bool, en: @autoclosure () -> String, zh: @autoclosure () -> String, at span: @autoclosure () -> SourceSpan,
                        fixIts: @autoclosure () -> [FixIt] = []) -> RuleOutcome {
        condition ? .passed : .failed(en: en(), zh: zh(), at: span(), fixIts: fixIts())
    }
}

public struct RuleFinding: Sendable {
    public var text: LocalizedText
    public var span: SourceSpan
    public var notes: [DiagnosticNote] = []
    public var fixIts: [FixIt] = []

    /// The English text: the stable form the compliance report and tests use.
    public var message: String { text.en }

    init(en: String, zh: String, span: SourceSpan, notes: [DiagnosticNote] = [], fixIts: [FixIt] = []) {
        self.text = LocalizedText(en: en, zh: zh)
        self.span = span
        self.notes = notes
        self.fixIts = fixIts
    }
}

/// What a rule sees: one platform contract within the resolved workspace.
public struct RuleContext: Sendable {
    public let contract: ContractFile
    public let platform: PlatformDecl
    public let workspace: SemanticWorkspace
    /// The workspace's national platforms (one, when it is well formed), by id.
    let nationalPlatforms: [PlatformDecl]
    /// The id that sorts first among the platforms that decoded.
    let firstPlatformID: String?

    var identity: PlatformIdentity { platform.identity }
    var level: PlatformLevel { identity.level }
    var scope: Scope { workspace.scope(of: contract) }

    func declares(_ area: AccessArea) -> Bool { contract.mayDeclare(area) }

    /// Sections whose absence a rule of their own reports: security for every platform
    /// (SEC007), operations for government platforms (OPS001).
    var requiredSections: Set<AccessArea> { level.isGovernment ? [.security, .operations] : [.security] }

    /// Whether a connection goes to a platform whose header failed to decode: whether this
    /// platform reaches its parent (TOP001-TOP003) cannot be known until that header is fixed.
    /// Rules that look at each target skip it by themselves, since `targets` holds only
    /// platforms that decoded.
    var connectsToBrokenPlatform: Bool {
        contract.connections.contains { workspace.brokenPlatforms.contains($0.to.value) }
    }
    func area(_ area: AccessArea) -> AreaDecl? { contract.areas[area] }

    /// The platforms this one connects to that exist in the workspace.
    var targets: [(connection: ConnectionDecl, target: ContractFile, identity: PlatformIdentity)] {
        contract.connections.compactMap { connection in
            guard let target = workspace.platforms[connection.to.value], let identity = target.platform?.identity else { return nil }
            return (connection, target, identity)
        }
    }

    var items: ItemsSettings? { if case .items(let s)? = contract.areas[.items]?.settings { s } else { nil } }
    var portal: PortalSettings? { if case .portal(let s)? = contract.areas[.portal]?.settings { s } else { nil } }
    var identitySettings: IdentitySettings? { if case .identity(let s)? = contract.areas[.identity]?.settings { s } else { nil } }
    var seal: SealSettings? { if case .seal(let s)? = contract.areas[.seal]?.settings { s } else { nil } }
    var license: LicenseSettings? { if case .license(let s)? = contract.areas[.license]?.settings { s } else { nil } }
    var operations: OperationsSettings? { if case .operations(let s)? = contract.areas[.operations]?.settings { s } else { nil } }
    var security: SecuritySettings? { if case .security(let s)? = contract.areas[.security]?.settings { s } else { nil } }
    var thirdParty: ThirdPartySettings? { if case .thirdParty(let s)? = contract.areas[.thirdParty]?.settings { s } else { nil } }

    /// Where a setting was written, or the area's key when it was left out.
    func span(_ area: AccessArea, _ path: String) -> SourceSpan {
        contract.areas[area]?.spans[path] ?? platform.spans.section
    }
}
