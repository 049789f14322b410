import AccessSpecCore

/// How IR types map to Java types, and the checks their values need before sending. Standard
/// types are written in full (`java.lang.String`), so that a contract type named `String` in the
/// same package cannot shadow them; aliases are written as what they stand for.
struct JavaTypes {
    let platform: PlatformIR
    let itemCodePattern: String
    private let types: [String: TypeIR]

    static let runtime = "org.accessspec.runtime"

    init(platform: PlatformIR, itemCodePattern: String) {
        self.platform = platform
        self.itemCodePattern = itemCodePattern
        types = Dictionary(platform.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func javaType(_ type: TypeRefIR) -> String {
        switch type {
        case .builtin(let builtin):
            switch builtin {
            case .integer: "java.lang.Long"
            case .number: "java.lang.Double"
            case .boolean: "java.lang.Boolean"
            default: "java.lang.String"
            }
        case .named(let name):
            if let alias = types[name], alias.kind == .alias { javaType(alias.aliasOf ?? .builtin(.string)) } else { name }
        case .list(let element): "java.util.List<\(javaType(element))>"
        case .map(let value): "java.util.Map<java.lang.String, \(javaType(value))>"
        }
    }

    /// Statements that check `value` (an expression of the field's Java type, never null here)
    /// before it is sent, from the field's resolved type. `path` is a Java string expression
    /// naming the value, e.g. `path + ".certNo"`.
    func checks(_ value: String, _ type: ResolvedTypeIR, path: String, depth: Int = 0) -> [String] {
        let check = "\(Self.runtime).FieldCheck"
        switch type {
        case .scalar(let builtin, let constraints):
            let rule = Self.constraintsLiteral(constraints)
            switch builtin {
            case .boolean:
                return []
            case .integer:
                return ["\(check).integer(\(value), \(rule), \(path));"]
            case .number:
                return ["\(check).number(\(value), \(rule), \(path));"]
            default:
                guard builtin.format != nil || !constraints.isEmpty else { return [] }
                let format = builtin.format.map { "\(Self.runtime).ValueFormat.\(Self.formatConstant($0))" } ?? "null"
                return ["\(check).text(\(value), \(format), \(rule), \(JavaSyntax.stringLiteral(Self.portable(itemCodePattern))), \(path));"]
            }
        case .enumeration:
            return ["\(check).declared(\(value), \(path));"]
        case .record:
            return ["\(value).accessValidate(\(path));"]
        case .list(let element, let constraints):
            var statements: [String] = []
            if constraints.minItems != nil || constraints.maxItems != nil {
                statements.append("\(check).count(\(value), \(Self.constraintsLiteral(constraints)), \(path));")
            }
            let index = "index\(depth)"
            let inner = checks("\(value).get(\(index))", element, path: "\(path) + \"[\" + \(index) + \"]\"", depth: depth + 1)
            if !inner.isEmpty {
                statements.append("for (int \(index) = 0; \(index) < \(value).size(); \(index)++) {")
                statements += inner.map { "    " + $0 }
                statements.append("}")
            }
            return statements
        case .map(let valueType):
            let entry = "entry\(depth)"
            let inner = checks("\(entry).getValue()", valueType, path: "\(path) + \".\" + \(entry).getKey()", depth: depth + 1)
            guard !inner.isEmpty else { return [] }
            return ["for (var \(entry) : new java.util.TreeMap<>(\(value)).entrySet()) {"]
                + inner.map { "    " + $0 } + ["}"]
        }
    }

    /// `new org.accessspec.runtime.ValueConstraints(...)`, or the runtime's `NONE`. Patterns go in
    /// the portable form (explicit ranges, controls as escapes), which Java's regex reads alike.
    static func constraintsLiteral(_ constraints: ValueConstraints) -> String {
        guard !constraints.isEmpty else { return "\(runtime).ValueConstraints.NONE" }
        func integer(_ value: Int?) -> String { value.map { "\($0)" } ?? "null" }
        func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "null" }
        let patterns = constraints.patterns.map { JavaSyntax.stringLiteral(portable($0)) }.joined(separator: ", ")
        return "new \(runtime).ValueConstraints(\(integer(constraints.minLength)), \(integer(constraints.maxLength)), "
            + "java.util.List.of(\(patterns)), \(number(constraints.minimum)), \(number(constraints.maximum)), "
            + "\(integer(constraints.minItems)), \(integer(constraints.maxItems)))"
    }

    static func portable(_ pattern: String) -> String {
        (try? Pattern.compiled(pattern).get())?.portable ?? pattern
    }

    static func formatConstant(_ format: ValueFormat) -> String {
        format.rawValue.uppercased().replacingOccurrences(of: "-", with: "_")
    }
}
