/// How the language's types and constraints map onto the value semantics of AccessSpecFormats
/// (docs/values.md): the format a builtin carries, and constraints as written becoming
/// constraints in force.

extension BuiltinType {
    /// The format a value of this builtin has beyond its JSON kind.
    public var format: ValueFormat? {
        switch self {
        case .string, .integer, .number, .boolean: nil
        case .date: .date
        case .datetime: .datetime
        case .url: .url
        case .email: .email
        case .phone: .phone
        case .base64: .base64
        case .uscc: .uscc
        case .residentId: .residentId
        case .divisionCode: .divisionCode
        case .licenseId: .licenseId
        case .itemCode: .itemCode
        }
    }
}

extension Constraints {
    /// The constraints as the value semantics state them (a written pattern is one of a list).
    public var inForce: ValueConstraints {
        ValueConstraints(minLength: minLength, maxLength: maxLength, patterns: pattern.map { [$0] } ?? [], minimum: minimum, maximum: maximum,
                         minItems: minItems, maxItems: maxItems)
    }
}
