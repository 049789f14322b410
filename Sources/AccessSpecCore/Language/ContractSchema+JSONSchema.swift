import AccessSpecFormats

/// The language as a JSON Schema (draft 2020-12), for editors that complete and check YAML
/// without a language server (yaml-language-server reads it from a `$schema` comment).
extension ContractSchema {
    public enum Document: String, CaseIterable, Sendable {
        /// A platform contract or a shared types file.
        case contract
        /// `accessspec.yaml`.
        case workspace

        var root: MappingShape { self == .contract ? ContractSchema.contract : ContractSchema.workspaceConfig }
        public var fileName: String { self == .contract ? "accessspec.schema.json" : "accessspec-workspace.schema.json" }
    }

    public static func jsonSchema(_ document: Document) -> JSONValue {
        var definitions: [String: JSONValue] = [:]
        let root = JSONSchemaWriter.object(document.root, definitions: &definitions, inline: true)
        guard case .object(var schema) = root else { return root }
        schema["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        schema["$id"] = .string("urn:accessspec:schema:\(document.rawValue)")
        schema["title"] = .string(document == .contract ? "AccessSpec contract" : "AccessSpec workspace config")
        schema["$defs"] = .object(definitions)
        return .object(schema)
    }
}

private enum JSONSchemaWriter {
    static func object(_ mapping: MappingShape, definitions: inout [String: JSONValue], inline: Bool = false) -> JSONValue {
        if !inline, definitions[mapping.name] != nil { return reference(mapping) }
        if !inline { definitions[mapping.name] = .object([:]) }  // reserve: shapes may nest themselves
        var properties: [String: JSONValue] = [:]
        for key in mapping.keys {
            var property = value(key.value, definitions: &definitions)
            if case .object(var fields) = property {
                fields["description"] = describe(key.doc)
                property = .object(fields)
            } else {
                property = .object(["allOf": .array([property]), "description": describe(key.doc)])
            }
            properties[key.name] = property
        }
        // accessc reads a section left empty (`license:`) as an empty mapping, and a list or a
        // named mapping left empty as empty: null is allowed wherever they are.
        var schema: [String: JSONValue] = [
            "type": .array([.string("object"), .string("null")]),
            "description": describe(mapping.doc),
            "properties": .object(properties),
            "additionalProperties": .bool(false),
        ]
        let required = mapping.keys.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { schema["required"] = .array(required) }
        if inline { return .object(schema) }
        definitions[mapping.name] = .object(schema)
        return reference(mapping)
    }

    static func value(_ shape: ValueShape, definitions: inout [String: JSONValue]) -> JSONValue {
        switch shape {
        case .text: .object(["type": .array([.string("string"), .string("number"), .string("boolean")])])
        case .integer: .object(["type": .string("integer")])
        case .number: .object(["type": .string("number")])
        case .boolean: .object(["type": .string("boolean")])
        case .percentage: .object(["type": .array([.string("number"), .string("string")])])
        // A word that YAML reads as a number (`minTls: 1.3`) is accepted as that number too.
        case .choice(let words): .object(["enum": .array(words.map(JSONValue.string) + words.compactMap { Double($0).map(JSONValue.number) })])
        case .list(let item): .object(["type": .array([.string("array"), .string("null")]), "items": value(item, definitions: &definitions)])
        case .mapping(let mapping): object(mapping, definitions: &definitions)
        case .named(let form, let item):
            .object([
                "type": .array([.string("object"), .string("null")]),
                "propertyNames": form.map { .object(["pattern": .string($0.pattern), "maxLength": .integer(64)]) } ?? .object([:]),
                "additionalProperties": value(item, definitions: &definitions),
            ])
        case .keyedBy(let words, let item):
            .object([
                "type": .array([.string("object"), .string("null")]),
                "propertyNames": .object(["enum": .array(words.map(JSONValue.string))]),
                "additionalProperties": value(item, definitions: &definitions),
            ])
        case .either(let first, let second):
            .object(["anyOf": .array([value(first, definitions: &definitions), value(second, definitions: &definitions)])])
        case .anything: .object([:])
        }
    }

    static func reference(_ mapping: MappingShape) -> JSONValue { .object(["$ref": .string("#/$defs/\(mapping.name)")]) }

    static func describe(_ doc: LocalizedText) -> JSONValue { .string(doc.zh + "\n\n" + doc.en) }
}
