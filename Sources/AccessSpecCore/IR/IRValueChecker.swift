/// Checks a JSON value against a resolved type of the IR (docs/values.md): the one value
/// checker. The compiler checks examples with it (after reading their YAML as JSON), the mock
/// checks requests, conformance runs check responses, and the vectors and the synthesizer
/// check what they make. Scalars go through `ScalarCheck`, the runtime's check as well.
public struct IRValueChecker: Sendable {
    public struct Violation: Equatable, Sendable, CustomStringConvertible {
        /// Where in the value, from its root.
        public var path: [PathStep]
        /// The name of the root (`request`, `response`, `value`).
        public var root: String
        public var text: LocalizedText
        public var kind: Kind

        /// The English text: what the mock and conformance runs report and tests match on.
        public var problem: String { text.en }
        public var location: String { root + path.map(\.text).joined() }
        public var description: String { "\(location): \(problem)" }
    }

    public enum PathStep: Equatable, Sendable {
        case field(String)
        case index(Int)

        var text: String {
            switch self {
            case .field(let name): ".\(name)"
            case .index(let index): "[\(index)]"
            }
        }
    }

    public enum Kind: Equatable, Sendable {
        /// The JSON kind is not the type's (text for an integer, a list for a record, null).
        case mismatch
        case missingField(record: String, field: String)
        case unknownField(record: String, allowed: [String])
        case notEnumValue(name: String, allowed: [String])
        /// A format's shape or check (check characters, the calendar).
        case format
        case constraint
        /// The type is not declared (reported where the type is referred to).
        case undeclaredType
        case tooDeep
    }

    private let types: TypeTable
    private let itemCodePattern: String

    public init(types: [TypeIR], settings: WorkspaceSettings) {
        self.types = TypeTable(types)
        self.itemCodePattern = settings.itemCodePattern
    }

    public func check(_ value: JSONValue, against type: TypeRefIR, at root: String) -> [Violation] {
        check(value, against: types.resolve(type), at: root)
    }

    public func check(_ value: JSONValue, against type: ResolvedTypeIR, at root: String) -> [Violation] {
        var walk = Walk(root: root)
        walk.check(value, type, checker: self)
        return walk.violations
    }

    private struct Walk {
        let root: String
        var path: [PathStep] = []
        var violations: [Violation] = []

        mutating func report(_ problem: LocalizedText, _ kind: Kind) {
            violations.append(Violation(path: path, root: root, text: problem, kind: kind))
        }

        mutating func report(en: String, zh: String, _ kind: Kind) {
            report(LocalizedText(en: en, zh: zh), kind)
        }

        /// "expected X, found Y" (“应为X，实际是Y”); the example checker keeps the first half.
        mutating func mismatch(_ value: JSONValue, _ expected: LocalizedText) {
            report(en: "expected \(expected.en), found \(value.kindName.en)", zh: "应为\(expected.zh)，实际是\(value.kindName.zh)", .mismatch)
        }

        mutating func mismatch(_ value: JSONValue, en: String, zh: String) {
            mismatch(value, LocalizedText(en: en, zh: zh))
        }

        mutating func check(_ value: JSONValue, _ type: ResolvedTypeIR, checker: IRValueChecker) {
            // Types can refer to themselves; a value nested this deep is refused rather than walked.
            guard path.count < 32 else { return report(en: "nests deeper than 32 levels", zh: "嵌套超过 32 层", .tooDeep) }
            switch type {
            case .scalar(let builtin, let constraints):
                scalar(value, builtin, constraints, checker: checker)
            case .list(let element, let constraints):
                guard case .array(let items) = value else { return mismatch(value, en: "a list", zh: "列表") }
                for problem in constraints.countProblems(items.count) { report(en: "value \(problem.en)", zh: "值\(problem.zh)", .constraint) }
                for (index, item) in items.enumerated() {
                    path.append(.index(index))
                    check(item, element, checker: checker)
                    path.removeLast()
                }
            case .map(let valueType):
                guard case .object(let entries) = value else { return mismatch(value, en: "an object", zh: "对象") }
                for key in entries.keys.sorted() {
                    path.append(.field(key))
                    check(entries[key]!, valueType, checker: checker)
                    path.removeLast()
                }
            case .enumeration(let name):
                let allowed = (checker.types[name]?.values ?? []).map(\.value)
                guard case .string(let text) = value else { return mismatch(value, en: "a value of enum '\(name)'", zh: "枚举“\(name)”的取值") }
                // Byte by byte: a composed and a decomposed é are different values.
                guard allowed.contains(where: { $0.utf8.elementsEqual(text.utf8) }) else {
                    return report(en: "'\(text)' is not a value of enum '\(name)' (\(allowed.joined(separator: ", ")))",
                                  zh: "“\(text)”不是枚举“\(name)”的取值（\(allowed.joined(separator: "、"))）", .notEnumValue(name: name, allowed: allowed))
                }
            case .record(let name):
                guard let decl = checker.types[name], decl.kind == .record else { return report(en: "type '\(name)' is not declared", zh: "类型“\(name)”未声明", .undeclaredType) }
                record(value, name, decl.fields ?? [], checker: checker)
            }
        }

