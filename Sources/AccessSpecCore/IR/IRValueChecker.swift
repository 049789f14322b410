/// Checks a JSON value against a type of the IR: what a receiving platform does with a request
/// (the mock server) and what a conformance run does with a response.
public struct IRValueChecker: Sendable {
    public struct Violation: Equatable, Sendable, CustomStringConvertible {
        /// Where in the value, as `request.holder.uscc` or `response.items[2]`.
        public var path: String
        public var problem: String

        public var description: String { "\(path): \(problem)" }
    }

    private let types: TypeTable
    private let itemCodePattern: String

    public init(types: [TypeIR], settings: WorkspaceSettings) {
        self.types = TypeTable(types)
        self.itemCodePattern = settings.itemCodePattern
    }

    public func check(_ value: JSONValue, against type: TypeRefIR, at path: String, constraints: Constraints? = nil) -> [Violation] {
        var violations: [Violation] = []
        check(value, type, constraints ?? Constraints(), path, depth: 0, into: &violations)
        return violations
    }

    private func check(_ value: JSONValue, _ type: TypeRefIR, _ constraints: Constraints, _ path: String, depth: Int, into violations: inout [Violation]) {
        // Types can refer to themselves; a value nested this deep is refused rather than walked.
        guard depth < 32 else { return violations.append(Violation(path: path, problem: "nests deeper than 32 levels")) }
        switch type {
        case .builtin(let builtin):
            builtinValue(value, builtin, constraints, path, into: &violations)
        case .list(let element):
            guard case .array(let items) = value else { return violations.append(mismatch(value, "a list", path)) }
            violations += constraints.countProblems(items.count).map { Violation(path: path, problem: $0) }
            for (index, item) in items.enumerated() {
                check(item, element, Constraints(), "\(path)[\(index)]", depth: depth + 1, into: &violations)
            }
        case .map(let valueType):
            guard case .object(let entries) = value else { return violations.append(mismatch(value, "an object", path)) }
            for key in entries.keys.sorted() {
                check(entries[key]!, valueType, Constraints(), "\(path).\(key)", depth: depth + 1, into: &violations)
            }
        case .named(let name):
            guard let decl = types[name] else { return violations.append(Violation(path: path, problem: "type '\(name)' is not declared")) }
            switch decl.kind {
            case .alias:
                guard let base = decl.aliasOf else { return }
                check(value, base, (decl.constraints ?? Constraints()).merged(with: constraints), path, depth: depth + 1, into: &violations)
            case .enumeration:
                let allowed = (decl.values ?? []).map(\.value)
                guard case .string(let text) = value else { return violations.append(mismatch(value, "a value of enum '\(name)'", path)) }
                if !allowed.contains(text) {
                    violations.append(Violation(path: path, problem: "'\(text)' is not a value of enum '\(name)' (\(allowed.joined(separator: ", ")))"))
                }
            case .record:
                record(value, name, decl.fields ?? [], path, depth: depth, into: &violations)
            }
        }
    }

    private func record(_ value: JSONValue, _ name: String, _ fields: [FieldIR], _ path: String, depth: Int, into violations: inout [Violation]) {
        guard case .object(let entries) = value else { return violations.append(mismatch(value, "a '\(name)' object", path)) }
        for key in entries.keys.sorted() where !fields.contains(where: { $0.name == key }) {
            violations.append(Violation(path: "\(path).\(key)", problem: "'\(name)' has no field '\(key)'"))
        }
        for field in fields {
            let fieldPath = "\(path).\(field.name)"
            switch entries[field.name] {
            case nil, .null?:
                if field.required { violations.append(Violation(path: fieldPath, problem: "required field is missing")) }
            case let fieldValue?:
                check(fieldValue, field.type, field.constraints ?? Constraints(), fieldPath, depth: depth + 1, into: &violations)
            }
        }
    }

    private func builtinValue(_ value: JSONValue, _ builtin: BuiltinType, _ constraints: Constraints, _ path: String, into violations: inout [Violation]) {
        switch (builtin, value) {
        case (.integer, .integer), (.number, .integer), (.number, .number), (.boolean, .bool):
            break
        case (.integer, _): return violations.append(mismatch(value, "an integer", path))
        case (.number, _): return violations.append(mismatch(value, "a number", path))
        case (.boolean, _): return violations.append(mismatch(value, "true or false", path))
        case (_, .string(let text)):
            if let problem = builtin.formatProblem(text, itemCodePattern: itemCodePattern) {
                return violations.append(Violation(path: path, problem: "'\(text)' is not a valid \(builtin.rawValue): \(problem)"))
            }
        default:
            return violations.append(mismatch(value, builtin == .string ? "text" : "\(builtin.rawValue) text", path))
        }
        violations += constraints.problems(with: value).map { Violation(path: path, problem: "value \($0)") }
    }

    private func mismatch(_ value: JSONValue, _ expected: String, _ path: String) -> Violation {
        Violation(path: path, problem: "expected \(expected), found \(value.kindName)")
    }
}

extension JSONValue {
    /// How a diagnostic names this kind of value.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer: "an integer"
        case .number: "a number"
        case .string: "text"
        case .array: "a list"
        case .object: "an object"
        }
    }
}
