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
    /// The files, with paths relative to the output's own folder, for the platforms the
    /// settings select.
    func files(_ ir: WorkspaceIR, _ settings: GenerationSettings) throws -> [GeneratedFile]
}

extension Generator {
    /// The files under the output's folder; none when the settings leave the output out.
    public func generate(_ ir: WorkspaceIR, settings: GenerationSettings = GenerationSettings()) throws -> [GeneratedFile] {
        guard let output = settings.outputs[kind] else { return [] }
        return try files(ir, settings).map { GeneratedFile(path: output.folder + "/" + $0.path, contents: $0.contents) }
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

    /// Every generator's files, sorted by path; with a changelog since a baseline, the docs
    /// show it. The generators are independent and pure, so they run side by side; the first
    /// error, in the order of `all`, is thrown.
    public static func generate(_ ir: WorkspaceIR, settings: GenerationSettings = GenerationSettings(),
                                changelog: DocsChangelog? = nil) throws -> [GeneratedFile] {
        let generators = all.map { generator -> any Generator in
            if let changelog, generator is DocsGenerator { return DocsGenerator(changelog: changelog) }
            return generator
        }
        let results = ConcurrentSlots<Result<[GeneratedFile], any Error>>(count: generators.count)
        DispatchQueue.concurrentPerform(iterations: generators.count) { index in
            results[index] = Result { try generators[index].generate(ir, settings: settings) }
        }
        return try (0..<generators.count).flatMap { try results[$0]!.get() }.sorted { $0.path < $1.path }
    }
}
