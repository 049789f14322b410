import AccessSpecCore

/// What a drawing of part of the network shows: a root platform, then groups of columns, each
/// column a head platform with the platforms under it stacked below. The top-level drawing is
/// the hub with a group of provinces and a group of departments (columns without items); a
/// province's drawing is the province with one column per city, its counties and third parties
/// stacked below, and a first column, without a head, of what hangs directly under the province.
struct HierarchyDrawing {
    struct Node {
        var id: String
        var name: String
        /// Drawn under the name when set (the top levels; counties have no room for it).
        var nameEn: String?
        var level: PlatformLevel
        /// Small lines under the names: counts, or the platform a third party connects through.
        var details: [String] = []
        /// The platform's own worst outcome, when it is a failure or a warning.
        var mark: ComplianceStatus?
        var target: DocTarget
        var tooltip: String
    }

    struct Column {
        var head: Node?
        /// Over a column without a head.
        var caption: (zh: String, en: String)?
        var items: [Node] = []
        /// Whether the head (or, without one, each item) connects to the root.
        var connected = true
    }

    struct Group {
        var title: (zh: String, en: String)
        var columns: [Column]
    }

    var title: (zh: String, en: String)
    var root: Node
    var groups: [Group]
    /// An unconnected box below everything (the third parties, summarised).
    var summary: Node?
}

/// The geometry of a `HierarchyDrawing`, computed deterministically, with orthogonal lines that
/// never cross a box: a trunk runs down a gutter left of every column from the root; above
/// each row of columns a bus leaves the trunk and drops a stub onto each head; inside a column
/// a spine runs down the indent left of the stacked items with a short stub into each. Columns
/// wrap into rows so the drawing is never wider than `maxWidth`, however many there are.
struct HierarchyLayout {
    struct Point: Equatable { var x: Double; var y: Double }

    struct Box {
        var node: HierarchyDrawing.Node
        var x: Double
        var y: Double
        var width: Double
        var height: Double
        var nameLines: [String]
        var nameEnLines: [String]
        var detailLines: [String]
        var dashed: Bool
        var centerX: Double { x + width / 2 }
        var bottom: Double { y + height }
    }

    /// A polyline of horizontal and vertical segments.
    struct Line {
        var points: [Point]
        var dashed: Bool
    }

    /// A title over a group (one line) or over a column without a head (the English under the
    /// Chinese, to fit the column).
    struct Caption {
        var zh: String
        var en: String
        var x: Double
        var y: Double
        var bold: Bool
    }

    static let margin = 16.0
    static let gutter = 28.0
    static let columnGap = 26.0
    static let indent = 20.0
    static let itemGap = 8.0
    static let rowGap = 30.0
    static let busDrop = 14.0
    static let padding = 8.0
    static let markRoom = 14.0
    static let nameSize = 13.0
    static let nameLineHeight = 17.0
    static let nameEnSize = 10.0
    static let nameEnLineHeight = 13.0
    static let detailSize = 10.5
    static let detailLineHeight = 14.0
    static let captionHeight = 20.0
    static let legendSize = 11.0
    static let legendLineHeight = 16.0
    /// The legend's lines under the drawing, as runs of text, the marks in their colours.
    static let legend: [[(text: String, mark: ComplianceStatus?)]] = [
        [("实线: 接入关系 connection · 虚线框: 第三方 third party", nil)],
        [(Labels.status(.failed).symbol, .failed), (" 未通过 failed · ", nil), (Labels.status(.warning).symbol, .warning),
         (" 警告 warning · 点击方框打开 select a box to open it", nil)],
    ]

    var boxes: [Box] = []
    var lines: [Line] = []
    var captions: [Caption] = []
    var width = 0.0
    var height = 0.0
    var legendY = 0.0

    /// The trunk's x: inside the root box and left of every column.
    static var trunkX: Double { margin + gutter / 2 }

