import AccessSpecCore

/// `platforms/<id>`: one platform's contract and how it meets the standard. It reads the
/// platform and its `PlatformPageContext`, never the rest of the IR.
///
/// A contract too large for one page (the hub's hundreds of operations and types) is split: the
/// platform's page keeps everything but the entries of its operations and types, which it lists
/// (with the same fragments, so links from elsewhere still land) and which move to parts,
/// `platforms/<id>/operations-<area>-<n>` and `platforms/<id>/types-<n>`.
struct PlatformPage {
    let platform: PlatformIR
    let context: PlatformPageContext
    private(set) var text: ContractText
    let rules: RuleTexts
    /// The parts and what each holds, when the page is split.
    private var parts: [(part: PlatformPart, operations: [OperationIR], types: [TypeIR])] = []

    /// A page's HTML above this many bytes is split.
    static let splitAbove = 800_000
    static let operationsPerPart = 60
    static let typesPerPart = 120

    init(platform: PlatformIR, context: PlatformPageContext, split: Bool = false) {
        self.platform = platform
        self.context = context
        text = ContractText(platforms: context.platforms + [PlatformRef(platform)], operations: Set(context.knownOperations))
        rules = RuleTexts(context.rules)
        guard split else { return }
        for area in AccessArea.allCases {
            let operations = platform.areas.allOperations.filter { $0.area == area }
            for (index, chunk) in Self.chunks(operations, of: Self.operationsPerPart).enumerated() {
                parts.append((.operations(area, index + 1), chunk, []))
            }
        }
        for (index, chunk) in Self.chunks(platform.types, of: Self.typesPerPart).enumerated() {
            parts.append((.types(index + 1), [], chunk))
        }
        for (part, operations, types) in parts {
            for operation in operations { text.operationTargets[operation.id] = DocTarget(.platformPart(platform.id, part), SitePaths.operationFragment(operation.id)) }
            for type in types { text.typeTargets[type.name] = DocTarget(.platformPart(platform.id, part), SitePaths.typeFragment(type.name)) }
        }
    }

    private static func chunks<Element>(_ elements: [Element], of size: Int) -> [[Element]] {
        stride(from: 0, to: elements.count, by: size).map { Array(elements[$0..<min($0 + size, elements.count)]) }
    }

    private var id: String { platform.id }
    private var isSplit: Bool { !parts.isEmpty }

    /// The platform's page, then its parts when split.
    func build() -> [DocPage] {
        var blocks: [Block] = [
            .section(profile),
            .section(connections),
            .section(compliance),
            .section(areas),
            .section(isSplit ? operationIndex : operations),
            .section(isSplit ? typeIndex : types),
            .section(errors),
        ]
        if let changes = context.changes { blocks.insert(.section(changes.section(for: id)), at: 1) }
        let page = DocPage(
            page: .platform(id),
            title: [.text(platform.name)],
            subtitle: [.text(platform.nameEn), .text(" · "), Labels.level(platform.level), .text(" · "), .code(id)],
            blocks: blocks,
            source: source,
            navigation: navigation)
        return [page] + parts.map { part, operations, types in
            let title: [Inline] = switch part {
            case .operations(let area, let index): [Labels.area(area), .text(" · "), .label("接口", "Operations")] + count(index, area: area)
            case .types(let index): [.label("类型", "Types")] + count(index, area: nil)
            }
            return DocPage(
                page: .platformPart(id, part),
                title: [.text(platform.name), .text(" · ")] + title,
                subtitle: [.link([.text(platform.name)], DocTarget(.platform(id))), .text(" · "), .code(id)],
                blocks: operations.map { .section(operationSection($0)) } + types.map { .section(typeSection($0)) },
                source: source,
                navigation: [NavigationGroup(title: [.label("本平台", "This platform")], links: [([.text(platform.name)], DocTarget(.platform(id)))] + partLinks)])
        }
    }

