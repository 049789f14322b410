import Foundation

/// The one place that puts generated files on disk.
///
/// - Writes each file atomically (a temporary file in the same folder, then rename), and only
///   when its bytes changed.
/// - Keeps a manifest of what it made, so it removes its own outputs that are no longer
///   produced and never overwrites or removes a file it did not make.
/// - In check mode it writes nothing and says which files are stale.
public struct OutputWriter {
    public static let manifestName = ".accessc-manifest"

    public struct Plan: Equatable, Sendable {
        public var write: [GeneratedFile] = []
        public var remove: [String] = []
        /// Files in the way that accessc did not make.
        public var conflicts: [String] = []

        public var isUpToDate: Bool { write.isEmpty && remove.isEmpty }
        /// Every path that differs from what a build would leave, sorted.
        public var stalePaths: [String] { (write.map(\.path) + remove).sorted() }
    }

    public enum WriteError: Error, CustomStringConvertible {
        case unsafePath(String)
        case conflict([String])
        case io(String, String)

        public var description: String {
            switch self {
            case .unsafePath(let path): "refusing to write '\(path)': outputs stay inside the output folder"
            case .conflict(let paths): "refusing to overwrite files accessc did not make: \(paths.joined(separator: ", "))"
            case .io(let path, let reason): "cannot write '\(path)': \(reason)"
            }
        }
    }

    public let outputDirectory: URL
    private let manager = FileManager.default

    public init(outputDirectory: URL) {
        self.outputDirectory = outputDirectory
    }

    /// What a build would change, without changing anything.
    public func plan(_ files: [GeneratedFile]) throws -> Plan {
        var plan = Plan()
        let previous = Set(readManifest())
        let produced = Set(files.map(\.path))
        for file in files {
            guard Self.isSafe(file.path) else { throw WriteError.unsafePath(file.path) }
            let url = outputDirectory.appendingPathComponent(file.path)
            guard let existing = manager.contents(atPath: url.path) else {
                plan.write.append(file)
                continue
            }
            if existing == file.contents { continue }
            if previous.contains(file.path) {
                plan.write.append(file)
            } else {
                plan.conflicts.append(file.path)
            }
        }
        plan.remove = previous.subtracting(produced).filter { Self.isSafe($0) && manager.fileExists(atPath: outputDirectory.appendingPathComponent($0).path) }.sorted()
        // A manifest that does not list exactly what is produced is stale too.
        if previous != produced, plan.write.isEmpty, plan.remove.isEmpty, plan.conflicts.isEmpty {
            plan.write.append(manifest(for: files))
        }
        return plan
    }

    /// Carries out a plan made by `plan(_:)` for the same files.
    public func apply(_ plan: Plan, files: [GeneratedFile]) throws {
        guard plan.conflicts.isEmpty else { throw WriteError.conflict(plan.conflicts) }
        for file in plan.write where file.path != Self.manifestName {
            try writeAtomically(file)
        }
        for path in plan.remove {
            let url = outputDirectory.appendingPathComponent(path)
            try? manager.removeItem(at: url)
            removeEmptyFolders(from: url.deletingLastPathComponent())
        }
        let manifestFile = manifest(for: files)
        if manager.contents(atPath: outputDirectory.appendingPathComponent(Self.manifestName).path) != manifestFile.contents {
            try writeAtomically(manifestFile)
        }
    }

    private func manifest(for files: [GeneratedFile]) -> GeneratedFile {
        let lines = ["# Files written by accessc; it removes those that are no longer produced. Do not edit."] + files.map(\.path).sorted()
        return GeneratedFile(path: Self.manifestName, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    private func readManifest() -> [String] {
        guard let data = manager.contents(atPath: outputDirectory.appendingPathComponent(Self.manifestName).path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    private func writeAtomically(_ file: GeneratedFile) throws {
        let url = outputDirectory.appendingPathComponent(file.path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).accessc-\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            guard manager.createFile(atPath: temporary.path, contents: file.contents) else {
                throw WriteError.io(file.path, "cannot create a temporary file in \(folder.path)")
            }
            guard rename(temporary.path, url.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(at: temporary)
                throw WriteError.io(file.path, reason)
            }
        } catch let error as WriteError {
            throw error
        } catch {
            try? manager.removeItem(at: temporary)
            throw WriteError.io(file.path, error.localizedDescription)
        }
    }

    private func removeEmptyFolders(from folder: URL) {
        var current = folder.standardizedFileURL
        let root = outputDirectory.standardizedFileURL.path
        while current.path.hasPrefix(root + "/"), (try? manager.contentsOfDirectory(atPath: current.path))?.isEmpty == true {
            try? manager.removeItem(at: current)
            current = current.deletingLastPathComponent()
        }
    }

    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }
}
