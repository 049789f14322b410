import AccessSpecSyntax

/// Decodes one entry of an area's `operations:` list.
struct OperationDecoder {
    let decoder: NodeDecoder
    let area: AccessArea

    func decode(_ node: YAMLNode) -> OperationDecl? {
        // Name the operation in every message about it, even before its id is checked.
        var title = "an operation"
        if case .mapping(let pairs) = node.content, let id = pairs.first(where: { $0.key.scalar?.text == "id" })?.value.scalar?.text {
            title = "operation '\(id)'"
        }
        guard let fields = decoder.fields(node, title, known: ContractSchema.operation.keyNames) else { return nil }
        let id = decoder.required(fields, "id").flatMap { decoder.name($0, "operation id", .id) }
        let what = id.map { "operation '\($0.value)'" } ?? "an operation"
        let summary = decoder.required(fields, "summary").flatMap { decoder.string($0, "\(what) summary") }
        let summaryEn = fields["summaryEn"].flatMap { decoder.string($0, "\(what) summaryEn") }
        let method = decoder.required(fields, "method").flatMap { decoder.choice($0, "HTTP method", HTTPMethod.self) }
        let path = decoder.required(fields, "path").flatMap { decoder.path($0, "\(what) path") }
        let request = fields["request"].flatMap { TypeDecoder(decoder: decoder).expression($0, "\(what) request") }
        let response = fields["response"].flatMap { TypeDecoder(decoder: decoder).expression($0, "\(what) response") }
        let errors = fields["errors"].map { node in
            decoder.strings(node, "\(what) errors").filter { decoder.checkName($0, "error name", .errorName) }
        } ?? []
        let idempotent = fields["idempotent"].flatMap { decoder.bool($0, "'idempotent'")?.value }
        let deprecated = fields["deprecated"].flatMap { decoder.bool($0, "'deprecated'")?.value } ?? false
        var rateLimit: RateLimit?
        if let node = fields["rateLimit"], let limit = decoder.fields(node, "'rateLimit'", known: ContractSchema.rateLimit.keyNames) {
            let requests = decoder.required(limit, "requests").flatMap { decoder.integer($0, "rate limit requests") }
            let per = decoder.required(limit, "per").flatMap { decoder.choice($0, "rate limit period", RateLimit.Period.self) }
            if let requests, requests.value <= 0 {
                decoder.diagnostics.error(LanguageDiagnostics.badValue, "rate limit requests must be greater than zero", at: requests.span)
            } else if let requests, let per {
                rateLimit = RateLimit(requests: requests.value, per: per.value)
            }
        }
        let examples = fields["examples"].map { node in
            (decoder.list(node, "\(what) examples") ?? []).enumerated().compactMap { index, item in example(item, index: index) }
        } ?? []
        guard let id, let summary, let method, let path else { return nil }
        return OperationDecl(
            area: area, id: id, summary: summary.value, summaryEn: summaryEn?.value, method: method, path: path,
            request: request.map { Located($0.value.0, $0.span) }, response: response.map { Located($0.value.0, $0.span) },
            errors: errors, idempotent: idempotent, rateLimit: rateLimit, deprecated: deprecated, examples: examples, span: node.span,
            misspeltKeys: fields.probablyMeant)
    }

    private func example(_ node: YAMLNode, index: Int) -> ExampleDecl? {
        guard let fields = decoder.fields(node, "an example", known: ContractSchema.example.keyNames) else { return nil }
        let name = fields["name"].flatMap { decoder.string($0, "example name")?.value } ?? "example \(index + 1)"
        return ExampleDecl(name: name, request: fields["request"], response: fields["response"], span: node.span)
    }
}

/// Decodes type definitions, field definitions and type expressions.
struct TypeDecoder {
    let decoder: NodeDecoder

    static let constraintKeys = ContractSchema.constraintKeys.map(\.name)

