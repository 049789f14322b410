import AccessSpecCore

/// Writes the canonical IR for generators outside this package: the index `ir/workspace.json`
/// and each platform's `ir/platforms/<id>.json` (see `IRIndex`).
public struct IRGenerator: Generator {
    public let kind = OutputKind.ir

    public static let indexName = IRIndex.fileName

    public init() {}

    public func units(_ input: GenerationInput) throws -> [OutputUnit] {
        let index = IRIndex(input.ir)
        return [input.workspaceUnit(kind, "index") { [GeneratedFile(path: Self.indexName, contents: try index.canonicalJSON())] }]
            + input.ir.platforms.map { platform in
                input.platformUnit(kind, platform) { [GeneratedFile(path: IRIndex.platformFile(platform.id), contents: try platform.canonicalJSON())] }
            }
    }
}
