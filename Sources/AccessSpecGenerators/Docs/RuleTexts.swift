import AccessSpecCore
import AccessSpecSyntax

/// What the docs say about each rule: the severity in force from the IR, the summary and the
/// explanation from the catalogue, Chinese first and the English below, as the labels are.
struct RuleTexts {
    private let inForce: [String: RuleIR]

    private let all: [RuleIR]

    init(_ rules: [RuleIR]) {
        all = rules
        inForce = Dictionary(rules.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func summary(_ code: String) -> [Inline] {
        guard let descriptor = DiagnosticCatalog.byCode[DiagnosticCode(code)] else { return [.text(inForce[code]?.summary ?? "")] }
        return [.text(descriptor.summary(in: .zh)), .lineBreak, .text(descriptor.summary(in: .en))]
    }

    func explanation(_ code: String) -> [Inline] {
        guard let descriptor = DiagnosticCatalog.byCode[DiagnosticCode(code)] else { return [] }
        return ContractText.ruleText(descriptor.explanation(in: .zh)) + [.lineBreak] + ContractText.ruleText(descriptor.explanation(in: .en))
    }

    func severity(_ code: String) -> String? { inForce[code]?.severity }

    /// The rules of an area (`topology` for the 接入架构 rules), in catalogue order.
    func rules(area: String) -> [RuleIR] {
        all.filter { $0.area == area }
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
                    summary(record.rule),
                    explanation(record.rule),
                    record.findings.isEmpty ? [] : .joined(record.findings.map { [.text($0)] }, separator: [.lineBreak]),
                ]
            },
            style: "checklist")
    }
}
