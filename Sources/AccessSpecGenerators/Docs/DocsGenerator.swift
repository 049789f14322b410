import AccessSpecCore
import Foundation

/// The reviewers' documentation site, `docs/`: offline static HTML (no script, no network,
/// relative links, one stylesheet) and the same content as Markdown under `docs/md/`.
///
/// - `index`: the topology diagram, connections, platforms, areas, rules in force;
/// - `platforms/<id>`: identity, connections, compliance, the eight areas with their settings
///   and requirement checklists, operations with examples, types and the error catalogue;
/// - `areas/<area>`: one area across all platforms.
public struct DocsGenerator: Generator {
    public let kind = OutputKind.docs

    /// With a changelog, a "changes since BASELINE" page and a section on each platform page.
    public var changelog: DocsChangelog?

    public init(changelog: DocsChangelog? = nil) {
        self.changelog = changelog
    }

    public func units(_ input: GenerationInput) throws -> [OutputUnit] {
        let ir = input.ir
        try checkFileNames(ir)
        return [input.workspaceUnit(kind, "site", extra: changelog.map { String(reflecting: $0) } ?? "") { try site(ir) }]
    }

    private func site(_ ir: WorkspaceIR) throws -> [GeneratedFile] {
        let text = ContractText(ir)
        let rules = RuleTexts(ir)
        let layout = TopologyLayout(ir)
        func svg(standalone: Bool) -> String {
            TopologySVG.render(layout, platformCount: ir.platforms.count, connectionCount: ir.connections.count, standalone: standalone)
        }

        var pages = [IndexPage(ir: ir, text: text, rules: rules, topologySVG: svg(standalone: false)).build()]
        pages += ir.platforms.map { PlatformPage(ir: ir, platform: $0, text: text, rules: rules).build() }
        pages += AccessArea.allCases.map { AreaPage(ir: ir, area: $0, text: text, rules: rules).build() }
        if let changelog {
            for index in pages.indices {
                switch pages[index].page {
                case .platform(let id): pages[index].blocks.insert(.section(changelog.section(for: id)), at: min(1, pages[index].blocks.count))
                case .index: pages[index].blocks.insert(.paragraph([.link([.label("变更记录", "Changes"), .text(" since "), .code(changelog.baseline)], DocTarget(.changes))]), at: 0)
                default: break
                }
            }
            pages.append(changelog.page())
        }

        let navigation = SiteNavigation(platforms: DocsTables.ordered(ir.platforms).map { ($0.id, $0.name) })
        let html = HTMLRenderer(navigation: navigation)
        let markdown = MarkdownRenderer()
        var files = [
            file(SitePaths.stylesheet, Stylesheet.css),
            file(SitePaths.topology, svg(standalone: true)),
        ]
        for page in pages {
            files.append(file(SitePaths.html(page.page), html.render(page)))
            files.append(file(SitePaths.markdown(page.page), markdown.render(page)))
        }
        return files.sorted { $0.path < $1.path }
    }

    private func file(_ path: String, _ text: String) -> GeneratedFile {
        GeneratedFile(path: path, contents: Data(text.utf8))
    }

    /// Two platforms whose pages would land on the same file on a case-insensitive file system.
    private func checkFileNames(_ ir: WorkspaceIR) throws {
        var seen: [String: String] = [:]
        for platform in ir.platforms {
            let key = SitePaths.html(.platform(platform.id)).lowercased()
            if let other = seen[key] { throw DocsGeneratorError.fileNameCollision(other, platform.id) }
            seen[key] = platform.id
        }
    }
}

public enum DocsGeneratorError: Error, CustomStringConvertible {
    case fileNameCollision(String, String)

    public var description: String {
        switch self {
        case .fileNameCollision(let first, let second):
            "platforms '\(first)' and '\(second)' would share a documentation page on a case-insensitive file system; rename one"
        }
    }
}
