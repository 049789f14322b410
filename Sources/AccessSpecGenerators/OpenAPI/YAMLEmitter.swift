/// Writes a `YAMLValue` as block-style YAML: two-space indentation, sequences under a key
/// indented, empty collections as `[]` and `{}`, one final newline. Scalars (keys included) are
/// rendered only by `YAMLScalarEscaper`.
enum YAMLEmitter {
    /// YAML limits an implicit key to 1024 characters; longer keys use the explicit `? key` form.
    static let implicitKeyLimit = 1000

    static func render(_ root: YAMLValue, comments: [String] = []) -> String {
        var lines = comments.map { "# " + YAMLScalarEscaper.comment($0) }
        switch root {
        case .mapping(let mapping) where !mapping.isEmpty: emit(mapping, indent: 0, into: &lines)
        case .sequence(let items) where !items.isEmpty: emit(items, indent: 0, into: &lines)
        default: lines.append(inline(root))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func emit(_ mapping: YAMLMapping, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for pair in mapping.pairs {
            let key = YAMLScalarEscaper.string(pair.key)
            let lead: String
            if key.unicodeScalars.count > implicitKeyLimit {
                lines.append(pad + "? " + key)
                lead = pad + ":"
            } else {
                lead = pad + key + ":"
            }
            emitValue(pair.value, after: lead, indent: indent + 2, into: &lines)
        }
    }

    private static func emit(_ items: [YAMLValue], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            guard isBlock(item) else {
                lines.append(pad + "- " + inline(item))
                continue
            }
            // The item's block starts on the dash's line: render it one level in, then put the
            // dash in place of its first line's indentation.
            var nested: [String] = []
            emitBlock(item, indent: indent + 2, into: &nested)
            nested[0] = pad + "- " + nested[0].dropFirst(indent + 2)
            lines += nested
        }
    }

    private static func emitValue(_ value: YAMLValue, after lead: String, indent: Int, into lines: inout [String]) {
        if isBlock(value) {
            lines.append(lead)
            emitBlock(value, indent: indent, into: &lines)
        } else {
            lines.append(lead + " " + inline(value))
        }
    }

    private static func emitBlock(_ value: YAMLValue, indent: Int, into lines: inout [String]) {
        switch value {
        case .mapping(let mapping): emit(mapping, indent: indent, into: &lines)
        case .sequence(let items): emit(items, indent: indent, into: &lines)
        default: lines.append(String(repeating: " ", count: indent) + inline(value))
        }
    }

    private static func isBlock(_ value: YAMLValue) -> Bool {
        switch value {
        case .mapping(let mapping): !mapping.isEmpty
        case .sequence(let items): !items.isEmpty
        default: false
        }
    }

    private static func inline(_ value: YAMLValue) -> String {
        switch value {
        case .null: YAMLScalarEscaper.null
        case .bool(let value): YAMLScalarEscaper.bool(value)
        case .integer(let value): YAMLScalarEscaper.integer(value)
        case .number(let value): YAMLScalarEscaper.number(value)
        case .string(let value): YAMLScalarEscaper.string(value)
        case .sequence: "[]"
        case .mapping: "{}"
        }
    }
}
