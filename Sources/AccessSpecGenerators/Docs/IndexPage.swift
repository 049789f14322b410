import AccessSpecCore

/// `index`: the access network at a glance: the topology diagram, the connections, the
/// platforms, the areas and the rules in force.
struct IndexPage {
    let ir: WorkspaceIR
    let text: ContractText
    let rules: RuleTexts
    let topologySVG: String

    func build() -> DocPage {
        DocPage(
            page: .index,
            title: [.label("接入总览", "Access overview")],
            subtitle: [.text("\(ir.platforms.count) 个平台, \(ir.connections.count) 条接入关系 · \(ir.platforms.count) platforms, \(ir.connections.count) connections")],
            blocks: [
                .section(topology),
                .section(platforms),
                .section(areas),
                .section(ruleSection),
                .section(settings),
            ],
            source: [])
    }

    private var topology: DocSection {
        DocSection(id: "topology", title: [.label("接入拓扑", "Topology")], blocks: [
            .topology(svg: topologySVG, alternative: [
                .label("自上而下: 国家平台, 省级与国务院部门平台, 市级, 县级, 第三方; 连线标注接入内容与方向, 点击平台查看其接入规范。",
                       "Top to bottom: national, provincial and departmental, municipal, county, third party; each edge lists its areas and directions; select a platform to open its contract."),
            ]),
            .table(DocsTables.connections(ir.connections, text: text, caption: [.label("接入关系", "Connections")])),
        ])
    }

    private var platforms: DocSection {
        let ordered = DocsTables.ordered(ir.platforms)
        return DocSection(id: "platforms", title: [.label("平台", "Platforms")], blocks: [
            .table(DocTable(
                caption: nil,
                columns: [[.label("平台", "Platform")], [.label("标识", "Id")], [.label("层级", "Level")], [.label("行政区划", "Region")],
                          [.label("网络", "Network")], [.label("接入内容", "Areas")], [.label("合规", "Compliance")]],
                rows: ordered.map { platform in
                    [
                        [.link([.text(platform.name)], DocTarget(.platform(platform.id))), .lineBreak, .text(platform.nameEn)],
                        [.code(platform.id)],
                        [Labels.level(platform.level)],
                        [.code(platform.region)],
                        [Labels.network(platform.network)],
                        DocsTables.declaredAreas(platform),
                        DocsTables.complianceCounts(platform.compliance),
                    ]
                },
                style: "platforms")),
        ])
    }

    private var areas: DocSection {
        DocSection(id: "areas", title: [.label("接入内容", "Access areas")], blocks: [
            .table(DocTable(
                caption: nil,
                columns: [[.label("接入内容", "Area")], [.label("键", "Key")], [.label("声明的平台", "Declared by")], [.label("规则", "Rules")]],
                rows: AccessArea.allCases.map { area in
                    let declaring = DocsTables.ordered(ir.platforms).filter { ContractText.settings(area, of: $0) != nil }
                    return [
                        [.link([Labels.area(area)], DocTarget(.area(area)))],
                        [.code(area.rawValue)],
                        declaring.isEmpty ? [Labels.none] : .joined(declaring.map { [.link([.code($0.id)], DocTarget(.platform($0.id)))] }),
                        [.text(String(rules.rules(area: area.rawValue, in: ir).count))],
                    ]
                })),
        ])
    }

    private var ruleSection: DocSection {
        DocSection(id: "rules", title: [.label("规则与级别", "Rules in force")], blocks: [
            .table(DocTable(
                caption: nil,
                columns: [[.label("规则", "Rule")], [.label("接入内容", "Area")], [.label("级别", "Severity")], [.label("要求", "Requirement")]],
                rows: ir.rules.map { rule in
                    [[.code(rule.code)], DocsTables.ruleArea(rule.area), [Labels.severity(rule.severity)], [.text(rule.summary)]]
                })),
        ])
    }

    private var settings: DocSection {
        DocSection(id: "settings", title: [.label("工作区设置", "Workspace settings")], blocks: [
            .definitions([
                ([.label("事项编码格式", "Item code pattern")], [.code(ir.settings.itemCodePattern)]),
                ([.label("最低可用性 (%)", "Minimum availability (%)")], [.code(ContractText.number(ir.settings.minAvailability))]),
                ([.label("最短审计留存 (天)", "Minimum audit retention (days)")], [.code(String(ir.settings.minAuditRetentionDays))]),
            ]),
        ])
    }
}
