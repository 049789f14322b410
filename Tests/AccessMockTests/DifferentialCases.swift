import AccessSpecCore
import Foundation
import SeededRandom


/// A JSON value as text in both its spellings: JSON for the mock, the runtime and Python, and
/// YAML flow for the contract's examples. Numbers keep the literal they were written as, so
/// `1.0`, `1e2` and `99999999999999999999` reach every part unchanged.
indirect enum DiffValue: Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([DiffValue])
    case object([String: DiffValue])

    init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let number): self = .number(String(number))
        case .number(let number): self = .number(number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : "\(number)")
        case .string(let text): self = .string(text)
        case .array(let items): self = .array(items.map(DiffValue.init))
        case .object(let entries): self = .object(entries.mapValues(DiffValue.init))
        }
    }

    var json: String {
        switch self {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let literal): literal
        case .string(let text): Self.quoted(text, yaml: false)
        case .array(let items): "[" + items.map(\.json).joined(separator: ",") + "]"
        case .object(let entries): "{" + entries.keys.sorted().map { Self.quoted($0, yaml: false) + ":" + entries[$0]!.json }.joined(separator: ",") + "}"
        }
    }

    var yaml: String {
        switch self {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let literal): literal
        case .string(let text): Self.quoted(text, yaml: true)
        case .array(let items): "[" + items.map(\.yaml).joined(separator: ", ") + "]"
        case .object(let entries): "{" + entries.keys.sorted().map { Self.quoted($0, yaml: true) + ": " + entries[$0]!.yaml }.joined(separator: ", ") + "}"
        }
    }

    /// A double-quoted string; YAML gets every non-ASCII scalar escaped, since YAML 1.1 folds
    /// some line separators that JSON keeps.
    private static func quoted(_ text: String, yaml: Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (yaml && scalar.value > 0x7E) || scalar.value == 0x2028 || scalar.value == 0x2029:
                if scalar.value > 0xFFFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                } else {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    var isNumber: Bool { if case .number = self { true } else { false } }
}

/// One random type: a record `CaseN` with one field `v` of a builtin, an enum or a list,
/// reached through up to two aliases that each add constraints, with constraints of its own.
struct GeneratedType {
    enum Shape { case scalar(BuiltinType), enumeration([String]), list(BuiltinType) }

    let index: Int
    let shape: Shape
    /// Innermost (the builtin's alias) first.
    let aliases: [Constraints]
    let field: Constraints
    let required: Bool

    var recordName: String { Self.recordName(index) }
    static func recordName(_ index: Int) -> String { "Case\(index)" }

    static let enumPool = ["alpha", "beta", "gamma", "é", "值班", "delta-2"]
    static let patternPool = ["[A-Z]{2}[0-9]{2,4}", "(?:ab|cd)+", "\\d{3}-\\d{4}", "[^x]*", ".+", "[a-z]*", "[0-9A-F]{4}", "é+", "(?:[一-龥]|a)+",
                              "\\w+", "\\s?x", "[\\u4e00-\\u9fa5]{1,3}", "^a.c$", "[0-9]+(?:\\.[0-9]{1,2})?"]

    static func random(index: Int, using random: inout SplitMix) -> GeneratedType {
        let builtins: [BuiltinType] = BuiltinType.allCases
        let shape: Shape
        switch random.below(10) {
        case 0: shape = .enumeration(Array(enumPool.shuffledDeterministically(&random).prefix(1 + random.below(4))))
        case 1: shape = .list(random.pick([.string, .integer, .uscc, .date, .number]))
        default: shape = .scalar(random.pick(builtins + [.string, .string, .integer, .number]))
        }
        var aliases: [Constraints] = []
        var field = Constraints()
        switch shape {
        case .enumeration:
            break
        case .scalar(let builtin), .list(let builtin):
            for _ in 0..<random.below(3) { aliases.append(scalarConstraints(builtin, using: &random)) }
            if case .list = shape {
                if random.chance(60) { field.minItems = random.below(3) }
                if random.chance(60) { field.maxItems = (field.minItems ?? 0) + random.below(3) }
            } else if random.chance(70) {
                field = scalarConstraints(builtin, using: &random)
            }
        }
        var type = GeneratedType(index: index, shape: shape, aliases: aliases, field: field, required: random.chance(70))
        // Constraints that contradict are a compile error, not a value question: drop them.
        while type.inForce.contradiction != nil || (type.builtin == .integer && type.inForce.integerContradiction != nil) {
            type = GeneratedType(index: index, shape: shape, aliases: Array(type.aliases.dropLast()), field: type.aliases.isEmpty ? Constraints() : type.field, required: type.required)
        }
        return type
    }