    private var partLinks: [(label: [Inline], target: DocTarget)] {
        parts.map { ([.text(label($0.part))], DocTarget(.platformPart(id, $0.part))) }
    }

    private var source: [Inline] { [.label("来源", "Source"), .text(": "), .code(platform.source)] }

    /// " (2/3)" when an area's operations or the types take more than one part.
    private func count(_ index: Int, area: AccessArea?) -> [Inline] {
        let total = parts.count { part in
            switch (part.part, area) {
            case (.operations(let other, _), let area?): other == area
            case (.types, nil): true
            default: false
            }
        }
        return total > 1 ? [.text(" (\(index)/\(total))")] : []
    }

    private func label(_ part: PlatformPart) -> String {
        switch part {
        case .operations(let area, let index): "\(Labels.areaShort(area).zh)接口 \(Labels.areaShort(area).en) operations \(index)"
        case .types(let index): "类型 types \(index)"
        }
    }

    /// A split page's list of its operations, by area, each row keeping the operation's fragment.
    private var operationIndex: DocSection {
        let blocks: [Block] = AccessArea.allCases.compactMap { area in
            let operations = platform.areas.allOperations.filter { $0.area == area }
            guard !operations.isEmpty else { return nil }
            return .table(DocTable(
                caption: [Labels.area(area)],
                columns: [[.label("接口", "Operation")], [.label("方法", "Method")], [.label("路径", "Path")], [.label("摘要", "Summary")]],
                rows: operations.map { operation in
                    [text.operationLink(operation, platform: id), [.code(operation.method.rawValue)], [.code(operation.path)],
                     [.text(operation.summary)] + (operation.summaryEn.map { [.lineBreak, .text($0)] } ?? [])]
                },
                style: "operations",
                rowIDs: operations.map { SitePaths.operationFragment($0.id) }))
        }
        return DocSection(id: "operations", title: [.label("接口", "Operations")],
                          blocks: [.paragraph([.label("接口较多, 详情分页列出。", "Many operations: their entries are on pages of their own.")])] + blocks)
    }

    /// A split page's list of its types, each row keeping the type's fragment.
    private var typeIndex: DocSection {
        DocSection(id: "types", title: [.label("类型", "Types")], blocks: [
            .paragraph([.label("类型较多, 详情分页列出。", "Many types: their entries are on pages of their own.")]),
            .table(DocTable(
                caption: nil,
                columns: [[.label("类型", "Type")], [.label("种类", "Kind")], [.label("说明", "Description")]],
                rows: platform.types.map { type in [text.type(.named(type.name), platform: id), [kind(type)], type.description.map { [.text($0)] } ?? []] },
                style: "values",
                rowIDs: platform.types.map { SitePaths.typeFragment($0.name) })),
        ])
    }

    private func kind(_ type: TypeIR) -> Inline {
        switch type.kind {
        case .record: .label("记录", "record")
        case .enumeration: .label("枚举", "enum")
        case .alias: .label("别名", "alias")
        }
    }

    /// Its neighbours in the network and its province: the page's own way around the site.
    private var navigation: [NavigationGroup] {
        func links(_ ids: [String]) -> [(label: [Inline], target: DocTarget)] {
            ids.map { ([.text(text.platforms[$0]?.name ?? $0)], DocTarget(.platform($0))) }
        }
        var groups = [NavigationGroup(title: [.label("本平台分页", "Pages of this platform")], links: partLinks)]
        if let region = context.region {
            var province = region == id ? [] : links([region])
            province.append(([.label("本省拓扑", "Province network")], DocTarget(.region(region))))
            groups.append(NavigationGroup(title: [.label("所属省份", "Province")], links: province))
        }
        groups.append(NavigationGroup(title: [.label("上级平台", "Connects up to")], links: links([context.parent].compactMap { $0 })))
        groups.append(NavigationGroup(title: [.label("下级平台", "Connected below")], links: links(context.children)))
        groups.append(NavigationGroup(title: [.label("其他接入", "Other connections")], links: links(context.peers)))
        return groups
    }

