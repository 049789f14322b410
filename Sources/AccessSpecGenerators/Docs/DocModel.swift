import AccessSpecCore

/// A small structured description of a documentation page. Page builders describe content
/// with it; the HTML and Markdown renderers turn it into text, and only they escape. Text from a
/// contract is only ever carried as `.text` or `.code`, never as markup.
struct DocPage {
    var page: SitePage
    /// The `<title>` and the heading, Chinese first.
    var title: [Inline]
    var subtitle: [Inline]
    var blocks: [Block]
    /// Where the content comes from, for the footer.
    var source: [Inline]
    /// The page's own links to the rest of the site (its neighbours, its province), beside the
    /// links every page has. Never a list of the whole network.
    var navigation: [NavigationGroup] = []
}

struct NavigationGroup {
    var title: [Inline]
    var links: [(label: [Inline], target: DocTarget)]
}

/// A page of the site, the same for the HTML and the Markdown form.
enum SitePage: Hashable, Sendable {
    case index
    case platform(String)
    case area(AccessArea)
    /// A part of a platform's page too large for one page: some of its operations or types.
    case platformPart(String, PlatformPart)
    /// A province's part of the network: its drawing, cities and counties.
    case region(String)
    /// Search by name, id or region code (HTML only; it needs script).
    case search
    /// What changed since the baseline (only with a baseline).
    case changes
}

enum PlatformPart: Hashable, Sendable {
    /// The `index`th page (from 1) of an area's operations.
    case operations(AccessArea, Int)
    /// The `index`th page (from 1) of the types.
    case types(Int)

    var fileName: String {
        switch self {
        case .operations(let area, let index): "operations-\(area.rawValue)-\(index)"
        case .types(let index): "types-\(index)"
        }
    }
}

/// Where a link goes. Fragments are honoured in HTML; Markdown links go to the page.
struct DocTarget: Hashable, Sendable {
    var page: SitePage
    var fragment: String?

    init(_ page: SitePage, _ fragment: String? = nil) {
        self.page = page
        self.fragment = fragment
    }
}

indirect enum Inline: Equatable, Sendable {
    /// Plain text.
    case text(String)
    /// A Chinese label with its English beside it: "电子证照 License".
    case label(String, String)
    /// An identifier, path or value, shown in monospace.
    case code(String)
    case link([Inline], DocTarget)
    case status(ComplianceStatus)
    case lineBreak
}

enum Block {
    case section(DocSection)
    case paragraph([Inline])
    case table(DocTable)
    case list([[Inline]])
    case definitions([(term: [Inline], value: [Inline])])
    case code(String, language: String, caption: [Inline])
    /// A topology drawing: inline SVG markup in HTML (already escaped by the SVG renderer), the
    /// same drawing's standalone file (a path under `docs/`) as an image in Markdown.
    case topology(svg: String, file: String, alternative: [Inline])
    /// The search form, and where its script puts the results.
    case search
}

struct DocSection {
    /// Unique on its page; the HTML `id`.
    var id: String
    var title: [Inline]
    var blocks: [Block]
}

struct DocTable {
    var caption: [Inline]?
    var columns: [[Inline]]
    var rows: [[[Inline]]]
    /// The first cell of each row names the row (`<th scope="row">`).
    var rowHeaders = true
    /// A CSS class for the table, from a fixed set the stylesheet knows.
    var style: String?
    /// HTML ids of the rows (link targets), when rows are linked to.
    var rowIDs: [String]?
}

extension Array where Element == Inline {
    /// Inlines joined with a separator, e.g. codes with ", ".
    static func joined(_ parts: [[Inline]], separator: [Inline] = [.text(", ")]) -> [Inline] {
        var result: [Inline] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { result += separator }
            result += part
        }
        return result
    }
}