    init(_ drawing: HierarchyDrawing, columnWidth: Double, maxWidth: Double) {
        let left = Self.margin + Self.gutter
        let perRow = max(1, Int((maxWidth - left - Self.margin + Self.columnGap) / (columnWidth + Self.columnGap)))
        var right = left + columnWidth

        let root = Self.box(drawing.root, x: Self.margin, y: Self.margin, width: columnWidth + Self.gutter + 40, dashed: false)
        boxes.append(root)
        right = max(right, root.x + root.width)
        var y = root.bottom + 18
        var lastBus: Double?

        for group in drawing.groups where !group.columns.isEmpty {
            captions.append(Caption(zh: group.title.zh, en: group.title.en, x: left, y: y + 14, bold: true))
            y += Self.captionHeight + 4
            var start = 0
            while start < group.columns.count {
                let row = Array(group.columns[start..<min(start + perRow, group.columns.count)])
                start += perRow
                let busY = y
                let top = busY + Self.busDrop
                var heads: [Box?] = row.enumerated().map { index, column in
                    column.head.map { Self.box($0, x: left + Double(index) * (columnWidth + Self.columnGap), y: top, width: columnWidth, dashed: false) }
                }
                let headHeight = heads.compactMap { $0?.height }.max() ?? 0
                for index in heads.indices { heads[index]?.height = headHeight }
                var bottom = top + headHeight
                var stubs: [(x: Double, toHead: Bool)] = []
                for (index, column) in row.enumerated() {
                    let x = left + Double(index) * (columnWidth + Self.columnGap)
                    let spineX = x + Self.indent / 2
                    var itemY: Double
                    if let head = heads[index] {
                        boxes.append(head)
                        if column.connected { stubs.append((head.centerX, true)) }
                        itemY = head.bottom + Self.itemGap + 2
                    } else {
                        if let caption = column.caption {
                            captions.append(Caption(zh: caption.zh, en: caption.en, x: x + Self.indent, y: top + 12, bold: false))
                        }
                        itemY = top + (column.caption == nil ? 0 : 2 * Self.captionHeight - 4)
                        if column.connected { stubs.append((spineX, false)) }
                    }
                    var lastMiddle: Double?
                    for item in column.items {
                        let box = Self.box(item, x: x + Self.indent, y: itemY, width: columnWidth - Self.indent, dashed: item.level == .thirdParty)
                        boxes.append(box)
                        let middle = box.y + Self.padding + Self.nameLineHeight / 2
                        lines.append(Line(points: [Point(x: spineX, y: middle), Point(x: box.x, y: middle)], dashed: box.dashed))
                        lastMiddle = middle
                        itemY = box.bottom + Self.itemGap
                    }
                    if let lastMiddle {
                        let spineTop = heads[index]?.bottom ?? (column.connected ? busY : top)
                        lines.append(Line(points: [Point(x: spineX, y: spineTop), Point(x: spineX, y: lastMiddle)], dashed: false))
                    }
                    bottom = max(bottom, itemY)
                    right = max(right, x + columnWidth)
                }
                if let farthest = stubs.map(\.x).max() {
                    lines.append(Line(points: [Point(x: Self.trunkX, y: busY), Point(x: farthest, y: busY)], dashed: false))
                    for stub in stubs where stub.toHead {
                        lines.append(Line(points: [Point(x: stub.x, y: busY), Point(x: stub.x, y: top)], dashed: false))
                    }
                    lastBus = busY
                }
                y = bottom + Self.rowGap
            }
        }
        if let lastBus {
            lines.insert(Line(points: [Point(x: Self.trunkX, y: root.bottom), Point(x: Self.trunkX, y: lastBus)], dashed: false), at: 0)
        }
        if let summary = drawing.summary {
            let box = Self.box(summary, x: left, y: y, width: min(max(right - left, columnWidth), 3 * columnWidth + 2 * Self.columnGap), dashed: true)
            boxes.append(box)
            y = box.bottom + Self.rowGap
        }
        let legendWidth = Self.legend.map { TextMetrics.textWidth($0.map(\.text).joined(), size: Self.legendSize) }.max() ?? 0
        width = (max(right, Self.margin + legendWidth) + Self.margin).rounded(.up)
        legendY = y + 4
        height = (legendY + Double(Self.legend.count) * Self.legendLineHeight + 10).rounded(.up)
    }

    private static func box(_ node: HierarchyDrawing.Node, x: Double, y: Double, width: Double, dashed: Bool) -> Box {
        let text = width - 2 * padding - markRoom
        let nameLines = TextMetrics.wrap(node.name, size: nameSize, width: text, maxLines: 2)
        let nameEnLines = node.nameEn.map { TextMetrics.wrap($0, size: nameEnSize, width: text, maxLines: 2) } ?? []
        let detailLines = node.details.flatMap { TextMetrics.wrap($0, size: detailSize, width: width - 2 * padding, maxLines: 3) }
        let height = padding + Double(nameLines.count) * nameLineHeight + Double(nameEnLines.count) * nameEnLineHeight
            + Double(detailLines.count) * detailLineHeight + padding - 2
        return Box(node: node, x: x, y: y, width: width, height: height, nameLines: nameLines, nameEnLines: nameEnLines,
                   detailLines: detailLines, dashed: dashed)
    }
}
