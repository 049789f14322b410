/// A type as written in a contract: `string`, `Holder`, `list<Holder>`, `map<string>`, and a
/// trailing `?` for optional (kept on the field, not here).
public indirect enum TypeExpression: Hashable, Sendable, CustomStringConvertible {
    case builtin(BuiltinType)
    case named(String)
    case list(TypeExpression)
    case map(TypeExpression)

    public var description: String {
        switch self {
        case .builtin(let builtin): builtin.rawValue
        case .named(let name): name
        case .list(let element): "list<\(element)>"
        case .map(let value): "map<\(value)>"
        }
    }

    /// Parses `text`; the flag says whether it ended in `?`. Nil when malformed.
    public static func parse(_ text: String) -> (TypeExpression, optional: Bool)? {
        // Real type expressions are short; the bound keeps nesting (and recursion) shallow.
        guard text.utf8.count <= 200 else { return nil }
        var body = Substring(text).drop { $0 == " " }
        while body.last == " " { body = body.dropLast() }
        var optional = false
        if body.hasSuffix("?") {
            optional = true
            body = body.dropLast()
        }
        guard let expression = parseBody(body) else { return nil }
        return (expression, optional)
    }

    private static func parseBody(_ text: Substring) -> TypeExpression? {
        if text.hasPrefix("list<") {
            guard text.hasSuffix(">") else { return nil }
            return parseBody(text.dropFirst(5).dropLast()).map(TypeExpression.list)
        }
        if text.hasPrefix("map<") {
            guard text.hasSuffix(">") else { return nil }
            return parseBody(text.dropFirst(4).dropLast()).map(TypeExpression.map)
        }
        if let builtin = BuiltinType(rawValue: String(text)) { return .builtin(builtin) }
        // A type name: ASCII letters and digits, a capital first (NameForm.typeName without its
        // length bound, so a long reference is reported as an unknown type, not as no type).
        guard let first = text.utf8.first, ASCIISet.uppercase.contains(first), ASCIISet.lettersAndDigits.containsAll(text.utf8) else { return nil }
        return .named(String(text))
    }

    /// Every named type this expression refers to.
    public var namedReferences: [String] {
        switch self {
        case .builtin: []
        case .named(let name): [name]
        case .list(let inner), .map(let inner): inner.namedReferences
        }
    }
}

public enum BuiltinType: String, CaseIterable, Codable, Sendable {
    case string, integer, number, boolean
    case date, datetime, url, email, phone, base64
    case uscc
    case residentId = "resident-id"
    case divisionCode = "division-code"
    case licenseId = "license-id"
    case itemCode = "item-code"

    /// Built-ins whose values are text (and so take length and pattern constraints).
    public var isText: Bool {
        switch self {
        case .integer, .number, .boolean: false
        default: true
        }
    }

    public var isNumeric: Bool { self == .integer || self == .number }

    /// The domain formats that identify a person, an organisation or a licence.
    public var identifiesHolder: Bool {
        self == .uscc || self == .residentId || self == .licenseId
    }
}
