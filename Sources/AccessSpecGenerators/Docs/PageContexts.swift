import AccessSpecCore

/// Everything a platform's pages show about the rest of the network, and nothing more: the
/// platform's pages are a function of the platform and this, so a build that caches pages can
/// key them on the two and a change elsewhere in the network leaves them alone. Its size is
/// bounded by the platform's own neighbourhood, never by the network.
public struct PlatformPageContext: Hashable, Codable, Sendable {
    /// The other platforms the pages name (neighbours, the province, what a third party uses),
    /// in the docs' order.
    public var platforms: [PlatformRef]
    /// The platform it hangs under in the network (`NetworkOutline`).
    public var parent: String?
    /// The province whose region page lists it: its provincial platform, itself for a province.
    public var region: String?
    /// The platforms directly under it.
    public var children: [String]
    /// Its connections, in the IR's order.
    public var connections: [ConnectionIR]
    /// The `platform.area.operation` references of its third-party `uses` that name an
    /// operation of the workspace (they become links).
    public var knownOperations: [String]
    /// The rules in force that its compliance records name.
    public var rules: [RuleIR]
    /// Its own changes since the baseline, when the docs have a changelog.
    public var changes: DocsChangelog?

    public init(platforms: [PlatformRef], parent: String?, region: String?, children: [String], connections: [ConnectionIR],
                knownOperations: [String], rules: [RuleIR], changes: DocsChangelog?) {
        self.platforms = platforms
        self.parent = parent
        self.region = region
        self.children = children
        self.connections = connections
        self.knownOperations = knownOperations
        self.rules = rules
        self.changes = changes
    }

    /// The platforms connected to it that are neither its parent nor its children.
    var peers: [String] {
        let near = Set(children + [parent].compactMap { $0 })
        return platforms.map(\.id).filter { id in
            !near.contains(id) && connections.contains { $0.from == id || $0.to == id }
        }
    }
}

/// A province's part of the network, for its region page and drawing: the provincial platform,
/// then one column per city with the counties and third parties under it, and a first column
/// for what hangs directly under the province (a municipality's districts, third parties
/// through the province).
public struct RegionContext: Hashable, Codable, Sendable {
    public struct Member: Hashable, Codable, Sendable {
        public var platform: PlatformRef
        /// The platform it connects up to.
        public var parent: PlatformRef?
        public var tally: ComplianceTally

        public init(platform: PlatformRef, parent: PlatformRef?, tally: ComplianceTally) {
            self.platform = platform
            self.parent = parent
            self.tally = tally
        }
    }

    public struct Column: Hashable, Codable, Sendable {
        /// A city; nil for the column of platforms directly under the province.
        public var head: Member?
        /// Its counties, then the third parties through it or its counties.
        public var members: [Member]

        public init(head: Member?, members: [Member]) {
            self.head = head
            self.members = members
        }
    }

    public var province: Member
    public var columns: [Column]

    public init(province: Member, columns: [Column]) {
        self.province = province
        self.columns = columns
    }

    var id: String { province.platform.id }

    /// Every platform of the region but the province, column by column.
    var members: [Member] { columns.flatMap { [$0.head].compactMap { $0 } + $0.members } }

    func count(_ level: PlatformLevel) -> Int { members.count { $0.platform.level == level } }
}

extension DocsGenerator {
    /// Each platform's page context, by platform id, in one pass over the IR.
    public func platformContexts(_ ir: WorkspaceIR) -> [String: PlatformPageContext] {
        platformContexts(ir, outline: NetworkOutline(ir))
    }

    func platformContexts(_ ir: WorkspaceIR, outline: NetworkOutline) -> [String: PlatformPageContext] {
        var operations: Set<String> = []
        for platform in ir.platforms {
            for operation in platform.areas.allOperations { operations.insert("\(platform.id).\(operation.area.rawValue).\(operation.id)") }
        }
        var contexts: [String: PlatformPageContext] = [:]
        for platform in ir.platforms where contexts[platform.id] == nil {
            let id = platform.id
            let connections = outline.connections[id] ?? []
            let children = outline.children[id] ?? []
            let region = outline.province[id]
            var uses: [String] = []
            var named = Set(children + connections.flatMap { [$0.from, $0.to] } + [outline.parent[id], region].compactMap { $0 })
            if let thirdParty = platform.areas.thirdParty {
                if let via = thirdParty.settings.via { named.insert(via) }
                for reference in thirdParty.settings.uses where operations.contains(reference) {
                    uses.append(reference)
                    named.insert(String(reference.prefix { $0 != "." }))
                }
            }
            named.remove(id)
            let codes = Set(platform.compliance.map(\.rule))
            contexts[id] = PlatformPageContext(
                platforms: named.compactMap { outline.platforms[$0] }.sorted(by: NetworkOutline.precedes),
                parent: outline.parent[id],
                region: region,
                children: children,
                connections: connections,
                knownOperations: uses.sorted(),
                rules: ir.rules.filter { codes.contains($0.code) },
                changes: changelog.map { DocsChangelog(baseline: $0.baseline, entries: $0.entries.filter { $0.platform == id }) })
        }
        return contexts
    }

    /// One region per provincial platform, in the docs' order.
    public func regionContexts(_ ir: WorkspaceIR) -> [RegionContext] {
        regionContexts(NetworkOutline(ir))
    }

    func regionContexts(_ outline: NetworkOutline) -> [RegionContext] {
        func member(_ id: String) -> RegionContext.Member {
            RegionContext.Member(platform: outline.platforms[id]!, parent: outline.parent[id].flatMap { outline.platforms[$0] },
                                 tally: outline.tallies[id] ?? ComplianceTally())
        }
        /// Platforms of a column: the others first, then third parties, each in tree order.
        func column(_ ids: [String]) -> [RegionContext.Member] {
            let isThirdParty = { (id: String) in outline.platforms[id]!.level == .thirdParty }
            return (ids.filter { !isThirdParty($0) } + ids.filter(isThirdParty)).map(member)
        }
        return outline.ids(.provincial).map { province in
            let children = outline.children[province] ?? []
            let isCity = { (id: String) in outline.platforms[id]!.level == .municipal }
            let direct = column(children.filter { !isCity($0) }.flatMap { outline.subtree($0) })
            var columns = direct.isEmpty ? [] : [RegionContext.Column(head: nil, members: direct)]
            columns += children.filter(isCity).map { RegionContext.Column(head: member($0), members: column(Array(outline.subtree($0).dropFirst()))) }
            return RegionContext(province: member(province), columns: columns)
        }
    }
}
