import AccessSpecCore

/// The geometry of the topology diagram, computed deterministically from the IR: one row per
/// level that has platforms (national at the top, then provincial and departmental, municipal,
/// county, third party), each platform under the platforms it connects to, one straight edge per
/// connection with a label listing its areas and directions. Text widths are `TextMetrics`'
/// generous estimates, so text stays inside its box.
struct TopologyLayout {
    struct Box {
        var id: String
        var name: String
        var nameEn: String
        var level: PlatformLevel
        var row: Int
        var x: Double
        var y: Double
        var width: Double
        var height: Double
        var nameLines: [String]
        var nameEnLines: [String]
        var centerX: Double { x + width / 2 }
        var bottom: Double { y + height }
    }

    struct Edge {
        var from: String
        var to: String
        var start: Point
        var end: Point
        /// Some area flows towards `to` (an arrowhead at the end) or towards `from` (at the start).
        var towardsTarget: Bool
        var towardsSource: Bool
        var label: Label
    }

    struct Label {
        /// One line per area: arrow, short Chinese name, short English name.
        var lines: [(arrow: String, text: String, direction: Direction)]
        var centerX: Double
        var y: Double
        var width: Double
        var height: Double
    }

    struct Band {
        var zh: String
        var en: String
        var y: Double
        var height: Double
    }

    struct Point { var x: Double; var y: Double }

    static let boxWidth = 236.0
    static let boxGap = 44.0
    static let bandWidth = 150.0
    static let margin = 16.0
    static let nameSize = 15.0
    static let nameLineHeight = 19.0
    static let nameEnSize = 11.0
    static let nameEnLineHeight = 14.0
    static let labelSize = 11.0
    static let labelLineHeight = 14.0
    static let labelPadding = 5.0
    static let legendHeight = 34.0

    var boxes: [Box] = []
    var edges: [Edge] = []
    var bands: [Band] = []
    var width = 0.0
    var height = 0.0
    var legendY = 0.0

