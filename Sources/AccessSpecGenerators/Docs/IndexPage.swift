import AccessSpecCore

/// `index`: the access network at a glance, sized by the top of the network, not its width:
/// the drawing (the whole network while it is small, else the hub, provinces and departments
/// with the third parties summarised; a province opens its own drawing), the hub, the
/// provinces with their cities, counties and third parties counted, the departments, the third
/// parties, the areas, the rules in force and the settings. Every platform is listed (and every
/// connection) only while the network is small.
struct IndexPage {
    let ir: WorkspaceIR
    let outline: NetworkOutline
    let text: ContractText
    let rules: RuleTexts

    static let columnWidth = 176.0
    static let maxWidth = 1_260.0

    /// Whether the index lists every platform and connection, and draws them all.
    var isSmall: Bool { outline.ordered.count <= DocsGenerator.wholeNetworkLimit }

    var hub: PlatformRef? { outline.ids(.national).first.map { outline.platforms[$0]! } }

    /// The index's drawing, inline and standalone (`topology.svg`): the whole network with
    /// every connection's areas while it is small enough to read, else the top levels.
    func svg(standalone: Bool) -> String? {
        if isSmall, TopologyLayout.fits(ir) {
            return TopologySVG.render(TopologyLayout(ir), platformCount: ir.platforms.count, connectionCount: ir.connections.count, standalone: standalone)
        }
        guard let drawing = topLevelDrawing else { return nil }
        let counts = Labels.levelCounts(Dictionary(grouping: outline.ordered) { outline.platforms[$0]!.level }.mapValues(\.count))
        return HierarchySVG.render(
            HierarchyLayout(drawing, columnWidth: Self.columnWidth, maxWidth: Self.maxWidth),
            title: "接入拓扑 Access topology",
            description: "\(counts.zh); 国家平台在上, 其下为省级平台与国务院部门平台, 第三方汇总. \(counts.en); the hub on top, then the provinces and the State Council departments, third parties summarised.",
            file: SitePaths.topology, standalone: standalone)
    }

    private var topLevelDrawing: HierarchyDrawing? {
        guard let hub else { return nil }
        func node(_ id: String, target: SitePage, details: [String]) -> HierarchyDrawing.Node {
            let platform = outline.platforms[id]!
            return HierarchyDrawing.Node(
                id: id, name: platform.name, nameEn: platform.nameEn, level: platform.level, details: details,
                mark: outline.tallies[id]?.mark, target: DocTarget(target),
                tooltip: "\(platform.name) \(platform.nameEn) (\(id), \(platform.region))")
        }
        func column(_ id: String, target: SitePage) -> HierarchyDrawing.Column {
            let counts = outline.counts(under: id)
            let words = Labels.levelCounts(counts)
            return HierarchyDrawing.Column(head: node(id, target: target, details: counts.isEmpty ? [] : [words.zh, words.en]),
                                           connected: outline.parent[id] == hub.id)
        }
        let thirdParties = outline.ids(.thirdParty)
        var summary: HierarchyDrawing.Node?
        if !thirdParties.isEmpty {
            let via = viaLevels(thirdParties)
            summary = HierarchyDrawing.Node(
                id: "third-parties", name: "第三方 \(thirdParties.count) 个 · \(thirdParties.count) third parties", nameEn: nil, level: .thirdParty,
                details: [via.zh, via.en], mark: nil, target: DocTarget(.index, "third-parties"),
                tooltip: "第三方 Third parties: \(via.zh) · \(via.en)")
        }
        return HierarchyDrawing(
            title: ("接入拓扑", "Access topology"),
            root: node(hub.id, target: .platform(hub.id), details: []),
            groups: [
                HierarchyDrawing.Group(title: ("省级平台 (点击查看本省拓扑)", "Provinces (select one for its cities and counties)"),
                                       columns: outline.ids(.provincial).map { column($0, target: .region($0)) }),
                HierarchyDrawing.Group(title: ("国务院部门平台", "State Council departments"),
                                       columns: outline.ids(.departmental).map { column($0, target: .platform($0)) }),
            ],
            summary: summary)
    }

    /// Third parties counted by the level of the platform they connect through: "经省级平台 70 ·
    /// 经市级平台 30" and "via provincial 70 · via municipal 30".
    private func viaLevels(_ thirdParties: [String]) -> (zh: String, en: String) {
        let counts = Dictionary(grouping: thirdParties) { outline.parent[$0].flatMap { outline.platforms[$0]?.level } }.mapValues(\.count)
        let levels = PlatformLevel.allCases.sorted { NetworkOutline.position($0) < NetworkOutline.position($1) }.filter { counts[$0] != nil }
        var zh = levels.map { "经\($0.chineseName) \(counts[$0]!)" }
        var en = levels.map { level -> String in
            guard case .label(_, let english) = Labels.level(level) else { return level.rawValue }
            return "via \(english.lowercased()) \(counts[level]!)"
        }
        if let unplaced = counts[nil] {
            zh.append("未接入 \(unplaced)")
            en.append("connected to none \(unplaced)")
        }
        return (zh.joined(separator: " · "), en.joined(separator: " · "))
    }

