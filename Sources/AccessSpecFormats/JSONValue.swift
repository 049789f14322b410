import Foundation

/// A JSON value: examples in the IR, requests in conformance vectors. Objects keep keys sorted when encoded.
public enum JSONValue: Codable, Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }
}

extension JSONValue {
    public subscript(key: String) -> JSONValue? {
        if case .object(let entries) = self { entries[key] } else { nil }
    }

    public var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    public var intValue: Int? {
        if case .integer(let value) = self { value } else { nil }
    }

    /// Compact JSON text with keys sorted, as clients encode requests and the mock its answers.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }
}

extension JSONValue {
    /// The first member name that an object of `text` repeats, or nil. Readers disagree on
    /// which of two equal names wins (Foundation keeps the first, most others the last), so a
    /// receiver refuses such a body rather than judge one value and pass on another. Names that
    /// are the same text under Unicode canonical equivalence count as equal, since Swift's
    /// dictionaries cannot hold both. One pass over the bytes, no recursion.
    public static func repeatedMemberName(in text: Data) -> String? {
        enum Frame { case object(Set<String>, expectingName: Bool), array }
        var frames: [Frame] = []
        let bytes = [UInt8](text)
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"): frames.append(.object([], expectingName: true))
            case UInt8(ascii: "["): frames.append(.array)
            case UInt8(ascii: "}"), UInt8(ascii: "]"): if !frames.isEmpty { frames.removeLast() }
            case UInt8(ascii: ","):
                if case .object(let names, _)? = frames.last { frames[frames.count - 1] = .object(names, expectingName: true) }
            case UInt8(ascii: "\""):
                let start = index
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
                if case .object(var names, true)? = frames.last {
                    let token = Data(bytes[start...min(index, bytes.count - 1)])
                    guard let name = try? JSONDecoder().decode([String].self, from: Data("[".utf8) + token + Data("]".utf8)).first else { return nil }
                    guard names.insert(name).inserted else { return name }
                    frames[frames.count - 1] = .object(names, expectingName: false)
                }
            default: break
            }
            index += 1
        }
        return nil
    }
}

/// The one canonical JSON text of the project's documents (the IR, vectors, schemas): keys
/// sorted, two-space indentation, slashes and non-ASCII unescaped, a final newline.
public enum CanonicalJSON {
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
