/// An LSP position: 0-based line, 0-based offset in UTF-16 code units within the line.
public struct TextPosition: Hashable, Sendable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
}

/// Where each line of a text starts, and the conversions between the three ways of counting a
/// place in it: byte offsets (the text is UTF-8), LSP positions (UTF-16 code units) and
/// AccessSpec's source locations (1-based, columns counting Unicode scalars). The one line
/// table: diagnostics, the symbol index and the language server all read lines through it.
public struct LineTable: Sendable {
    public let bytes: [UInt8]
    private let lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // A byte-order mark is not text: the first line, and its columns, start after it.
        // Lines end at LF, CRLF or a lone CR, as libyaml and LSP both count them.
        var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) { starts.append(index + 1) }
        }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The bytes of a 0-based line without its line break.
    public func lineRange(_ line: Int) -> Range<Int> {
        let clamped = max(0, min(line, lineStarts.count - 1))
        let start = lineStarts[clamped]
        var end = clamped + 1 < lineStarts.count ? lineStarts[clamped + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    public func lineText(_ line: Int) -> String {
        String(decoding: bytes[lineRange(line)], as: UTF8.self)
    }

    /// The text of a 1-based line, as diagnostics number them; nil past the end.
    public func text(ofLine line: Int) -> String? {
        line >= 1 && line <= lineStarts.count ? lineText(line - 1) : nil
    }

    /// The byte offset of a position; a line past the end clamps to the end of the text and a
    /// character past the end of its line to the end of the line, as LSP says.
    public func byteOffset(of position: TextPosition) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        let range = lineRange(max(0, position.line))
        var offset = range.lowerBound
        var units = 0
        while offset < range.upperBound, units < position.character {
            let (length, utf16) = Self.scalarWidth(bytes[offset])
            units += utf16
            offset = min(offset + length, range.upperBound)
        }
        return offset
    }

    public func position(ofByteOffset offset: Int) -> TextPosition {
        let clamped = max(0, min(offset, bytes.count))
        let line = lineIndex(containing: clamped)
        var units = 0
        var index = lineStarts[line]
        while index < clamped {
            let (length, utf16) = Self.scalarWidth(bytes[index])
            units += utf16
            index += length
        }
        return TextPosition(line: line, character: units)
    }

    public func position(of location: SourceLocation) -> TextPosition {
        let line = max(0, location.line - 1)
        guard line < lineStarts.count else { return position(ofByteOffset: bytes.count) }
        let range = lineRange(line)
        var offset = range.lowerBound
        var scalars = 1
        while offset < range.upperBound, scalars < location.column {
            offset += Self.scalarWidth(bytes[offset]).length
            scalars += 1
        }
        return position(ofByteOffset: min(offset, range.upperBound))
    }

    public func location(of position: TextPosition) -> SourceLocation {
        let offset = byteOffset(of: position)
        let line = lineIndex(containing: offset)
        var column = 1
        var index = lineStarts[line]
        while index < offset {
            index += Self.scalarWidth(bytes[index]).length
            column += 1
        }
        return SourceLocation(line: line + 1, column: column)
    }

    private func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// A scalar's length in UTF-8 from its lead byte, and in UTF-16. Stray continuation bytes
    /// count as one unit each, as a lenient decoder shows them (one replacement character).
    private static func scalarWidth(_ lead: UInt8) -> (length: Int, utf16: Int) {
        switch lead {
        case 0xF0...0xF7: (4, 2)
        case 0xE0...0xEF: (3, 1)
        case 0xC0...0xDF: (2, 1)
        default: (1, 1)
        }
    }
}

