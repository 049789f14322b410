import AccessSpecCore

/// How IR types map to Swift types, and what checks their values need before sending.
struct SwiftTypes {
    let platform: PlatformIR
    let itemCodePattern: String
    private let types: [String: TypeIR]

    init(platform: PlatformIR, itemCodePattern: String) {
        self.platform = platform
        self.itemCodePattern = itemCodePattern
        types = Dictionary(platform.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The Swift spelling. Standard types are written `Swift.X` so that a contract type named
    /// `String` cannot shadow them.
    func swiftType(_ type: TypeRefIR) -> String {
        switch type {
        case .builtin(let builtin):
            switch builtin {
            case .integer: "Swift.Int"
            case .number: "Swift.Double"
            case .boolean: "Swift.Bool"
            default: "Swift.String"
            }
        case .named(let name): name
        case .list(let element): "[\(swiftType(element))]"
        case .map(let value): "[Swift.String: \(swiftType(value))]"
        }
    }

    func kind(of name: String) -> TypeIR.Kind? { types[name]?.kind }

    /// Statements that check `value` (an expression of the field's Swift type) before it is
    /// sent, from the field's resolved type in the IR: the checks the value semantics make, with
    /// the constraints in force, through the names of `checkAliases`. `path` is the argument list
    /// after `at:` that names the value: `path, "certNo"` for a field (the runtime joins the two
    /// only when a check fails, so a valid request builds no strings), a path expression inside
    /// loops. No string interpolation: it costs the compiler more than the checks themselves.
    func checks(_ value: String, _ type: ResolvedTypeIR, path: String, depth: Int = 0) -> [String] {
        switch type {
        case .scalar(let builtin, let constraints):
            let rule = Self.constraintsLiteral(constraints)
            switch builtin {
            case .boolean:
                return []
            case .integer:
                return ["try FieldCheck.integer(\(value)\(rule), at: \(path))"]
            case .number:
                return ["try FieldCheck.number(\(value)\(rule), at: \(path))"]
            default:
                guard builtin.format != nil || !constraints.isEmpty else { return [] }
                let format = builtin.format.map { ".\(Self.formatCase($0))" } ?? "nil"
                let itemCode = builtin == .itemCode ? ", itemCodePattern: \(SwiftSyntax.stringLiteral(itemCodePattern))" : ""
                return ["try FieldCheck.text(\(value), \(format)\(rule)\(itemCode), at: \(path))"]
            }
        case .enumeration:
            return ["try FieldCheck.declared(\(value), at: \(path))"]
        case .record:
            return ["try FieldCheck.record(\(value), at: \(path))"]
        case .list(let element, let constraints):
            var statements: [String] = []
            if constraints.minItems != nil || constraints.maxItems != nil {
                statements.append("try FieldCheck.count(\(value).count\(Self.constraintsLiteral(constraints)), at: \(path))")
            }
            let inner = checks("element\(depth)", element, path: "FieldCheck.index(FieldCheck.path(\(path)), index\(depth))", depth: depth + 1)
            if !inner.isEmpty {
                statements.append("for (index\(depth), element\(depth)) in \(value).enumerated() {")
                statements += inner.map { "    " + $0 }
                statements.append("}")
            }
            return statements
        case .map(let valueType):
            let inner = checks("element\(depth)", valueType, path: "FieldCheck.path(FieldCheck.path(\(path)), key\(depth))", depth: depth + 1)
            guard !inner.isEmpty else { return [] }
            return ["for (key\(depth), element\(depth)) in \(value).sorted(by: { $0.key < $1.key }) {"] + inner.map { "    " + $0 } + ["}"]
        }
    }

    /// Local names for the runtime's checks, declared at the top of `accessValidate`. A record
    /// may have a field named `AccessRuntime`, which hides the module from expressions in the
    /// record; a type alias's right-hand side is looked up as a type, where fields never hide it.
    static let checkAliases = [
        "typealias FieldCheck = AccessRuntime.FieldCheck",
        "typealias ValueConstraints = AccessSpecFormats.ValueConstraints",
    ]

    /// `, ValueConstraints(maxLength: 200)`, or nothing when none are in force (`checkAliases`).
    static func constraintsLiteral(_ constraints: ValueConstraints) -> String {
        var arguments: [String] = []
        if let value = constraints.minLength { arguments.append("minLength: \(value)") }
        if let value = constraints.maxLength { arguments.append("maxLength: \(value)") }
        if !constraints.patterns.isEmpty { arguments.append("patterns: [\(constraints.patterns.map(SwiftSyntax.stringLiteral).joined(separator: ", "))]") }
        if let value = constraints.minimum { arguments.append("minimum: \(value)") }
        if let value = constraints.maximum { arguments.append("maximum: \(value)") }
        if let value = constraints.minItems { arguments.append("minItems: \(value)") }
        if let value = constraints.maxItems { arguments.append("maxItems: \(value)") }
        return arguments.isEmpty ? "" : ", ValueConstraints(\(arguments.joined(separator: ", ")))"
    }

    static func formatCase(_ format: ValueFormat) -> String {
        switch format {
        case .date: "date"
        case .datetime: "datetime"
        case .url: "url"
        case .email: "email"
        case .phone: "phone"
        case .base64: "base64"
        case .uscc: "uscc"
        case .residentId: "residentId"
        case .divisionCode: "divisionCode"
        case .licenseId: "licenseId"
        case .itemCode: "itemCode"
        }
    }
}
