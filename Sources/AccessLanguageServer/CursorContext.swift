import AccessSpecSyntax
import Foundation

/// Where in a contract's tree a cursor stands, read from the indentation of the lines above it
/// rather than from a parse, so that it still answers while the text being typed is not yet
/// valid YAML. Contracts are block-style YAML; flow collections are understood within a line.
struct CursorContext {
    enum Place: Equatable {
        /// Typing a key of the mapping at `parents`.
        case key
        /// Typing the value of `key` (after `key: ` or inside `[...]` on its line).
        case value(key: String)
        /// Typing a `- item` of the list under `key`: a value, or the first key of a mapping.
        case listItem(key: String)
    }

    /// The keys of the enclosing mappings, from the root (list items are transparent).
    var parents: [String]
    var place: Place
    /// The word being typed: from its start (UTF-16 offset in the line) to the cursor.
    var wordStart: Int
    var word: String

    /// The key a value belongs to, with the path of its mapping: the path of what is typed.
    var valuePath: [String]? {
        switch place {
        case .key: nil
        case .value(let key), .listItem(let key): parents + [key]
        }
    }

    init(lines: LineTable, position: TextPosition) {
        let text = Array(lines.lineText(position.line).utf16)
        let cursor = min(position.character, text.count)
        let before = Array(text[..<cursor])
        var start = cursor
        while start > 0, Self.isWordUnit(text[start - 1]) { start -= 1 }
        wordStart = start
        word = String(decoding: text[start..<cursor], as: UTF16.self)

        let shape = LineShape(before)
        var column: Int
        if let key = shape?.key, let valueStart = shape?.valueColumn, valueStart <= cursor {
            place = .value(key: Self.flowKey(in: Array(before[valueStart...])) ?? key)
            column = shape!.keyColumn
        } else if let shape, shape.key == nil, let dash = shape.dashColumn {
            // `- item` of a list: the value of the nearest key at or left of the dash.
            let parent = Self.parents(above: position.line, in: lines, column: dash + 1)
            parents = Array(parent.dropLast())
            place = .listItem(key: parent.last ?? "")
            return
        } else {
            place = .key
            column = shape?.keyColumn ?? cursor
        }
        parents = Self.parents(above: position.line, in: lines, column: column)
    }

    /// The key under the cursor with its path, for hover: nil unless the cursor is on a key.
    static func key(at position: TextPosition, in lines: LineTable) -> [String]? {
        let text = Array(lines.lineText(position.line).utf16)
        guard let shape = LineShape(text), let key = shape.key,
              shape.keyColumn <= position.character, position.character <= shape.keyEnd else { return nil }
        return parents(above: position.line, in: lines, column: shape.keyColumn) + [key]
    }

    /// The keys of the lines above `line` that enclose text starting at `column`.
    private static func parents(above line: Int, in lines: LineTable, column: Int) -> [String] {
        var keys: [String] = []
        var column = column
        var index = line - 1
        while index >= 0, column > 0 {
            if let shape = LineShape(Array(lines.lineText(index).utf16)), let key = shape.key, shape.keyColumn < column {
                keys.append(key)
                column = shape.dashColumn ?? shape.keyColumn
            }
            index -= 1
        }
        return keys.reversed()
    }

    /// Inside `{ a: x, b: Hol` the key being given a value is the last `key:` after a brace or
    /// comma; nil when the value is not a flow mapping.
    private static func flowKey(in value: [UInt16]) -> String? {
        guard let brace = value.lastIndex(of: UInt16.ascii("{")) else { return nil }
        let inside = String(decoding: value[(brace + 1)...], as: UTF16.self)
        guard let entry = inside.split(separator: ",", omittingEmptySubsequences: false).last,
              let colon = entry.firstIndex(of: ":") else { return nil }
        let key = entry[..<colon].trimmingCharacters(in: .whitespaces)
        return key.isEmpty ? nil : key
    }

    static func isWordUnit(_ unit: UInt16) -> Bool {
        switch unit {
        case UInt16.ascii("a")...UInt16.ascii("z"), UInt16.ascii("A")...UInt16.ascii("Z"), UInt16.ascii("0")...UInt16.ascii("9"),
             UInt16.ascii("-"), UInt16.ascii("_"), UInt16.ascii("."), UInt16.ascii("/"): true
        default: false
        }
    }
}

/// One line of block YAML: its list dashes, its key and where its value starts (columns in
/// UTF-16 units). Nil for blank and comment lines.
struct LineShape {
    var dashColumn: Int?
    var keyColumn: Int
    var key: String?
    var keyEnd = 0
    var valueColumn: Int?

    init?(_ text: [UInt16]) {
        let space = UInt16.ascii(" ")
        var index = 0
        while index < text.count, text[index] == space { index += 1 }
        while index + 1 < text.count, text[index] == UInt16.ascii("-"), text[index + 1] == space {
            dashColumn = index
            index += 2
            while index < text.count, text[index] == space { index += 1 }
        }
        if index < text.count, text[index] == UInt16.ascii("-"), index + 1 == text.count { dashColumn = index; index += 1 }
        guard index < text.count || dashColumn != nil else { return nil }
        if index < text.count, text[index] == UInt16.ascii("#") { return nil }
        keyColumn = index
        // A key is plain text up to `:` followed by a space or the end of the line.
        var end = index
        while end < text.count {
            let unit = text[end]
            if unit == UInt16.ascii("{") || unit == UInt16.ascii("[") || unit == UInt16.ascii("\"") || unit == UInt16.ascii("'") || unit == UInt16.ascii("#") { break }
            if unit == UInt16.ascii(":"), end + 1 == text.count || text[end + 1] == space {
                let key = String(decoding: text[index..<end], as: UTF16.self).trimmingCharacters(in: .whitespaces)
                guard !key.isEmpty else { break }
                self.key = key
                keyEnd = end
                var value = end + 1
                while value < text.count, text[value] == space { value += 1 }
                valueColumn = value
                break
            }
            end += 1
        }
    }
}

private extension UInt16 {
    static func ascii(_ scalar: Unicode.Scalar) -> UInt16 { UInt16(scalar.value) }
}
