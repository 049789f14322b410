import AccessSpecCore
import Foundation

/// One output file: where it goes under the output folder, and its exact bytes.
public struct GeneratedFile: Equatable, Sendable {
    /// Relative to the output folder, `/`-separated, never absolute and never with `..`.
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }
}

/// A generator is pure: IR in, files out. It never reads YAML or touches the disk.
public protocol Generator: Sendable {
    /// The folder under the output folder that this generator owns, e.g. `ir`.
    var name: String { get }
    func generate(_ ir: WorkspaceIR) throws -> [GeneratedFile]
}

/// Every generator `accessc build` runs, in a fixed order.
public enum Generators {
    public static let all: [any Generator] = [
        IRGenerator(),
        DocsGenerator(),
        OpenAPIGenerator(),
        SwiftClientGenerator(),
        ConformanceGenerator(),
    ]

    public static func generate(_ ir: WorkspaceIR) throws -> [GeneratedFile] {
        try all.flatMap { try $0.generate(ir) }.sorted { $0.path < $1.path }
    }

    /// As `generate`, with the docs' changelog since a baseline.
    public static func generate(_ ir: WorkspaceIR, changelog: DocsChangelog?) throws -> [GeneratedFile] {
        guard let changelog else { return try generate(ir) }
        return try all.map { $0 is DocsGenerator ? DocsGenerator(changelog: changelog) : $0 }.flatMap { try $0.generate(ir) }.sorted { $0.path < $1.path }
    }
}
