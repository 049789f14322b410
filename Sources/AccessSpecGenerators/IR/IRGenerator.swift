import AccessSpecCore

/// Writes the canonical IR, `ir/workspace.json`, for generators outside this package.
public struct IRGenerator: Generator {
    public let name = "ir"

    public init() {}

    public func generate(_ ir: WorkspaceIR) throws -> [GeneratedFile] {
        [GeneratedFile(path: "ir/workspace.json", contents: try ir.canonicalJSON())]
    }
}
