/// One file's bytes and the name it is shown by in diagnostics.
///
/// Positions everywhere else are 1-based line and column (columns count characters, as
/// libyaml does); the line table needed to show a source line is built only when a
/// diagnostic is rendered (`LineIndex`), so clean runs never pay for it.
public final class SourceFile: Sendable {
    /// The path as the user should read it, relative to where they ran the tool when possible.
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Whether the file starts with a UTF-8 byte-order mark, which is not part of its text:
    /// libyaml never sees it and positions on the first line count from after it.
    public var hasByteOrderMark: Bool { bytes.starts(with: [0xEF, 0xBB, 0xBF]) }

    /// Where the text starts: after the byte-order mark, if there is one.
    public var textStart: Int { hasByteOrderMark ? 3 : 0 }

    /// The 1-based line and column of a byte offset (libyaml reports reader errors by offset),
    /// counted as every other position is (`LineTable`).
    public func location(ofByteOffset offset: Int) -> SourceLocation {
        let lines = LineTable(bytes)
        return lines.location(of: lines.position(ofByteOffset: max(textStart, offset)))
    }
}
