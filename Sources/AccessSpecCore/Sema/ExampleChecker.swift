import AccessSpecSyntax

/// Checks an example: reads its YAML as the JSON it stands for (a scalar under a text type is
/// its text, so `region: 370000` is "370000"), then runs the one value checker of the IR over
/// it and reports each violation at the node it concerns. The compiler therefore judges an
/// example exactly as the mock judges the same request.
struct ExampleChecker {
    let diagnostics: DiagnosticEngine
    let scope: Scope
    let types: TypeTable
    let checker: IRValueChecker

    init(diagnostics: DiagnosticEngine, scope: Scope, types: [TypeIR], settings: WorkspaceSettings) {
        self.diagnostics = diagnostics
        self.scope = scope
        self.types = TypeTable(types)
        self.checker = IRValueChecker(types: types, settings: settings)
    }

    /// The example as JSON when it is valid, nil (with diagnostics) when it is not.
    func check(_ node: YAMLNode, against type: TypeExpression) -> JSONValue? {
        let resolved = types.resolve(TypeRefIR(type))
        var keyProblems = false
        let value = json(node, resolved, depth: 0, keyProblems: &keyProblems)
        // Undeclared types were reported where they are named.
        let violations = checker.check(value, against: resolved, at: "example").filter { $0.kind != .undeclaredType }
        for violation in violations { report(violation, in: node) }
        return violations.isEmpty && !keyProblems ? value : nil
    }

    // MARK: YAML as JSON

    private func json(_ node: YAMLNode, _ type: ResolvedTypeIR?, depth: Int, keyProblems: inout Bool) -> JSONValue {
        guard depth < 40 else { return .null }
        switch node.content {
        case .scalar(let scalar):
            return Self.scalar(scalar, tag: node.tag, as: type)
        case .sequence(let items):
            let element: ResolvedTypeIR? = if case .list(let element, _)? = type { element } else { nil }
            return .array(items.map { json($0, element, depth: depth + 1, keyProblems: &keyProblems) })
        case .mapping(let pairs):
            var object: [String: JSONValue] = [:]
            for pair in pairs {
                guard let key = pair.key.scalar?.text else {
                    diagnostics.error(SemaDiagnostics.exampleMismatch, en: "expected a text key, found \(pair.key.kindName.en)", zh: "键应为文本，实际是\(pair.key.kindName.zh)", at: pair.key.span)
                    keyProblems = true
                    continue
                }
                object[key] = json(pair.value, memberType(key, of: type), depth: depth + 1, keyProblems: &keyProblems)
            }
            return .object(object)
        }
    }

    private func memberType(_ key: String, of type: ResolvedTypeIR?) -> ResolvedTypeIR? {
        switch type {
        case .map(let value)?: value
        case .record(let name)?: types[name]?.fields?.first { $0.name == key }?.resolved
        default: nil
        }
    }

    /// A scalar as JSON: under a text type (or an enum) its text; otherwise its value under
    /// the YAML 1.2 core schema. Null is null everywhere.
    static func scalar(_ scalar: YAMLScalar, tag: String?, as type: ResolvedTypeIR?) -> JSONValue {
        let core = scalar.resolved(tag: tag)
        if core == .null { return .null }
        switch type {
        case .scalar(let builtin, _)? where builtin.isText:
            if case .bool(let flag) = core { return .bool(flag) }  // reported, with a hint to quote it
            return .string(scalar.text)
        case .enumeration?:
            return .string(scalar.text)
        default:
            switch core {
            case .null: return .null
            case .bool(let flag): return .bool(flag)
            case .integer(let number): return .integer(number)
            case .float(let number): return number.isFinite ? .number(number) : .string(scalar.text)
            case .string(let text): return .string(text)
            }
        }
    }

    // MARK: Violations at their nodes

    private func report(_ violation: IRValueChecker.Violation, in root: YAMLNode) {
        var node = root
        var keyNode: YAMLNode?
        for step in violation.path {
            switch (step, node.content) {
            case (.field(let name), .mapping(let pairs)):
                guard let pair = pairs.first(where: { $0.key.scalar?.text == name }) else { keyNode = nil; break }
                keyNode = pair.key
                node = pair.value
            case (.index(let index), .sequence(let items)) where items.indices.contains(index):
                keyNode = nil
                node = items[index]
            default:
                break
            }
        }
        switch violation.kind {
        case .missingField(let record, let field):
            // The node is the record the field is missing from.
            let declaration = scope.types[record].flatMap { decl -> SourceSpan? in
                if case .record(let fields) = decl.kind { return fields.first { $0.name.value == field }?.name.span }
                return nil
            }
            let message = violation.problem == "required field is null"
                ? LocalizedText(en: "'\(record)' requires field '\(field)', which the example sets to null", zh: "“\(record)”要求字段“\(field)”，而示例将其设为 null")
                : LocalizedText(en: "'\(record)' requires field '\(field)', which the example leaves out", zh: "“\(record)”要求字段“\(field)”，而示例缺少该字段")
            diagnostics.error(SemaDiagnostics.exampleMismatch, message, at: SourceSpan(file: node.span.file, at: node.span.start),
                              notes: declaration.map { [.declaredHere(field, at: $0)] } ?? [])
        case .unknownField(_, let allowed):
            let at = keyNode ?? node
            let key = at.scalar?.text ?? ""
            diagnostics.error(SemaDiagnostics.exampleMismatch, violation.text, at: at.span,
                              fixIts: Suggestions.nearest(to: key, in: allowed).map { [FixIt(.didYouMean($0), replacing: at.span, with: $0)] } ?? [])
        case .notEnumValue(_, let allowed):
            let text = node.scalar?.text ?? ""
            diagnostics.error(SemaDiagnostics.exampleMismatch, violation.text, at: node.span,
                              fixIts: Suggestions.nearest(to: text, in: allowed).map { [FixIt(.didYouMean($0), replacing: node.span, with: $0)] } ?? [])
        case .format:
            diagnostics.error(SemaDiagnostics.invalidIdentifier, violation.text, at: node.span)
        case .constraint:
            diagnostics.error(SemaDiagnostics.constraintViolated, violation.text, at: node.span)
        case .mismatch:
            let message = LocalizedText(en: Self.expected(violation.text.en, before: ", found ") + ", found \(node.kindName.en)",
                                        zh: Self.expected(violation.text.zh, before: "，实际是") + "，实际是\(node.kindName.zh)")
            let quoteHint = node.scalar.flatMap { scalar -> DiagnosticNote? in
                guard case .bool = scalar.resolved(tag: node.tag), violation.problem.contains("text") else { return nil }
                return DiagnosticNote(en: "quote it if 'true' or 'false' is meant as text", zh: "如果 `true` 或 `false` 要作为文本，请加引号", at: node.span)
            }
            diagnostics.error(SemaDiagnostics.exampleMismatch, message, at: node.span, notes: quoteHint.map { [$0] } ?? [])
        case .undeclaredType, .tooDeep:
            diagnostics.error(SemaDiagnostics.exampleMismatch, violation.text, at: node.span)
        }
    }

    /// "expected an integer, found text" → "expected an integer": the example names the YAML
    /// kind it found instead of the JSON one.
    private static func expected(_ problem: String, before separator: String) -> String {
        guard let comma = problem.range(of: separator) else { return problem }
        return String(problem[..<comma.lowerBound])
    }
}
