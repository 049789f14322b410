import AccessSpecCore
import AccessSpecSyntax
import Foundation

/// A workspace read straight from a repository's objects (`git:REF[:PATH]`): `git ls-tree`
/// lists the tree and one `git cat-file --batch` reads every file. Nothing is checked out and
/// nothing is left behind.
public struct GitTreeSource: WorkspaceFileSource {
    /// The repository's work tree (or any folder inside it).
    public var repository: String
    public var ref: String
    /// The workspace folder inside the repository, relative to its top; "" for the top.
    public var path: String

    public init(repository: String, ref: String, path: String) {
        self.repository = repository
        self.ref = ref
        self.path = path.trimmingCharacters(in: CharacterSet(charactersIn: "/")) == "." ? "" : path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }

    /// Parses `git:REF[:PATH]`; nil when the text is not a git side.
    public static func parse(_ side: String, repository: String, defaultPath: String) -> GitTreeSource? {
        guard side.hasPrefix("git:") else { return nil }
        let rest = side.dropFirst(4)
        guard let colon = rest.firstIndex(of: ":") else { return GitTreeSource(repository: repository, ref: String(rest), path: defaultPath) }
        return GitTreeSource(repository: repository, ref: String(rest[..<colon]), path: String(rest[rest.index(after: colon)...]))
    }

    public func displayPath(of relativePath: String) -> String {
        "git:\(ref):" + (path.isEmpty ? relativePath : path + "/" + relativePath)
    }

    public func yamlFiles(diagnostics: DiagnosticEngine) -> [(relativePath: String, bytes: [UInt8])] {
        do {
            let top = try Self.git(["rev-parse", "--show-toplevel"], in: repository).text.trimmingCharacters(in: .whitespacesAndNewlines)
            var arguments = ["ls-tree", "-r", "-z", "--full-tree", ref]
            if !path.isEmpty { arguments += ["--", path] }
            let listing = try Self.git(arguments, in: top)
            var blobs: [(relative: String, object: String)] = []
            for record in listing.data.split(separator: 0) {
                let line = String(decoding: record, as: UTF8.self)
                guard let tab = line.firstIndex(of: "\t") else { continue }
                let meta = line[..<tab].split(separator: " "), file = String(line[line.index(after: tab)...])
                guard meta.count == 3, meta[1] == "blob", file.hasSuffix(".yaml") || file.hasSuffix(".yml") else { continue }
                let relative = path.isEmpty ? file : String(file.dropFirst(path.count + 1))
                guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
                blobs.append((relative, String(meta[2])))
            }
            if blobs.isEmpty {
                diagnostics.error(YAMLDiagnostics.unreadable, en: "'\(ref)' has no YAML files under '\(path.isEmpty ? "." : path)'",
                                  zh: "“\(ref)”的“\(path.isEmpty ? "." : path)”下没有 YAML 文件", at: nil)
                return []
            }
            let contents = try Self.catBlobs(blobs.map(\.object), in: top)
            return zip(blobs, contents).map { ($0.relative, $1) }.sorted { $0.relativePath < $1.relativePath }
        } catch {
            diagnostics.error(YAMLDiagnostics.unreadable, en: "cannot read git:\(ref)\(path.isEmpty ? "" : ":" + path): \(error)",
                              zh: "无法读取 git:\(ref)\(path.isEmpty ? "" : ":" + path)：\(error)", at: nil)
            return []
        }
    }

    struct GitError: Error, CustomStringConvertible {
        var description: String
    }

    static func git(_ arguments: [String], in directory: String, input: Data? = nil) throws -> (data: Data, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        // Fed from another thread so that a large answer cannot block the writer.
        let writer = Thread {
            if let input { stdin.fileHandleForWriting.write(input) }
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errors = ErrorCollector(err.fileHandleForReading)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitError(description: errors.text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").first.map(String.init) ?? "git \(arguments[0]) failed")
        }
        return (data, String(decoding: data, as: UTF8.self))
    }

    /// `git cat-file --batch`: each answer is `<object> blob <size>\n<bytes>\n`.
    static func catBlobs(_ objects: [String], in directory: String) throws -> [[UInt8]] {
        let answer = try git(["cat-file", "--batch"], in: directory, input: Data((objects.joined(separator: "\n") + "\n").utf8))
        let bytes = [UInt8](answer.data)
        var contents: [[UInt8]] = [], index = 0
        for _ in objects {
            guard let newline = bytes[index...].firstIndex(of: 0x0A) else { throw GitError(description: "short answer from git cat-file") }
            let header = String(decoding: bytes[index..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]), newline + 1 + size <= bytes.count else {
                throw GitError(description: "unexpected answer from git cat-file: \(header.joined(separator: " "))")
            }
            contents.append(Array(bytes[(newline + 1)..<(newline + 1 + size)]))
            index = newline + 1 + size + 1
        }
        return contents
    }
}

/// Drains a pipe in the background so that a chatty process cannot fill it and stall.
final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread { [self] in
            let read = handle.readDataToEndOfFile()
            lock.withLock { data = read }
            done.signal()
        }.start()
    }

    var text: String {
        done.wait()
        return lock.withLock { String(decoding: data, as: UTF8.self) }
    }
}
