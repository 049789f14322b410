import AccessSpecDriver
import AccessSpecGenerators
import Foundation
import SeededRandom
import Testing

/// The build cache: a cached rebuild leaves exactly what a clean build leaves, whatever was
/// edited, and trusts nothing on disk that changed since.
struct IncrementalBuildTests {
    static let specs = BuildCommandTests.repository.appendingPathComponent("specs")

    let scratch: URL
    let workspace: URL
    let cached: URL
    let cacheFile: URL

    init() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("accessspec-incremental-\(UUID().uuidString)")
        workspace = scratch.appendingPathComponent("specs")
        cached = scratch.appendingPathComponent("cached")
        cacheFile = scratch.appendingPathComponent("cache/build")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.specs, to: workspace)
    }

    private func build(into output: URL, cache: BuildCacheLocation) -> (CommandStatus, String) {
        let console = RecordingConsole()
        let status = Commands(console: console).build(workspace: workspace.path, output: output.path, checkOnly: false,
                                                      options: ReportOptions(), cache: cache)
        return (status, console.stderr)
    }

    /// Every file under `folder` with its bytes, by relative path.
    private func tree(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let root = folder.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)! {
            let path = url.standardizedFileURL.path
            if let data = FileManager.default.contents(atPath: path), !url.hasDirectoryPath, path.hasPrefix(root) {
                files[String(path.dropFirst(root.count))] = data
            }
        }
        return files
    }

    private func contract(_ name: String) -> URL { workspace.appendingPathComponent(name) }

    private func edit(_ name: String, _ change: (String) -> String) throws {
        let url = contract(name)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    /// Replaces the value of the `occurrence`-th line (counted modulo the matches) that starts
    /// with `prefix` after its indentation.
    private static func replacingLine(_ text: String, prefix: String, occurrence: Int, with value: String) -> String {
        var lines = text.components(separatedBy: "\n")
        let matches = lines.indices.filter { lines[$0].hasPrefix(prefix) }
        guard !matches.isEmpty else { return text }
        let index = matches[occurrence % matches.count]
        lines[index] = prefix + value
        return lines.joined(separator: "\n")
    }

    /// Random edits a contract author makes, each leaving the workspace clean: an operation's
    /// summary, a platform's name, a shared type's description, a workspace setting, a rule's
    /// severity (which changes every platform's rule results and none of its files), a leaf
    /// platform removed or brought back.
    @Test func aCachedRebuildIsByteIdenticalToACleanBuildAfterRandomEdits() throws {
        var random = SplitMix(seed: 20261201)
        #expect(build(into: cached, cache: .file(cacheFile)).0 == .success)
        let leaves = ["hefei.yaml", "icbc-mobile.yaml"]
        var removed: [String: Data] = [:]
        for round in 0..<6 {
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let stamp = "改\(round)-\(Int.random(in: 0..<1000, using: &random))"
                switch Int.random(in: 0..<6, using: &random) {
                case 0:
                    let file = ["anhui.yaml", "national.yaml", "samr.yaml", "shandong.yaml"].randomElement(using: &random)!
                    let occurrence = Int.random(in: 0..<50, using: &random)
                    try edit(file) { Self.replacingLine($0, prefix: "      summary: ", occurrence: occurrence, with: "\"摘要 \(stamp)\"") }
                case 1:
                    let file = ["anhui.yaml", "national.yaml", "shandong.yaml"].randomElement(using: &random)!
                    try edit(file) { Self.replacingLine($0, prefix: "  name: ", occurrence: 0, with: "平台 \(stamp)") }
                case 2:
                    try edit("common/types.yaml") { Self.replacingLine($0, prefix: "    description: ", occurrence: round, with: "说明 \(stamp)") }
                case 3:
                    let days = [90, 120, 180].randomElement(using: &random)!
                    try edit("accessspec.yaml") { Self.replacingLine($0, prefix: "  minAuditRetentionDays: ", occurrence: 0, with: "\(days)") }
                case 4:
                    let severity = ["warning", "off", "error"].randomElement(using: &random)!
                    try edit("accessspec.yaml") { Self.replacingLine($0, prefix: "  IDN004: ", occurrence: 0, with: severity) }
                default:
                    let leaf = leaves.randomElement(using: &random)!
                    if let data = removed.removeValue(forKey: leaf) {
                        try data.write(to: contract(leaf))
                    } else {
                        removed[leaf] = try Data(contentsOf: contract(leaf))
                        try FileManager.default.removeItem(at: contract(leaf))
                    }
                }
            }
            let (status, log) = build(into: cached, cache: .file(cacheFile))
            #expect(status == .success, "round \(round): \(log)")
            let clean = scratch.appendingPathComponent("clean-\(round)")
            #expect(build(into: clean, cache: .none).0 == .success)
            let (fromCache, fromScratch) = (tree(cached), tree(clean))
            #expect(fromCache.keys.sorted() == fromScratch.keys.sorted(), "round \(round): the same files")
            for (path, data) in fromScratch where fromCache[path] != data {
                Issue.record("round \(round): \(path) differs between the cached and the clean build")
            }
        }
    }

    @Test func aSecondBuildCompilesNothingAndAnEditRemakesOnlyItsUnits() throws {
        #expect(build(into: cached, cache: .file(cacheFile)).0 == .success)
        let (status, log) = build(into: cached, cache: .file(cacheFile))
        #expect(status == .success)
        #expect(log.contains("up to date; nothing to do"), "\(log)")

        try edit("hefei.yaml") { Self.replacingLine($0, prefix: "      summary: ", occurrence: 0, with: "查询事项详情（改）") }
        let (_, edited) = build(into: cached, cache: .file(cacheFile))
        // hefei's own files in every output, and the network's index pages and IR index.
        #expect(edited.contains("wrote "), "\(edited)")
        let written = Int(edited.split(separator: " ").dropFirst(2).first ?? "") ?? -1
        #expect(written > 0 && written < 40, "only what depends on hefei is written: \(edited)")
    }

    /// A rule turned off changes every platform's rule results, and so its IR, while no
    /// contract changes: the cache must not keep the platforms' IR digests.
    @Test func aRuleTurnedOffReachesEveryPlatformsOutputs() throws {
        #expect(build(into: cached, cache: .file(cacheFile)).0 == .success)
        try edit("accessspec.yaml") { Self.replacingLine($0, prefix: "  IDN004: ", occurrence: 0, with: "off") }
        let (status, log) = build(into: cached, cache: .file(cacheFile))
        #expect(status == .success, "\(log)")
        let clean = scratch.appendingPathComponent("clean")
        #expect(build(into: clean, cache: .none).0 == .success)
        let (fromCache, fromScratch) = (tree(cached), tree(clean))
        #expect(fromScratch["ir/platforms/hefei.json"].map { String(decoding: $0, as: UTF8.self).contains("\"off\"") } == true)
        for (path, data) in fromScratch where fromCache[path] != data {
            Issue.record("\(path) differs between the cached and the clean build")
        }
    }

    @Test func anOutputChangedOrRemovedByHandIsMadeAgain() throws {
        #expect(build(into: cached, cache: .file(cacheFile)).0 == .success)
        let clean = tree(cached)
        let edited = cached.appendingPathComponent("openapi/hefei.yaml")
        let removed = cached.appendingPathComponent("swift/anhui/anhui.swift")
        try Data("edited by hand\n".utf8).write(to: edited)
        try FileManager.default.removeItem(at: removed)
        let (status, log) = build(into: cached, cache: .file(cacheFile))
        #expect(status == .success, "\(log)")
        #expect(log.contains("wrote 2 of"), "\(log)")
        #expect(tree(cached) == clean)
    }

    @Test func aDamagedOrForeignCacheOnlyCostsTime() throws {
        #expect(build(into: cached, cache: .file(cacheFile)).0 == .success)
        let clean = tree(cached)
        for damage in ["", "accessc-build-cache 2\nunit\tx\n", "not a cache at all\u{0}\u{1B}[31m", "accessc-build-cache 2\ntool\tsomeone else\ninputs\tabc\n",
                       "accessc-build-cache 2\ntool\t\(BuildCache.currentTool)\nir\tonly-a-key\n"] {
            try Data(damage.utf8).write(to: cacheFile)
            try FileManager.default.removeItem(at: cached.appendingPathComponent("docs"))
            let (status, log) = build(into: cached, cache: .file(cacheFile))
            #expect(status == .success, "\(log)")
            #expect(tree(cached) == clean)
        }
    }

    @Test func aBuildWithWarningsIsCompiledAgainSoItsWarningsAreShown() throws {
        try edit("anhui.yaml") { $0.replacingOccurrences(of: "tokenTtlSeconds: 3600", with: "tokenTtlSeconds: 86400") }
        let (first, firstLog) = build(into: cached, cache: .file(cacheFile))
        let (second, secondLog) = build(into: cached, cache: .file(cacheFile))
        #expect(first == .success && second == .success)
        #expect(firstLog.contains("warning[IDN004]"), "\(firstLog)")
        #expect(secondLog.contains("warning[IDN004]"), "the second build shows the warnings again: \(secondLog)")
        #expect(secondLog.contains("wrote 0 of"))
    }

    @Test func theCacheRecordsAnyPathExactly() {
        let paths = ["docs/index.html", "a\tb/c\nd.json", "百分号%25/文件.md", "\u{7F}x%"]
        var cache = BuildCache(tool: "/bin/accessc 12 34", inputs: "abc")
        cache.units["docs/site"] = BuildCache.Unit(fingerprint: "f", files: paths.map {
            BuildCache.File(path: $0, stamp: FileStamp(size: 3, modified: -5, changed: 7, inode: 9))
        })
        cache.irDigests = ["key", "digest"].reduce(into: [:]) { $0[$1] = $1 + "-digest" }
        #expect(BuildCache(text: cache.text()) == cache)
        #expect(BuildCache(text: "accessc-build-cache 1\ntool\t/bin/accessc 12 34\n") == nil, "another version's cache is ignored")
    }
}