    func build(svg: String?) -> DocPage {
        var blocks: [Block] = [.section(topology(svg)), .section(hubSection), .section(provinces), .section(departments), .section(thirdParties)]
        if isSmall { blocks.append(.section(platforms)) }
        blocks += [.section(areas), .section(connections), .section(ruleSection), .section(settings)]
        let counts = Labels.levelCounts(Dictionary(grouping: outline.ordered) { outline.platforms[$0]!.level }.mapValues(\.count))
        return DocPage(
            page: .index,
            title: [.label("接入总览", "Access overview")],
            subtitle: [.text("\(ir.platforms.count) 个平台 (\(counts.zh)), \(ir.connections.count) 条接入关系 · \(ir.platforms.count) platforms (\(counts.en)), \(ir.connections.count) connections")],
            blocks: blocks,
            source: [])
    }

    private func topology(_ svg: String?) -> DocSection {
        let whole = isSmall && TopologyLayout.fits(ir)
        let alternative: Inline = whole
            ? .label("自上而下: 国家平台, 省级与国务院部门平台, 市级, 县级, 第三方; 连线标注接入内容与方向, 点击平台查看其接入规范。",
                     "Top to bottom: national, provincial and departmental, municipal, county, third party; each edge lists its areas and directions; select a platform to open its contract.")
            : .label("国家平台在上, 其下为省级平台和国务院部门平台, 方框内为其下的市、县与第三方数量; 点击省级平台查看本省拓扑 (各市及所辖县), 第三方的清单见下文。",
                     "The hub on top, the provinces and State Council departments below it, each box counting the cities, counties and third parties under it; select a province for its own drawing (its cities and their counties); the third parties are listed below.")
        let blocks: [Block] = svg.map { [.topology(svg: $0, file: SitePaths.topology, alternative: [alternative])] }
            ?? [.paragraph([.label("工作区没有国家平台, 无法绘制。", "The workspace has no national platform to draw from.")])]
        return DocSection(id: "topology", title: [.label("接入拓扑", "Topology")], blocks: blocks)
    }

    private var topLevelConnections: [ConnectionIR] {
        let top: Set<PlatformLevel> = [.national, .provincial, .departmental]
        return ir.connections.filter { connection in
            [connection.from, connection.to].allSatisfy { outline.platforms[$0].map { top.contains($0.level) } ?? false }
        }
    }

    private var hubSection: DocSection {
        guard let hub else {
            return DocSection(id: "hub", title: [.label("国家平台", "National hub")], blocks: [.paragraph([.label("工作区没有国家平台。", "The workspace has no national platform.")])])
        }
        let counts = Labels.levelCounts(outline.counts(under: hub.id))
        return DocSection(id: "hub", title: [.label("国家平台", "National hub")], blocks: [
            .definitions([
                ([.label("平台", "Platform")], DocsTables.platformCell(hub)),
                ([.label("其下平台", "Under it")], [.label(counts.zh, counts.en)]),
                ([.label("接入关系", "Connections")], [.text(String(ir.connections.count))]),
                ([.label("各平台结果", "Platforms by outcome")], DocsTables.platformOutcomes(outline.ordered.compactMap { outline.tallies[$0] })),
            ]),
        ])
    }

    private var provinces: DocSection {
        let rows: [[[Inline]]] = outline.ids(.provincial).map { id in
            let counts = outline.counts(under: id)
            return [
                DocsTables.platformCell(outline.platforms[id]!),
                [.link([.label("本省拓扑", "Province network")], DocTarget(.region(id)))],
                [.code(outline.platforms[id]!.region)],
                [.text(String(counts[.municipal] ?? 0))],
                [.text(String(counts[.county] ?? 0))],
                [.text(String(counts[.thirdParty] ?? 0))],
                DocsTables.platformOutcomes(outline.subtree(id).compactMap { outline.tallies[$0] }),
            ]
        }
        let blocks: [Block] = rows.isEmpty
            ? [.paragraph([Labels.none])]
            : [.table(DocTable(
                caption: nil,
                columns: [[.label("省级平台", "Province")], [.label("拓扑", "Drawing")], [.label("行政区划", "Region")], [.label("市级", "Cities")],
                          [.label("县级", "Counties")], [.label("第三方", "Third parties")], [.label("本省各平台结果", "Platforms of the province by outcome")]],
                rows: rows,
                style: "platforms"))]
        return DocSection(id: "provinces", title: [.label("省级平台", "Provinces")], blocks: blocks)
    }

