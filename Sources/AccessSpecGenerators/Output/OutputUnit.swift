import AccessSpecCore
import Foundation

/// A piece of a generator's output that is made on its own: one platform's files, or one file
/// about the whole network. A build makes units a few at a time and writes each as it is made,
/// so memory holds a few units' files, never all the outputs.
///
/// The fingerprint is a digest of everything `make` reads. Equal fingerprints give equal
/// files, so a build whose cache holds the fingerprint (and finds the files as it left them)
/// does not make the unit again.
public struct OutputUnit: Sendable {
    /// Unique in a build: the output's kind and the unit's name, e.g. `swift/anhui`.
    public var key: String
    public var fingerprint: String
    /// The files, with paths relative to the output's folder.
    public var make: @Sendable () throws -> [GeneratedFile]

    public init(key: String, fingerprint: String, make: @escaping @Sendable () throws -> [GeneratedFile]) {
        self.key = key
        self.fingerprint = fingerprint
        self.make = make
    }
}

/// What generators make their units from: the IR, the generation settings, and digests of
/// the IR's parts, computed once per build for every generator to share.
public struct GenerationInput: Sendable {
    public let ir: WorkspaceIR
    public let settings: GenerationSettings
    /// The digest of each platform's IR, by id: of what `ir/platforms/<id>.json` holds.
    private let platformDigests: [String: String]
    /// The workspace settings and the generation settings: every unit reads some of them.
    private let settingsDigest: String
    /// Everything in the IR: what a unit about the whole network is made from.
    public let workspaceDigest: String

    /// Bumped when a generator changes what it makes from the same IR without the binary
    /// changing (the cache already keys on the binary itself).
    static let formatVersion = "1"

    /// Digests of platforms' IR and of parts of it, by what the IR was made from (`sourceKey`),
    /// to keep for the next build.
    public var knownDigests: [String: String] { memo.kept }
    private let memo: DigestMemo
    /// Each platform's `sourceKey`, by id, when its sources are known.
    private let sourceKeys: [String: String]

    /// `sources`: for each platform, a digest of the files its IR is lowered from
    /// (`SemanticWorkspace.sourceFiles(ofPlatform:)`). `known`: the last build's `knownDigests`.
    /// A platform whose sources, settings and rule results are as they were keeps its IR digest
    /// without its IR being encoded again: after a one-line edit among thousands of contracts,
    /// that encoding was most of the rebuild.
    public init(_ ir: WorkspaceIR, settings: GenerationSettings, sources: [String: String] = [:], known: [String: String] = [:]) throws {
        self.ir = ir
        self.settings = settings
        var settingsText = ContentDigest()
        settingsText.update(Self.formatVersion)
        settingsText.update(try ContentDigest.hex(encoding: ir.settings))
        settingsText.update("\(ir.irVersion)")
        settingsText.update(settings.fingerprintText)
        let settingsDigest = settingsText.hex()
        self.settingsDigest = settingsDigest

        let keys = ConcurrentSlots<Result<String?, any Error>>(count: ir.platforms.count)
        DispatchQueue.concurrentPerform(iterations: ir.platforms.count) { index in
            let platform = ir.platforms[index]
            keys[index] = Result { try sources[platform.id].map { try Self.sourceKey(platform, sources: $0, settingsDigest: settingsDigest) } }
        }
        var sourceKeys: [String: String] = [:]
        for (index, platform) in ir.platforms.enumerated() { sourceKeys[platform.id] = try keys[index]!.get() }
        self.sourceKeys = sourceKeys
        memo = DigestMemo(known)

        let digests = try Self.platformDigests(ir, nil, sourceKeys: sourceKeys, memo: memo) { $0 }
        var byID: [String: String] = [:]
        for (index, platform) in ir.platforms.enumerated() { byID[platform.id] = digests[index] }
        platformDigests = byID

        var workspace = ContentDigest()
        workspace.update(settingsDigest)
        workspace.update(try ContentDigest.hex(encoding: ir.connections))
        workspace.update(try ContentDigest.hex(encoding: ir.rules))
        for platform in ir.platforms { workspace.update(platform.id + " " + byID[platform.id]!) }
        workspaceDigest = workspace.hex()
    }

    /// The digest of `part` of each platform, in the IR's order, several at a time; kept across
    /// builds like the IR's own digests, under `name`, for a platform whose IR is unchanged.
    /// One name, one part: a name given to two parts would hand one the other's digest.
    public func platformDigests(_ name: String, _ part: @escaping @Sendable (PlatformIR) -> some Encodable) throws -> [String] {
        try Self.platformDigests(ir, name, sourceKeys: sourceKeys, memo: memo, part)
    }