    init(_ ir: WorkspaceIR) {
        let ranks = Array(Set(ir.platforms.map(\.level.rank))).sorted()
        let rowOf = Dictionary(uniqueKeysWithValues: ranks.enumerated().map { ($1, $0) })
        let platforms = ir.platforms.sorted { $0.id < $1.id }
        let connections = ir.connections.filter { connection in
            platforms.contains { $0.id == connection.from } && platforms.contains { $0.id == connection.to } && connection.from != connection.to
        }
        var byID: [String: Box] = [:]
        for platform in platforms {
            let textWidth = Self.boxWidth - 20
            let nameLines = TextMetrics.wrap(platform.name, size: Self.nameSize, width: textWidth, maxLines: 2)
            let nameEnLines = TextMetrics.wrap(platform.nameEn, size: Self.nameEnSize, width: textWidth, maxLines: 3)
            let height = 12 + Double(nameLines.count) * Self.nameLineHeight + 4 + Double(nameEnLines.count) * Self.nameEnLineHeight + 8
            byID[platform.id] = Box(
                id: platform.id, name: platform.name, nameEn: platform.nameEn, level: platform.level, row: rowOf[platform.level.rank]!,
                x: 0, y: 0, width: Self.boxWidth, height: height, nameLines: nameLines, nameEnLines: nameEnLines)
        }

        // Horizontal: each row in order of where its platforms' upper neighbours are.
        var rows: [[String]] = Array(repeating: [], count: ranks.count)
        for row in rows.indices {
            let members = platforms.filter { byID[$0.id]!.row == row }.map(\.id)
            let desired: [String: Double] = Dictionary(uniqueKeysWithValues: members.compactMap { id in
                let above = connections.compactMap { connection -> String? in
                    let other = connection.from == id ? connection.to : connection.to == id ? connection.from : nil
                    guard let other, byID[other]!.row < row else { return nil }
                    return other
                }
                guard !above.isEmpty else { return nil }
                return (id, above.map { byID[$0]!.centerX }.reduce(0, +) / Double(above.count))
            })
            let ordered = members.sorted { lhs, rhs in
                switch (desired[lhs], desired[rhs]) {
                case let (left?, right?): left != right ? left < right : lhs < rhs
                case (.some, nil): true
                case (nil, .some): false
                case (nil, nil): lhs < rhs
                }
            }
            let step = Self.boxWidth + Self.boxGap
            var centers: [Double] = []
            for id in ordered {
                let previous = centers.last.map { $0 + step }
                centers.append(max(desired[id] ?? previous ?? 0, previous ?? -.infinity))
            }
            let anchored = ordered.indices.filter { desired[ordered[$0]] != nil }
            if !anchored.isEmpty {
                let shift = anchored.map { desired[ordered[$0]]! - centers[$0] }.reduce(0, +) / Double(anchored.count)
                centers = centers.map { $0 + shift }
            } else {
                let middle = (centers.first! + centers.last!) / 2
                centers = centers.map { $0 - middle }
            }
            for (id, center) in zip(ordered, centers) { byID[id]!.x = center - Self.boxWidth / 2 }
            rows[row] = ordered
        }
        let minX = byID.values.map(\.x).min() ?? 0
        for id in byID.keys { byID[id]!.x += Self.margin + Self.bandWidth - minX }

        // Labels, sized now, placed once the rows have their heights.
        func labelLines(_ connection: ConnectionIR) -> [(arrow: String, text: String, direction: Direction)] {
            let source = byID[connection.from]!, target = byID[connection.to]!
            return connection.areas.sorted { $0.area < $1.area }.map { flow in
                let short = Labels.areaShort(flow.area)
                return (Self.arrow(flow.direction, source: source, target: target), "\(short.zh) \(short.en)", flow.direction)
            }
        }
        var gapAbove = Array(repeating: 56.0, count: rows.count)
        for connection in connections {
            let lower = max(byID[connection.from]!.row, byID[connection.to]!.row)
            let lines = labelLines(connection)
            let labelHeight = Double(lines.count) * Self.labelLineHeight + 2 * Self.labelPadding
            gapAbove[lower] = max(gapAbove[lower], labelHeight + 40)
        }

        // Vertical: rows one under the other, each as tall as its tallest box.
        var y = Self.margin
        for row in rows.indices {
            if row > 0 { y += gapAbove[row] }
            let rowHeight = rows[row].map { byID[$0]!.height }.max() ?? 0
            for id in rows[row] {
                byID[id]!.y = y
                byID[id]!.height = rowHeight
            }
            let rank = ranks[row]
            let band = Labels.band(rank: rank)
            bands.append(Band(zh: band.zh, en: band.en, y: y - 10, height: rowHeight + 20))
            y += rowHeight
        }

        // Edge ends, spread along the side of each box they meet, in the order of the other ends.
        var ends: [String: [(connection: Int, side: Side, otherX: Double)]] = [:]
        for (index, connection) in connections.enumerated() {
            let source = byID[connection.from]!, target = byID[connection.to]!
            let (sourceSide, targetSide) = Self.sides(source: source, target: target)
            ends[source.id, default: []].append((index, sourceSide, target.centerX))
            ends[target.id, default: []].append((index, targetSide, source.centerX))
        }
        var anchor: [String: [Int: Point]] = [:]
        for (id, attached) in ends {
            let box = byID[id]!
            for side in [Side.top, .bottom, .left, .right] {
                let here = attached.filter { $0.side == side }.sorted { ($0.otherX, $0.connection) < ($1.otherX, $1.connection) }
                for (position, end) in here.enumerated() {
                    let fraction = Double(position + 1) / Double(here.count + 1)
                    let point: Point = switch side {
                    case .top: Point(x: box.x + box.width * fraction, y: box.y)
                    case .bottom: Point(x: box.x + box.width * fraction, y: box.bottom)
                    case .left: Point(x: box.x, y: box.y + box.height * fraction)
                    case .right: Point(x: box.x + box.width, y: box.y + box.height * fraction)
                    }
                    anchor[id, default: [:]][end.connection] = point
                }
            }
        }

        for (index, connection) in connections.enumerated() {
            let source = byID[connection.from]!, target = byID[connection.to]!
            let start = anchor[source.id]![index]!, end = anchor[target.id]![index]!
            let lines = labelLines(connection)
            let width = (lines.map { TextMetrics.textWidth($0.arrow + " " + $0.text, size: Self.labelSize) }.max() ?? 0) + 2 * Self.labelPadding + 4
            let height = Double(lines.count) * Self.labelLineHeight + 2 * Self.labelPadding
            // The label sits in the gap just above the lower box, on the edge.
            let lowerBox = source.row >= target.row ? source : target
            let lowerPoint = lowerBox.id == source.id ? start : end, upperPoint = lowerBox.id == source.id ? end : start
            let centerY = source.row == target.row ? (start.y + end.y) / 2 : lowerBox.y - gapAbove[lowerBox.row] / 2
            let t = upperPoint.y == lowerPoint.y ? 0.5 : (lowerPoint.y - centerY) / (lowerPoint.y - upperPoint.y)
            let centerX = lowerPoint.x + (upperPoint.x - lowerPoint.x) * t
            let flows = connection.areas.map(\.direction)
            edges.append(Edge(
                from: connection.from, to: connection.to, start: start, end: end,
                towardsTarget: flows.contains { $0 != .down }, towardsSource: flows.contains { $0 != .up },
                label: Label(lines: lines, centerX: centerX, y: centerY - height / 2, width: width, height: height)))
        }

        // Labels in the same gap must not overlap: push them apart, left to right.
        let order = edges.indices.sorted { (edges[$0].label.y, edges[$0].label.centerX, $0) < (edges[$1].label.y, edges[$1].label.centerX, $1) }
        for (position, index) in order.enumerated() {
            for earlier in order[..<position] {
                let a = edges[earlier].label, b = edges[index].label
                let overlapY = a.y < b.y + b.height && b.y < a.y + a.height
                let minDistance = (a.width + b.width) / 2 + 8
                if overlapY && abs(b.centerX - a.centerX) < minDistance {
                    edges[index].label.centerX = a.centerX + minDistance
                }
            }
        }

        boxes = rows.flatMap { $0.map { byID[$0]! } }
        let right = max(boxes.map { $0.x + $0.width }.max() ?? 0, edges.map { $0.label.centerX + $0.label.width / 2 }.max() ?? 0)
        width = (max(right, 640) + Self.margin).rounded(.up)
        legendY = y + 30
        height = (legendY + Self.legendHeight).rounded(.up)
    }