    func decode(name: Located<String>, _ node: YAMLNode, source: String) -> TypeDecl? {
        let what = "type '\(name.value)'"
        guard let fields = decoder.fields(node, what, known: ContractSchema.typeDefinition.keyNames) else { return nil }
        let description = fields["description"].flatMap { decoder.string($0, "description")?.value }
        let shapes = ["fields", "values", "type"].filter { fields[$0] != nil }
        // A misspelt `fieldz:` was reported as unknown; do not also say the type has no shape.
        if shapes.isEmpty, !fields.probablyMeant.isDisjoint(with: ["fields", "values", "type"]) { return nil }
        guard shapes.count == 1 else {
            let message = shapes.isEmpty
                ? "\(what) needs 'fields' (a record), 'values' (an enum) or 'type' (a constrained scalar or list)"
                : "\(what) has \(shapes.map { "'\($0)'" }.joined(separator: " and ")); a type is exactly one of a record, an enum or an alias"
            decoder.diagnostics.error(LanguageDiagnostics.missingKey, message, at: name.span)
            return nil
        }
        switch shapes[0] {
        case "fields":
            if let extra = Self.constraintKeys.first(where: { fields[$0] != nil }) {
                decoder.diagnostics.error(LanguageDiagnostics.badConstraint, "'\(extra)' does not apply to a record; put it on a field", at: fields.keySpan(extra)!)
            }
            guard let entries = decoder.entries(fields["fields"]!, "\(what) fields") else { return nil }
            var decoded: [FieldDecl] = []
            var failed = false
            for (fieldName, pair) in entries {
                guard decoder.checkName(fieldName, "field name", .fieldName), let field = field(fieldName, pair.value, in: what) else {
                    failed = true
                    continue
                }
                decoded.append(field)
            }
            return failed ? nil : TypeDecl(name: name, description: description, kind: .record(decoded), source: source)
        case "values":
            var values: [EnumValueDecl] = []
            let valuesNode = fields["values"]!
            if case .mapping = valuesNode.content {
                for (value, pair) in decoder.entries(valuesNode, "\(what) values") ?? [] {
                    values.append(EnumValueDecl(value: value, description: decoder.string(pair.value, "value description")?.value))
                }
            } else {
                values = decoder.strings(valuesNode, "\(what) values").map { EnumValueDecl(value: $0, description: nil) }
            }
            guard !values.isEmpty else {
                decoder.diagnostics.error(LanguageDiagnostics.missingKey, "\(what) must list at least one value", at: valuesNode.span)
                return nil
            }
            var seen: [String: SourceSpan] = [:]
            for value in values {
                if let first = seen[value.value.value] {
                    decoder.diagnostics.error(LanguageDiagnostics.badValue, "value '\(value.value.value)' is listed twice in \(what)", at: value.value.span,
                                              notes: [DiagnosticNote("first listed here", at: first)])
                }
                seen[value.value.value] = value.value.span
            }
            return TypeDecl(name: name, description: description, kind: .enumeration(values), source: source)
        default:
            guard let base = expression(fields["type"]!, what) else { return nil }
            if base.value.optional {
                decoder.diagnostics.error(LanguageDiagnostics.badTypeExpression, "a named type cannot be optional itself; mark the field that uses it with '?'", at: base.span)
            }
            guard let constraints = constraints(fields, for: base.value.0, in: what) else { return nil }
            return TypeDecl(name: name, description: description, kind: .scalar(Located(base.value.0, base.span), constraints), source: source)
        }
    }

    private func field(_ name: Located<String>, _ node: YAMLNode, in owner: String) -> FieldDecl? {
        let what = "field '\(name.value)' of \(owner)"
        if node.scalar != nil {
            guard let type = expression(node, what) else { return nil }
            return FieldDecl(name: name, type: Located(type.value.0, type.span), required: !type.value.optional, description: nil, constraints: Constraints())
        }
        guard let fields = decoder.fields(node, what, known: ContractSchema.fieldDefinition.keyNames),
              let type = decoder.required(fields, "type").flatMap({ expression($0, what) })
        else { return nil }
        let required = fields["required"].flatMap { decoder.bool($0, "'required'")?.value } ?? !type.value.optional
        if type.value.optional, required, fields["required"] != nil {
            decoder.diagnostics.error(LanguageDiagnostics.badTypeExpression, "\(what) is marked optional with '?' and also 'required: true'", at: type.span)
        }
        guard let constraints = constraints(fields, for: type.value.0, in: what) else { return nil }
        return FieldDecl(name: name, type: Located(type.value.0, type.span), required: required,
                         description: fields["description"].flatMap { decoder.string($0, "description")?.value }, constraints: constraints)
    }

