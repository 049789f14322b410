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

/// Paths between generated files, for links and for files that find each other at run time.
enum OutputPaths {
    /// The path to `to` relative to the folder of `from`, both relative to one root.
    static func relative(from: String, to: String) -> String {
        let fromFolder = from.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let target = to.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < fromFolder.count, common < target.count - 1, fromFolder[fromFolder.startIndex + common] == target[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromFolder.count - common)
        return (ups + target[common...].map(String.init)).joined(separator: "/")
    }
}

/// A generator is pure: IR in, files out. It never reads YAML or touches the disk.
public protocol Generator: Sendable {
    /// The output it writes, whose folder the generation settings give.
    var kind: OutputKind { get }
    /// The output as units, with paths relative to the output's own folder, for the platforms
    /// the settings select. Checks that can fail a build run here, before any unit is made, so
    /// that a generator that fails writes nothing.
    func units(_ input: GenerationInput) throws -> [OutputUnit]
}

extension Generator {
    /// Every file of the output, with paths relative to its own folder.
    public func files(_ ir: WorkspaceIR, _ settings: GenerationSettings) throws -> [GeneratedFile] {
        try units(GenerationInput(ir, settings: settings)).flatMap { try $0.make() }.sorted { $0.path < $1.path }
    }

    /// Every file of the output under the output's folder; none when the settings leave the
    /// output out.
    public func generate(_ ir: WorkspaceIR, settings: GenerationSettings = GenerationSettings()) throws -> [GeneratedFile] {
        try Generators.units(of: [self], GenerationInput(ir, settings: settings)).flatMap { try $0.make() }.sorted { $0.path < $1.path }
    }
}

extension GenerationSettings {
    /// The platforms an output is generated for, in the IR's order.
    public func platforms(_ kind: OutputKind, of ir: WorkspaceIR) -> [PlatformIR] {
        guard let output = outputs[kind] else { return [] }
        return ir.platforms.filter { output.includes($0.id) }
    }
}

/// Every generator `accessc build` runs, in a fixed order.
public enum Generators {
    public static let all: [any Generator] = [
        IRGenerator(),
        DocsGenerator(),
        OpenAPIGenerator(),
        SwiftClientGenerator(),
        ConformanceGenerator(),
        JavaClientGenerator(),
    ]

    /// The generators of a build: with a changelog since a baseline, the docs show it.
    public static func all(changelog: DocsChangelog?) -> [any Generator] {
        all.map { generator in
            if let changelog, generator is DocsGenerator { return DocsGenerator(changelog: changelog) }
            return generator
        }
    }

    /// The units of the outputs the settings ask for, with paths under each output's folder.
    /// The first error, in the order of the generators, is thrown before any unit is made.
    public static func units(of generators: [any Generator], _ input: GenerationInput) throws -> [OutputUnit] {
        try generators.flatMap { generator -> [OutputUnit] in
            guard let output = input.settings.outputs[generator.kind] else { return [] }
            let folder = output.folder
            return try generator.units(input).map { unit in
                OutputUnit(key: unit.key, fingerprint: unit.fingerprint) {
                    try unit.make().map { GeneratedFile(path: folder + "/" + $0.path, contents: $0.contents) }
                }
            }
        }
    }

    /// Every generator's files, sorted by path, all in memory: for tests and small workspaces.
    /// A build streams the units instead (`OutputWriter.build`).
    public static func generate(_ ir: WorkspaceIR, settings: GenerationSettings = GenerationSettings(),
                                changelog: DocsChangelog? = nil) throws -> [GeneratedFile] {
        let units = try units(of: all(changelog: changelog), GenerationInput(ir, settings: settings))
        let results = ConcurrentSlots<Result<[GeneratedFile], any Error>>(count: units.count)
        DispatchQueue.concurrentPerform(iterations: units.count) { index in
            results[index] = Result { try units[index].make() }
        }
        return try (0..<units.count).flatMap { try results[$0]!.get() }.sorted { $0.path < $1.path }
    }
}
