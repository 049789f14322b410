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
    public var root: String

    public init(root: String) { self.root = root }

    /// The root joined with the relative path; a single contract file by its own path.
    public func displayPath(of relativePath: String) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else { return root }
        return displayRoot + "/" + relativePath
    }

    private var displayRoot: String { root.hasSuffix("/") ? String(root.dropLast()) : root }

    public func yamlFiles(diagnostics: DiagnosticEngine) -> [(relativePath: String, bytes: [UInt8])] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root, isDirectory: &isDirectory) else {
            diagnostics.error(YAMLDiagnostics.unreadable, en: "workspace '\(root)' does not exist", zh: "工作区“\(root)”不存在", at: nil)
            return []
        }
        let relativePaths = isDirectory.boolValue
            ? WorkspaceLoader.listYAMLFiles(under: URL(fileURLWithPath: root)) : [URL(fileURLWithPath: root).lastPathComponent]
        var files: [(relativePath: String, bytes: [UInt8])] = []
        for relative in relativePaths {
            let path = displayPath(of: relative)
            guard let data = manager.contents(atPath: path) else {
                diagnostics.error(YAMLDiagnostics.unreadable, en: "cannot read '\(path)'", zh: "无法读取“\(path)”", at: nil)
                continue
            }
            files.append((relative, [UInt8](data)))
        }
        return files
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

    static func listYAMLFiles(under root: URL) -> [String] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            return []
        }
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        var paths: [String] = []
        for case let url as URL in enumerator {
            let ext = url.pathExtension
            guard ext == "yaml" || ext == "yml",
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard full.hasPrefix(rootPath + "/") else { continue }
            paths.append(String(full.dropFirst(rootPath.count + 1)))
        }
        return paths.sorted()
    }
}
