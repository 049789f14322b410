import AccessSpecCore
@testable import AccessSpecGenerators
import Foundation
import Testing

/// The docs at national scale: drawings that stay readable (no line through a box, bounded
/// width), pages whose size does not follow the network's, area pages that lead with what
/// fails, and a search index that finds every platform.
struct DocsScaleTests {
    // MARK: The province drawing

    /// A province of 150 counties: 14 cities of 9 to 11 counties, 14 districts directly under
    /// the province, and third parties through the province, a city and a county.
    static func bigRegion() -> RegionContext {
        func member(_ id: String, _ name: String, _ level: PlatformLevel, _ region: String, parent: PlatformRef?, warning: Bool = false) -> RegionContext.Member {
            var tally = ComplianceTally()
            tally.passed = 20
            if warning { tally.warning = 1 }
            return RegionContext.Member(platform: PlatformRef(id: id, name: name, nameEn: "\(name) en", level: level, region: region), parent: parent, tally: tally)
        }
        let province = member("p44", "广东省政务服务平台", .provincial, "440000", parent: nil)
        var direct = (1...14).map { member("p44d\($0)", "直辖区\($0)政务服务平台", .county, "4400\(10 + $0)", parent: province.platform) }
        direct.append(member("p44bank", "某银行广东分行手机银行", .thirdParty, "440000", parent: province.platform))
        var columns = [RegionContext.Column(head: nil, members: direct)]
        var counties = 14
        for city in 1...14 {
            let head = member("p44c\(city)", "广东省第\(city)市政务服务平台", .municipal, "44\(10 + city)00", parent: province.platform)
            let size = city <= 8 ? 10 : 9 + (city % 3 == 0 ? 1 : 0)
            var members = (1...size).map { county in
                member("p44c\(city)k\(county)", "第\(city)市第\(county)县区政务服务平台", .county, "44\(10 + city)\(10 + county)", parent: head.platform, warning: county == 3)
            }
            counties += size
            if city == 2 { members.append(member("p44c2app", "某小程序服务商", .thirdParty, "441200", parent: members[0].platform)) }
            columns.append(RegionContext.Column(head: head, members: members))
        }
        while counties < 150 {
            counties += 1
            columns[columns.count - 1].members.insert(member("p44extra\(counties)", "增补县\(counties)", .county, "441499", parent: columns.last!.head!.platform), at: 0)
        }
        return RegionContext(province: province, columns: columns)
    }

    @Test func provinceDrawingHasNoLineThroughABoxAndABoundedWidth() {
        let region = Self.bigRegion()
        #expect(region.count(.county) == 150)
        let layout = HierarchyLayout(RegionPage(region: region).drawing, columnWidth: RegionPage.columnWidth, maxWidth: RegionPage.maxWidth)
        #expect(layout.width <= RegionPage.maxWidth)
        #expect(layout.boxes.count == 1 + region.members.count)
        Self.expectNoLineCrossesABox(layout)
        Self.expectNoBoxesOverlap(layout)
        Self.expectEveryBoxIsReached(layout, except: [region.province.platform.id])
        // Counties stack under their city: same column, lower down.
        let city = layout.boxes.first { $0.node.id == "p44c3" }!
        let county = layout.boxes.first { $0.node.id == "p44c3k4" }!
        #expect(county.x > city.x && county.x < city.x + city.width && county.y > city.bottom)
        // A municipality's districts sit directly under the province, in the first column.
        let district = layout.boxes.first { $0.node.id == "p44d1" }!
        #expect(district.x < city.x)
    }

    @Test func drawingsAreDeterministic() throws {
        let page = RegionPage(region: Self.bigRegion())
        #expect(page.svg(standalone: true) == page.svg(standalone: true))
        let ir = try Self.national(provinces: 4, cities: 3, counties: 4)
        let first = try DocsGenerator().networkFiles(ir)
        let second = try DocsGenerator().networkFiles(ir)
        #expect(first == second)
    }

