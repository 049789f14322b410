import AccessSpecDriver
import Foundation
import Testing

/// `accessc build --baseline`: a "changes since BASELINE" page and a section on each platform
/// page, in HTML and Markdown, Chinese and English, breaking changes first.
struct ChangelogTests {
    @Test func buildWithABaselineWritesTheChangelog() throws {
        try scratch("changelog") { folder in
            let new = folder.appendingPathComponent("specs")
            try FileManager.default.copyItem(at: Fixtures.repository.appendingPathComponent("specs"), to: new)
            try edit(new.appendingPathComponent("hefei.yaml"), "tokenTtlSeconds: 3600", "tokenTtlSeconds: 1800")
            try edit(new.appendingPathComponent("hefei.yaml"), "algorithm: hmac-sm3\n    header", "algorithm: sm2-sm3\n    header")
            let out = folder.appendingPathComponent("generated")
            let console = CapturedConsole()
            let status = Commands(console: console).build(workspace: new.path, output: out.path, checkOnly: false, options: ReportOptions(),
                                                          baseline: Fixtures.repository.appendingPathComponent("specs").path)
            #expect(status == .success, "\(console.stderr)")
            let page = try String(contentsOf: out.appendingPathComponent("docs/md/changes.md"), encoding: .utf8)
            let breaking = try #require(page.range(of: "D076")), dangerous = try #require(page.range(of: "D093"))
            #expect(breaking.lowerBound < dangerous.lowerBound, "breaking changes first")
            #expect(page.contains("签名算法变更"))
            #expect(page.contains("签名算法变更：签名算法由 hmac-sm3 改为 sm2-sm3"), "\(page)")
            #expect(page.contains("the signing algorithm changes from hmac-sm3 to sm2-sm3"))
            let html = try String(contentsOf: out.appendingPathComponent("docs/changes.html"), encoding: .utf8)
            #expect(html.contains("协议不兼容"))
            let hefei = try String(contentsOf: out.appendingPathComponent("docs/platforms/hefei.html"), encoding: .utf8)
            #expect(hefei.contains("id=\"changes\""))
            #expect(hefei.contains("令牌有效期变更"))
            let index = try String(contentsOf: out.appendingPathComponent("docs/md/index.md"), encoding: .utf8)
            #expect(index.contains("changes.md"))

            // Without a baseline the site has no changelog.
            let plain = folder.appendingPathComponent("plain")
            #expect(Commands(console: CapturedConsole()).build(workspace: new.path, output: plain.path, checkOnly: false, options: ReportOptions()) == .success)
            #expect(!FileManager.default.fileExists(atPath: plain.appendingPathComponent("docs/changes.html").path))
        }
    }
}