    private var profile: DocSection {
        var facts: [(term: [Inline], value: [Inline])] = [
            ([.label("标识", "Id")], [.code(id)]),
            ([.label("名称", "Name")], [.text(platform.name)]),
            ([.label("英文名称", "English name")], [.text(platform.nameEn)]),
            ([.label("层级", "Level")], [Labels.level(platform.level)]),
            ([.label("行政区划代码", "Division code")], [.code(platform.region)]),
            ([.label("运营单位", "Operator")], [.text(platform.operator.name)]),
            ([.label("统一社会信用代码", "Unified social credit code")], [.code(platform.operator.uscc)]),
            ([.label("网络", "Network")], [Labels.network(platform.network)]),
            ([.label("环境", "Environments")], .joined(platform.environments.map { [.text($0.name + ": "), .code($0.url)] }, separator: [.lineBreak])),
        ]
        if let parent = context.parent { facts.append(([.label("上级平台", "Connects up to")], text.platformLink(parent) + [.text(" "), .code(parent)])) }
        if let region = context.region {
            let network: [Inline] = [.link([.label("本省拓扑", "Province network")], DocTarget(.region(region)))]
            facts.append(([.label("所属省份", "Province")], region == id ? network : text.platformLink(region) + [.text(" · ")] + network))
        }
        if !context.children.isEmpty {
            let counts = Dictionary(grouping: context.children) { text.platforms[$0]?.level ?? .thirdParty }.mapValues(\.count)
            let words = Labels.levelCounts(counts)
            facts.append(([.label("下级平台", "Connected below")], [.label(words.zh, words.en)]))
        }
        if let description = platform.description { facts.append(([.label("说明", "Description")], [.text(description)])) }
        facts.append(([.label("合同文件", "Contract file")], [.code(platform.source)]))
        return DocSection(id: "profile", title: [.label("基本信息", "Platform identity")], blocks: [.definitions(facts)])
    }

    private var connections: DocSection {
        // By the other end, in the docs' order: provinces by region code, then departments...
        let order = Dictionary(uniqueKeysWithValues: context.platforms.enumerated().map { ($1.id, $0) })
        let mine = context.connections.enumerated().sorted { a, b in
            let other = { (connection: ConnectionIR) in order[connection.from == id ? connection.to : connection.from] ?? Int.max }
            return (other(a.element), a.offset) < (other(b.element), b.offset)
        }.map(\.element)
        let blocks: [Block] = mine.isEmpty
            ? [.paragraph([.label("本平台没有接入关系。", "This platform has no connections.")])]
            : [.table(DocsTables.connections(mine, text: text, caption: nil))]
        return DocSection(id: "connections", title: [.label("接入关系", "Connections")], blocks: blocks)
    }

    private var compliance: DocSection {
        let topology = platform.compliance.filter { $0.area == "topology" }
        return DocSection(id: "compliance", title: [.label("合规概况", "Compliance")], blocks: [
            .paragraph(DocsTables.complianceCounts(platform.compliance).map { $0 == .lineBreak ? .text(" · ") : $0 }),
            .table(DocTable(
                caption: nil,
                columns: [[.label("接入内容", "Area")], [.label("通过", "Passed")], [.label("警告", "Warning")], [.label("未通过", "Failed")], [.label("关闭", "Off")], [.label("不适用", "N/A")]],
                rows: (["topology"] + AccessArea.allCases.map(\.rawValue)).map { area in
                    let records = platform.compliance.filter { $0.area == area }
                    let label: [Inline] = AccessArea(rawValue: area).map { [.link([Labels.area($0)], DocTarget(.platform(id), SitePaths.areaFragment($0)))] }
                        ?? [.link([Labels.topologyArea], DocTarget(.platform(id), "area-topology"))]
                    return [label] + [ComplianceStatus.passed, .warning, .failed, .off, .notApplicable].map { status in
                        [.text(String(records.count { $0.status == status }))]
                    }
                },
                style: "counts")),
            .section(DocSection(id: "area-topology", title: [Labels.topologyArea], blocks: [
                .table(rules.checklist(topology, caption: [.label("接入架构要求", "Topology requirements")])),
            ])),
        ])
    }

