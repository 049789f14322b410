/// What a value must be to belong to a builtin type or to meet constraints: the one place
/// that says it, for examples in contracts (Sema) and for requests at run time (the mock).

extension BuiltinType {
    /// Why `text` is not a value of this format, or nil when it is (or the type has no format).
    public func formatProblem(_ text: String, itemCodePattern: String) -> String? {
        switch self {
        case .uscc: DomainFormats.checkUSCC(text)
        case .residentId: DomainFormats.checkResidentID(text)
        case .divisionCode: DomainFormats.checkDivisionCode(text)
        case .licenseId: DomainFormats.checkLicenseID(text)
        case .itemCode: PatternCache.shared.matches(itemCodePattern, text) ? nil : "it does not match the workspace's item code pattern \(itemCodePattern)"
        case .date: DomainFormats.checkDate(text)
        case .datetime: DomainFormats.checkDateTime(text)
        case .url: DomainFormats.checkURL(text)
        case .email: DomainFormats.checkEmail(text)
        case .phone: DomainFormats.checkPhone(text)
        case .base64: DomainFormats.checkBase64(text)
        case .string, .integer, .number, .boolean: nil
        }
    }
}

extension Constraints {
    /// What a scalar value breaks of these constraints, as phrases completing "value ...".
    public func problems(with value: JSONValue) -> [String] {
        var problems: [String] = []
        switch value {
        case .string(let text):
            let length = text.count
            if let min = minLength, length < min { problems.append("is \(length) characters long, fewer than minLength \(min)") }
            if let max = maxLength, length > max { problems.append("is \(length) characters long, more than maxLength \(max)") }
            if let pattern, !PatternCache.shared.matches(pattern, text) { problems.append("does not match pattern \(pattern)") }
        case .integer(let number):
            problems += rangeProblems(Double(number))
        case .number(let number):
            problems += rangeProblems(number)
        default:
            break
        }
        return problems
    }

    /// What a list of `count` items breaks of minItems and maxItems.
    public func countProblems(_ count: Int) -> [String] {
        var problems: [String] = []
        if let min = minItems, count < min { problems.append("has \(count) items, fewer than minItems \(min)") }
        if let max = maxItems, count > max { problems.append("has \(count) items, more than maxItems \(max)") }
        return problems
    }

    private func rangeProblems(_ number: Double) -> [String] {
        var problems: [String] = []
        if let min = minimum, number < min { problems.append("is less than minimum \(min)") }
        if let max = maximum, number > max { problems.append("is greater than maximum \(max)") }
        return problems
    }

    /// These constraints and `other`'s, the tighter where both set one (a field's constraints
    /// on top of its alias's).
    public func merged(with other: Constraints?) -> Constraints {
        guard let other else { return self }
        var merged = self
        merged.minLength = [minLength, other.minLength].compactMap { $0 }.max()
        merged.maxLength = [maxLength, other.maxLength].compactMap { $0 }.min()
        merged.pattern = other.pattern ?? pattern
        merged.minimum = [minimum, other.minimum].compactMap { $0 }.max()
        merged.maximum = [maximum, other.maximum].compactMap { $0 }.min()
        merged.minItems = [minItems, other.minItems].compactMap { $0 }.max()
        merged.maxItems = [maxItems, other.maxItems].compactMap { $0 }.min()
        return merged
    }
}