    @Test func topLevelDrawingWrapsProvincesAndSummarisesThirdParties() throws {
        let ir = try Self.national(provinces: 31, cities: 2, counties: 2)
        let outline = NetworkOutline(ir)
        let index = IndexPage(ir: ir, outline: outline, text: ContractText(ir), rules: RuleTexts(ir.rules))
        let svg = try #require(index.svg(standalone: true))
        let ids = DocsGeneratorTests.matches(#"<g class="platform" data-id="([^"]+)""#, in: svg).map { $0[0] }
        // The hub, the provinces, the departments and one box for all third parties: no city, no county.
        #expect(Set(ids) == Set(outline.ids(.national) + outline.ids(.provincial) + outline.ids(.departmental) + ["third-parties"]))
        let width = try #require(Double(DocsGeneratorTests.matches(#"<svg [^>]*width="([0-9.]+)""#, in: svg).first?[0] ?? ""))
        #expect(width <= IndexPage.maxWidth)
        // A province box opens its region page.
        #expect(svg.contains("<a href=\"regions/p11.html\">"))
    }

    // MARK: Scoped pages

    /// A platform's pages are the same bytes however many unrelated platforms join the network.
    @Test func platformPagesDoNotGrowWithUnrelatedPlatforms() throws {
        let small = try DocsGeneratorTests.compile(DocsGeneratorTests.specs)
        let grown = try Self.national(provinces: 6, cities: 3, counties: 8)
        #expect(grown.platforms.count > 150)
        let before = try Self.pages(DocsGenerator().files(small, GenerationSettings()))
        let after = try Self.pages(DocsGenerator().files(grown, GenerationSettings()))
        for id in ["hefei", "anhui", "shandong", "icbc-mobile", "samr"] {
            for path in ["platforms/\(id).html", "md/platforms/\(id).md"] {
                #expect(before[path] == after[path], "\(path) changed when unrelated platforms were added")
            }
        }
        #expect(before["regions/anhui.html"] == after["regions/anhui.html"])
        // A county's page names its city and province, not its neighbours' neighbours.
        let county = try #require(after["platforms/p11c01k01.html"])
        #expect(!county.contains("p11c02k01.html") && !county.contains("p12.html"))
        #expect(county.contains("href=\"p11c01.html\"") && county.contains("href=\"../regions/p11.html\""))
        let context = try #require(DocsGenerator().platformContexts(grown)["p11c01k01"])
        #expect(Set(context.platforms.map(\.id)) == ["p11c01", "p11"])
    }

    @Test func platformPagesAreAFunctionOfThePlatformAndItsContext() throws {
        let ir = try Self.national(provinces: 2, cities: 2, counties: 2)
        let generator = DocsGenerator()
        let contexts = generator.platformContexts(ir)
        let all = try generator.files(ir, GenerationSettings())
        for platform in ir.platforms {
            let context = try #require(contexts[platform.id])
            // The context survives a round trip through JSON, so a build can store it.
            let decoded = try JSONDecoder().decode(PlatformPageContext.self, from: JSONEncoder().encode(context))
            #expect(decoded == context)
            for file in try generator.platformFiles(platform, decoded) {
                #expect(all.contains(file), "\(file.path) differs when made from its context alone")
            }
        }
        for region in generator.regionContexts(ir) {
            for file in generator.regionFiles(region) { #expect(all.contains(file)) }
        }
    }

    /// A contract too large for one page (the hub's hundreds of operations and types) is split
    /// into parts, each bounded; the page lists what moved, under the same fragments.
    @Test func aContractTooLargeForOnePageIsSplitIntoParts() throws {
        let ir = try DocsGeneratorTests.compile(DocsGeneratorTests.specs)
        let generator = DocsGenerator()
        let contexts = generator.platformContexts(ir)
        var hub = try #require(ir.platforms.first { $0.id == "national" })
        #expect(try generator.platformFiles(hub, contexts["national"]!).count == 2)
        let operations = try #require(hub.areas.license?.operations), types = hub.types
        for copy in 1...12 {
            hub.areas.license?.operations += operations.map { var operation = $0; operation.id += "Copy\(copy)"; return operation }
            hub.types += types.map { var type = $0; type.name += "Copy\(copy)"; return type }
        }
        let files = try generator.platformFiles(hub, contexts["national"]!)
        let pages = Self.pages(files)
        #expect(files.count > 4, "\(files.map { "\($0.path) \($0.contents.count)" })")
        for file in files { #expect(file.contents.count < PlatformPage.splitAbove, "\(file.path) is \(file.contents.count) bytes") }
        let main = try #require(pages["platforms/national.html"])
        let parts = pages.filter { $0.key.hasPrefix("platforms/national/") && $0.key.hasSuffix(".html") }
        for fragment in hub.areas.allOperations.map({ SitePaths.operationFragment($0.id) }) + hub.types.map({ SitePaths.typeFragment($0.name) }) {
            #expect(main.contains("id=\"\(fragment)\""), "the page lists no \(fragment)")
            #expect(parts.values.count { $0.contains("<section id=\"\(fragment)\">") } == 1, "\(fragment) is not in exactly one part")
        }
        // Links among the platform's pages land.
        for (path, text) in pages where path.hasSuffix(".html") {
            for link in DocsGeneratorTests.attributeLinks(in: text) {
                guard let (target, fragment) = DocsGeneratorTests.resolve(link, from: path), target.hasPrefix("platforms/national") else { continue }
                let contents = try #require(pages[target], "\(path) links to \(link), not generated")
                if let fragment { #expect(contents.contains("id=\"\(fragment)\""), "\(path) links to \(link), which has no such id") }
            }
        }
    }

    // MARK: National scale

    @Test func nationalSiteStaysSmallPageByPage() throws {
        let ir = try Self.national(provinces: 31, cities: 4, counties: 8)
        #expect(ir.platforms.count > 1_000)
        // The pages that index the network, every region, and one county (platform pages are
        // scoped: platformPagesDoNotGrowWithUnrelatedPlatforms).
        let generator = DocsGenerator()
        let county = try #require(ir.platforms.first { $0.id == "p11c01k01" })
        var files = try generator.networkFiles(ir)
        files += generator.regionContexts(ir).flatMap(generator.regionFiles)
        files += try generator.platformFiles(county, generator.platformContexts(ir)["p11c01k01"]!)
        let pages = Self.pages(files)
        for file in files where file.path != SitePaths.searchIndex {
            #expect(file.contents.count < 1_000_000, "\(file.path) is \(file.contents.count) bytes")
        }
        let index = try #require(pages["index.html"])
        #expect(index.utf8.count < 400_000)
        // The index lists provinces, departments and third parties, never a county.
        #expect(!index.contains("platforms/p11c01k01.html"))
        #expect(index.contains("regions/p11.html") && index.contains("platforms/p11tp.html"))
        // No page lists every platform in its navigation.
        let page = try #require(pages["platforms/p11c01k01.html"])
        let navigation = String(page[page.range(of: "<nav")!.lowerBound..<page.range(of: "</nav>")!.upperBound])
        #expect(DocsGeneratorTests.attributeLinks(in: navigation).count < 25)
    }

    @Test func areaPagesPutFailuresAndWarningsFirst() throws {
        var ir = try Self.national(provinces: 5, cities: 3, counties: 6)
        // One failure and one warning in identity; everyone else passes.
        let failing = "p12c02k03", warning = "p13c01"
        for index in ir.platforms.indices {
            for record in ir.platforms[index].compliance.indices where ir.platforms[index].compliance[record].area == "identity" {
                if ir.platforms[index].compliance[record].status == .warning { ir.platforms[index].compliance[record].status = .passed }
            }
            let id = ir.platforms[index].id
            guard id == failing || id == warning,
                  let record = ir.platforms[index].compliance.firstIndex(where: { $0.area == "identity" && $0.status == .passed }) else { continue }
            ir.platforms[index].compliance[record].status = id == failing ? .failed : .warning
        }
        let pages = Self.pages(try DocsGenerator().files(ir, GenerationSettings()))
        let page = try #require(pages["areas/identity.html"])
        let attention = try #require(page.range(of: "<section id=\"attention\">"))
        let byProvince = try #require(page.range(of: "<section id=\"by-province\">"))
        let rules = try #require(page.range(of: "<section id=\"rules\">"))
        #expect(attention.lowerBound < byProvince.lowerBound && byProvince.lowerBound < rules.lowerBound)
        let flagged = String(page[attention.lowerBound..<byProvince.lowerBound])
        let failed = try #require(flagged.range(of: "../platforms/\(failing).html#area-identity"))
        let warned = try #require(flagged.range(of: "../platforms/\(warning).html#area-identity"))
        #expect(failed.lowerBound < warned.lowerBound)
        // Passing platforms are counted, not listed.
        #expect(DocsGeneratorTests.attributeLinks(in: flagged).filter { $0.hasPrefix("../platforms/") }.count == 2)
        #expect(!page.contains("../platforms/p11c01k01.html"))
        // The province summary counts each province's platforms: 1 + 3 cities + 18 counties + 1 third party.
        let summary = String(page[byProvince.lowerBound..<rules.lowerBound])
        #expect(summary.contains("<a href=\"../regions/p12.html\">") && summary.contains("<td>23</td>"))
    }

    // MARK: Search

    @Test func searchIndexHoldsEveryPlatformAsScriptData() throws {
        let ir = try Self.national(provinces: 3, cities: 2, counties: 3)
        let files = try DocsGenerator().files(ir, GenerationSettings())
        let index = String(decoding: try #require(files.first { $0.path == SitePaths.searchIndex }).contents, as: UTF8.self)
        // The assigned value is JSON: a JSON parser reads back every platform.
        let prefix = "// Generated by accessc from the workspace IR. DO NOT EDIT.\nwindow.ACCESS_SEARCH = "
        #expect(index.hasPrefix(prefix) && index.hasSuffix(";\n"))
        let value = try JSONSerialization.jsonObject(with: Data(index.dropFirst(prefix.count).dropLast(2).utf8)) as? [String: Any]
        let rows = try #require(value?["platforms"] as? [[String]])
        #expect(rows.map { $0[0] }.sorted() == ir.platforms.map(\.id).sorted())
        let hefei = try #require(rows.first { $0[0] == "hefei" })
        #expect(hefei == ["hefei", "合肥市政务服务平台", "Hefei Municipal Government Service Platform", "municipal", "340100", "安徽省政务服务平台", "platforms/hefei.html", ""])
        let search = String(decoding: try #require(files.first { $0.path == "search.html" }).contents, as: UTF8.self)
        #expect(search.contains("<script src=\"search-index.js\"></script>\n<script src=\"search.js\"></script>"))
        #expect(search.contains("<noscript>"))
    }

    // MARK: Helpers

    /// The example workspace grown to a national shape: `provinces` provinces cloned from anhui
    /// (with region codes of real provinces), each with `cities` cities cloned from hefei, each
    /// with `counties` counties (hefei's contract at county level), and one third party cloned
    /// from icbc-mobile through each province.
    static func national(provinces: Int, cities: Int, counties: Int) throws -> WorkspaceIR {
        var ir = try DocsGeneratorTests.compile(DocsGeneratorTests.specs)
        let byID = Dictionary(uniqueKeysWithValues: ir.platforms.map { ($0.id, $0) })
        let province = byID["anhui"]!, city = byID["hefei"]!, thirdParty = byID["icbc-mobile"]!
        let provinceUp = ir.connections.first { $0.from == "anhui" && $0.to == "national" }!
        let cityUp = ir.connections.first { $0.from == "hefei" && $0.to == "anhui" }!
        let thirdPartyUp = ir.connections.first { $0.from == "icbc-mobile" }!
        let codes = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 35, 36, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81]
        func clone(_ template: PlatformIR, _ id: String, _ name: String, _ level: PlatformLevel, _ region: String) -> PlatformIR {
            var platform = template
            platform.id = id
            platform.name = name
            platform.nameEn = "\(id) platform"
            platform.level = level
            platform.region = region
            return platform
        }
        func connect(_ template: ConnectionIR, _ from: String, _ to: String) {
            var connection = template
            connection.from = from
            connection.to = to
            ir.connections.append(connection)
        }
        for code in codes.prefix(provinces) {
            let p = "p\(code)"
            ir.platforms.append(clone(province, p, "省\(code)政务服务平台", .provincial, "\(code)0000"))
            connect(provinceUp, p, "national")
            for c in 1...max(cities, 1) where cities > 0 {
                let cityID = p + String(format: "c%02d", c)
                ir.platforms.append(clone(city, cityID, "省\(code)第\(c)市政务服务平台", .municipal, String(format: "%d%02d00", code, c)))
                connect(cityUp, cityID, p)
                for k in 1...max(counties, 1) where counties > 0 {
                    let countyID = cityID + String(format: "k%02d", k)
                    ir.platforms.append(clone(city, countyID, "第\(c)市第\(k)县政务服务平台", .county, String(format: "%d%02d%02d", code, c, k)))
                    connect(cityUp, countyID, cityID)
                }
            }
            var bank = clone(thirdParty, p + "tp", "省\(code)合作银行", .thirdParty, "\(code)0000")
            bank.areas.thirdParty?.settings.via = p
            ir.platforms.append(bank)
            connect(thirdPartyUp, bank.id, p)
        }
        return ir
    }

    /// The site's text files, by path under `docs/`.
    static func pages(_ files: [GeneratedFile]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    /// No horizontal or vertical segment passes through the inside of a box (ending on its
    /// border is how a line meets a box).
    static func expectNoLineCrossesABox(_ layout: HierarchyLayout, sourceLocation: SourceLocation = #_sourceLocation) {
        let epsilon = 0.01
        for line in layout.lines {
            for (a, b) in zip(line.points, line.points.dropFirst()) {
                #expect(a.x == b.x || a.y == b.y, "a slanted segment", sourceLocation: sourceLocation)
                for box in layout.boxes {
                    let inX = { (x: Double) in x > box.x + epsilon && x < box.x + box.width - epsilon }
                    let inY = { (y: Double) in y > box.y + epsilon && y < box.bottom - epsilon }
                    let crosses = a.x == b.x
                        ? inX(a.x) && min(a.y, b.y) < box.bottom - epsilon && max(a.y, b.y) > box.y + epsilon
                        : inY(a.y) && min(a.x, b.x) < box.x + box.width - epsilon && max(a.x, b.x) > box.x + epsilon
                    #expect(!crosses, "a line from \(a) to \(b) crosses \(box.node.id)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    static func expectNoBoxesOverlap(_ layout: HierarchyLayout, sourceLocation: SourceLocation = #_sourceLocation) {
        let boxes = layout.boxes.sorted { $0.x < $1.x }
        for (index, a) in boxes.enumerated() {
            for b in boxes[(index + 1)...] where b.x < a.x + a.width {
                let overlap = b.y < a.bottom && a.y < b.bottom
                #expect(!overlap, "\(a.node.id) and \(b.node.id) overlap", sourceLocation: sourceLocation)
            }
        }
    }

    /// Every box but the root has a line ending on its top or left side.
    static func expectEveryBoxIsReached(_ layout: HierarchyLayout, except: Set<String>, sourceLocation: SourceLocation = #_sourceLocation) {
        let ends = layout.lines.flatMap { [$0.points.first!, $0.points.last!] }
        for box in layout.boxes where !except.contains(box.node.id) {
            let reached = ends.contains { end in
                (end.y == box.y && end.x >= box.x && end.x <= box.x + box.width) || (end.x == box.x && end.y >= box.y && end.y <= box.bottom)
            }
            #expect(reached, "no line reaches \(box.node.id)", sourceLocation: sourceLocation)
        }
    }
}
