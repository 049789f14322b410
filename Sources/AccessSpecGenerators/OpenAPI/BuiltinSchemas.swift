import AccessSpecCore

/// The JSON Schema of each built-in type. Domain formats carry both a `format` (so tools that
/// know the name can check more, such as the check character) and a `pattern` (so every JSON
/// Schema validator checks the shape).
enum BuiltinSchemas {
    /// GB 32100: 18 characters over the 31-symbol alphabet (no I, O, S, V, Z); positions 3-8
    /// are the division code.
    static let usccPattern = "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$"
    /// GB 11643: 17 digits and a check character.
    static let residentIDPattern = "^[0-9]{17}[0-9X]$"
    /// GB/T 2260: 6 digits, or the 12-digit form of service systems.
    static let divisionCodePattern = "^[0-9]{6}([0-9]{6})?$"
    /// GB/T 36904: root, type code (ministry USCC + 3 digits), issuer USCC, number, 3-digit
    /// version, check character.
    static let licenseIDPattern =
        "^1\\.2\\.156\\.3005\\.2\\.[0-9A-HJ-NPQRTUWXY]{18}[0-9]{3}\\.[0-9A-HJ-NPQRTUWXY]{18}\\.[0-9A-Z]+\\.[0-9]{3}\\.[0-9A-Z]$"
    /// A mainland mobile number (optionally +86) or a landline with or without the area-code dash,
    /// as `DomainFormats.checkPhone` accepts them.
    static let phonePattern = "^((\\+86)?1[3-9][0-9]{9}|0[0-9]{9,11}|0[0-9]{2,3}-[0-9]{7,8})$"
    /// Standard base64 with padding, as Foundation decodes it.
    static let base64Pattern = "^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"

    static func schema(for builtin: BuiltinType, itemCodePattern: String) -> YAMLMapping {
        switch builtin {
        case .string: ["type": "string"]
        case .integer: ["type": "integer"]
        case .number: ["type": "number"]
        case .boolean: ["type": "boolean"]
        case .date: ["type": "string", "format": "date"]
        case .datetime: ["type": "string", "format": "date-time"]
        case .url: ["type": "string", "format": "uri"]
        case .email: ["type": "string", "format": "email"]
        case .phone: ["type": "string", "pattern": .string(phonePattern)]
        case .base64: ["type": "string", "contentEncoding": "base64", "pattern": .string(base64Pattern)]
        case .uscc: ["type": "string", "format": "uscc", "pattern": .string(usccPattern)]
        case .residentId: ["type": "string", "format": "resident-id", "pattern": .string(residentIDPattern)]
        case .divisionCode: ["type": "string", "format": "division-code", "pattern": .string(divisionCodePattern)]
        case .licenseId: ["type": "string", "format": "license-id", "pattern": .string(licenseIDPattern)]
        case .itemCode: ["type": "string", "format": "item-code", "pattern": .string(itemCodePattern)]
        }
    }
}