    private static func scalarConstraints(_ builtin: BuiltinType, using random: inout SplitMix) -> Constraints {
        var constraints = Constraints()
        if builtin.isText {
            if random.chance(50) { constraints.minLength = random.below(5) }
            if random.chance(50) { constraints.maxLength = (constraints.minLength ?? 0) + random.below(8) + (builtin == .string ? 0 : 18) }
            if random.chance(builtin == .string ? 45 : 8) { constraints.pattern = builtin == .string ? random.pick(patternPool) : random.pick(["[0-9].*", ".*[0-9X]", "1.*"]) }
        } else if builtin.isNumeric {
            let big = 9_007_199_254_740_991.0
            if random.chance(50) { constraints.minimum = random.pick([-100, -1, 0, 1, 10, -big, big - 1, 2.5]) }
            if random.chance(50) { constraints.maximum = (constraints.minimum ?? -50) + random.pick([0, 1, 5, 100, 0.5]) }
        }
        return constraints
    }

    /// The constraints in force on a scalar value (or a list's elements and counts).
    var inForce: ValueConstraints {
        aliases.reduce(ValueConstraints()) { $0.and($1.inForce) }.and(field.inForce)
    }

    var builtin: BuiltinType? {
        switch shape {
        case .scalar(let builtin), .list(let builtin): builtin
        case .enumeration: nil
        }
    }

    var summary: String {
        switch shape {
        case .scalar(let builtin): "\(builtin.rawValue) aliases \(aliases.map(Self.describe)) field \(Self.describe(field)) \(required ? "required" : "optional")"
        case .list(let builtin): "list<\(builtin.rawValue)> aliases \(aliases.map(Self.describe)) field \(Self.describe(field)) \(required ? "required" : "optional")"
        case .enumeration(let values): "enum \(values) \(required ? "required" : "optional")"
        }
    }

    private static func describe(_ constraints: Constraints) -> String {
        let parts: [String?] = [constraints.minLength.map { "minLength \($0)" }, constraints.maxLength.map { "maxLength \($0)" }, constraints.pattern.map { "pattern \($0)" },
                                constraints.minimum.map { "minimum \($0)" }, constraints.maximum.map { "maximum \($0)" }, constraints.minItems.map { "minItems \($0)" },
                                constraints.maxItems.map { "maxItems \($0)" }]
        return "{" + parts.compactMap { $0 }.joined(separator: ", ") + "}"
    }

    // MARK: YAML

    var declarations: String {
        var out = ""
        var base: String
        switch shape {
        case .enumeration(let values):
            out += "  E\(index):\n    values: [\(values.map { DiffValue.string($0).yaml }.joined(separator: ", "))]\n"
            base = "E\(index)"
        case .scalar(let builtin), .list(let builtin):
            base = builtin.rawValue
            for (level, constraints) in aliases.enumerated() {
                out += "  A\(index)x\(level):\n    type: \(base)\n" + Self.yaml(constraints, indent: "    ")
                base = "A\(index)x\(level)"
            }
            if case .list = shape { base = "list<\(base)>" }
        }
        out += "  \(recordName):\n    fields:\n      v:\n        type: \(base)\n        required: \(required)\n" + Self.yaml(field, indent: "        ")
        return out
    }

    private static func yaml(_ constraints: Constraints, indent: String) -> String {
        var out = ""
        if let value = constraints.minLength { out += "\(indent)minLength: \(value)\n" }
        if let value = constraints.maxLength { out += "\(indent)maxLength: \(value)\n" }
        if let value = constraints.pattern { out += "\(indent)pattern: \(DiffValue.string(value).yaml)\n" }
        if let value = constraints.minimum { out += "\(indent)minimum: \(ValueConstraintsText.number(value))\n" }
        if let value = constraints.maximum { out += "\(indent)maximum: \(ValueConstraintsText.number(value))\n" }
        if let value = constraints.minItems { out += "\(indent)minItems: \(value)\n" }
        if let value = constraints.maxItems { out += "\(indent)maxItems: \(value)\n" }
        return out
    }

