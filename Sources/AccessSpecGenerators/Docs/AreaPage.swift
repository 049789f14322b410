import AccessSpecCore

/// `areas/<area>`: one access area across all platforms: its rules, how each platform came
/// out, the connections that carry it, and each platform's settings and operations for it.
struct AreaPage {
    let ir: WorkspaceIR
    let area: AccessArea
    let text: ContractText
    let rules: RuleTexts

    func build() -> DocPage {
        DocPage(
            page: .area(area),
            title: [Labels.area(area)],
            subtitle: [.label("接入内容", "Access area"), .text(" "), .code(area.rawValue)],
            blocks: [
                .section(DocSection(id: "scope", title: [.label("范围", "Scope")], blocks: [.paragraph([Labels.areaScope(area)])])),
                .section(ruleSection),
                .section(matrix),
                .section(connections),
                .section(platforms),
            ],
            source: [])
    }

    private var areaRules: [RuleIR] { rules.rules(area: area.rawValue, in: ir) }

    private var ruleSection: DocSection {
        let blocks: [Block] = areaRules.isEmpty
            ? [.paragraph([Labels.none])]
            : [.table(DocTable(
                caption: nil,
                columns: [[.label("规则", "Rule")], [.label("级别", "Severity")], [.label("要求", "Requirement")], [.label("说明", "Explanation")]],
                rows: areaRules.map { rule in
                    [[.code(rule.code)], [Labels.severity(rule.severity)], rules.summary(rule.code), rules.explanation(rule.code)]
                },
                style: "checklist"))]
        return DocSection(id: "rules", title: [.label("规则", "Rules")], blocks: blocks)
    }

    private var matrix: DocSection {
        let codes = areaRules.map(\.code)
        return DocSection(id: "compliance", title: [.label("各平台合规情况", "Compliance by platform")], blocks: [
            .table(DocTable(
                caption: nil,
                columns: [[.label("平台", "Platform")], [.label("已声明", "Declared")]] + codes.map { [.code($0)] },
                rows: DocsTables.ordered(ir.platforms).map { platform in
                    let declared = ContractText.settings(area, of: platform) != nil
                    return [
                        [.link([.text(platform.name)], DocTarget(.platform(platform.id), SitePaths.areaFragment(area)))],
                        [declared ? Labels.yes : Labels.no],
                    ] + codes.map { code in
                        guard let record = platform.compliance.first(where: { $0.rule == code }) else { return [Labels.none] }
                        return [.status(record.status)] + record.findings.flatMap { [.lineBreak, .text($0)] }
                    }
                },
                style: "matrix")),
        ])
    }

    private var connections: DocSection {
        let carrying = ir.connections.compactMap { connection -> ConnectionIR? in
            let flows = connection.areas.filter { $0.area == area }
            guard !flows.isEmpty else { return nil }
            var only = connection
            only.areas = flows
            return only
        }
        let blocks: [Block] = carrying.isEmpty
            ? [.paragraph([.label("没有接入关系包含该接入内容。", "No connection carries this area.")])]
            : [.table(DocsTables.connections(carrying, text: text, caption: nil))]
        return DocSection(id: "connections", title: [.label("接入关系", "Connections")], blocks: blocks)
    }

    private var platforms: DocSection {
        let ordered = DocsTables.ordered(ir.platforms)
        let declaring = ordered.filter { ContractText.settings(area, of: $0) != nil }
        let silent = ordered.filter { ContractText.settings(area, of: $0) == nil }
        var blocks: [Block] = declaring.map { platform in
            let operations = ContractText.operations(area, of: platform) ?? []
            var inner: [Block] = [
                .table(DocTable(
                    caption: [.label("设置", "Settings")],
                    columns: [[.label("设置", "Setting")], [.label("键", "Key")], [.label("值", "Value")]],
                    rows: text.settingsRows(area, of: platform),
                    style: "settings")),
            ]
            if operations.isEmpty {
                inner.append(.paragraph([.label("接口", "Operations"), .text(": "), Labels.none]))
            } else {
                inner.append(.table(DocTable(
                    caption: [.label("接口", "Operations")],
                    columns: [[.label("接口", "Operation")], [.label("方法", "Method")], [.label("路径", "Path")], [.label("摘要", "Summary")]],
                    rows: operations.map { operation in
                        [text.operationLink(operation, platform: platform.id), [.code(operation.method.rawValue)], [.code(operation.path)],
                         [.text(operation.summary)] + (operation.summaryEn.map { [.lineBreak, .text($0)] } ?? [])]
                    },
                    style: "operations")))
            }
            return .section(DocSection(
                id: "platform-" + SitePaths.token(platform.id),
                title: [.link([.text(platform.name)], DocTarget(.platform(platform.id), SitePaths.areaFragment(area))), .text(" "), .code(platform.id)],
                blocks: inner))
        }
        if !silent.isEmpty {
            blocks.append(.paragraph([.label("未声明该接入内容的平台", "Platforms not declaring this area"), .text(": ")]
                + .joined(silent.map { text.platformLink($0.id) })))
        }
        return DocSection(id: "platforms", title: [.label("各平台", "By platform")], blocks: blocks)
    }
}
