@testable import AccessSpecGenerators
import Foundation
import Testing

/// The writer takes paths from generators, from its manifest and from the build cache, and the
/// last two are files anyone can edit: none of them may reach outside the output folder.
struct OutputWriterSafetyTests {
    @Test(arguments: [
        ("docs/index.html", true), ("a", true), ("...", true), (".hidden/x", true), ("a/..b/c", true), ("文件/名.md", true),
        ("", false), ("/etc/passwd", false), ("../x", false), ("a/../b", false), ("a/..", false), ("./a", false),
        ("a/./b", false), ("a//b", false), ("a/", false), ("/", false), ("..", false), (".", false),
    ])
    func aPathIsSafeOnlyWhenEverySegmentIsAName(_ path: String, _ safe: Bool) {
        #expect(OutputWriter.isSafe(path) == safe, "\(path)")
    }

    /// A manifest edited to list files outside the output folder: the build removes what it
    /// no longer makes, but never those.
    @Test func aManifestNamingFilesOutsideIsNotObeyed() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("writer-safety-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let victim = root.appendingPathComponent("victim.txt")
        try Data("keep".utf8).write(to: victim)
        try Data("old".utf8).write(to: output.appendingPathComponent("stale.txt"))
        let manifest = "stale.txt\n../victim.txt\n\(victim.path)\nsub/\n  ../../victim.txt\n"
        try Data(manifest.utf8).write(to: output.appendingPathComponent(OutputWriter.manifestName))

        let unit = OutputUnit(key: "one", fingerprint: "f") { [GeneratedFile(path: "made.txt", contents: Data("new".utf8))] }
        let (outcome, _) = try OutputWriter(outputDirectory: output).build([unit], mode: .write, cache: nil, tool: "test")
        #expect(outcome.removed == ["stale.txt"])
        #expect(try String(contentsOf: victim, encoding: .utf8) == "keep")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("stale.txt").path))
    }

    /// A name that starts with a combining mark joins the `/` before it into one `Character`:
    /// the manifest must still split the path at the slash, or the next build would take the
    /// file for someone else's and a same-named top-level file for its own.
    @Test func aNameStartingWithACombiningMarkKeepsItsFolder() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("writer-safety-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let paths = ["dir/\u{301}name.txt", "dir/plain.txt", "\u{301}top.txt"]
        func unit(_ version: String) -> OutputUnit {
            OutputUnit(key: "one", fingerprint: version) { paths.map { GeneratedFile(path: $0, contents: Data(($0 + version).utf8)) } }
        }
        let writer = OutputWriter(outputDirectory: output)
        let (first, cache) = try writer.build([unit("1")], mode: .write, cache: nil, tool: "test")
        #expect(first.written.count == 3)
        #expect(writer.isAsLeft(by: cache))
        // Someone's own file, named as the mark-led file would be if its folder were lost.
        let theirs = output.appendingPathComponent("name.txt")
        try Data("theirs".utf8).write(to: theirs)
        let (again, _) = try writer.build([unit("2")], mode: .write, cache: nil, tool: "test")
        #expect(again.conflicts.isEmpty && again.removed.isEmpty && again.written.count == 3, "\(again)")
        #expect(try String(contentsOf: theirs, encoding: .utf8) == "theirs")
    }

    @Test func aGeneratorsUnsafePathIsRefused() {
        let unit = OutputUnit(key: "one", fingerprint: "f") { [GeneratedFile(path: "../escape.txt", contents: Data())] }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("writer-safety-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(throws: OutputWriter.WriteError.self) {
            try OutputWriter(outputDirectory: output).build([unit], mode: .write, cache: nil, tool: "test")
        }
        #expect(!FileManager.default.fileExists(atPath: output.deletingLastPathComponent().appendingPathComponent("escape.txt").path))
    }
}
