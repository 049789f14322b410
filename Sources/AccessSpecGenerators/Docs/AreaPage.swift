import AccessSpecCore

/// `areas/<area>`: one access area across the network. Failures and warnings first, each rule
/// with the platforms it flags, province by province; then every province's platforms counted
/// by outcome; then the rules. While the network is small, also a matrix of every platform
/// against every rule, the connections that carry the area and each platform's settings.
struct AreaPage {
    let ir: WorkspaceIR
    let outline: NetworkOutline
    let area: AccessArea
    let text: ContractText
    let rules: RuleTexts

    private var isSmall: Bool { outline.ordered.count <= DocsGenerator.wholeNetworkLimit }

    func build() -> DocPage {
        var blocks: [Block] = [
            .section(DocSection(id: "scope", title: [.label("范围", "Scope")], blocks: [.paragraph([Labels.areaScope(area)])])),
            .section(attention),
            .section(byProvince),
            .section(ruleSection),
        ]
        if isSmall { blocks += [.section(matrix), .section(connections), .section(platforms)] } else { blocks.append(.section(connections)) }
        return DocPage(
            page: .area(area),
            title: [Labels.area(area)],
            subtitle: [.label("接入内容", "Access area"), .text(" "), .code(area.rawValue)],
            blocks: blocks,
            source: [])
    }

    private var areaRules: [RuleIR] { rules.rules(area: area.rawValue) }

    /// Each platform's records in this area, in the docs' order.
    private var records: [(platform: PlatformIR, records: [ComplianceResult])] {
        DocsTables.ordered(ir.platforms).map { platform in (platform, platform.compliance.filter { $0.area == area.rawValue }) }
    }

    /// Where a platform is counted: its province, the hub, the departments, or elsewhere.
    enum Group: Hashable {
        case hub
        case province(String)
        case departments
        case other
    }

    private func group(_ id: String) -> Group {
        if let province = outline.province[id] { return .province(province) }
        var current: String? = id
        while let here = current {
            switch outline.platforms[here]?.level {
            case .departmental: return .departments
            case .national where here == id: return .hub
            default: current = outline.parent[here]
            }
        }
        return .other
    }

    private func groupLabel(_ group: Group) -> [Inline] {
        switch group {
        case .hub: [.label("国家平台", "National hub")]
        case .province(let id): [.link([.text(outline.platforms[id]?.name ?? id)], DocTarget(.region(id)))]
        case .departments: [.label("国务院部门及其下", "State Council departments and below")]
        case .other: [.label("其他 (经国家平台接入的第三方等)", "Other (third parties through the hub, and the like)")]
        }
    }

    /// Groups in the docs' order: the hub, provinces by region code, departments, the rest.
    private func ordered(_ groups: some Sequence<Group>) -> [Group] {
        Array(Set(groups)).sorted { a, b in
            func key(_ group: Group) -> (Int, String) {
                switch group {
                case .hub: (0, "")
                case .province(let id): (1, outline.platforms[id].map { $0.region + $0.id } ?? id)
                case .departments: (2, "")
                case .other: (3, "")
                }
            }
            return key(a) < key(b)
        }
    }

