import AccessSpecCore

/// A platform's types as `components.schemas`, and any type reference as a schema.
struct SchemaTranslator {
    let types: [String: TypeIR]
    let itemCodePattern: String

    init(platform: PlatformIR, settings: WorkspaceSettings) {
        types = Dictionary(platform.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        itemCodePattern = settings.itemCodePattern
    }

    static func reference(_ name: String) -> YAMLMapping {
        ["$ref": .string("#/components/schemas/" + name)]
    }

    /// Every type of the platform and the generator's own schemas, sorted by name. The caller
    /// has made sure that no type takes one of the generator's names.
    func componentSchemas(_ platformTypes: [TypeIR], adding own: [String: YAMLValue]) -> YAMLMapping {
        var schemas = own
        for type in platformTypes { schemas[type.name] = .mapping(schema(for: type)) }
        return YAMLMapping(sorting: schemas)
    }

    func schema(for type: TypeIR) -> YAMLMapping {
        switch type.kind {
        case .record:
            var properties = YAMLMapping()
            for field in type.fields ?? [] { properties[field.name] = .mapping(schema(for: field)) }
            let required = (type.fields ?? []).filter(\.required).map { YAMLValue.string($0.name) }
            return [
                "type": "object",
                "description": type.description.map(YAMLValue.string),
                "properties": .mapping(properties),
                "required": required.isEmpty ? nil : .sequence(required),
            ]
        case .enumeration:
            let values = type.values ?? []
            return [
                "type": "string",
                "description": Self.enumDescription(type.description, values).map(YAMLValue.string),
                "enum": .sequence(values.map { .string($0.value) }),
            ]
        case .alias:
            var schema = type.aliasOf.map(schema(for:)) ?? [:]
            schema["description"] = type.description.map(YAMLValue.string)
            return Self.constrained(schema, type.constraints)
        }
    }

    func schema(for field: FieldIR) -> YAMLMapping {
        var schema = schema(for: field.type)
        schema["description"] = field.description.map(YAMLValue.string)
        return Self.constrained(schema, field.constraints)
    }

    func schema(for reference: TypeRefIR) -> YAMLMapping {
        switch reference {
        case .builtin(let builtin): BuiltinSchemas.schema(for: builtin, itemCodePattern: itemCodePattern)
        case .named(let name): Self.reference(name)
        case .list(let element): ["type": "array", "items": .mapping(schema(for: element))]
        case .map(let value): ["type": "object", "additionalProperties": .mapping(schema(for: value))]
        }
    }

    /// The record a reference stands for, through aliases; nil for anything else.
    func record(_ reference: TypeRefIR) -> TypeIR? {
        var current = reference
        var seen: Set<String> = []
        while case .named(let name) = current, seen.insert(name).inserted, let type = types[name] {
            switch type.kind {
            case .record: return type
            case .enumeration: return nil
            case .alias:
                guard let target = type.aliasOf else { return nil }
                current = target
            }
        }
        return nil
    }

    /// Whether values of the reference are JSON objects (records and maps, through aliases).
    func isObject(_ reference: TypeRefIR) -> Bool {
        var current = reference
        var seen: Set<String> = []
        while true {
            switch current {
            case .map: return true
            case .builtin, .list: return false
            case .named(let name):
                guard seen.insert(name).inserted, let type = types[name] else { return false }
                switch type.kind {
                case .record: return true
                case .enumeration: return false
                case .alias:
                    guard let target = type.aliasOf else { return false }
                    current = target
                }
            }
        }
    }

    // MARK: Pieces

    /// Adds a contract's constraints. A pattern where the type already has one (a domain format)
    /// must hold as well as that one, so it goes into `allOf` instead of replacing it.
    static func constrained(_ schema: YAMLMapping, _ constraints: Constraints?) -> YAMLMapping {
        guard let constraints, !constraints.isEmpty else { return schema }
        var schema = schema
        schema["minLength"] = constraints.minLength.map(YAMLValue.integer)
        schema["maxLength"] = constraints.maxLength.map(YAMLValue.integer)
        if let pattern = constraints.pattern {
            if let existing = schema["pattern"], existing != .string(pattern) {
                schema["allOf"] = [["pattern": .string(pattern)]]
            } else {
                schema["pattern"] = .string(pattern)
            }
        }
        schema["minimum"] = constraints.minimum.map(YAMLValue.numeric)
        schema["maximum"] = constraints.maximum.map(YAMLValue.numeric)
        schema["minItems"] = constraints.minItems.map(YAMLValue.integer)
        schema["maxItems"] = constraints.maxItems.map(YAMLValue.integer)
        return schema
    }

    /// The type's description followed by a Markdown list of the values that have one.
    static func enumDescription(_ description: String?, _ values: [EnumValueIR]) -> String? {
        let described = values.compactMap { value in value.description.map { "- \(codeSpan(value.value)): \($0)" } }
        let parts = [description].compactMap { $0 } + (described.isEmpty ? [] : [described.joined(separator: "\n")])
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }

    /// A CommonMark code span that holds any text: fenced with one more backtick than the
    /// longest run inside it, padded when the text touches a backtick.
    static func codeSpan(_ text: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + padding + text + padding + fence
    }
}