    /// The most boxes a row may hold for the whole network to read in one drawing.
    static let widestRow = 6

    /// Whether the whole network reads in this one drawing: no level wider than `widestRow`.
    static func fits(_ ir: WorkspaceIR) -> Bool {
        Dictionary(grouping: ir.platforms, by: \.level.rank).values.allSatisfy { $0.count <= widestRow }
    }

    enum Side { case top, bottom, left, right }

    /// Which side of each box a connection leaves and meets: vertical between rows, sideways
    /// within a row.
    private static func sides(source: Box, target: Box) -> (Side, Side) {
        if source.row > target.row { return (.top, .bottom) }
        if source.row < target.row { return (.bottom, .top) }
        return source.centerX < target.centerX ? (.right, .left) : (.left, .right)
    }

    /// The arrow for a direction, as drawn: `up` flows from the connection's source to its target.
    static func arrow(_ direction: Direction, source: Box, target: Box) -> String {
        let (forward, backward, both): (String, String, String) =
            target.row < source.row ? ("↑", "↓", "↕")
            : target.row > source.row ? ("↓", "↑", "↕")
            : target.centerX >= source.centerX ? ("→", "←", "↔") : ("←", "→", "↔")
        switch direction {
        case .up: return forward
        case .down: return backward
        case .both: return both
        }
    }
}
