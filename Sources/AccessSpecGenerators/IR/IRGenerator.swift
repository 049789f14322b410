import AccessSpecCore

/// Writes the canonical IR, `ir/workspace.json`, for generators outside this package.
public struct IRGenerator: Generator {
    public let kind = OutputKind.ir

    public static let fileName = "workspace.json"

    public init() {}

    public func files(_ ir: WorkspaceIR, _ settings: GenerationSettings) throws -> [GeneratedFile] {
        [GeneratedFile(path: Self.fileName, contents: try ir.canonicalJSON())]
    }
}
