import AccessSpecCore

/// A YAML document to be written: the structured form every OpenAPI builder produces and
/// `YAMLEmitter` alone turns into text. Mappings keep the order they are built in; builders
/// sort what has no meaningful order before it gets here.
indirect enum YAMLValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case sequence([YAMLValue])
    case mapping(YAMLMapping)

    /// A number from a contract: integral values are written as integers (`maximum: 100`,
    /// not `100.0`), others as floats.
    static func numeric(_ value: Double) -> YAMLValue {
        if value.rounded() == value, abs(value) < 9_007_199_254_740_992 { return .integer(Int(value)) }
        return .number(value)
    }

    /// An example value, with object keys sorted.
    init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .integer(let value): self = .integer(value)
        case .number(let value): self = .number(value)
        case .string(let value): self = .string(value)
        case .array(let values): self = .sequence(values.map(YAMLValue.init))
        case .object(let object): self = .mapping(YAMLMapping(sorting: object.mapValues(YAMLValue.init)))
        }
    }
}

/// An ordered mapping with unique keys. Setting a key that is present replaces its value in
/// place; setting nil removes it, so optional parts can be assigned without `if let`.
struct YAMLMapping: Equatable, Sendable {
    struct Pair: Equatable, Sendable {
        var key: String
        var value: YAMLValue
    }

    private(set) var pairs: [Pair] = []

    init() {}

    /// The entries of a dictionary, sorted by key (code-point order, independent of locale).
    init(sorting dictionary: [String: YAMLValue]) {
        pairs = dictionary.sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }.map { Pair(key: $0.key, value: $0.value) }
    }

    var isEmpty: Bool { pairs.isEmpty }

    subscript(key: String) -> YAMLValue? {
        get { pairs.first { $0.key == key }?.value }
        set {
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[index].value = newValue } else { pairs.remove(at: index) }
            } else if let newValue {
                pairs.append(Pair(key: key, value: newValue))
            }
        }
    }
}

extension YAMLMapping: ExpressibleByDictionaryLiteral {
    /// Written order is kept; a nil value leaves its key out.
    init(dictionaryLiteral elements: (String, YAMLValue?)...) {
        for (key, value) in elements { self[key] = value }
    }
}

extension YAMLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .integer(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: YAMLValue...) { self = .sequence(elements) }
    init(dictionaryLiteral elements: (String, YAMLValue?)...) {
        var mapping = YAMLMapping()
        for (key, value) in elements { mapping[key] = value }
        self = .mapping(mapping)
    }
}
