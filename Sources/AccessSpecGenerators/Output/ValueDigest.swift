import AccessSpecCore
import Foundation

extension ContentDigest {
    /// The digest of a value's `Codable` form, for the build cache's fingerprints.
    ///
    /// No JSON is made: the encoder writes a tagged stream of what `encode(to:)` reports, each
    /// string with its length and each nested value bracketed, so two values with different
    /// JSON always give different streams. Dictionaries are written in key order, so equal
    /// values give equal streams in every process. At national scale, encoding every platform's
    /// IR as JSON to fingerprint it was a quarter of a rebuild after a one-line edit.
    public static func hex(encoding value: some Encodable) throws -> String {
        let stream = DigestStream()
        try stream.value(value)
        guard !stream.unbracketed else { return hex(try CanonicalJSON.encode(value)) }
        var digest = ContentDigest()
        stream.bytes.withUnsafeBytes { digest.update($0) }
        return digest.hex()
    }
}

/// The bytes a value's encoding reports. One per digest; containers write into it in order.
private final class DigestStream {
    var bytes: [UInt8] = []
    /// Set when a value asked for a nested container or a super encoder, whose end the stream
    /// cannot mark; the digest then falls back to the canonical JSON.
    var unbracketed = false

    enum Tag: UInt8 {
        case null = 0, bool, signed, unsigned, double, float, string, open, close, keyed, unkeyed, single
    }

    func tag(_ tag: Tag) { bytes.append(tag.rawValue) }

    func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    func string(_ text: String) {
        tag(.string)
        var text = text
        text.withUTF8 { utf8 in
            word(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    func signed(_ value: some FixedWidthInteger & SignedInteger) {
        tag(.signed)
        word(UInt64(bitPattern: Int64(value)))
    }

    func unsigned(_ value: some FixedWidthInteger & UnsignedInteger) {
        tag(.unsigned)
        word(UInt64(value))
    }

    func double(_ value: Double) {
        tag(.double)
        word(value.bitPattern)
    }

    func float(_ value: Float) {
        tag(.float)
        word(UInt64(value.bitPattern))
    }

    func bool(_ value: Bool) {
        tag(.bool)
        bytes.append(value ? 1 : 0)
    }

    /// A value bracketed, so the stream shows where it ends.
    func value(_ value: some Encodable) throws {
        tag(.open)
        if let entries = value as? any KeyOrderedEntries {
            try entries.writeInKeyOrder(to: self)
        } else {
            try value.encode(to: DigestEncoder(stream: self))
        }
        tag(.close)
    }
}

/// A dictionary, whose own encoding follows its hash order, which differs between processes.
private protocol KeyOrderedEntries {
    func writeInKeyOrder(to stream: DigestStream) throws
}

extension Dictionary: KeyOrderedEntries where Key: Encodable & Comparable, Value: Encodable {
    fileprivate func writeInKeyOrder(to stream: DigestStream) throws {
        stream.tag(.keyed)
        for key in keys.sorted() {
            try stream.value(key)
            try stream.value(self[key]!)
        }
    }
}

private struct DigestEncoder: Encoder {
    let stream: DigestStream
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        stream.tag(.keyed)
        return KeyedEncodingContainer(DigestKeyedContainer<Key>(stream: stream))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        stream.tag(.unkeyed)
        return DigestUnkeyedContainer(stream: stream)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        stream.tag(.single)
        return DigestSingleContainer(stream: stream)
    }
}

private struct DigestKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let stream: DigestStream
    var codingPath: [any CodingKey] { [] }

    private func key(_ key: Key) { stream.string(key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { self.key(key); stream.tag(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); stream.bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); stream.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); stream.double(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); stream.float(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); stream.signed(value) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); stream.signed(value) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); stream.signed(value) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); stream.signed(value) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); stream.signed(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); stream.unsigned(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); stream.unsigned(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); stream.unsigned(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); stream.unsigned(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); stream.unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { self.key(key); try stream.value(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        stream.unbracketed = true
        return KeyedEncodingContainer(DigestKeyedContainer<NestedKey>(stream: stream))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        stream.unbracketed = true
        return DigestUnkeyedContainer(stream: stream)
    }

    mutating func superEncoder() -> any Encoder {
        stream.unbracketed = true
        return DigestEncoder(stream: stream)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        stream.unbracketed = true
        return DigestEncoder(stream: stream)
    }
}

private struct DigestUnkeyedContainer: UnkeyedEncodingContainer {
    let stream: DigestStream
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(stream: DigestStream) { self.stream = stream }

    mutating func encodeNil() throws { count += 1; stream.tag(.null) }
    mutating func encode(_ value: Bool) throws { count += 1; stream.bool(value) }
    mutating func encode(_ value: String) throws { count += 1; stream.string(value) }
    mutating func encode(_ value: Double) throws { count += 1; stream.double(value) }
    mutating func encode(_ value: Float) throws { count += 1; stream.float(value) }
    mutating func encode(_ value: Int) throws { count += 1; stream.signed(value) }
    mutating func encode(_ value: Int8) throws { count += 1; stream.signed(value) }
    mutating func encode(_ value: Int16) throws { count += 1; stream.signed(value) }
    mutating func encode(_ value: Int32) throws { count += 1; stream.signed(value) }
    mutating func encode(_ value: Int64) throws { count += 1; stream.signed(value) }
    mutating func encode(_ value: UInt) throws { count += 1; stream.unsigned(value) }
    mutating func encode(_ value: UInt8) throws { count += 1; stream.unsigned(value) }
    mutating func encode(_ value: UInt16) throws { count += 1; stream.unsigned(value) }
    mutating func encode(_ value: UInt32) throws { count += 1; stream.unsigned(value) }
    mutating func encode(_ value: UInt64) throws { count += 1; stream.unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { count += 1; try stream.value(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        stream.unbracketed = true
        return KeyedEncodingContainer(DigestKeyedContainer<NestedKey>(stream: stream))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        stream.unbracketed = true
        return DigestUnkeyedContainer(stream: stream)
    }

    mutating func superEncoder() -> any Encoder {
        stream.unbracketed = true
        return DigestEncoder(stream: stream)
    }
}

private struct DigestSingleContainer: SingleValueEncodingContainer {
    let stream: DigestStream
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { stream.tag(.null) }
    mutating func encode(_ value: Bool) throws { stream.bool(value) }
    mutating func encode(_ value: String) throws { stream.string(value) }
    mutating func encode(_ value: Double) throws { stream.double(value) }
    mutating func encode(_ value: Float) throws { stream.float(value) }
    mutating func encode(_ value: Int) throws { stream.signed(value) }
    mutating func encode(_ value: Int8) throws { stream.signed(value) }
    mutating func encode(_ value: Int16) throws { stream.signed(value) }
    mutating func encode(_ value: Int32) throws { stream.signed(value) }
    mutating func encode(_ value: Int64) throws { stream.signed(value) }
    mutating func encode(_ value: UInt) throws { stream.unsigned(value) }
    mutating func encode(_ value: UInt8) throws { stream.unsigned(value) }
    mutating func encode(_ value: UInt16) throws { stream.unsigned(value) }
    mutating func encode(_ value: UInt32) throws { stream.unsigned(value) }
    mutating func encode(_ value: UInt64) throws { stream.unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try stream.value(value) }
}
