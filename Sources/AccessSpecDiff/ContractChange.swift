import AccessSpecText

/// A step of the path to a change inside a contract file, as the author wrote it.
public enum ContractPathStep: Hashable, Sendable {
    /// A mapping key.
    case key(String)
    /// The item of a sequence whose `field` is `value` (an operation by `id`, a connection by `to`).
    case item(field: String, value: String)
}

/// Where a change is: the platform it belongs to, the contract file, and the path in it.
public struct ChangeSite: Hashable, Sendable {
    /// The file, relative to the workspace root.
    public var file: String
    public var path: [ContractPathStep]

    public init(file: String, path: [ContractPathStep]) {
        self.file = file
        self.path = path
    }
}

/// One classified change between two versions of a workspace.
public struct ContractChange: Hashable, Sendable {
    public var kind: ChangeKind
    /// The platform whose contract changed (for a connection, its `from`); nil for workspace settings.
    public var platform: String?
    /// What changed, as a reader names it: `hefei.license.getDownloadAddress`, `hefei.types.Rating.score`.
    public var subject: String
    /// The change in the reader's words: `the path changes from /a to /b`, `路径由 /a 改为 /b`.
    public var message: LocalizedText
    /// Where the change is in the new workspace (for a removal, the nearest place that remains)...
    public var newSite: ChangeSite?
    /// ...and where it was in the old one.
    public var oldSite: ChangeSite?
    /// Platforms of the new workspace whose connections or `uses` reach what changed, sorted.
    public var affected: [String] = []
    /// The reason from accessspec.yaml when a reviewer accepted this change.
    public var ignoredBecause: String?

    public init(_ kind: ChangeKind, platform: String?, subject: String, _ message: LocalizedText, new: ChangeSite?, old: ChangeSite?) {
        self.kind = kind
        self.platform = platform
        self.subject = subject
        self.message = message
        self.newSite = new
        self.oldSite = old
    }

    public var category: ChangeCategory { kind.category }
}
