import Foundation

/// The IR as `accessc build` writes it: a small index, `ir/workspace.json`, and one file per
/// platform, `ir/platforms/<id>.json`, so that no file grows with the network and a reader
/// that needs one platform reads one file. `accessc ir` prints the whole `WorkspaceIR` instead.
public struct IRIndex: Codable, Equatable, Sendable {
    /// One platform: enough to list it and find its file.
    public struct Entry: Codable, Equatable, Sendable {
        public var id: String
        public var name: String
        public var nameEn: String
        public var level: PlatformLevel
        public var region: String
        public var source: String
        /// The platform's file, relative to the index's folder.
        public var file: String
    }

    public var irVersion: Int
    public var settings: WorkspaceSettings
    public var platforms: [Entry]
    public var connections: [ConnectionIR]
    public var rules: [RuleIR]

    public static let fileName = "workspace.json"
    public static let platformsFolder = "platforms"

    public static func platformFile(_ id: String) -> String { "\(platformsFolder)/\(id).json" }

    public init(_ ir: WorkspaceIR) {
        irVersion = ir.irVersion
        settings = ir.settings
        platforms = ir.platforms.map {
            Entry(id: $0.id, name: $0.name, nameEn: $0.nameEn, level: $0.level, region: $0.region, source: $0.source, file: Self.platformFile($0.id))
        }
        connections = ir.connections
        rules = ir.rules
    }

    public func canonicalJSON() throws -> Data { try CanonicalJSON.encode(self) }
}

public struct IRFilesError: Error, CustomStringConvertible {
    public var description: String
}

extension IRIndex {
    /// The index in `folder` (`generated/ir`), checked to be of this version.
    public static func read(from folder: URL) throws -> IRIndex {
        let url = folder.appendingPathComponent(fileName)
        let index = try JSONDecoder().decode(IRIndex.self, from: Data(contentsOf: url))
        guard index.irVersion == WorkspaceIR.currentVersion else {
            throw IRFilesError(description: "\(url.path) is IR version \(index.irVersion); this accessc reads version \(WorkspaceIR.currentVersion)")
        }
        return index
    }

    /// One platform's IR, from the file the index names for it.
    public func platform(_ id: String, in folder: URL) throws -> PlatformIR {
        guard let entry = platforms.first(where: { $0.id == id }) else {
            throw IRFilesError(description: "\(folder.appendingPathComponent(Self.fileName).path) has no platform '\(id)'")
        }
        return try JSONDecoder().decode(PlatformIR.self, from: Data(contentsOf: folder.appendingPathComponent(entry.file)))
    }
}

extension WorkspaceIR {
    /// The whole IR, put together again from the files a build wrote in `folder`.
    public static func read(from folder: URL) throws -> WorkspaceIR {
        let index = try IRIndex.read(from: folder)
        return WorkspaceIR(irVersion: index.irVersion, settings: index.settings,
                           platforms: try index.platforms.map { try index.platform($0.id, in: folder) },
                           connections: index.connections, rules: index.rules)
    }
}
