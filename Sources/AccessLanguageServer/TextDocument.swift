import AccessSpecSyntax

/// An open editor buffer: its text, as the client last sent it, and the client's version.
struct TextDocument {
    let uri: String
    var version: Int
    private(set) var lines: LineTable

    init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.version = version
        lines = LineTable(Array(text.utf8))
    }

    var bytes: [UInt8] { lines.bytes }

    /// Applies one `contentChanges` entry: a whole new text, or a range and its replacement.
    mutating func apply(range: (start: TextPosition, end: TextPosition)?, text: String) {
        guard let range else {
            lines = LineTable(Array(text.utf8))
            return
        }
        let start = lines.byteOffset(of: range.start)
        let end = max(start, lines.byteOffset(of: range.end))
        var bytes = lines.bytes
        bytes.replaceSubrange(start..<end, with: Array(text.utf8))
        lines = LineTable(bytes)
    }
}
