/// The constraints in force on a value once a field's own constraints and those of every
/// named type it goes through are combined: all of them hold (docs/values.md). The IR carries
/// these per field, and every checker reads them.
public struct ValueConstraints: Codable, Equatable, Hashable, Sendable {
    /// In Unicode scalars, as JSON Schema counts.
    public var minLength: Int?
    public var maxLength: Int?
    /// Each must match the whole value.
    public var patterns: [String]
    public var minimum: Double?
    public var maximum: Double?
    public var minItems: Int?
    public var maxItems: Int?

    public init(minLength: Int? = nil, maxLength: Int? = nil, patterns: [String] = [], minimum: Double? = nil, maximum: Double? = nil,
                minItems: Int? = nil, maxItems: Int? = nil) {
        self.minLength = minLength
        self.maxLength = maxLength
        self.patterns = patterns
        self.minimum = minimum
        self.maximum = maximum
        self.minItems = minItems
        self.maxItems = maxItems
    }

    public var isEmpty: Bool { self == ValueConstraints() }

    private enum CodingKeys: String, CodingKey { case minLength, maxLength, patterns, minimum, maximum, minItems, maxItems }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        minLength = try container.decodeIfPresent(Int.self, forKey: .minLength)
        maxLength = try container.decodeIfPresent(Int.self, forKey: .maxLength)
        patterns = try container.decodeIfPresent([String].self, forKey: .patterns) ?? []
        minimum = try container.decodeIfPresent(Double.self, forKey: .minimum)
        maximum = try container.decodeIfPresent(Double.self, forKey: .maximum)
        minItems = try container.decodeIfPresent(Int.self, forKey: .minItems)
        maxItems = try container.decodeIfPresent(Int.self, forKey: .maxItems)
    }

    /// Only what is set, so the canonical IR stays small.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(minLength, forKey: .minLength)
        try container.encodeIfPresent(maxLength, forKey: .maxLength)
        if !patterns.isEmpty { try container.encode(patterns, forKey: .patterns) }
        try container.encodeIfPresent(minimum, forKey: .minimum)
        try container.encodeIfPresent(maximum, forKey: .maximum)
        try container.encodeIfPresent(minItems, forKey: .minItems)
        try container.encodeIfPresent(maxItems, forKey: .maxItems)
    }

    /// Both sets hold: the tighter bound of each pair, every pattern (an outer type's first).
    public func and(_ other: ValueConstraints) -> ValueConstraints {
        ValueConstraints(
            minLength: Self.tighter(minLength, other.minLength, by: max), maxLength: Self.tighter(maxLength, other.maxLength, by: min),
            patterns: patterns + other.patterns.filter { !patterns.contains($0) },
            minimum: Self.tighter(minimum, other.minimum, by: max), maximum: Self.tighter(maximum, other.maximum, by: min),
            minItems: Self.tighter(minItems, other.minItems, by: max), maxItems: Self.tighter(maxItems, other.maxItems, by: min))
    }

    private static func tighter<T>(_ lhs: T?, _ rhs: T?, by pick: (T, T) -> T) -> T? {
        guard let lhs else { return rhs }
        guard let rhs else { return lhs }
        return pick(lhs, rhs)
    }

    /// Why no value can meet these constraints, or nil when some can (as far as bounds tell).
    public var contradiction: LocalizedText? {
        if let min = minLength, let max = maxLength, min > max { return LocalizedText(en: "minLength \(min) is above maxLength \(max)", zh: "minLength \(min) 大于 maxLength \(max)") }
        if let min = minimum, let max = maximum, min > max {
            return LocalizedText(en: "minimum \(Self.number(min)) is above maximum \(Self.number(max))", zh: "minimum \(Self.number(min)) 大于 maximum \(Self.number(max))")
        }
        if let min = minItems, let max = maxItems, min > max { return LocalizedText(en: "minItems \(min) is above maxItems \(max)", zh: "minItems \(min) 大于 maxItems \(max)") }
        return nil
    }

    /// Why no integer can meet these bounds, or nil when one can.
    public var integerContradiction: LocalizedText? {
        let low = minimum.map { $0.rounded(.up) } ?? -Double(IntegerRange.limit)
        let high = maximum.map { $0.rounded(.down) } ?? Double(IntegerRange.limit)
        if low > Double(IntegerRange.limit) {
            return LocalizedText(en: "minimum \(Self.number(minimum!)) is above the largest integer, 2^53-1", zh: "minimum \(Self.number(minimum!)) 大于最大的整数 2^53-1")
        }
        if high < -Double(IntegerRange.limit) {
            return LocalizedText(en: "maximum \(Self.number(maximum!)) is below the smallest integer, -(2^53-1)", zh: "maximum \(Self.number(maximum!)) 小于最小的整数 -(2^53-1)")
        }
        if low > high {
            return LocalizedText(en: "no integer lies between minimum \(Self.number(minimum!)) and maximum \(Self.number(maximum!))",
                                 zh: "minimum \(Self.number(minimum!)) 与 maximum \(Self.number(maximum!)) 之间没有整数")
        }
        return nil
    }

    // MARK: Checks, as phrases completing "value ..." (and "值……")

    public func textProblems(_ text: String) -> [LocalizedText] {
        var problems: [LocalizedText] = []
        if minLength != nil || maxLength != nil {
            let length = text.unicodeScalars.count
            if let min = minLength, length < min { problems.append(LocalizedText(en: "is \(length) characters long, fewer than minLength \(min)", zh: "的长度为 \(length) 个字符，少于 minLength \(min)")) }
            if let max = maxLength, length > max { problems.append(LocalizedText(en: "is \(length) characters long, more than maxLength \(max)", zh: "的长度为 \(length) 个字符，多于 maxLength \(max)")) }
        }
        // A value already too long is not run through patterns: it is refused either way.
        guard problems.isEmpty else { return problems }
        for pattern in patterns where !Pattern.matches(pattern, text) {
            problems.append(LocalizedText(en: "does not match pattern \(pattern)", zh: "不匹配模式 \(pattern)"))
        }
        return problems
    }

    public func numberProblems(_ number: Double) -> [LocalizedText] {
        var problems: [LocalizedText] = []
        if let min = minimum, number < min { problems.append(LocalizedText(en: "is less than minimum \(Self.number(min))", zh: "小于最小值 \(Self.number(min))")) }
        if let max = maximum, number > max { problems.append(LocalizedText(en: "is greater than maximum \(Self.number(max))", zh: "大于最大值 \(Self.number(max))")) }
        return problems
    }

    public func countProblems(_ count: Int) -> [LocalizedText] {
        var problems: [LocalizedText] = []
        if let min = minItems, count < min { problems.append(LocalizedText(en: "has \(count) items, fewer than minItems \(min)", zh: "有 \(count) 项，少于 minItems \(min)")) }
        if let max = maxItems, count > max { problems.append(LocalizedText(en: "has \(count) items, more than maxItems \(max)", zh: "有 \(count) 项，多于 maxItems \(max)")) }
        return problems
    }

    /// `3` for 3.0, `2.5` otherwise: bounds read as the contract wrote them.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// What a JSON number must be to be an `integer` (docs/values.md): integral, and within the
/// range every JSON reader holds exactly, −(2^53−1)…2^53−1.
public enum IntegerRange {
    public static let limit: Int = 9_007_199_254_740_991

    public static func contains(_ value: Int) -> Bool { value >= -limit && value <= limit }

    /// The nearest integer of the range to `value` (which may be any double, even infinite).
    public static func clamped(_ value: Double) -> Int {
        guard !value.isNaN else { return 0 }
        return Int(Swift.max(Swift.min(value, Double(limit)), -Double(limit)))
    }

    /// The integer a JSON number stands for, or nil when it is not one in range.
    public static func integer(_ value: Double) -> Int? {
        guard value.rounded(.towardZero) == value, abs(value) <= Double(limit) else { return nil }
        return Int(value)
    }
}