    private var areas: DocSection {
        DocSection(id: "areas", title: [.label("接入内容", "Access areas")], blocks: AccessArea.allCases.map { area in
            .section(areaSection(area))
        })
    }

    private func areaSection(_ area: AccessArea) -> DocSection {
        var blocks: [Block] = []
        let declared = platform.areas.declares(area)
        if declared {
            blocks.append(.table(DocTable(
                caption: [.label("设置", "Settings")],
                columns: [[.label("设置", "Setting")], [.label("键", "Key")], [.label("值", "Value")]],
                rows: text.settingsRows(area, of: platform),
                style: "settings")))
            let operations = ContractText.operations(area, of: platform) ?? []
            blocks.append(.paragraph([.label("接口", "Operations"), .text(": ")]
                + (operations.isEmpty ? [Labels.none] : .joined(operations.map { text.operationLink($0, platform: id) }))))
        } else {
            blocks.append(.paragraph([.label("本平台未声明该接入内容。", "This platform does not declare this area.")]))
        }
        let records = platform.compliance.filter { $0.area == area.rawValue }
        blocks.append(.table(rules.checklist(records, caption: [.label("要求清单", "Requirement checklist")])))
        blocks.append(.paragraph([.link([.label("全部平台的", "All platforms:"), .text(" "), Labels.area(area)], DocTarget(.area(area)))]))
        var title: [Inline] = [Labels.area(area)]
        if !declared { title += [.text(" · "), .label("未声明", "not declared")] }
        return DocSection(id: SitePaths.areaFragment(area), title: title, blocks: blocks)
    }

    private var operations: DocSection {
        let all = platform.areas.allOperations
        let blocks: [Block] = all.isEmpty
            ? [.paragraph([.label("本平台没有声明接口。", "This platform declares no operations.")])]
            : all.map { .section(operationSection($0)) }
        return DocSection(id: "operations", title: [.label("接口", "Operations")], blocks: blocks)
    }

    private func operationSection(_ operation: OperationIR) -> DocSection {
        var facts: [(term: [Inline], value: [Inline])] = [
            ([.label("摘要", "Summary")], [.text(operation.summary)] + (operation.summaryEn.map { [.lineBreak, .text($0)] } ?? [])),
            ([.label("接入内容", "Area")], [.link([Labels.area(operation.area)], DocTarget(.platform(id), SitePaths.areaFragment(operation.area)))]),
            ([.label("方法与路径", "Method and path")], [.code(operation.method.rawValue), .text(" "), .code(operation.path)]),
        ]
        if !operation.pathParameters.isEmpty {
            facts.append(([.label("路径参数", "Path parameters")], .joined(operation.pathParameters.map { [.code($0)] })))
        }
        facts.append(([.label("请求", "Request")], operation.request.map { text.type($0, platform: id) } ?? [Labels.none]))
        facts.append(([.label("响应", "Response")], operation.response.map { text.type($0, platform: id) } ?? [Labels.none]))
        facts.append(([.label("错误", "Errors")], operation.errors.isEmpty ? [Labels.none] : .joined(operation.errors.map { name in
            let entry = platform.errors.first { $0.name == name }
            let code = entry.map { [.text(" (\($0.code), HTTP \($0.http))")] } ?? [Inline]()
            return [.link([.code(name)], DocTarget(.platform(id), SitePaths.errorFragment(name)))] + code
        }, separator: [.lineBreak])))
        facts.append(([.label("幂等", "Idempotent")], [operation.idempotent ? Labels.yes : Labels.no]))
        if let rateLimit = operation.rateLimit {
            facts.append(([.label("限流", "Rate limit")], [.code("\(rateLimit.requests) / \(rateLimit.per.rawValue)")]))
        }
        if operation.deprecated { facts.append(([.label("已废弃", "Deprecated")], [Labels.yes])) }

        var blocks: [Block] = [.definitions(facts)]
        for example in operation.examples {
            if let request = example.request {
                blocks.append(.code(PrettyJSON.render(request), language: "json", caption: [.label("示例", "Example"), .text(": "), .text(example.name), .text(" · "), .label("请求", "request")]))
            }
            if let response = example.response {
                blocks.append(.code(PrettyJSON.render(response), language: "json", caption: [.label("示例", "Example"), .text(": "), .text(example.name), .text(" · "), .label("响应", "response")]))
            }
        }
        var title: [Inline] = [.code(operation.id), .text(" "), .text(operation.summary)]
        if operation.deprecated { title += [.text(" · "), .label("已废弃", "deprecated")] }
        return DocSection(id: SitePaths.operationFragment(operation.id), title: title, blocks: blocks)
    }