    func expression(_ node: YAMLNode, _ what: String) -> Located<(TypeExpression, optional: Bool)>? {
        guard let text = decoder.string(node, "\(what) type") else { return nil }
        guard let parsed = TypeExpression.parse(text.value) else {
            decoder.diagnostics.error(LanguageDiagnostics.badTypeExpression, "'\(text.value)' is not a type; write a built-in such as 'string', a TypeName, 'list<T>' or 'map<T>'", at: node.span,
                                      fixIts: Self.suggestion(for: text.value).map { [FixIt("did you mean '\($0)'?", replacing: node.span, with: $0)] } ?? [])
            return nil
        }
        return Located(parsed, node.span)
    }

    private static func suggestion(for text: String) -> String? {
        if text.hasPrefix("["), text.hasSuffix("]") { return "list<\(text.dropFirst().dropLast())>" }
        if text.hasPrefix("List["), text.hasSuffix("]") { return "list<\(text.dropFirst(5).dropLast())>" }
        return Suggestions.nearest(to: text, in: BuiltinType.allCases.map(\.rawValue))
    }

    /// Reads constraints and checks that each fits the constrained type's kind. Named types
    /// are checked after resolution; here only built-ins and lists are known.
    private func constraints(_ fields: Fields, for type: TypeExpression, in what: String) -> Constraints? {
        var result = Constraints()
        var valid = true
        func bound(_ key: String) -> Int? {
            guard let node = fields[key] else { return nil }
            guard let value = decoder.integer(node, "'\(key)'") else { valid = false; return nil }
            guard value.value >= 0 else {
                decoder.diagnostics.error(LanguageDiagnostics.badConstraint, "'\(key)' cannot be negative", at: node.span)
                valid = false
                return nil
            }
            return value.value
        }
        result.minLength = bound("minLength")
        result.maxLength = bound("maxLength")
        result.minItems = bound("minItems")
        result.maxItems = bound("maxItems")
        result.minimum = fields["minimum"].flatMap { decoder.number($0, "'minimum'")?.value }
        result.maximum = fields["maximum"].flatMap { decoder.number($0, "'maximum'")?.value }
        if let node = fields["pattern"], let pattern = decoder.string(node, "'pattern'") {
            if case .failure(let problem) = Pattern.compiled(pattern.value) {
                decoder.diagnostics.error(LanguageDiagnostics.badConstraint, "pattern '\(pattern.value)' is not in AccessSpec's regular expression dialect: \(problem)", at: node.span,
                                          notes: [DiagnosticNote("the dialect is the part of ECMA-262 that Python, Java and ICU read the same way; see docs/values.md", at: node.span)])
                valid = false
            } else {
                result.pattern = pattern.value
            }
        }
        for (low, high, lowKey, highKey) in [(result.minLength.map(Double.init), result.maxLength.map(Double.init), "minLength", "maxLength"),
                                             (result.minimum, result.maximum, "minimum", "maximum"),
                                             (result.minItems.map(Double.init), result.maxItems.map(Double.init), "minItems", "maxItems")] {
            if let low, let high, low > high {
                decoder.diagnostics.error(LanguageDiagnostics.badConstraint, "'\(lowKey)' is greater than '\(highKey)' in \(what)", at: fields.keySpan(lowKey)!)
                valid = false
            }
        }
        let kind = ConstraintKind(of: type)
        for key in Self.constraintKeys where fields[key] != nil {
            guard let required = ConstraintKind.forKey(key), kind != .unknown, kind != required else { continue }
            decoder.diagnostics.error(LanguageDiagnostics.badConstraint, "'\(key)' does not apply to \(type) in \(what); it constrains \(required.noun)", at: fields.keySpan(key)!)
            valid = false
        }
        return valid ? result : nil
    }
}

/// Which constraints a type takes: text, numbers or lists. Named types are unknown until resolved.
enum ConstraintKind {
    case text, numeric, list, none, unknown

    init(of type: TypeExpression) {
        switch type {
        case .builtin(let builtin): self = builtin.isText ? .text : builtin.isNumeric ? .numeric : .none
        case .list: self = .list
        case .map: self = .none
        case .named: self = .unknown
        }
    }

    static func forKey(_ key: String) -> ConstraintKind? {
        switch key {
        case "minLength", "maxLength", "pattern": .text
        case "minimum", "maximum": .numeric
        case "minItems", "maxItems": .list
        default: nil
        }
    }

    var noun: String {
        switch self {
        case .text: "text"
        case .numeric: "numbers"
        case .list: "lists"
        case .none, .unknown: "nothing"
        }
    }
}
