import AccessSpecSyntax

/// Checks a literal value (an example) against a type and converts it to JSON as the type
/// reads it: a field of type `string` written as `370000` is the text "370000".
struct ValueChecker {
    let diagnostics: DiagnosticEngine
    let scope: Scope
    let settings: WorkspaceSettings

    @discardableResult
    func check(_ node: YAMLNode, against type: TypeExpression, constraints: Constraints = Constraints(), depth: Int = 0) -> JSONValue? {
        guard depth < 32 else { return nil }
        switch type {
        case .builtin(let builtin):
            return builtinValue(node, builtin, constraints)
        case .list(let element):
            guard case .sequence(let items) = node.content else { return mismatch(node, "a list") }
            checkCount(items.count, constraints, node)
            let values = items.map { check($0, against: element, depth: depth + 1) }
            return values.contains(nil) ? nil : .array(values.compactMap { $0 })
        case .map(let valueType):
            guard case .mapping(let pairs) = node.content else { return mismatch(node, "a mapping") }
            var object: [String: JSONValue] = [:]
            for pair in pairs {
                guard let key = pair.key.scalar?.text else { return mismatch(pair.key, "a text key") }
                object[key] = check(pair.value, against: valueType, depth: depth + 1) ?? .null
            }
            return .object(object)
        case .named(let name):
            guard let decl = scope.types[name] else { return nil }  // reported by the reference check
            switch decl.kind {
            case .scalar(let base, let own):
                let value = check(node, against: base.value, constraints: own, depth: depth + 1)
                if let value { checkConstraints(value, constraints, node) }
                return value
            case .enumeration(let values):
                guard let text = node.scalar?.text, node.scalar?.resolved(tag: node.tag) != .null else { return mismatch(node, "a value of enum '\(name)'") }
                guard values.contains(where: { $0.value.value == text }) else {
                    let allowed = values.map(\.value.value)
                    diagnostics.error(SemaDiagnostics.exampleMismatch, "'\(text)' is not a value of enum '\(name)' (\(allowed.joined(separator: ", ")))", at: node.span,
                                      fixIts: Suggestions.nearest(to: text, in: allowed).map { [FixIt("did you mean '\($0)'?", replacing: node.span, with: $0)] } ?? [])
                    return nil
                }
                return .string(text)
            case .record(let fields):
                return record(node, name, fields, depth)
            }
        }
    }

    private func record(_ node: YAMLNode, _ name: String, _ fields: [FieldDecl], _ depth: Int) -> JSONValue? {
        guard case .mapping(let pairs) = node.content else { return mismatch(node, "a '\(name)' record (a mapping)") }
        var object: [String: JSONValue] = [:]
        var valid = true
        for pair in pairs {
            guard let key = pair.key.scalar?.text else { return mismatch(pair.key, "a field name") }
            guard let field = fields.first(where: { $0.name.value == key }) else {
                let nearest = Suggestions.nearest(to: key, in: fields.map(\.name.value))
                diagnostics.error(SemaDiagnostics.exampleMismatch, "'\(name)' has no field '\(key)'", at: pair.key.span,
                                  fixIts: nearest.map { [FixIt("did you mean '\($0)'?", replacing: pair.key.span, with: $0)] } ?? [])
                valid = false
                continue
            }
            if !field.required, pair.value.scalar?.resolved(tag: pair.value.tag) == .null {
                object[key] = .null
                continue
            }
            guard let value = check(pair.value, against: field.type.value, constraints: field.constraints, depth: depth + 1) else {
                valid = false
                continue
            }
            object[key] = value
        }
        for field in fields where field.required && !pairs.contains(where: { $0.key.scalar?.text == field.name.value }) {
            diagnostics.error(SemaDiagnostics.exampleMismatch, "'\(name)' requires field '\(field.name.value)', which the example leaves out",
                              at: SourceSpan(file: node.span.file, at: node.span.start),
                              notes: [DiagnosticNote("'\(field.name.value)' is declared here", at: field.name.span)])
            valid = false
        }
        return valid ? .object(object) : nil
    }

    private func builtinValue(_ node: YAMLNode, _ builtin: BuiltinType, _ constraints: Constraints) -> JSONValue? {
        guard let scalar = node.scalar else { return mismatch(node, builtin.rawValue) }
        let resolved = scalar.resolved(tag: node.tag)
        let value: JSONValue
        switch builtin {
        case .integer:
            guard case .integer(let number) = resolved else { return mismatch(node, "an integer") }
            value = .integer(number)
        case .number:
            switch resolved {
            case .integer(let number): value = .integer(number)
            case .float(let number) where number.isFinite: value = .number(number)
            default: return mismatch(node, "a number")
            }
        case .boolean:
            guard case .bool(let flag) = resolved else { return mismatch(node, "true or false") }
            value = .bool(flag)
        default:
            guard resolved != .null else { return mismatch(node, builtin.rawValue) }
            if case .bool = resolved { return mismatch(node, "\(builtin.rawValue) text (quote it if 'true' or 'false' is meant as text)") }
            if let problem = formatProblem(scalar.text, builtin) {
                diagnostics.error(SemaDiagnostics.invalidIdentifier, "'\(scalar.text)' is not a valid \(builtin.rawValue): \(problem)", at: node.span)
                return nil
            }
            value = .string(scalar.text)
        }
        checkConstraints(value, constraints, node)
        return value
    }

    private func formatProblem(_ text: String, _ builtin: BuiltinType) -> String? {
        builtin.formatProblem(text, itemCodePattern: settings.itemCodePattern)
    }

    private func checkConstraints(_ value: JSONValue, _ constraints: Constraints, _ node: YAMLNode) {
        guard !constraints.isEmpty else { return }
        for problem in constraints.problems(with: value) { violated(node, problem) }
    }

    private func checkCount(_ count: Int, _ constraints: Constraints, _ node: YAMLNode) {
        for problem in constraints.countProblems(count) { violated(node, problem) }
    }

    private func violated(_ node: YAMLNode, _ problem: String) {
        diagnostics.error(SemaDiagnostics.constraintViolated, "value \(problem)", at: node.span)
    }

    private func mismatch(_ node: YAMLNode, _ expected: String) -> JSONValue? {
        diagnostics.error(SemaDiagnostics.exampleMismatch, "expected \(expected), found \(node.kindName)", at: node.span)
        return nil
    }
}