    private var departments: DocSection {
        let rows: [[[Inline]]] = outline.ids(.departmental).map { id in
            let counts = Labels.levelCounts(outline.counts(under: id))
            return [DocsTables.platformCell(outline.platforms[id]!), [.label(counts.zh, counts.en)],
                    DocsTables.complianceCounts(outline.tallies[id] ?? ComplianceTally(), separator: [.text(" · ")])]
        }
        let blocks: [Block] = rows.isEmpty
            ? [.paragraph([Labels.none])]
            : [.table(DocTable(
                caption: nil,
                columns: [[.label("部门平台", "Department")], [.label("其下平台", "Under it")], [.label("合规", "Compliance")]],
                rows: rows,
                style: "platforms"))]
        return DocSection(id: "departments", title: [.label("国务院部门平台", "State Council departments")], blocks: blocks)
    }

    private var thirdParties: DocSection {
        let rows: [[[Inline]]] = outline.ids(.thirdParty).map { id in
            let via = outline.parent[id].flatMap { outline.platforms[$0] }
            let province = outline.province[id].flatMap { outline.platforms[$0] }
            return [
                DocsTables.platformCell(outline.platforms[id]!),
                via.map { [.link([.text($0.name)], DocTarget(.platform($0.id))), .text(" · "), Labels.level($0.level)] } ?? [Labels.none],
                province.map { [.link([.text($0.name)], DocTarget(.region($0.id)))] } ?? [Labels.none],
                DocsTables.complianceCounts(outline.tallies[id] ?? ComplianceTally(), separator: [.text(" · ")]),
            ]
        }
        let blocks: [Block] = rows.isEmpty
            ? [.paragraph([Labels.none])]
            : [.table(DocTable(
                caption: nil,
                columns: [[.label("第三方", "Third party")], [.label("接入平台", "Connects through")], [.label("所属省份", "Province")], [.label("合规", "Compliance")]],
                rows: rows,
                style: "platforms"))]
        return DocSection(id: "third-parties", title: [.label("第三方", "Third parties")], blocks: blocks)
    }

    private var platforms: DocSection {
        DocSection(id: "platforms", title: [.label("全部平台", "Every platform")], blocks: [
            .table(DocTable(
                caption: nil,
                columns: [[.label("平台", "Platform")], [.label("标识", "Id")], [.label("层级", "Level")], [.label("行政区划", "Region")],
                          [.label("网络", "Network")], [.label("接入内容", "Areas")], [.label("合规", "Compliance")]],
                rows: DocsTables.ordered(ir.platforms).map { platform in
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

    /// Every connection while the network is small, else those among the top levels (each
    /// platform's page lists its own).
    private var connections: DocSection {
        guard !isSmall else {
            return DocSection(id: "connections", title: [.label("接入关系", "Connections")], blocks: [
                .table(DocsTables.connections(ir.connections, text: text, caption: nil)),
            ])
        }
        return DocSection(id: "connections", title: [.label("国家平台、省级与部门平台之间的接入关系", "Connections among the hub, provinces and departments")], blocks: [
            .paragraph([.label("市、县与第三方的接入关系见各平台页和本省拓扑。", "The connections of cities, counties and third parties are on their platforms' pages and their province's drawing.")]),
            .table(DocsTables.connections(topLevelConnections, text: text, caption: nil)),
        ])
    }

    private var areas: DocSection {
        DocSection(id: "areas", title: [.label("接入内容", "Access areas")], blocks: [
            .table(DocTable(
                caption: nil,
                columns: [[.label("接入内容", "Area")], [.label("键", "Key")], [.label("声明的平台", "Declared by")],
                          [.label("各平台结果", "Platforms by outcome")], [.label("规则", "Rules")]],
                rows: AccessArea.allCases.map { area in
                    let declaring = DocsTables.ordered(ir.platforms).filter { $0.areas.declares(area) }
                    let declared: [Inline] = isSmall
                        ? (declaring.isEmpty ? [Labels.none] : .joined(declaring.map { [.link([.code($0.id)], DocTarget(.platform($0.id)))] }))
                        : [.text(String(declaring.count))]
                    return [
                        [.link([Labels.area(area)], DocTarget(.area(area)))],
                        [.code(area.rawValue)],
                        declared,
                        DocsTables.platformOutcomes(ir.platforms.map { platform in ComplianceTally(platform.compliance.filter { $0.area == area.rawValue }) }),
                        [.text(String(rules.rules(area: area.rawValue).count))],
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
