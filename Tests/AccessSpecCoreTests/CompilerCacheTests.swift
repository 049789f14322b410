import AccessSpecCore
import AccessSpecSyntax
import Foundation
import SeededRandom
import Testing

/// The compiler's cache, as the language server uses it: after any edits, a compile that
/// reuses the last one's decoded files and checks says exactly what a compile from nothing says.
struct CompilerCacheTests {
    /// The example workspace, in memory: relative path -> text.
    static func exampleWorkspace() throws -> [String: String] {
        let root = WorkspaceTests.specs
        var files: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: root) where path.hasSuffix(".yaml") {
            files[path] = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        }
        return files
    }

    /// The workspace as compile input, keeping each unchanged file's `SourceFile` object (as the
    /// language server does) and making a new one for each changed file.
    static func sources(_ texts: [String: String], reusing files: inout [String: SourceFile]) -> WorkspaceSources {
        var sources = WorkspaceSources()
        var kept: [String: SourceFile] = [:]
        for path in texts.keys.sorted() {
            let bytes = Array(texts[path]!.utf8)
            let file = files[path].flatMap { $0.bytes == bytes ? $0 : nil } ?? SourceFile(path: "specs/" + path, bytes: bytes)
            kept[path] = file
            let entry = WorkspaceSources.Entry(relativePath: path, file: file)
            if path == "accessspec.yaml" { sources.config = entry } else { sources.contracts.append(entry) }
        }
        files = kept
        return sources
    }

    /// What a compile says: every diagnostic as text, and the IR when there is one.
    static func outcome(_ compilation: Compilation) throws -> String {
        let ir = try compilation.ir.map { String(decoding: try $0.canonicalJSON(), as: UTF8.self) } ?? "(no IR)"
        return DiagnosticRenderer().render(compilation.diagnostics) + "\n" + ir
    }

    /// Replaces the `occurrence`-th line (modulo the matches) that starts with `prefix` after
    /// its indentation; the text is unchanged when no line does.
    static func replacingLine(_ text: String, prefix: String, occurrence: Int, with line: (String) -> String) -> String {
        var lines = text.components(separatedBy: "\n")
        let matches = lines.indices.filter { lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }
        guard !matches.isEmpty else { return text }
        let index = matches[occurrence % matches.count]
        lines[index] = line(lines[index])
        return lines.joined(separator: "\n")
    }

    /// Edits an author makes, good and bad: a summary, a type reference broken, an import
    /// misspelt, a platform renamed (which every connection to it reads), a shared field's bound cut,
    /// a file removed or brought back, a YAML syntax error, a workspace setting.
    @Test func aCachedCompileSaysWhatACleanCompileSaysAfterRandomEdits() throws {
        var texts = try Self.exampleWorkspace()
        let original = texts
        let contracts = texts.keys.filter { $0 != "accessspec.yaml" }.sorted()
        var random = SplitMix(seed: 20261202)
        let cache = CompilerCache()
        var files: [String: SourceFile] = [:]
        _ = Compiler.compile(Self.sources(texts, reusing: &files), cache: cache)
        var reused = 0
        for round in 0..<40 {
            // Half the rounds edit a clean workspace, half pile an edit on the last round's.
            if Bool.random(using: &random) { texts = original }
            let file = contracts.randomElement(using: &random)!
            let occurrence = Int.random(in: 0..<20, using: &random)
            let stamp = "\(round)"
            switch Int.random(in: 0..<9, using: &random) {
            case 0:
                texts[file] = texts[file].map { Self.replacingLine($0, prefix: "summary: ", occurrence: occurrence) { $0 + " \(stamp)" } }
            case 1:
                texts[file] = texts[file].map { Self.replacingLine($0, prefix: "request: ", occurrence: occurrence) { $0 + "X" } }
            case 2:
                texts[file] = texts[file].map { Self.replacingLine($0, prefix: "imports: ", occurrence: 0) { $0.replacingOccurrences(of: ".yaml", with: "s.yaml") } }
            case 3:
                texts[file] = texts[file].map { Self.replacingLine($0, prefix: "id: ", occurrence: 0) { $0 + "x" } }
            case 4:
                // A shared field's bound: every importer's examples are held to it.
                texts["common/types.yaml"] = texts["common/types.yaml"].map {
                    let lines = $0.components(separatedBy: "\n")
                    let bounded = lines.indices.filter { lines[$0].contains("maxLength: ") }
                    var edited = lines
                    let index = bounded[occurrence % bounded.count]
                    edited[index] = lines[index].replacingOccurrences(of: #"maxLength: \d+"#, with: "maxLength: 4", options: .regularExpression)
                    return edited.joined(separator: "\n")
                }
            case 5:
                texts[file] = texts[file] == nil ? original[file] : nil
            case 6:
                texts[file] = texts[file].map { Self.replacingLine($0, prefix: "method: ", occurrence: occurrence) { $0 + " [" } }
            case 7:
                let days = Int.random(in: 90...400, using: &random)
                texts["accessspec.yaml"] = texts["accessspec.yaml"].map {
                    Self.replacingLine($0, prefix: "minAuditRetentionDays: ", occurrence: 0) { _ in "  minAuditRetentionDays: \(days)" }
                }
            default:
                texts[file] = original[file]
            }
            let previous = files
            let sources = Self.sources(texts, reusing: &files)
            reused += sources.contracts.count { $0.file === previous[$0.relativePath] }
            let cached = try Self.outcome(Compiler.compile(sources, cache: cache))
            var fresh: [String: SourceFile] = [:]
            let clean = try Self.outcome(Compiler.compile(Self.sources(texts, reusing: &fresh)))
            #expect(cached == clean, "round \(round): the cached compile differs from a clean one")
        }
        #expect(reused > 0)
    }

    /// An edit of a shared file reaches every file that imports it, though their own bytes
    /// are unchanged: a field's length bound cut makes their examples wrong.
    @Test func anEditOfASharedFileReachesItsImporters() throws {
        var texts = try Self.exampleWorkspace()
        let cache = CompilerCache()
        var files: [String: SourceFile] = [:]
        let before = try Self.outcome(Compiler.compile(Self.sources(texts, reusing: &files), cache: cache))
        texts["common/types.yaml"] = texts["common/types.yaml"]!.replacingOccurrences(of: "accessId: { type: string, minLength: 1, maxLength: 64", with: "accessId: { type: string, minLength: 1, maxLength: 4")
        let cached = try Self.outcome(Compiler.compile(Self.sources(texts, reusing: &files), cache: cache))
        var fresh: [String: SourceFile] = [:]
        let clean = try Self.outcome(Compiler.compile(Self.sources(texts, reusing: &fresh)))
        #expect(clean != before && clean.contains("error[S015]"), "the edit makes the importers' examples wrong")
        #expect(cached == clean)
    }

    /// A file the cache kept is not decoded again: its contract is the very object of the last
    /// compile, and a changed file's is new.
    @Test func anUnchangedFileIsNotDecodedAgain() throws {
        var texts = try Self.exampleWorkspace()
        let cache = CompilerCache()
        var files: [String: SourceFile] = [:]
        let first = Compiler.compile(Self.sources(texts, reusing: &files), cache: cache)
        texts["hefei.yaml"] = texts["hefei.yaml"]! + "\n# edited\n"
        let second = Compiler.compile(Self.sources(texts, reusing: &files), cache: cache)
        let before = Dictionary(uniqueKeysWithValues: first.workspace!.contracts.map { ($0.relativePath, $0.file) })
        for contract in second.workspace!.contracts {
            #expect((contract.file === before[contract.relativePath]) == (contract.relativePath != "hefei.yaml"), "\(contract.relativePath)")
        }
    }
}

