import AccessSpecCore

/// How IR types map to Java types, and the checks their values need before sending. Standard
/// types are written in full (`java.lang.String`), so that a contract type named `String` in the
/// same package cannot shadow them; aliases are written as what they stand for.
struct JavaTypes: CheckSpelling {
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

    // MARK: The checks (CheckSpelling). A path is a Java string expression naming the value,
    // e.g. `path + ".certNo"`.

    private static let check = "\(runtime).FieldCheck"

    func text(_ value: String, format: ValueFormat?, _ constraints: ValueConstraints, path: String) -> String {
        let constant = format.map { "\(Self.runtime).ValueFormat.\(Self.formatConstant($0))" } ?? "null"
        return "\(Self.check).text(\(value), \(constant), \(Self.constraintsLiteral(constraints)), \(JavaSyntax.stringLiteral(Self.portable(itemCodePattern))), \(path));"
    }

    func integer(_ value: String, _ constraints: ValueConstraints, path: String) -> String {
        "\(Self.check).integer(\(value), \(Self.constraintsLiteral(constraints)), \(path));"
    }

    func number(_ value: String, _ constraints: ValueConstraints, path: String) -> String {
        "\(Self.check).number(\(value), \(Self.constraintsLiteral(constraints)), \(path));"
    }

    func declared(_ value: String, path: String) -> String { "\(Self.check).declared(\(value), \(path));" }

    func record(_ value: String, path: String) -> String { "\(value).accessValidate(\(path));" }

    func count(_ value: String, _ constraints: ValueConstraints, path: String) -> String {
        "\(Self.check).count(\(value), \(Self.constraintsLiteral(constraints)), \(path));"
    }

    func eachElement(of value: String, path: String, depth: Int) -> CheckLoop {
        let index = "index\(depth)"
        return CheckLoop(open: "for (int \(index) = 0; \(index) < \(value).size(); \(index)++) {", element: "\(value).get(\(index))",
                         path: "\(path) + \"[\" + \(index) + \"]\"")
    }

    func eachValue(of value: String, path: String, depth: Int) -> CheckLoop {
        let entry = "entry\(depth)"
        return CheckLoop(open: "for (var \(entry) : new java.util.TreeMap<>(\(value)).entrySet()) {", element: "\(entry).getValue()",
                         path: "\(path) + \".\" + \(entry).getKey()")
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