    private var attention: DocSection {
        let all = records
        var blocks: [Block] = []
        for status in [ComplianceStatus.failed, .warning] {
            for rule in areaRules {
                let flagged = all.filter { $0.records.contains { $0.rule == rule.code && $0.status == status } }.map(\.platform)
                guard !flagged.isEmpty else { continue }
                let byGroup = Dictionary(grouping: flagged) { group($0.id) }
                blocks.append(.table(DocTable(
                    caption: [.status(status), .text(" "), .code(rule.code), .text(" ")] + rules.summary(rule.code)
                        + [.text(" · \(flagged.count) 个平台 platforms")],
                    columns: [[.label("所属", "Where")], [.label("平台数", "Platforms")], [.label("平台 (发现见各平台页)", "Platforms (findings on each platform's page)")]],
                    rows: ordered(byGroup.keys).map { key in
                        [groupLabel(key), [.text(String(byGroup[key]!.count))],
                         .joined(byGroup[key]!.map { [.link([.text($0.name)], DocTarget(.platform($0.id), SitePaths.areaFragment(area)))] }, separator: [.text("、")])]
                    },
                    style: "flagged")))
            }
        }
        if blocks.isEmpty {
            blocks.append(.paragraph([.label("没有平台在该接入内容上未通过或有警告。", "No platform fails or has a warning in this area.")]))
        } else {
            let platforms = all.filter { $0.records.contains { $0.status == .failed || $0.status == .warning } }
            blocks.insert(.paragraph(DocsTables.platformOutcomes(platforms.map { ComplianceTally($0.records) }) + [.text(" · "), .label("按规则列出, 未通过在前", "by rule, failures first")]), at: 0)
        }
        return DocSection(id: "attention", title: [.label("未通过与警告", "Failures and warnings")], blocks: blocks)
    }

    private var byProvince: DocSection {
        let all = records
        let byGroup = Dictionary(grouping: all) { group($0.platform.id) }
        let statuses: [ComplianceStatus] = [.failed, .warning, .passed]
        func row(_ label: [Inline], _ members: [(platform: PlatformIR, records: [ComplianceResult])]) -> [[Inline]] {
            let worst = members.map { ComplianceTally($0.records).worst }
            return [label, [.text(String(members.count))],
                    [.text(String(members.count { $0.platform.areas.declares(area) }))]]
                + statuses.map { status in [.text(String(worst.count { $0 == status }))] }
                + [[.text(String(worst.count { $0 == nil }))]]
        }
        let rows = ordered(byGroup.keys).map { row(groupLabel($0), byGroup[$0]!) } + [row([.label("合计", "Total")], all)]
        return DocSection(id: "by-province", title: [.label("各省汇总", "By province")], blocks: [
            .paragraph([.label("每个平台按其在该接入内容上最差的结果计一次。", "Each platform counts once, by its worst outcome in this area.")]),
            .table(DocTable(
                caption: nil,
                columns: [[.label("所属", "Where")], [.label("平台", "Platforms")], [.label("已声明", "Declared")]]
                    + statuses.map { [.status($0)] } + [[.label("均不适用或关闭", "All off or n/a")]],
                rows: rows,
                style: "counts")),
        ])
    }

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
                rows: records.map { platform, records in
                    let declared = platform.areas.declares(area)
                    return [
                        [.link([.text(platform.name)], DocTarget(.platform(platform.id), SitePaths.areaFragment(area)))],
                        [declared ? Labels.yes : Labels.no],
                    ] + codes.map { code in
                        guard let record = records.first(where: { $0.rule == code }) else { return [Labels.none] }
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
        let directions = Dictionary(grouping: carrying) { $0.areas[0].direction }.mapValues(\.count)
        let counts: [Inline] = [.text("\(carrying.count) "), .label("条接入关系包含该接入内容", "connections carry this area"), .text(": ")]
            + .joined([Direction.up, .down, .both].map { [Labels.direction($0), .text(" \(directions[$0] ?? 0)")] })
        var blocks: [Block] = [.paragraph(carrying.isEmpty ? [.label("没有接入关系包含该接入内容。", "No connection carries this area.")] : counts)]
        if isSmall, !carrying.isEmpty { blocks.append(.table(DocsTables.connections(carrying, text: text, caption: nil))) }
        return DocSection(id: "connections", title: [.label("接入关系", "Connections")], blocks: blocks)
    }

    private var platforms: DocSection {
        let ordered = DocsTables.ordered(ir.platforms)
        let declaring = ordered.filter { $0.areas.declares(area) }
        let silent = ordered.filter { !$0.areas.declares(area) }
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
