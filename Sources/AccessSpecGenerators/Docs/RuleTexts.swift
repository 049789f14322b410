import AccessSpecCore

/// What the docs say about each rule: the one-line summary and severity in force from the IR,
/// the explanation from the rule catalogue.
struct RuleTexts {
    private let inForce: [String: RuleIR]
    private let catalog: [String: Rule]

    init(_ ir: WorkspaceIR) {
        inForce = Dictionary(ir.rules.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        catalog = Dictionary(RuleCatalog.all.map { ($0.code.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func summary(_ code: String) -> String {
        inForce[code]?.summary ?? catalog[code]?.summary ?? ""
    }

    func explanation(_ code: String) -> [Inline] {
        catalog[code].map { ContractText.ruleText($0.explanation) } ?? []
    }

    func severity(_ code: String) -> String? { inForce[code]?.severity }

    /// The rules of an area (`topology` for the 接入架构 rules), in catalogue order.
    func rules(area: String, in ir: WorkspaceIR) -> [RuleIR] {
        ir.rules.filter { $0.area == area }
    }

    /// The requirement checklist of one platform for one area.
    func checklist(_ records: [ComplianceResult], caption: [Inline]) -> DocTable {
        DocTable(
            caption: caption,
            columns: [[.label("规则", "Rule")], [.label("结果", "Result")], [.label("要求", "Requirement")], [.label("说明", "Explanation")], [.label("发现", "Findings")]],
            rows: records.map { record in
                [
                    [.code(record.rule)],
                    [.status(record.status)],
                    [.text(summary(record.rule))],
                    explanation(record.rule),
                    record.findings.isEmpty ? [] : .joined(record.findings.map { [.text($0)] }, separator: [.lineBreak]),
                ]
            },
            style: "checklist")
    }
}
