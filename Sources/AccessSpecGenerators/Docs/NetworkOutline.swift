import AccessSpecCore

/// A platform as other pages name it: enough to link to it and say what it is.
public struct PlatformRef: Hashable, Codable, Sendable {
    public var id: String
    public var name: String
    public var nameEn: String
    public var level: PlatformLevel
    public var region: String

    public init(id: String, name: String, nameEn: String, level: PlatformLevel, region: String) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.level = level
        self.region = region
    }

    init(_ platform: PlatformIR) {
        self.init(id: platform.id, name: platform.name, nameEn: platform.nameEn, level: platform.level, region: platform.region)
    }
}

/// How one platform's compliance records came out, counted.
public struct ComplianceTally: Hashable, Codable, Sendable {
    public var failed = 0
    public var warning = 0
    public var passed = 0
    public var off = 0
    public var notApplicable = 0

    public init() {}

    init(_ records: [ComplianceResult]) {
        for record in records {
            switch record.status {
            case .failed: failed += 1
            case .warning: warning += 1
            case .passed: passed += 1
            case .off: off += 1
            case .notApplicable: notApplicable += 1
            }
        }
    }

    func count(_ status: ComplianceStatus) -> Int {
        switch status {
        case .failed: failed
        case .warning: warning
        case .passed: passed
        case .off: off
        case .notApplicable: notApplicable
        }
    }

    /// The worst outcome: failed, warning, passed, or nil when no rule applied.
    var worst: ComplianceStatus? {
        failed > 0 ? .failed : warning > 0 ? .warning : passed > 0 ? .passed : nil
    }

    /// A failure or a warning, for a mark beside the platform's name.
    var mark: ComplianceStatus? { failed > 0 ? .failed : warning > 0 ? .warning : nil }
}

/// The access network as a tree, from the IR's connections: each platform hangs under the
/// platform it connects up to (of several, the nearest level: a county under its city rather
/// than its province), provinces and departments under the hub. Every platform's province is the
/// provincial platform above it, if any. Built once, in time linear in platforms and connections;
/// the pages read their scoped views of it.
struct NetworkOutline {
    let platforms: [String: PlatformRef]
    /// Every platform, in `precedes` order.
    let ordered: [String]
    let parent: [String: String]
    /// The platforms under each platform, in `ordered` order.
    let children: [String: [String]]
    /// The provincial platform above each platform (a province's own id for itself).
    let province: [String: String]
    let tallies: [String: ComplianceTally]
    /// Each platform's connections, in the IR's order.
    let connections: [String: [ConnectionIR]]

    init(_ ir: WorkspaceIR) {
        var platforms: [String: PlatformRef] = [:]
        var tallies: [String: ComplianceTally] = [:]
        for platform in ir.platforms where platforms[platform.id] == nil {
            platforms[platform.id] = PlatformRef(platform)
            tallies[platform.id] = ComplianceTally(platform.compliance)
        }
        self.platforms = platforms
        self.tallies = tallies
        ordered = platforms.values.sorted(by: Self.precedes).map(\.id)

        var connections: [String: [ConnectionIR]] = [:]
        var parent: [String: String] = [:]
        for connection in ir.connections where connection.from != connection.to {
            connections[connection.from, default: []].append(connection)
            connections[connection.to, default: []].append(connection)
            guard let source = platforms[connection.from], let target = platforms[connection.to] else { continue }
            // Ranks fall strictly going up, so parents never form a cycle.
            let (lower, upper) = source.level.rank >= target.level.rank ? (source, target) : (target, source)
            guard upper.level.rank < lower.level.rank else { continue }
            // The nearest level above wins; between equals, the smaller id.
            if let current = parent[lower.id].flatMap({ platforms[$0] }),
               (-current.level.rank, current.id) <= (-upper.level.rank, upper.id) { continue }
            parent[lower.id] = upper.id
        }
        self.connections = connections
        self.parent = parent

        var children: [String: [String]] = [:]
        for id in ordered { if let up = parent[id] { children[up, default: []].append(id) } }
        self.children = children

        var province: [String: String] = [:]
        for id in ordered {
            var current: String? = id
            while let here = current, province[id] == nil {
                if platforms[here]?.level == .provincial { province[id] = here }
                current = parent[here]
            }
        }
        self.province = province
    }

    /// The docs' one order of platforms: hub, provinces, departments, cities, counties, third
    /// parties; within a level by region code (GB/T 2260 order), then id.
    static func precedes(_ a: PlatformRef, _ b: PlatformRef) -> Bool {
        (position(a.level), a.region, a.id) < (position(b.level), b.region, b.id)
    }

    static func position(_ level: PlatformLevel) -> Int {
        switch level {
        case .national: 0
        case .provincial: 1
        case .departmental: 2
        case .municipal: 3
        case .county: 4
        case .thirdParty: 5
        }
    }

    func ids(_ level: PlatformLevel) -> [String] { ordered.filter { platforms[$0]!.level == level } }

    /// The platform and every platform under it, depth first in order.
    func subtree(_ id: String) -> [String] {
        var result: [String] = []
        var stack = [id]
        while let next = stack.popLast() {
            result.append(next)
            stack += (children[next] ?? []).reversed()
        }
        return result
    }

    /// How many platforms of each level are under `id` (at any depth).
    func counts(under id: String) -> [PlatformLevel: Int] {
        var counts: [PlatformLevel: Int] = [:]
        for member in subtree(id).dropFirst() { counts[platforms[member]!.level, default: 0] += 1 }
        return counts
    }
}