    /// Whether the body's field is a number under a text or enum type: YAML reads a scalar there
    /// as its text (`region: 370000` is "370000"), so no YAML example can stand for it.
    func hidesFromYAML(_ body: DiffValue) -> Bool {
        guard case .object(let entries) = body, let value = entries["v"] else { return false }
        let text: Bool = switch shape {
        case .enumeration: true
        case .scalar(let builtin), .list(let builtin): builtin.isText
        }
        guard text else { return false }
        if value.isNumber { return true }
        if case .array(let items) = value, case .list = shape { return items.contains(where: \.isNumber) }
        return false
    }

    // MARK: Values at the edges

    func values(using random: inout SplitMix) -> [DiffValue] {
        var candidates: [DiffValue]
        switch shape {
        case .enumeration(let values):
            candidates = values.map(DiffValue.string) + [.string("e\u{301}"), .string("Alpha"), .string("alpha "), .string(""), .number("1"), .bool(true), .string("ALPHA")]
        case .scalar(let builtin):
            candidates = Self.scalarValues(builtin, inForce)
        case .list(let builtin):
            let elements = Self.scalarValues(builtin, aliases.reduce(ValueConstraints()) { $0.and($1.inForce) })
            let good = elements.first ?? .string("a")
            candidates = []
            for count in Set([0, 1, 2, field.minItems ?? 0, (field.minItems ?? 1) - 1, (field.maxItems ?? 3) + 1, field.maxItems ?? 2]).sorted() where count >= 0 && count < 6 {
                candidates.append(.array(Array(repeating: good, count: count)))
            }
            for element in elements.prefix(12) { candidates.append(.array([good, element])) }
            candidates += [.array([.null]), .string("x"), .object([:])]
        }
        var chosen: [DiffValue] = []
        for _ in 0..<9 {
            let value = random.pick(candidates)
            let body: DiffValue = switch random.below(20) {
            case 0: .object([:])
            case 1: .object(["v": .null])
            case 2: .object(["v": value, "w": .number("1")])
            default: .object(["v": value])
            }
            if !chosen.contains(body) { chosen.append(body) }
        }
        return chosen
    }

    static func scalarValues(_ builtin: BuiltinType, _ constraints: ValueConstraints) -> [DiffValue] {
        switch builtin {
        case .integer:
            var literals = ["0", "1", "-1", "1.0", "1.5", "1e2", "-0", "9007199254740991", "9007199254740992", "-9007199254740991", "-9007199254740992",
                            "99999999999999999999", "1e400", "12345678901234567890123"]
            for bound in [constraints.minimum, constraints.maximum].compactMap({ $0 }) where abs(bound) < 1e16 {
                let whole = Int64(bound.rounded(.down))
                literals += [String(whole - 1), String(whole), String(whole + 1)]
            }
            return literals.map(DiffValue.number) + [.string("5"), .bool(true), .null]
        case .number:
            var literals = ["0", "0.1", "-2.5", "3", "1e308", "-1e308", "1.7976931348623157e308"]
            for bound in [constraints.minimum, constraints.maximum].compactMap({ $0 }) where abs(bound) < 1e16 {
                literals += ["\(bound - 0.5)", "\(bound)", "\(bound + 0.5)"]
            }
            return literals.map(DiffValue.number) + [.string("1.5"), .null]
        case .boolean:
            return [.bool(true), .bool(false), .string("true"), .number("0"), .null]
        default:
            var texts = formatValues(builtin)
            let seed = seedText(builtin, constraints)
            texts += [seed, seed + "\n", " " + seed, seed + "e\u{301}", String(seed.unicodeScalars.dropLast().map(Character.init)), seed + "x", seed + "汉", "😀" + seed, ""]
            if let min = constraints.minLength { texts += [String(repeating: "a", count: max(0, min - 1)), String(repeating: "a", count: min), String(repeating: "e\u{301}", count: (min + 1) / 2)] }
            if let max = constraints.maxLength { texts += [String(repeating: "汉", count: max), String(repeating: "汉", count: max + 1), String(repeating: "e\u{301}", count: max / 2 + 1)] }
            return texts.map(DiffValue.string) + [.number("123"), .bool(false), .null]
        }
    }

