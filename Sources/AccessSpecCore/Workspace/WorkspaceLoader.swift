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

public enum WorkspaceLoader {
    public static let configFileName = "accessspec.yaml"

    /// Finds and reads every `.yaml`/`.yml` file under `root` (hidden folders skipped).
    /// Paths in diagnostics are shown as `root` joined with the relative path.
    public static func load(root: String, diagnostics: DiagnosticEngine) -> WorkspaceSources {
        var sources = WorkspaceSources()
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root, isDirectory: &isDirectory) else {
            diagnostics.error(YAMLDiagnostics.unreadable, "workspace '\(root)' does not exist", at: nil)
            return sources
        }
        let display = root.hasSuffix("/") ? String(root.dropLast()) : root
        let relativePaths: [String]
        if isDirectory.boolValue {
            relativePaths = listYAMLFiles(under: URL(fileURLWithPath: root))
        } else {
            relativePaths = [URL(fileURLWithPath: root).lastPathComponent]
        }
        for relative in relativePaths {
            let path = isDirectory.boolValue ? display + "/" + relative : root
            guard let data = manager.contents(atPath: path) else {
                diagnostics.error(YAMLDiagnostics.unreadable, "cannot read '\(path)'", at: nil)
                continue
            }
            let entry = WorkspaceSources.Entry(relativePath: relative, file: SourceFile(path: path, bytes: [UInt8](data)))
            if relative == configFileName {
                sources.config = entry
            } else {
                sources.contracts.append(entry)
            }
        }
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
