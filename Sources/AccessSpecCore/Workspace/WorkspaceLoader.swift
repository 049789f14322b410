import AccessSpecSyntax
import Foundation

/// The files of a workspace folder, read in sorted path order so that nothing downstream
/// depends on the order the file system lists them in.
public struct WorkspaceSources: Sendable {
    public struct Entry: Sendable {
        /// Relative to the workspace root, with `/` separators.
        public var relativePath: String
        public var file: SourceFile

        public init(relativePath: String, file: SourceFile) {
            self.relativePath = relativePath
            self.file = file
        }
    }

    public var contracts: [Entry] = []
    public var config: Entry?

    public init(contracts: [Entry] = [], config: Entry? = nil) {
        self.contracts = contracts.sorted { $0.relativePath < $1.relativePath }
        self.config = config
    }
}

/// Where a workspace's files come from: a folder on disk, or (for `accessc diff git:REF`) a
/// repository's objects. The loader reads every workspace through one of these.
public protocol WorkspaceFileSource: Sendable {
    /// How a file is named in diagnostics.
    func displayPath(of relativePath: String) -> String
    /// Every `.yaml`/`.yml` file, relative to the root with `/` separators, and its bytes.
    /// A problem that stops the listing is reported and gives no files.
    func yamlFiles(diagnostics: DiagnosticEngine) -> [(relativePath: String, bytes: [UInt8])]
}

/// A workspace folder (or one contract file) on disk; hidden folders are skipped.
public struct DirectoryFileSource: WorkspaceFileSource {
    public let root: String
    /// nil when nothing is at `root`.
    private let isFolder: Bool?

    public init(root: String) {
        self.root = root
        var isDirectory: ObjCBool = false
        isFolder = FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) ? isDirectory.boolValue : nil
    }

    /// The root joined with the relative path; a single contract file by its own path.
    public func displayPath(of relativePath: String) -> String {
        isFolder == true ? displayRoot + "/" + relativePath : root
    }

    private var displayRoot: String { root.hasSuffix("/") ? String(root.dropLast()) : root }

    public func yamlFiles(diagnostics: DiagnosticEngine) -> [(relativePath: String, bytes: [UInt8])] {
        guard let isFolder else {
            diagnostics.error(YAMLDiagnostics.unreadable, en: "workspace '\(root)' does not exist", zh: "工作区“\(root)”不存在", at: nil)
            return []
        }
        let relativePaths = isFolder ? WorkspaceLoader.listYAMLFiles(under: URL(fileURLWithPath: root)) : [URL(fileURLWithPath: root).lastPathComponent]
        // Thousands of small files: read on every core, straight into the arrays kept.
        let contents = ConcurrentSlots<[UInt8]>(count: relativePaths.count)
        DispatchQueue.concurrentPerform(iterations: relativePaths.count) { index in
            contents[index] = Self.read(displayPath(of: relativePaths[index]))
        }
        var files: [(relativePath: String, bytes: [UInt8])] = []
        for (index, relative) in relativePaths.enumerated() {
            guard let bytes = contents[index] else {
                diagnostics.error(YAMLDiagnostics.unreadable, en: "cannot read '\(displayPath(of: relative))'", zh: "无法读取“\(displayPath(of: relative))”", at: nil)
                continue
            }
            files.append((relative, bytes))
        }
        return files
    }

    /// A whole file's bytes; nil when it cannot be opened or read.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        // The size fstat gives, then whatever a file that grew has beyond it: the kept array is
        // no larger than the file.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        var more = [UInt8](repeating: 0, count: 4096)
        while filled == bytes.count {
            let count = more.withUnsafeMutableBytes { buffer in Foundation.read(descriptor, buffer.baseAddress!, buffer.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            bytes += more.prefix(count)
            filled += count
        }
        return bytes
    }
}

public enum WorkspaceLoader {
    public static let configFileName = "accessspec.yaml"

    /// Finds and reads every `.yaml`/`.yml` file under `root` (hidden folders skipped).
    /// Paths in diagnostics are shown as `root` joined with the relative path.
    public static func load(root: String, diagnostics: DiagnosticEngine) -> WorkspaceSources {
        load(DirectoryFileSource(root: root), diagnostics: diagnostics)
    }

    /// Reads a workspace from any file source: `accessspec.yaml` at the root is the config,
    /// every other YAML file a contract.
    public static func load(_ source: some WorkspaceFileSource, diagnostics: DiagnosticEngine) -> WorkspaceSources {
        var sources = WorkspaceSources()
        for (relative, bytes) in source.yamlFiles(diagnostics: diagnostics) {
            let entry = WorkspaceSources.Entry(relativePath: relative, file: SourceFile(path: source.displayPath(of: relative), bytes: bytes))
            if relative == configFileName {
                sources.config = entry
            } else {
                sources.contracts.append(entry)
            }
        }
        sources.contracts.sort { $0.relativePath < $1.relativePath }
        return sources
    }

    /// The relative paths of the `.yaml`/`.yml` regular files under `root`, sorted. Hidden files
    /// and folders are skipped, and symbolic links are not followed: a workspace's contracts
    /// are its own files. Read with `readdir`, which says what each entry is without a `stat`
    /// of its own (a national workspace has thousands of files).
    static func listYAMLFiles(under root: URL) -> [String] {
        var paths: [String] = []
        func walk(_ folder: String, _ relative: String) {
            guard let directory = opendir(folder) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard !name.hasPrefix(".") else { continue }
                let path = folder + "/" + name
                var kind = Int32(entry.pointee.d_type)
                if kind == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(path, &info) == 0 else { continue }
                    kind = (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : Int32(DT_LNK)
                }
                if kind == Int32(DT_DIR) {
                    walk(path, relative + name + "/")
                } else if kind == Int32(DT_REG), name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                    paths.append(relative + name)
                }
            }
        }
        walk(root.path, "")
        return paths.sorted()
    }
}
