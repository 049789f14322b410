import AccessSpecSyntax

/// What a compile keeps for the next one in the same process (an editor's): each file's
/// decoded contract and each contract's scope and check, reused while exactly what they were made from
/// is unchanged, so an edit costs what it reaches instead of the whole workspace.
///
/// Files are compared by identity: a caller that passes the same `SourceFile` object to the
/// next compile promises its bytes are the ones it had (they cannot change: they are `let`).
/// A check is reused only when its contract, every file its scope was built from, the set of
/// platform ids and the workspace settings are all the same; anything else a check reads
/// comes from those. Tests/AccessSpecCoreTests/CompilerCacheTests.swift holds cached compiles
/// after random edits to clean ones. One compile at a time may use a cache.
public final class CompilerCache: @unchecked Sendable {
    struct Decoded {
        let file: SourceFile
        let contract: ContractFile?
        let diagnostics: [Diagnostic]
    }

    /// A contract's scope, built from `files` (the contract's, then its imports' as reached).
    struct Scoped {
        let files: [SourceFile]
        let scope: Scope
        let diagnostics: [Diagnostic]
    }

    /// A contract's check, made with the scope built from `files`.
    struct Checked {
        let files: [SourceFile]
        let diagnostics: [Diagnostic]
        let examples: [ExampleKey: CheckedExample]
    }

    static func same(_ files: [SourceFile], _ others: [SourceFile]) -> Bool {
        files.count == others.count && zip(files, others).allSatisfy { $0 === $1 }
    }

    /// By relative path. Read concurrently during a compile, replaced after it.
    var decoded: [String: Decoded] = [:]
    var scopes: [String: Scoped] = [:]
    var checked: [String: Checked] = [:]
    var limits: YAMLLimits?
    /// What every check reads beside its own files: when either differs, no check is reused.
    var platformIDs: Set<String> = []
    var settings: WorkspaceSettings?

    public init() {}

    /// The decoded contract of `entry` from the last compile, when its file is the same object.
    func decoded(_ entry: WorkspaceSources.Entry) -> Decoded? {
        decoded[entry.relativePath].flatMap { $0.file === entry.file ? $0 : nil }
    }
}