    /// A value likely to be valid: the format's sample, or the pattern's shortest match,
    /// fitted to the lengths.
    static func seedText(_ builtin: BuiltinType, _ constraints: ValueConstraints) -> String {
        var text = formatValues(builtin).first ?? "abc"
        if builtin == .string, let pattern = constraints.patterns.first, let example = try? Pattern(pattern).example { text = example }
        var scalars = Array(text.unicodeScalars)
        if let min = constraints.minLength, scalars.count < min, let last = scalars.last { scalars += Array(repeating: last, count: min - scalars.count) }
        if let max = constraints.maxLength, scalars.count > max { scalars = Array(scalars.prefix(max)) }
        return String(String.UnicodeScalarView(scalars))
    }

    static func formatValues(_ builtin: BuiltinType) -> [String] {
        switch builtin {
        case .uscc: ["91110000600037341L", "91350100M000100Y43", "11100000000013338W", "11370000MB28449441", "91350100m000100y43", "9111000060003734IL", "91A10000600037341L", "9111000060003734L"]
        case .residentId:
            ["11010519491231002X", "440524188001010014", "110105194912310021", "11010519491231002x", "110105194902300020", "990105194912310021",
             "11010520000229001" + String(DomainFormats.residentCheckCharacter("11010520000229001")!), "11010519000229001" + String(DomainFormats.residentCheckCharacter("11010519000229001")!)]
        case .divisionCode: ["370000", "100000", "511602000000", "160000", "990000", "37000", "3700000", "100001", "820000", "710000", "３７００００"]
        case .licenseId:
            ["1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S", "1.2.156.3005.2.11100000000013338W087.11370800MB28559184.37080001202411010001.001.3",
             "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.T", "1.2.156.3005.2.11100000000013338w011.11430000006122244L.20230000403.002.S"]
        case .date: ["2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "0000-01-01", "2024-1-01", "2024-01-01T00:00:00Z", "٢٠٢٤-٠١-٠١"]
        case .datetime:
            ["2024-05-01T08:30:00+08:00", "2024-05-01t08:30:00z", "2024-05-01 08:30:00Z", "2024-05-01T24:00:00Z", "2024-05-01T23:59:60Z", "2024-05-01T08:30:00+24:00",
             "2024-05-01T08:30:00.123456Z", "2024-02-30T00:00:00Z", "2024-05-01T08:30Z", "2024-05-01T08:30:00+0800", "2024-05-01T08:30:00.Z"]
        case .url: ["https://www.gov.cn/", "http://a.b/c?d=e#f", "HTTPS://A.B", "ftp://a.b", "https://a b", "https://例子.cn/", "https://[::1]:8443/x", "https://a.b/%zz", "https://a.b/%41", "https://-a.b/", "https://a.b:123456/"]
        case .email: ["service@gov.cn", "a.b+c@x-y.z.cn", "a@b", "@gov.cn", "a b@gov.cn", "张@gov.cn", "a@-b.cn", "a@b.cn."]
        case .phone: ["13800138000", "+8613800138000", "12800138000", "0531-88888888", "053188888888", "0531-888888", "1380013800", "+86 13800138000"]
        case .base64: ["QWNjZXNzU3BlYw==", "aGVsbG8=", "aGVsbG8", "a===", "YQ==", "YQ"]
        case .itemCode: ["000104001000", "00010400100037010000001", "00010400100", "000104001000abc", "000104001000ABC"]
        case .string, .integer, .number, .boolean: []
        }
    }
}

enum ValueConstraintsText {
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e16 ? String(Int64(value)) : "\(value)"
    }
}

extension Array {
    func shuffledDeterministically(_ random: inout SplitMix) -> [Element] {
        var items = self
        for index in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(index, random.below(index + 1)) }
        return items
    }
}