    private var types: DocSection {
        let blocks: [Block] = platform.types.isEmpty
            ? [.paragraph([.label("本平台没有类型。", "This platform has no types.")])]
            : platform.types.map { .section(typeSection($0)) }
        return DocSection(id: "types", title: [.label("类型", "Types")], blocks: blocks)
    }

    private func typeSection(_ type: TypeIR) -> DocSection {
        var about: [Inline] = [kind(type)]
        if let description = type.description { about += [.text(" · "), .text(description)] }
        about += [.text(" · "), .label("声明于", "declared in"), .text(" "), .code(type.source)]
        var blocks: [Block] = [.paragraph(about)]
        if let fields = type.fields {
            blocks.append(.table(DocTable(
                caption: nil,
                columns: [[.label("字段", "Field")], [.label("类型", "Type")], [.label("必填", "Required")], [.label("约束", "Constraints")], [.label("说明", "Description")]],
                rows: fields.map { field in
                    [[.code(field.name)], text.type(field.type, platform: id), [field.required ? Labels.yes : Labels.no],
                     text.constraints(field.constraints), field.description.map { [.text($0)] } ?? []]
                },
                style: "fields")))
        }
        if let values = type.values {
            blocks.append(.table(DocTable(
                caption: nil,
                columns: [[.label("值", "Value")], [.label("说明", "Description")]],
                rows: values.map { [[.code($0.value)], $0.description.map { [.text($0)] } ?? []] },
                style: "values")))
        }
        if let aliasOf = type.aliasOf {
            var facts: [(term: [Inline], value: [Inline])] = [([.label("类型", "Type")], text.type(aliasOf, platform: id))]
            let constraints = text.constraints(type.constraints)
            if !constraints.isEmpty { facts.append(([.label("约束", "Constraints")], constraints)) }
            blocks.append(.definitions(facts))
        }
        return DocSection(id: SitePaths.typeFragment(type.name), title: [.code(type.name)], blocks: blocks)
    }

    private var errors: DocSection {
        let blocks: [Block] = platform.errors.isEmpty
            ? [.paragraph([.label("本平台没有错误码。", "This platform has no error catalogue.")])]
            : [.table(DocTable(
                caption: nil,
                columns: [[.label("名称", "Name")], [.label("错误码", "Code")], [.label("HTTP 状态", "HTTP status")], [.label("消息", "Message")], [.label("英文消息", "English message")]],
                rows: platform.errors.map { error in
                    [[.code(error.name)], [.code(String(error.code))], [.code(String(error.http))], [.text(error.message)], error.messageEn.map { [.text($0)] } ?? []]
                },
                style: "errors",
                rowIDs: platform.errors.map { SitePaths.errorFragment($0.name) }))]
        return DocSection(id: "errors", title: [.label("错误码", "Error catalogue")], blocks: blocks)
    }
}
