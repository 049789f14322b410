/// How generated records read and write their fields: through one string coding key shared by
/// every record, instead of a `CodingKeys` enum and a synthesized `Codable` conformance per
/// record, which cost the compiler several times the code of the record itself.
///
/// Generated code names no type in these expressions (`try fields.required("certNo")`), so a
/// contract field named like a module or a type cannot hide what the code means.
public struct FieldKey: CodingKey, ExpressibleByStringLiteral, Sendable {
    public let stringValue: String

    public init(stringValue: String) { self.stringValue = stringValue }
    public init(stringLiteral value: String) { stringValue = value }
    public var intValue: Int? { nil }
    public init?(intValue: Int) { nil }
}

extension Decoder {
    /// The record's fields, keyed by their names in the contract.
    public func accessFields() throws -> KeyedDecodingContainer<FieldKey> {
        try container(keyedBy: FieldKey.self)
    }
}

extension Encoder {
    public func accessFields() -> KeyedEncodingContainer<FieldKey> {
        container(keyedBy: FieldKey.self)
    }
}

extension KeyedDecodingContainer where Key == FieldKey {
    /// A required field: missing, null or of the wrong type is an error.
    public func required<Value: Decodable>(_ key: FieldKey) throws -> Value {
        try decode(Value.self, forKey: key)
    }

    /// An optional field: missing or null is nil.
    public func optional<Value: Decodable>(_ key: FieldKey) throws -> Value? {
        try decodeIfPresent(Value.self, forKey: key)
    }
}
