import AccessSpecCore

/// `regions/<province>`: one province's part of the network, from its `RegionContext` alone:
/// its drawing (cities as columns, their counties and third parties stacked below), its cities
/// and every platform of the province with how it came out.
struct RegionPage {
    let region: RegionContext

    static let columnWidth = 176.0
    static let maxWidth = 1_140.0

    private var province: PlatformRef { region.province.platform }

    var drawingFile: String { SitePaths.regionDrawing(province.id) }

    func svg(standalone: Bool) -> String {
        let counts = counts
        return HierarchySVG.render(
            HierarchyLayout(drawing, columnWidth: Self.columnWidth, maxWidth: Self.maxWidth),
            title: "\(province.name) 本省接入拓扑 Province network",
            description: "\(province.name): \(counts.zh). \(province.nameEn): \(counts.en).",
            file: drawingFile, standalone: standalone)
    }

    private var counts: (zh: String, en: String) {
        Labels.levelCounts(Dictionary(grouping: region.members, by: \.platform.level).mapValues(\.count))
    }

    var drawing: HierarchyDrawing {
        func node(_ member: RegionContext.Member, nameEn: Bool = false, details: [String] = []) -> HierarchyDrawing.Node {
            let platform = member.platform
            var details = details
            if platform.level == .thirdParty, let parent = member.parent { details.append("经 via \(parent.name)") }
            return HierarchyDrawing.Node(
                id: platform.id, name: platform.name, nameEn: nameEn ? platform.nameEn : nil, level: platform.level, details: details,
                mark: member.tally.mark, target: DocTarget(.platform(platform.id)),
                tooltip: "\(platform.name) \(platform.nameEn) (\(platform.id), \(platform.region))")
        }
        let columns = region.columns.map { column in
            HierarchyDrawing.Column(
                head: column.head.map { head in
                    let words = Labels.levelCounts(Dictionary(grouping: column.members, by: \.platform.level).mapValues(\.count))
                    return node(head, details: column.members.isEmpty ? [] : [words.zh])
                },
                caption: column.head == nil ? ("省直接管理", "Under the province") : nil,
                items: column.members.map { node($0) })
        }
        let counts = counts
        return HierarchyDrawing(
            title: ("本省接入拓扑", "Province network"),
            root: node(region.province, nameEn: true, details: [counts.zh, counts.en]),
            groups: [HierarchyDrawing.Group(title: ("市级与县级平台", "Cities and counties"), columns: columns)])
    }

    func build(svg: String) -> DocPage {
        let counts = counts
        let cities = region.columns.compactMap(\.head)
        return DocPage(
            page: .region(province.id),
            title: [.text(province.name), .text(" · "), .label("本省接入拓扑", "Province network")],
            subtitle: [.label(counts.zh, counts.en), .text(" · "), .code(province.region)],
            blocks: [
                .section(DocSection(id: "topology", title: [.label("接入拓扑", "Topology")], blocks: [
                    .topology(svg: svg, file: drawingFile, alternative: [
                        .label("省级平台在上; 每个市一列, 其下为所辖县级平台和经其接入的第三方 (虚线框); 第一列为省直接管理的县级平台和经省级平台接入的第三方。点击平台查看其接入规范。",
                               "The province on top; one column per city, with its counties and the third parties connecting through them (dashed) below; the first column holds what hangs directly under the province. Select a platform to open its contract."),
                    ]),
                ])),
                .section(attention),
                .section(DocSection(id: "cities", title: [.label("市级平台", "Cities")], blocks: [cityTable])),
                .section(DocSection(id: "platforms", title: [.label("本省全部平台", "Every platform of the province")], blocks: [platformTable])),
            ],
            source: [],
            navigation: [
                NavigationGroup(title: [.label("省级平台", "Province")], links: [([.text(province.name)], DocTarget(.platform(province.id)))]),
                NavigationGroup(title: [.label("市级平台", "Cities")], links: cities.map { ([.text($0.platform.name)], DocTarget(.platform($0.platform.id))) }),
            ])
    }

    private var everyone: [RegionContext.Member] { [region.province] + region.members }

    private var attention: DocSection {
        // Failures first, each part in the province's own order.
        let flagged = everyone.filter { $0.tally.failed > 0 } + everyone.filter { $0.tally.failed == 0 && $0.tally.warning > 0 }
        let blocks: [Block] = flagged.isEmpty
            ? [.paragraph([.label("本省没有未通过或警告的平台。", "No platform of the province has a failure or a warning.")])]
            : [.table(DocTable(
                caption: nil,
                columns: [[.label("平台", "Platform")], [.label("层级", "Level")], [.label("上级平台", "Connects up to")], [.label("合规", "Compliance")]],
                rows: flagged.map(row),
                style: "platforms"))]
        return DocSection(id: "attention", title: [.label("未通过与警告", "Failures and warnings")], blocks: blocks)
    }

    private func row(_ member: RegionContext.Member) -> [[Inline]] {
        [
            DocsTables.platformCell(member.platform),
            [Labels.level(member.platform.level)],
            member.parent.map { [.link([.text($0.name)], DocTarget(.platform($0.id)))] } ?? [Labels.none],
            DocsTables.complianceCounts(member.tally, separator: [.text(" · ")]),
        ]
    }

    private var cityTable: Block {
        let rows: [[[Inline]]] = region.columns.compactMap { column in
            guard let head = column.head else { return nil }
            return [
                DocsTables.platformCell(head.platform),
                [.code(head.platform.region)],
                [.text(String(column.members.count { $0.platform.level == .county }))],
                [.text(String(column.members.count { $0.platform.level == .thirdParty }))],
                DocsTables.platformOutcomes(([head] + column.members).map(\.tally)),
            ]
        }
        guard !rows.isEmpty else { return .paragraph([.label("本省没有市级平台。", "The province has no municipal platform.")]) }
        return .table(DocTable(
            caption: nil,
            columns: [[.label("市级平台", "City")], [.label("行政区划", "Region")], [.label("县级平台", "Counties")], [.label("第三方", "Third parties")],
                      [.label("各平台结果", "Platforms by outcome")]],
            rows: rows,
            style: "platforms"))
    }

    private var platformTable: Block {
        .table(DocTable(
            caption: nil,
            columns: [[.label("平台", "Platform")], [.label("层级", "Level")], [.label("行政区划", "Region")], [.label("上级平台", "Connects up to")], [.label("合规", "Compliance")]],
            rows: everyone.map { member in
                let cells = row(member)
                return [cells[0], cells[1], [.code(member.platform.region)], cells[2], cells[3]]
            },
            style: "platforms"))
    }
}
