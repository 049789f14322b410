import AccessSpecCore

/// What changed since a baseline, for the docs' "changes since BASELINE" page and each
/// platform's section: the driver fills it from `accessc diff`'s classified changes, sorted
/// breaking first.
public struct DocsChangelog: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public var code: String
        /// wire-breaking, source-breaking, dangerous or compatible.
        public var category: String
        public var categoryZh: String
        public var summary: String
        public var summaryZh: String
        /// nil for a workspace setting.
        public var platform: String?
        public var message: String
        public var messageZh: String
        public var affected: [String]
        /// The reason a reviewer gave when the change was accepted.
        public var ignored: String?

        public init(code: String, category: String, categoryZh: String, summary: String, summaryZh: String, platform: String?,
                    message: String, messageZh: String, affected: [String], ignored: String?) {
            self.code = code
            self.category = category
            self.categoryZh = categoryZh
            self.summary = summary
            self.summaryZh = summaryZh
            self.platform = platform
            self.message = message
            self.messageZh = messageZh
            self.affected = affected
            self.ignored = ignored
        }
    }

    public var baseline: String
    public var entries: [Entry]

    public init(baseline: String, entries: [Entry]) {
        self.baseline = baseline
        self.entries = entries
    }

    func table(_ entries: [Entry], withPlatform: Bool) -> Block {
        let platformColumn: [[Inline]] = withPlatform ? [[.label("平台", "Platform")]] : []
        let columns: [[Inline]] = [[.label("编码", "Code")], [.label("类别", "Category")]] + platformColumn
            + [[.label("变更", "Change")], [.label("影响", "Affects")]]
        let rows: [[[Inline]]] = entries.map { entry in
            let platform: [[Inline]] = withPlatform
                ? [entry.platform.map { [.link([.code($0)], DocTarget(.platform($0), "changes"))] } ?? [.label("工作区", "workspace")]] : []
            var change: [Inline] = [.text(entry.summaryZh + "：" + entry.messageZh), .lineBreak, .text(entry.message)]
            if let reason = entry.ignored { change += [.lineBreak, .label("已接受", "Accepted"), .text(": " + reason)] }
            return [[.code(entry.code)], [.label(entry.categoryZh, entry.category)]] + platform
                + [change, [Inline].joined(entry.affected.map { [.link([.code($0)], DocTarget(.platform($0)))] })]
        }
        return .table(DocTable(caption: nil, columns: columns, rows: rows))
    }

    /// The section of one platform's page.
    func section(for platform: String) -> DocSection {
        let own = entries.filter { $0.platform == platform }
        let blocks: [Block] = own.isEmpty
            ? [.paragraph([.label("无变更", "No changes"), .text(" since "), .code(baseline)])]
            : [table(own, withPlatform: false)]
        return DocSection(id: "changes", title: [.label("变更", "Changes"), .text(" since "), .code(baseline)], blocks: blocks)
    }

    /// The "changes since BASELINE" page: every platform's changes, breaking first.
    func page() -> DocPage {
        let counts = Dictionary(grouping: entries, by: \.category).mapValues(\.count)
        let summary: [Inline] = [.text(["wire-breaking", "source-breaking", "dangerous", "compatible"].map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: " · "))]
        let blocks: [Block] = entries.isEmpty
            ? [.paragraph([.label("无变更", "No changes")])]
            : [.paragraph(summary), table(entries, withPlatform: true)]
        return DocPage(page: .changes, title: [.label("变更记录", "Changes"), .text(" since "), .code(baseline)],
                       subtitle: [.text("accessc diff " + baseline)], blocks: blocks, source: [.code(baseline)])
    }
}