        private mutating func record(_ value: JSONValue, _ name: String, _ fields: [FieldIR], checker: IRValueChecker) {
            guard case .object(let entries) = value else { return mismatch(value, en: "a '\(name)' object", zh: "“\(name)”对象") }
            let names = fields.map(\.name)
            // Names compare byte by byte (not as Swift's canonically equivalent strings); only the
            // unknown keys are sorted, to report them in order.
            let unknown = entries.keys.filter { key in !names.contains { $0.utf8.elementsEqual(key.utf8) } }
            for key in unknown.sorted() {
                path.append(.field(key))
                report(en: "'\(name)' has no field '\(key)'", zh: "“\(name)”没有字段“\(key)”", .unknownField(record: name, allowed: names))
                path.removeLast()
            }
            for field in fields {
                // A dictionary holds no two canonically equivalent keys, so the one the lookup
                // finds is the only candidate, and it counts only if its bytes are the name's.
                let entry = entries.index(forKey: field.name).flatMap { entries[$0].key.utf8.elementsEqual(field.name.utf8) ? entries[$0].value : nil }
                switch entry {
                case nil, .null?:
                    // An optional field may be absent or null; both mean absent.
                    if field.required {
                        path.append(.field(field.name))
                        report(entry == nil ? LocalizedText(en: "required field is missing", zh: "缺少必填字段") : LocalizedText(en: "required field is null", zh: "必填字段为 null"),
                               .missingField(record: name, field: field.name))
                        path.removeLast()
                    }
                case let fieldValue?:
                    path.append(.field(field.name))
                    check(fieldValue, field.resolved, checker: checker)
                    path.removeLast()
                }
            }
        }

        private mutating func scalar(_ value: JSONValue, _ builtin: BuiltinType, _ constraints: ValueConstraints, checker: IRValueChecker) {
            let problems: [ScalarCheck.Problem]
            switch (builtin, value) {
            case (.integer, .integer(let number)):
                problems = ScalarCheck.integer(number, constraints)
            case (.integer, .number(let number)) where number.rounded(.towardZero) == number:
                // Integral, but read as a double because an Int cannot hold it: out of range.
                guard let integer = IntegerRange.integer(number) else {
                    return report(en: "value \(number) is outside the integer range ±(2^53-1)", zh: "值 \(number) 超出整数范围 ±(2^53-1)", .constraint)
                }
                problems = ScalarCheck.integer(integer, constraints)
            case (.number, .integer(let number)):
                problems = ScalarCheck.number(Double(number), constraints)
            case (.number, .number(let number)):
                problems = ScalarCheck.number(number, constraints)
            case (.boolean, .bool):
                problems = []
            case (.integer, _): return mismatch(value, en: "an integer", zh: "整数")
            case (.number, _): return mismatch(value, en: "a number", zh: "数字")
            case (.boolean, _): return mismatch(value, en: "true or false", zh: "true 或 false")
            case (_, .string(let text)):
                problems = ScalarCheck.text(text, format: builtin.format, itemCodePattern: checker.itemCodePattern, constraints)
            default:
                return mismatch(value, builtin == .string ? LocalizedText(en: "text", zh: "文本") : LocalizedText(en: "\(builtin.rawValue) text", zh: "\(builtin.rawValue) 文本"))
            }
            for problem in problems { report(problem.text, problem.isFormat ? .format : .constraint) }
        }
    }
}

extension JSONValue {
    /// How a diagnostic names this kind of value.
    public var kindName: LocalizedText {
        switch self {
        case .null: LocalizedText(en: "null", zh: "空值 null")
        case .bool: LocalizedText(en: "a boolean", zh: "布尔值")
        case .integer: LocalizedText(en: "an integer", zh: "整数")
        case .number: LocalizedText(en: "a number", zh: "数字")
        case .string: LocalizedText(en: "text", zh: "文本")
        case .array: LocalizedText(en: "a list", zh: "列表")
        case .object: LocalizedText(en: "an object", zh: "对象")
        }
    }
}
