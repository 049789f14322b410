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

    /// Statements that check `value` (an expression of `type`) before it is sent. `path` is the
    /// inside of an interpolated string literal naming the field, e.g. `\(path).certNo`; string
    /// interpolation keeps large generated files quick to type-check.
    func checks(_ value: String, _ type: TypeRefIR, _ constraints: Constraints?, path: String, depth: Int = 0) -> [String] {
        var statements: [String] = []
        switch type {
        case .builtin(let builtin):
            if let format = Self.format(builtin, itemCodePattern: itemCodePattern) {
                statements.append("try AccessRuntime.FieldCheck.format(\(value), \(format), at: \"\(path)\")")
            }
            if let constraints {
                if builtin.isText {
                    if constraints.minLength != nil || constraints.maxLength != nil {
                        statements.append("try AccessRuntime.FieldCheck.length(\(value), min: \(optional(constraints.minLength)), max: \(optional(constraints.maxLength)), at: \"\(path)\")")
                    }
                    if let pattern = constraints.pattern {
                        statements.append("try AccessRuntime.FieldCheck.pattern(\(value), \(SwiftSyntax.stringLiteral(pattern)), at: \"\(path)\")")
                    }
                } else if builtin.isNumeric, constraints.minimum != nil || constraints.maximum != nil {
                    statements.append("try AccessRuntime.FieldCheck.range(\(value), minimum: \(optional(constraints.minimum)), maximum: \(optional(constraints.maximum)), at: \"\(path)\")")
                }
            }
        case .named(let name):
            switch types[name]?.kind {
            case .record: statements.append("try \(value).accessValidate(at: \"\(path)\")")
            case .alias:
                if let base = types[name]?.aliasOf {
                    statements += checks(value, base, merge(types[name]?.constraints, constraints), path: path, depth: depth)
                }
            case .enumeration, nil: break
            }
        case .list(let element):
            if let constraints, constraints.minItems != nil || constraints.maxItems != nil {
                statements.append("try AccessRuntime.FieldCheck.count(\(value).count, min: \(optional(constraints.minItems)), max: \(optional(constraints.maxItems)), at: \"\(path)\")")
            }
            let inner = checks("element\(depth)", element, nil, path: "\(path)[\\(index\(depth))]", depth: depth + 1)
            if !inner.isEmpty {
                statements.append("for (index\(depth), element\(depth)) in \(value).enumerated() {")
                statements += inner.map { "    " + $0 }
                statements.append("}")
            }
        case .map(let valueType):
            let inner = checks("element\(depth)", valueType, nil, path: "\(path).\\(key\(depth))", depth: depth + 1)
            if !inner.isEmpty {
                statements.append("for (key\(depth), element\(depth)) in \(value).sorted(by: { $0.key < $1.key }) {")
                statements += inner.map { "    " + $0 }
                statements.append("}")
            }
        }
        return statements
    }

    private func merge(_ outer: Constraints?, _ inner: Constraints?) -> Constraints? {
        guard var merged = outer else { return inner }
        guard let inner else { return merged }
        merged.minLength = inner.minLength ?? merged.minLength
        merged.maxLength = inner.maxLength ?? merged.maxLength
        merged.pattern = inner.pattern ?? merged.pattern
        merged.minimum = inner.minimum ?? merged.minimum
        merged.maximum = inner.maximum ?? merged.maximum
        merged.minItems = inner.minItems ?? merged.minItems
        merged.maxItems = inner.maxItems ?? merged.maxItems
        return merged
    }

    private func optional<T>(_ value: T?) -> String {
        value.map { "\($0)" } ?? "nil"
    }

    static func format(_ builtin: BuiltinType, itemCodePattern: String) -> String? {
        switch builtin {
        case .uscc: ".uscc"
        case .residentId: ".residentId"
        case .divisionCode: ".divisionCode"
        case .licenseId: ".licenseId"
        case .date: ".date"
        case .datetime: ".datetime"
        case .url: ".url"
        case .email: ".email"
        case .phone: ".phone"
        case .base64: ".base64"
        case .itemCode: ".itemCode(pattern: \(SwiftSyntax.stringLiteral(itemCodePattern)))"
        case .string, .integer, .number, .boolean: nil
        }
    }
}