    /// `name` nil: the IR itself, kept under the bare source key, which no named part can take.
    private static func platformDigests(_ ir: WorkspaceIR, _ name: String?, sourceKeys: [String: String], memo: DigestMemo,
                                        _ part: @escaping @Sendable (PlatformIR) -> some Encodable) throws -> [String] {
        let digests = ConcurrentSlots<Result<String, any Error>>(count: ir.platforms.count)
        DispatchQueue.concurrentPerform(iterations: ir.platforms.count) { index in
            let platform = ir.platforms[index]
            digests[index] = Result {
                let key = sourceKeys[platform.id].map { key in name.map { key + " " + $0 } ?? key }
                if let key, let digest = memo.known(key) { return digest }
                let digest = try ContentDigest.hex(encoding: part(platform))
                if let key { memo.keep(key, digest) }
                return digest
            }
        }
        return try (0..<ir.platforms.count).map { try digests[$0]!.get() }
    }

    /// What a platform's IR is made from: its source files, the settings and its rule results
    /// (the lowering reads nothing else), so an equal key means an equal IR.
    private static func sourceKey(_ platform: PlatformIR, sources: String, settingsDigest: String) throws -> String {
        var digest = ContentDigest()
        digest.update(platform.id)
        digest.update(sources)
        digest.update(settingsDigest)
        digest.update(try ContentDigest.hex(encoding: platform.compliance))
        return digest.hex()
    }

    /// A unit made from one platform (and the settings) alone.
    public func platformUnit(_ kind: OutputKind, _ platform: PlatformIR, extra: String = "",
                             make: @escaping @Sendable () throws -> [GeneratedFile]) -> OutputUnit {
        var digest = ContentDigest()
        digest.update(kind.rawValue)
        digest.update(settingsDigest)
        digest.update(platformDigests[platform.id] ?? "")
        digest.update(extra)
        return OutputUnit(key: "\(kind.rawValue)/\(platform.id)", fingerprint: digest.hex(), make: make)
    }

    /// A unit made from `parts` (and the settings) alone: what a page about one region shows.
    public func unit(_ kind: OutputKind, _ name: String, from parts: some Encodable,
                     make: @escaping @Sendable () throws -> [GeneratedFile]) throws -> OutputUnit {
        var digest = ContentDigest()
        digest.update(kind.rawValue)
        digest.update(settingsDigest)
        digest.update(try ContentDigest.hex(encoding: parts))
        return OutputUnit(key: "\(kind.rawValue)/\(name)", fingerprint: digest.hex(), make: make)
    }

    /// The digest of a value, for a unit's `extra` input.
    public static func digest(of value: some Encodable) throws -> String {
        try ContentDigest.hex(encoding: value)
    }

    /// A unit made from the whole IR: an index of the network.
    public func workspaceUnit(_ kind: OutputKind, _ name: String, extra: String = "",
                              make: @escaping @Sendable () throws -> [GeneratedFile]) -> OutputUnit {
        var digest = ContentDigest()
        digest.update(kind.rawValue)
        digest.update(workspaceDigest)
        digest.update(extra)
        return OutputUnit(key: "\(kind.rawValue)/\(name)", fingerprint: digest.hex(), make: make)
    }
}

extension GenerationSettings {
    /// Every setting, in a fixed order, for the build cache.
    var fingerprintText: String {
        let outputs = outputs.sorted { $0.key < $1.key }.map { kind, output in
            "\(kind.rawValue)=\(output.folder):\(output.platforms?.joined(separator: ",") ?? "*")"
        }
        return (outputs + ["swiftModule=\(swiftModule)", "swiftAccess=\(swiftAccess.rawValue)"]).joined(separator: "\n")
    }
}

/// The last build's digests and this build's, behind a lock: generators ask from several
/// threads. Only digests this build used are kept, so the cache does not grow.
private final class DigestMemo: @unchecked Sendable {
    private let last: [String: String]
    private var used: [String: String] = [:]
    private let lock = NSLock()

    init(_ last: [String: String]) { self.last = last }

    func known(_ key: String) -> String? {
        guard let digest = last[key] else { return nil }
        keep(key, digest)
        return digest
    }

    func keep(_ key: String, _ digest: String) { lock.withLock { used[key] = digest } }

    var kept: [String: String] { lock.withLock { used } }
}
