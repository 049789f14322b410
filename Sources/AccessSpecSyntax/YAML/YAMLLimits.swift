/// Bounds that keep hostile input from exhausting time or memory. Each is far above what a
/// real contract needs; crossing one is a diagnostic, never a crash.
public struct YAMLLimits: Sendable, Equatable {
    public var maxFileBytes = 16 << 20
    public var maxScalarBytes = 1 << 20
    public var maxDepth = 64
    /// Nodes that aliases may add on top of those written out (the "billion laughs" bound).
    public var maxAliasExpansion = 100_000

    public init() {}
}
