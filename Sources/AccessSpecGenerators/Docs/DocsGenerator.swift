import AccessSpecCore
import Foundation

/// The reviewers' documentation site, `docs/`: offline static HTML (relative links, one
/// stylesheet, no network; script only on the search page) and the same content as Markdown
/// under `docs/md/`. No page grows with the network unless it indexes the network, and at
/// national scale (2,800 counties) no file but the search index passes 1 MB: a contract too
/// large for one page is split into parts (`PlatformPage`).
///
/// - `index`: the drawing of the top levels (the whole network while it is small), the hub, the
///   provinces with their cities, counties and third parties counted, the departments, the
///   third parties, the areas, the rules in force;
/// - `regions/<province>`: a province's drawing (its cities as columns, their counties and
///   third parties below), its cities and platforms with their outcomes;
/// - `platforms/<id>`: identity, neighbours, connections, compliance, the eight areas with
///   their settings and requirement checklists, operations with examples, types and errors;
///   its navigation names its own neighbours and province, never the whole network;
/// - `areas/<area>`: one area across the network, failures and warnings first, then every
///   province's platforms counted by outcome;
/// - `search`: find a platform by name, id or region code, from `file://` too.
///
/// The work comes in units a build can cache: `platformFiles` (a platform and its
/// `PlatformPageContext`), `regionFiles` (a `RegionContext`) and `networkFiles` (the pages that
/// index the network); `files` is all three.
public struct DocsGenerator: Generator {
    public let kind = OutputKind.docs

    /// With a changelog, a "changes since BASELINE" page and a section on each platform page.
    public var changelog: DocsChangelog?

    /// While the network has at most this many platforms, the index and the area pages list
    /// every platform and connection too.
    static let wholeNetworkLimit = 40

    public init(changelog: DocsChangelog? = nil) {
        self.changelog = changelog
    }

    /// One unit per platform (its pages, keyed on the platform and its context), one per
    /// province (its region page and drawing), and one for the pages that index the network.
    public func units(_ input: GenerationInput) throws -> [OutputUnit] {
        let ir = input.ir
        let network = Self.networkView(of: ir)
        let outline = NetworkOutline(network)
        let contexts = platformContexts(ir, outline: outline)
        // The view's digest: the platforms' own (kept across builds), then the rest of the view.
        let views = try input.platformDigests("docs-network-view") { Self.networkView(of: $0) }
        let parts = NetworkParts(platforms: zip(ir.platforms, views).map { $0.id + " " + $1 }, connections: ir.connections, rules: ir.rules, changelog: changelog)
        var units = [try input.unit(kind, "network", from: parts) {
            try networkFiles(network, outline: outline)
        }]
        for platform in ir.platforms {
            let context = contexts[platform.id]!
            units.append(input.platformUnit(kind, platform, extra: try GenerationInput.digest(of: context)) { try platformFiles(platform, context) })
        }
        for region in regionContexts(outline) {
            units.append(try input.unit(kind, "region/\(region.province.platform.id)", from: region) { regionFiles(region) })
        }
        return units
    }

    /// A platform's pages, HTML and Markdown: a function of the platform and its context alone.
    /// A page whose HTML would pass `PlatformPage.splitAbove` bytes is split into parts.
    public func platformFiles(_ platform: PlatformIR, _ context: PlatformPageContext) throws -> [GeneratedFile] {
        let whole = PlatformPage(platform: platform, context: context).build().flatMap(render)
        guard whole[0].contents.count > PlatformPage.splitAbove else { return whole }
        return PlatformPage(platform: platform, context: context, split: true).build().flatMap(render)
    }

    /// A province's region page, HTML and Markdown, and its drawing.
    public func regionFiles(_ region: RegionContext) -> [GeneratedFile] {
        let page = RegionPage(region: region)
        return render(page.build(svg: page.svg(standalone: false))) + [file(page.drawingFile, page.svg(standalone: true))]
    }

    /// The files that index the network: the index and its drawing, the area pages, the search
    /// page and its index, the stylesheet and the changelog.
    public func networkFiles(_ ir: WorkspaceIR) throws -> [GeneratedFile] {
        let network = Self.networkView(of: ir)
        return try networkFiles(network, outline: NetworkOutline(network))
    }

    /// What the network's pages read of the IR: all of it but each platform's types, errors,
    /// description, environments and examples. They are made from this view alone, so its
    /// digest is their fingerprint, and an edit that stays inside a platform's own page
    /// (a description, a type, an example) leaves the network's pages as they were.
    static func networkView(of ir: WorkspaceIR) -> WorkspaceIR {
        var view = ir
        view.platforms = ir.platforms.map(networkView)
        return view
    }

    static func networkView(of platform: PlatformIR) -> PlatformIR {
        var view = platform
        view.types = []
        view.errors = []
        view.description = nil
        view.environments = []
        view.areas.removeExamples()
        return view
    }

    /// The view of the IR besides its settings (which every unit's fingerprint holds), with
    /// each platform's view as its digest.
    private struct NetworkParts: Encodable {
        var platforms: [String]
        var connections: [ConnectionIR]
        var rules: [RuleIR]
        var changelog: DocsChangelog?
    }

    /// `units` has checked the file names already, before any unit is made.
    func networkFiles(_ ir: WorkspaceIR, outline: NetworkOutline) throws -> [GeneratedFile] {
        let text = ContractText(ir)
        let rules = RuleTexts(ir.rules)
        let index = IndexPage(ir: ir, outline: outline, text: text, rules: rules)
        var indexPage = index.build(svg: index.svg(standalone: false))
        var files = [
            file(SitePaths.stylesheet, Stylesheet.css),
            file(SitePaths.searchScript, SearchFiles.script),
            file(SitePaths.searchIndex, SearchFiles.index(outline)),
            file(SitePaths.html(.search), HTMLRenderer().render(SearchFiles.page())),
        ]
        if let svg = index.svg(standalone: true) { files.append(file(SitePaths.topology, svg)) }
        if let changelog {
            indexPage.blocks.insert(.paragraph([.link([.label("变更记录", "Changes"), .text(" since "), .code(changelog.baseline)], DocTarget(.changes))]), at: 0)
            files += render(changelog.page())
        }
        files += render(indexPage)
        for area in AccessArea.allCases {
            files += render(AreaPage(ir: ir, outline: outline, area: area, text: text, rules: rules).build())
        }
        return files
    }

    private func render(_ page: DocPage) -> [GeneratedFile] {
        [file(SitePaths.html(page.page), HTMLRenderer().render(page)), file(SitePaths.markdown(page.page), MarkdownRenderer().render(page))]
    }

    private func file(_ path: String, _ text: String) -> GeneratedFile {
        GeneratedFile(path: path, contents: Data(text.utf8))
    }
}
