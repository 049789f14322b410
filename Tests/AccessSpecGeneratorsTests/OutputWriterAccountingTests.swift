@testable import AccessSpecGenerators
import Foundation
import SeededRandom
import Testing

/// With a cache it trusts, the writer accounts for its outputs unit by unit instead of path by
/// path. Random layouts of units, changed between builds as generators change them (contents
/// edited, files dropped, moved to another unit or added, units gone or new), are built once
/// with the cache carried along and once from nothing: the folders, the manifest and what the
/// writer says it removed must agree.
struct OutputWriterAccountingTests {
    /// Unit key -> (path -> contents).
    typealias Layout = [String: [String: String]]

    static func units(_ layout: Layout) -> [OutputUnit] {
        layout.keys.sorted().map { key in
            let files = layout[key]!
            let fingerprint = files.keys.sorted().map { "\($0)=\(files[$0]!)" }.joined(separator: ";")
            return OutputUnit(key: key, fingerprint: fingerprint) {
                files.keys.sorted().map { GeneratedFile(path: $0, contents: Data(files[$0]!.utf8)) }
            }
        }
    }

    static func tree(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let root = folder.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init() {
            let path = url.standardizedFileURL.path
            if !url.hasDirectoryPath, let data = FileManager.default.contents(atPath: path) { files[String(path.dropFirst(root.count))] = data }
        }
        return files
    }

    static func changed(_ layout: Layout, round: Int, using random: inout SplitMix) -> Layout {
        var layout = layout
        // Each new path is new to the round: two units making one file is the next test's case.
        for change in 0..<Int.random(in: 1...4, using: &random) {
            let keys = layout.keys.sorted()
            guard let key = keys.randomElement(using: &random) else { break }
            let paths = layout[key]!.keys.sorted()
            switch Int.random(in: 0..<6, using: &random) {
            case 0:
                if let path = paths.randomElement(using: &random) { layout[key]![path] = "edited \(round)" }
            case 1:
                if let path = paths.randomElement(using: &random) { layout[key]![path] = nil }
            case 2:
                // A file moves to another unit.
                if let path = paths.randomElement(using: &random), let other = keys.randomElement(using: &random), other != key {
                    layout[other]![path] = layout[key]!.removeValue(forKey: path)
                }
            case 3:
                layout[key]!["u\(round)/new-\(change).txt"] = "added \(round)"
            case 4:
                layout[key] = nil
            default:
                layout["unit-\(round)-\(change)"] = ["n\(round)/file-\(change).txt": "new unit \(round)"]
            }
        }
        return layout
    }

    @Test func aTrustedCacheLeavesWhatABuildFromNothingLeaves() throws {
        var random = SplitMix(seed: 20261202)
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("writer-accounting-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cachedOutput = root.appendingPathComponent("cached")
        let writer = OutputWriter(outputDirectory: cachedOutput)
        var layout: Layout = [:]
        for unit in 0..<12 {
            layout["unit-\(unit)"] = Dictionary(uniqueKeysWithValues: (0..<Int.random(in: 0...4, using: &random)).map {
                ("d\(unit % 3)/f\(unit)-\($0).txt", "first \(unit) \($0)")
            })
        }
        var (_, cache) = try writer.build(Self.units(layout), mode: .write, cache: nil, tool: "test")
        for round in 0..<40 {
            let before = Set(layout.values.flatMap(\.keys))
            layout = Self.changed(layout, round: round, using: &random)
            let after = Set(layout.values.flatMap(\.keys))
            let (outcome, next) = try writer.build(Self.units(layout), mode: .write, cache: cache, tool: "test")
            cache = next
            let clean = root.appendingPathComponent("clean-\(round)")
            _ = try OutputWriter(outputDirectory: clean).build(Self.units(layout), mode: .write, cache: nil, tool: "test")
            #expect(Self.tree(cachedOutput) == Self.tree(clean), "round \(round): the cached build's folder")
            #expect(outcome.removed == before.subtracting(after).sorted(), "round \(round): what was removed")
            #expect(outcome.produced == after.count, "round \(round)")
            #expect(writer.isAsLeft(by: cache), "round \(round)")
            let (again, _) = try writer.build(Self.units(layout), mode: .check, cache: cache, tool: "test")
            #expect(again.isUpToDate && again.reused == layout.count, "round \(round): \(again)")
        }
    }

    /// A unit made again that makes a file another unit keeps: refused, whichever accounting.
    @Test(arguments: [true, false])
    func twoUnitsMakingOneFileAreRefused(withCache: Bool) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("writer-accounting-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let writer = OutputWriter(outputDirectory: output)
        let first: Layout = ["a": ["a.txt": "1", "shared.txt": "a"], "b": ["b.txt": "1"]]
        let (_, cache) = try writer.build(Self.units(first), mode: .write, cache: nil, tool: "test")
        let second: Layout = ["a": ["a.txt": "1", "shared.txt": "a"], "b": ["b.txt": "2", "shared.txt": "b"]]
        let error = #expect(throws: OutputWriter.WriteError.self) {
            try writer.build(Self.units(second), mode: .write, cache: withCache ? cache : nil, tool: "test")
        }
        guard case .duplicate("shared.txt") = error else { Issue.record("\(String(describing: error))"); return }
        // Two units made again that share a file neither made before.
        let third: Layout = ["a": ["a.txt": "3", "new.txt": "a"], "b": ["b.txt": "3", "new.txt": "b"]]
        #expect(throws: OutputWriter.WriteError.self) {
            try writer.build(Self.units(third), mode: .write, cache: withCache ? cache : nil, tool: "test")
        }
    }
}
