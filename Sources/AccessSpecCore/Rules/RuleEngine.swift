import AccessSpecSyntax
import Foundation

/// How one rule came out for one platform, as the IR and the docs show it.
public enum ComplianceStatus: String, Codable, Sendable {
    case passed, warning, failed, off
    case notApplicable = "not-applicable"
}

public struct ComplianceResult: Codable, Equatable, Sendable {
    public var rule: String
    public var area: String
    public var status: ComplianceStatus
    public var findings: [String]
}

/// Runs every rule on every platform, reports the findings and records the outcomes.
final class RuleEngine: @unchecked Sendable {
    let diagnostics: DiagnosticEngine
    let severities: [DiagnosticCode: Severity?]
    /// Set before the platforms are judged, only read while they are.
    private var errorSpans: [SourceSpan] = []

    init(diagnostics: DiagnosticEngine, severities: [DiagnosticCode: Severity?]) {
        self.diagnostics = diagnostics
        self.severities = severities
    }

    func run(_ workspace: SemanticWorkspace) -> [String: [ComplianceResult]] {
        // A rule does not repeat, in its own words, an error already reported inside the value
        // it looks at (a literal secret is not also "no signing declared").
        errorSpans = diagnostics.diagnostics.filter { $0.severity == .error }.compactMap(\.span)
        let ids = workspace.platforms.keys.sorted()
        // Computed once: every platform's rules ask, and a scan each would be quadratic.
        let national = ids.compactMap { workspace.platforms[$0]!.platform }.filter { $0.identity.level == .national }
        // Platforms are judged several at a time; findings are reported in platform order, so
        // output does not depend on timing.
        let outcomes = ConcurrentSlots<([ComplianceResult], [Diagnostic])>(count: ids.count)
        DispatchQueue.concurrentPerform(iterations: ids.count) { index in
            let contract = workspace.platforms[ids[index]]!
            let context = RuleContext(contract: contract, platform: contract.platform!, workspace: workspace,
                                      nationalPlatforms: national, firstPlatformID: ids.first)
            var reported: [Diagnostic] = []
            outcomes[index] = (RuleCatalog.all.map { rule in evaluate(rule, context, reporting: &reported) }, reported)
        }
        var results: [String: [ComplianceResult]] = [:]
        for (index, id) in ids.enumerated() {
            let (outcome, reported) = outcomes[index]!
            reported.forEach(diagnostics.emit)
            results[id] = outcome
        }
        return results
    }

    private func evaluate(_ rule: Rule, _ context: RuleContext, reporting reported: inout [Diagnostic]) -> ComplianceResult {
        let severity = severities[rule.code] ?? rule.defaultSeverity
        let area = rule.area?.rawValue ?? "topology"
        guard let severity else {
            return ComplianceResult(rule: rule.code.rawValue, area: area, status: .off, findings: [])
        }
        guard case .checked(let findings) = rule.evaluate(context) else {
            return ComplianceResult(rule: rule.code.rawValue, area: area, status: .notApplicable, findings: [])
        }
        for finding in findings where !errorSpans.contains(where: { finding.span.contains($0) }) {
            reported.append(Diagnostic(severity, rule.code, finding.text, at: finding.span, notes: finding.notes, fixIts: finding.fixIts))
        }
        let status: ComplianceStatus = findings.isEmpty ? .passed : severity == .error ? .failed : .warning
        return ComplianceResult(rule: rule.code.rawValue, area: area, status: status, findings: findings.map(\.message))
    }
}
