import AccessSpecCore

/// A platform's types as `components.schemas`, and any type reference as a schema.
struct SchemaTranslator {
    let types: TypeTable
    let itemCodePattern: String

    init(platform: PlatformIR, settings: WorkspaceSettings) {
        types = TypeTable(platform.types)
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
                // Records are closed: a receiver refuses fields the contract does not declare.
                "additionalProperties": false,
            ]
        case .enumeration:
            let values = type.values ?? []
            return [
                "type": "string",
                "description": Self.enumDescription(type.description, values).map(YAMLValue.string),
                "enum": .sequence(values.map { .string($0.value) }),
            ]
        case .alias:
            var schema = schema(for: type.resolved ?? types.resolve(.named(type.name)))
            schema["description"] = type.description.map(YAMLValue.string)
            return schema
        }
    }

    /// A field's schema from its resolved type; an optional field may also be null.
    func schema(for field: FieldIR) -> YAMLMapping {
        var described = schema(for: field.resolved)
        if !field.required {
            if case .string(let type)? = described["type"] {
                described["type"] = [.string(type), "null"]
            } else {
                described = ["anyOf": [.mapping(described), ["type": "null"]]]
            }
        }
        described["description"] = field.description.map(YAMLValue.string)
        return described
    }

    func schema(for reference: TypeRefIR) -> YAMLMapping {
        schema(for: types.resolve(reference))
    }

    /// A resolved type as a schema: scalars inline with every constraint in force, records and
    /// enums by reference.
    func schema(for resolved: ResolvedTypeIR) -> YAMLMapping {
        switch resolved {
        case .scalar(let builtin, let constraints): return constrained(BuiltinSchemas.schema(for: builtin, itemCodePattern: itemCodePattern), constraints)
        case .enumeration(let name), .record(let name): return Self.reference(name)
        case .list(let element, let constraints):
            return ["type": "array", "items": .mapping(schema(for: element)),
                    "minItems": constraints.minItems.map(YAMLValue.integer), "maxItems": constraints.maxItems.map(YAMLValue.integer)]
        case .map(let value): return ["type": "object", "additionalProperties": .mapping(schema(for: value))]
        }
    }

    /// The record a reference stands for, through aliases; nil for anything else.
    func record(_ reference: TypeRefIR) -> TypeIR? {
        guard case .record(let name) = types.resolve(reference) else { return nil }
        return types[name]
    }

    /// Whether values of the reference are JSON objects (records and maps, through aliases).
    func isObject(_ reference: TypeRefIR) -> Bool {
        switch types.resolve(reference) {
        case .record, .map: true
        default: false
        }
    }

    // MARK: Pieces

    /// Adds the constraints in force. Every pattern must hold: the format's shape and each
    /// written pattern, the first as `pattern`, the others in `allOf`. Integer bounds stay
    /// within the integer range.
    private func constrained(_ schema: YAMLMapping, _ constraints: ValueConstraints) -> YAMLMapping {
        var schema = schema
        schema["minLength"] = constraints.minLength.map(YAMLValue.integer)
        schema["maxLength"] = constraints.maxLength.map(YAMLValue.integer)
        var patterns = schema["pattern"].map { [$0] } ?? []
        patterns += constraints.patterns.map { .string(BuiltinSchemas.portable($0)) }
        schema["pattern"] = patterns.first
        schema["allOf"] = patterns.count > 1 ? .sequence(patterns.dropFirst().map { ["pattern": $0] }) : nil
        let integer = schema["type"] == "integer"
        if let minimum = constraints.minimum {
            schema["minimum"] = integer ? .integer(IntegerRange.clamped(minimum.rounded(.up))) : .numeric(minimum)
        }
        if let maximum = constraints.maximum {
            schema["maximum"] = integer ? .integer(IntegerRange.clamped(maximum.rounded(.down))) : .numeric(maximum)
        }
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
