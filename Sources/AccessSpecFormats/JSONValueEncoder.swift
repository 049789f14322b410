import Foundation

extension JSONValue {
    /// The value `JSONEncoder` would write for `value`, read back as a `JSONValue`, without
    /// the text in between: integral numbers are integers, absent optionals are left out.
    /// At national scale the round trip through text cost a fifth of a build.
    public init(encoding value: some Encodable) throws {
        let root = Slot()
        try ValueEncoder.encode(value, into: root, codingPath: [])
        self = root.resolved ?? .object([:])
    }
}

/// Where one encoded value lands; containers hand out slots for their members.
private final class Slot {
    var value: JSONValue?
    private var members: [String: Slot] = [:]
    private var elements: [Slot] = []
    private var kind: Kind = .unset

    enum Kind { case unset, keyed, unkeyed, single }

    func keyed() {
        if kind == .unset { kind = .keyed }
    }

    func unkeyed() {
        if kind == .unset { kind = .unkeyed }
    }

    func member(_ key: String) -> Slot {
        keyed()
        if let slot = members[key] { return slot }
        let slot = Slot()
        members[key] = slot
        return slot
    }

    func element() -> Slot {
        unkeyed()
        let slot = Slot()
        elements.append(slot)
        return slot
    }

    var count: Int { elements.count }

    func set(_ value: JSONValue) {
        kind = .single
        self.value = value
    }

    /// The value, with containers put together from their members.
    var resolved: JSONValue? {
        switch kind {
        case .unset: nil
        case .single: value
        case .keyed: .object(members.compactMapValues(\.resolved))
        case .unkeyed: .array(elements.compactMap(\.resolved))
        }
    }
}

private struct ValueEncoder: Encoder {
    let slot: Slot
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [any CodingKey], slot: Slot) {
        self.codingPath = codingPath
        self.slot = slot
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        slot.keyed()
        return KeyedEncodingContainer(KeyedContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        slot.unkeyed()
        return UnkeyedContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(slot: slot, codingPath: codingPath)
    }
}

private extension ValueEncoder {
    static func encode(_ value: some Encodable, into slot: Slot, codingPath: [any CodingKey]) throws {
        switch value {
        case let url as URL: slot.set(.string(url.absoluteString))
        case let number as Double: slot.set(Self.number(number))
        case let number as Float: slot.set(Self.number(Double(number)))
        default: try value.encode(to: ValueEncoder(codingPath: codingPath, slot: slot))
        }
    }

    /// As JSONEncoder writes it and JSONDecoder reads it back: an integral number that fits
    /// an `Int` (`100.0`, `1e+16`) is an integer.
    static func number(_ value: Double) -> JSONValue {
        if let integer = Int(exactly: value) { return .integer(integer) }
        return .number(value)
    }

    static func integer(_ value: some BinaryInteger) -> JSONValue {
        if let exact = Int(exactly: value) { return .integer(exact) }
        return .number(Double(value))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    var codingPath: [any CodingKey]

    private func put(_ value: JSONValue, _ key: Key) { slot.member(key.stringValue).set(value) }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(ValueEncoder.number(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(ValueEncoder.number(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(ValueEncoder.integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(ValueEncoder.integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(ValueEncoder.integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(ValueEncoder.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(ValueEncoder.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(ValueEncoder.integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(ValueEncoder.integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(ValueEncoder.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(ValueEncoder.integer(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try ValueEncoder.encode(value, into: slot.member(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let member = slot.member(key.stringValue)
        member.keyed()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(slot: member, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let member = slot.member(key.stringValue)
        member.unkeyed()
        return UnkeyedContainer(slot: member, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(codingPath: codingPath, slot: slot.member("super")) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ValueEncoder(codingPath: codingPath + [key], slot: slot.member(key.stringValue)) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey]
    var count: Int { slot.count }

    private func put(_ value: JSONValue) { slot.element().set(value) }

    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(ValueEncoder.number(value)) }
    mutating func encode(_ value: Float) throws { put(ValueEncoder.number(Double(value))) }
    mutating func encode(_ value: Int) throws { put(.integer(value)) }
    mutating func encode(_ value: Int8) throws { put(ValueEncoder.integer(value)) }
    mutating func encode(_ value: Int16) throws { put(ValueEncoder.integer(value)) }
    mutating func encode(_ value: Int32) throws { put(ValueEncoder.integer(value)) }
    mutating func encode(_ value: Int64) throws { put(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt) throws { put(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt8) throws { put(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt16) throws { put(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt32) throws { put(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt64) throws { put(ValueEncoder.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try ValueEncoder.encode(value, into: slot.element(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let element = slot.element()
        element.keyed()
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(slot: element, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let element = slot.element()
        element.unkeyed()
        return UnkeyedContainer(slot: element, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { ValueEncoder(codingPath: codingPath, slot: slot.element()) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.set(.null) }
    mutating func encode(_ value: Bool) throws { slot.set(.bool(value)) }
    mutating func encode(_ value: String) throws { slot.set(.string(value)) }
    mutating func encode(_ value: Double) throws { slot.set(ValueEncoder.number(value)) }
    mutating func encode(_ value: Float) throws { slot.set(ValueEncoder.number(Double(value))) }
    mutating func encode(_ value: Int) throws { slot.set(.integer(value)) }
    mutating func encode(_ value: Int8) throws { slot.set(ValueEncoder.integer(value)) }
    mutating func encode(_ value: Int16) throws { slot.set(ValueEncoder.integer(value)) }
    mutating func encode(_ value: Int32) throws { slot.set(ValueEncoder.integer(value)) }
    mutating func encode(_ value: Int64) throws { slot.set(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt) throws { slot.set(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt8) throws { slot.set(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt16) throws { slot.set(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt32) throws { slot.set(ValueEncoder.integer(value)) }
    mutating func encode(_ value: UInt64) throws { slot.set(ValueEncoder.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try ValueEncoder.encode(value, into: slot, codingPath: codingPath)
    }
}
