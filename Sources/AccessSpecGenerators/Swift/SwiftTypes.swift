import AccessSpecCore

/// How IR types map to Swift types, and what checks their values need before sending.
struct SwiftTypes: CheckSpelling {
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

    // MARK: The checks (CheckSpelling), through the names of `checkAliases`. A path is the
    // argument list after `at:` that names the value: `path, "certNo"` for a field (the runtime
    // joins the two only when a check fails, so a valid request builds no strings), a path
    // expression inside loops. No string interpolation: it costs the compiler more than the
    // checks themselves.

    func text(_ value: String, format: ValueFormat?, _ constraints: ValueConstraints, path: String) -> String {
        let formatCase = format.map { ".\(Self.formatCase($0))" } ?? "nil"
        let itemCode = format == .itemCode ? ", itemCodePattern: \(SwiftSyntax.stringLiteral(itemCodePattern))" : ""
        return "try FieldCheck.text(\(value), \(formatCase)\(Self.constraintsLiteral(constraints))\(itemCode), at: \(path))"
    }

    func integer(_ value: String, _ constraints: ValueConstraints, path: String) -> String {
        "try FieldCheck.integer(\(value)\(Self.constraintsLiteral(constraints)), at: \(path))"
    }

    func number(_ value: String, _ constraints: ValueConstraints, path: String) -> String {
        "try FieldCheck.number(\(value)\(Self.constraintsLiteral(constraints)), at: \(path))"
    }

    func declared(_ value: String, path: String) -> String { "try FieldCheck.declared(\(value), at: \(path))" }

    func record(_ value: String, path: String) -> String { "try FieldCheck.record(\(value), at: \(path))" }

    func count(_ value: String, _ constraints: ValueConstraints, path: String) -> String {
        "try FieldCheck.count(\(value).count\(Self.constraintsLiteral(constraints)), at: \(path))"
    }

    func eachElement(of value: String, path: String, depth: Int) -> CheckLoop {
        CheckLoop(open: "for (index\(depth), element\(depth)) in \(value).enumerated() {", element: "element\(depth)",
                  path: "FieldCheck.index(FieldCheck.path(\(path)), index\(depth))")
    }

    func eachValue(of value: String, path: String, depth: Int) -> CheckLoop {
        CheckLoop(open: "for (key\(depth), element\(depth)) in \(value).sorted(by: { $0.key < $1.key }) {", element: "element\(depth)",
                  path: "FieldCheck.path(FieldCheck.path(\(path)), key\(depth))")
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
