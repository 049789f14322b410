/// Makes a valid value of a type when the contract gives no example: deterministic, the same
/// for the same IR, and checked by the one value checker before it is returned.
public struct ValueSynthesizer: Sendable {
    private let types: TypeTable
    private let checker: IRValueChecker
    private let itemCodePattern: String

    public init(types: [TypeIR], settings: WorkspaceSettings) {
        self.types = TypeTable(types)
        self.checker = IRValueChecker(types: types, settings: settings)
        self.itemCodePattern = settings.itemCodePattern
    }

    /// A value of `type`, or nil when none can be made (a pattern no candidate matches, a
    /// record that requires itself).
    public func value(of type: TypeRefIR) -> JSONValue? {
        value(of: types.resolve(type))
    }

    public func value(of type: ResolvedTypeIR) -> JSONValue? {
        guard let value = make(type, depth: 0), checker.check(value, against: type, at: "value").isEmpty else { return nil }
        return value
    }

    /// A valid value of a builtin format, the seed of the values made and of the mutations
    /// that break a check character.
    public func sample(_ builtin: BuiltinType) -> JSONValue {
        switch builtin {
        case .string: .string("示例")
        case .integer: .integer(1)
        case .number: .number(1.5)
        case .boolean: .bool(true)
        case .date: .string("2024-11-01")
        case .datetime: .string("2024-11-01T09:00:00+08:00")
        case .url: .string("https://www.gov.cn/")
        case .email: .string("service@gov.cn")
        case .phone: .string("13800000000")
        case .base64: .string("QWNjZXNzU3BlYw==")
        case .uscc: .string(Self.uscc("91370000MA3C00000"))
        case .residentId: .string(Self.residentID("11010519491231002"))
        case .divisionCode: .string("370000")
        case .licenseId: .string(Self.licenseID(number: "0001"))
        case .itemCode: .string(Self.itemCodeCandidates.first { Pattern.matches(itemCodePattern, $0) } ?? "000104001000")
        }
    }

    static let itemCodeCandidates = ["000104001000", "00010400100037010000001", "11000000000000000000"]

    static func uscc(_ body: String) -> String { body + String(DomainFormats.usccCheckCharacter(body)!) }
    static func residentID(_ body: String) -> String { body + String(DomainFormats.residentCheckCharacter(body)!) }
    static func licenseID(number: String) -> String {
        let type = uscc("11100000000013127") + "001"
        let issuer = uscc("11370000004000000")
        let body = type + issuer + number + "001"
        return DomainFormats.licenseRoot + [type, issuer, number, "001", String(DomainFormats.mod3736CheckCharacter(body)!)].joined(separator: ".")
    }

    private func make(_ type: ResolvedTypeIR, depth: Int) -> JSONValue? {
        guard depth < 16 else { return nil }
        switch type {
        case .scalar(let builtin, let constraints):
            return scalar(builtin, constraints)
        case .list(let element, let constraints):
            let count = max(1, constraints.minItems ?? 1)
            guard let item = make(element, depth: depth + 1) else { return constraints.minItems == 0 ? .array([]) : nil }
            guard count <= (constraints.maxItems ?? .max) else { return constraints.maxItems == 0 ? .array([]) : nil }
            return .array(Array(repeating: item, count: min(count, 16)))
        case .map(let valueType):
            return make(valueType, depth: depth + 1).map { .object(["key": $0]) }
        case .enumeration(let name):
            return types[name]?.values?.first.map { .string($0.value) }
        case .record(let name):
            var object: [String: JSONValue] = [:]
            for field in types[name]?.fields ?? [] {
                // Optional fields are filled near the top only, so self-reference ends.
                guard field.required || depth < 4 else { continue }
                if let value = make(field.resolved, depth: depth + 1), checker.check(value, against: field.resolved, at: "value").isEmpty {
                    object[field.name] = value
                } else if field.required {
                    return nil
                }
            }
            return .object(object)
        }
    }

    private func scalar(_ builtin: BuiltinType, _ constraints: ValueConstraints) -> JSONValue? {
        switch builtin {
        case .integer, .number:
            let low = constraints.minimum ?? (constraints.maximum.map { min($0, 1) } ?? 1)
            return builtin == .integer ? .integer(IntegerRange.clamped(low.rounded(.up))) : .number(low)
        case .string:
            // Patterns often describe one of the national formats; their samples are tried too.
            let formats: [BuiltinType] = [.residentId, .uscc, .divisionCode, .licenseId, .itemCode, .date, .datetime, .url, .email, .phone]
            let fromPatterns = constraints.patterns.compactMap { try? Pattern.compiled($0).get().example }
            let candidates = fromPatterns + ["示例", "A", "a", "0", "1", "ABC", "abc", "A1", "000000"] + formats.compactMap { sample($0).stringValue }
            for candidate in candidates {
                let text = fitted(candidate, constraints)
                if constraints.textProblems(text).isEmpty { return .string(text) }
            }
            return nil
        default:
            let value = sample(builtin)
            return value.stringValue.map { constraints.textProblems($0).isEmpty } == false ? nil : value
        }
    }

    /// `seed` repeated or cut to fall within minLength and maxLength (counted in scalars).
    private func fitted(_ seed: String, _ constraints: ValueConstraints) -> String {
        var scalars = Array(seed.unicodeScalars)
        if let min = constraints.minLength, scalars.count < min, !scalars.isEmpty {
            scalars = Array(repeating: scalars, count: min / scalars.count + 1).flatMap { $0 }
        }
        if let max = constraints.maxLength, scalars.count > max { scalars = Array(scalars.prefix(max)) }
        if let min = constraints.minLength, scalars.count > min, constraints.maxLength == nil || seed.unicodeScalars.count < min {
            scalars = Array(scalars.prefix(min))
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }
}
