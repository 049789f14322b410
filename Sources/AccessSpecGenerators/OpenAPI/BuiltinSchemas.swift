import AccessSpecCore

/// The JSON Schema of each built-in type, from the value semantics (docs/values.md): a format's
/// shape as a portable `pattern` (so every JSON Schema validator checks it the same way) and
/// its `format` name (so tools that know the name can check more, such as check characters).
/// Integers carry the range every JSON reader holds exactly.
enum BuiltinSchemas {
    static func schema(for builtin: BuiltinType, itemCodePattern: String) -> YAMLMapping {
        switch builtin {
        case .string: return ["type": "string"]
        case .integer: return ["type": "integer", "minimum": .integer(-IntegerRange.limit), "maximum": .integer(IntegerRange.limit)]
        case .number: return ["type": "number"]
        case .boolean: return ["type": "boolean"]
        default:
            let format = builtin.format!
            let shape = format == .itemCode ? itemCodePattern : format.shape
            return [
                "type": "string",
                "format": format.schemaFormat.map(YAMLValue.string),
                "contentEncoding": format == .base64 ? "base64" : nil,
                "pattern": .string(portable(shape)),
            ]
        }
    }

    static func portable(_ pattern: String) -> String {
        (try? Pattern.compiled(pattern).get())?.portable ?? pattern
    }
}
