import AccessSpecSyntax

/// The types and errors a file can name: its own and those of every file it imports.
public struct Scope: Sendable {
    public var types: [String: TypeDecl] = [:]
    public var errors: [String: ErrorDecl] = [:]
    /// Names that were written but failed to decode: references to them are not reported.
    public var poisoned: Set<String> = []
    /// Whether an import of the file failed: any name may have come from it, so unknown
    /// names are not reported (the import's own error is).
    public var hasBrokenImport = false
    /// The files the names came from: the file itself, then its imports as they were reached.
    public var files: [SourceFile] = []

    /// Follows named aliases (`type: OtherName`) to what a type finally is.
    public func resolve(_ expression: TypeExpression) -> TypeExpression {
        var current = expression
        var steps = 0
        while case .named(let name) = current, let decl = types[name], case .scalar(let base, _) = decl.kind, steps < 32 {
            current = base.value
            steps += 1
        }
        return current
    }
}

/// Identifies one example of one operation.
public struct ExampleKey: Hashable, Sendable {
    public var file: String
    public var area: AccessArea
    public var operation: String
    public var index: Int
}

/// An example's request and response as their types read them (nil where absent or invalid).
public struct CheckedExample: Sendable {
    public var request: JSONValue?
    public var response: JSONValue?
}

/// The workspace after resolution: contracts, their scopes and the platform index.
public struct SemanticWorkspace: Sendable {
    public var contracts: [ContractFile]
    public var scopes: [String: Scope]
    public var settings: WorkspaceSettings
    /// Platform contracts by platform id.
    public var platforms: [String: ContractFile]
    /// Ids of platforms whose header failed to decode: they exist, but nothing is judged
    /// against them until their header is fixed.
    public var brokenPlatforms: Set<String> = []

    /// Whether `id` names a platform of the workspace, decoded or not.
    public func knowsPlatform(_ id: String) -> Bool { platforms[id] != nil || brokenPlatforms.contains(id) }
    /// Every example, converted once while it was checked.
    public var examples: [ExampleKey: CheckedExample] = [:]

    public func scope(of contract: ContractFile) -> Scope {
        scopes[contract.relativePath] ?? Scope()
    }

    /// The files platform `id`'s IR is lowered from: its contract, then its imports. With the
    /// workspace settings and its rule results they are all it depends on, which lets a build
    /// know a platform's IR unchanged without encoding it.
    public func sourceFiles(ofPlatform id: String) -> [SourceFile] {
        platforms[id].map { scope(of: $0).files } ?? []
    }

    /// Finds an operation written as `platform.area.operationId`.
    public func operation(named reference: String) -> OperationDecl? {
        let parts = reference.split(separator: ".").map(String.init)
        guard parts.count == 3, let area = AccessArea(rawValue: parts[1]) else { return nil }
        return platforms[parts[0]]?.areas[area]?.operations.first { $0.id.value == parts[2] }
    }
}
