/// A 1-based line and column; columns count Unicode scalars.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Stored narrow: every node of every tree carries two of these.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int { Int(storedLine) }
    public var column: Int { Int(storedColumn) }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A stretch of one source file: where a node, key or value was written.
public struct SourceSpan: Hashable, Sendable {
    public var file: SourceFile
    public var start: SourceLocation
    public var end: SourceLocation

    public init(file: SourceFile, start: SourceLocation, end: SourceLocation) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    public init(file: SourceFile, at location: SourceLocation) {
        self.init(file: file, start: location, end: location)
    }

    /// Whether `other` lies within this span (in the same file).
    public func contains(_ other: SourceSpan) -> Bool {
        file === other.file && start <= other.start && other.end <= end
    }

    public static func == (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        lhs.file === rhs.file && lhs.start == rhs.start && lhs.end == rhs.end
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(file))
        hasher.combine(start)
        hasher.combine(end)
    }
}
