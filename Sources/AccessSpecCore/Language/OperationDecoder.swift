import AccessSpecSyntax

/// Decodes one entry of an area's `operations:` list.
struct OperationDecoder {
    let decoder: NodeDecoder
    let area: AccessArea

    func decode(_ node: YAMLNode) -> OperationDecl? {
        // Name the operation in every message about it, even before its id is checked.
        var title = LocalizedText(en: "an operation", zh: "操作")
        if case .mapping(let pairs) = node.content, let id = pairs.first(where: { $0.key.scalar?.text == "id" })?.value.scalar?.text {
            title = LocalizedText(en: "operation '\(id)'", zh: "操作“\(id)”")
        }
        guard let fields = decoder.fields(node, title, known: ContractSchema.operation.keyNames) else { return nil }
        let id = decoder.required(fields, "id").flatMap { decoder.name($0, LocalizedText(en: "operation id", zh: "操作标识"), .id) }
        let what = id.map { LocalizedText(en: "operation '\($0.value)'", zh: "操作“\($0.value)”") } ?? LocalizedText(en: "an operation", zh: "操作")
        let summary = decoder.required(fields, "summary").flatMap { decoder.string($0, LocalizedText(en: "\(what.en) summary", zh: "\(what.zh)的 summary")) }
        let summaryEn = fields["summaryEn"].flatMap { decoder.string($0, LocalizedText(en: "\(what.en) summaryEn", zh: "\(what.zh)的 summaryEn")) }
        let method = decoder.required(fields, "method").flatMap { decoder.choice($0, LocalizedText(en: "HTTP method", zh: "HTTP 方法"), HTTPMethod.self) }
        let path = decoder.required(fields, "path").flatMap { decoder.path($0, LocalizedText(en: "\(what.en) path", zh: "\(what.zh)的路径")) }
        let request = fields["request"].flatMap { TypeDecoder(decoder: decoder).expression($0, LocalizedText(en: "\(what.en) request", zh: "\(what.zh)的请求")) }
        let response = fields["response"].flatMap { TypeDecoder(decoder: decoder).expression($0, LocalizedText(en: "\(what.en) response", zh: "\(what.zh)的响应")) }
        let errors = fields["errors"].map { node in
            decoder.strings(node, LocalizedText(en: "\(what.en) errors", zh: "\(what.zh)的 errors")).filter { decoder.checkName($0, LocalizedText(en: "error name", zh: "错误名"), .errorName) }
        } ?? []
        let idempotent = fields["idempotent"].flatMap { decoder.bool($0, .key("idempotent"))?.value }
        let deprecated = fields["deprecated"].flatMap { decoder.bool($0, .key("deprecated"))?.value } ?? false
        var rateLimit: RateLimit?
        if let node = fields["rateLimit"], let limit = decoder.fields(node, .key("rateLimit"), known: ContractSchema.rateLimit.keyNames) {
            let requests = decoder.required(limit, "requests").flatMap { decoder.integer($0, LocalizedText(en: "rate limit requests", zh: "限流的请求数")) }
            let per = decoder.required(limit, "per").flatMap { decoder.choice($0, LocalizedText(en: "rate limit period", zh: "限流的时间段"), RateLimit.Period.self) }
            if let requests, requests.value <= 0 {
                decoder.diagnostics.error(LanguageDiagnostics.badValue, en: "rate limit requests must be greater than zero", zh: "限流的请求数必须大于零", at: requests.span)
            } else if let requests, let per {
                rateLimit = RateLimit(requests: requests.value, per: per.value)
            }
        }
        let examples = fields["examples"].map { node in
            (decoder.list(node, LocalizedText(en: "\(what.en) examples", zh: "\(what.zh)的示例")) ?? []).enumerated().compactMap { index, item in example(item, index: index) }
        } ?? []
        guard let id, let summary, let method, let path else { return nil }
        return OperationDecl(
            area: area, id: id, summary: summary.value, summaryEn: summaryEn?.value, method: method, path: path,
            request: request.map { Located($0.value.0, $0.span) }, response: response.map { Located($0.value.0, $0.span) },
            errors: errors, idempotent: idempotent, rateLimit: rateLimit, deprecated: deprecated, examples: examples, span: node.span,
            misspeltKeys: fields.probablyMeant)
    }

    private func example(_ node: YAMLNode, index: Int) -> ExampleDecl? {
        guard let fields = decoder.fields(node, LocalizedText(en: "an example", zh: "示例"), known: ContractSchema.example.keyNames) else { return nil }
        let name = fields["name"].flatMap { decoder.string($0, LocalizedText(en: "example name", zh: "示例名称"))?.value } ?? "example \(index + 1)"
        return ExampleDecl(name: name, request: fields["request"], response: fields["response"], span: node.span)
    }
}

/// Decodes type definitions, field definitions and type expressions.
struct TypeDecoder {
    let decoder: NodeDecoder

    static let constraintKeys = ContractSchema.constraintKeys.map(\.name)

    func decode(name: Located<String>, _ node: YAMLNode, source: String) -> TypeDecl? {
        let what = LocalizedText(en: "type '\(name.value)'", zh: "类型“\(name.value)”")
        guard let fields = decoder.fields(node, what, known: ContractSchema.typeDefinition.keyNames) else { return nil }
        let description = fields["description"].flatMap { decoder.string($0, LocalizedText(en: "description", zh: "说明"))?.value }
        let shapes = ["fields", "values", "type"].filter { fields[$0] != nil }
        // A misspelt `fieldz:` was reported as unknown; do not also say the type has no shape.
        if shapes.isEmpty, !fields.probablyMeant.isDisjoint(with: ["fields", "values", "type"]) { return nil }
        guard shapes.count == 1 else {
            let message = shapes.isEmpty
                ? LocalizedText(en: "\(what.en) needs 'fields' (a record), 'values' (an enum) or 'type' (a constrained scalar or list)",
                                zh: "\(what.zh)需要 `fields`（记录）、`values`（枚举）或 `type`（带约束的标量或列表）")
                : LocalizedText(en: "\(what.en) has \(shapes.map { "'\($0)'" }.joined(separator: " and ")); a type is exactly one of a record, an enum or an alias",
                                zh: "\(what.zh)同时有 \(shapes.map { "`\($0)`" }.joined(separator: " 和 "))；一个类型只能是记录、枚举或别名之一")
            decoder.diagnostics.error(LanguageDiagnostics.missingKey, message, at: name.span)
            return nil
        }
        switch shapes[0] {
        case "fields":
            if let extra = Self.constraintKeys.first(where: { fields[$0] != nil }) {
                decoder.diagnostics.error(LanguageDiagnostics.badConstraint, en: "'\(extra)' does not apply to a record; put it on a field",
                                          zh: "`\(extra)` 不适用于记录；请写在字段上", at: fields.keySpan(extra)!)
            }
            guard let entries = decoder.entries(fields["fields"]!, LocalizedText(en: "\(what.en) fields", zh: "\(what.zh)的字段")) else { return nil }
            var decoded: [FieldDecl] = []
            var failed = false
            for (fieldName, pair) in entries {
                guard decoder.checkName(fieldName, LocalizedText(en: "field name", zh: "字段名"), .fieldName), let field = field(fieldName, pair.value, in: what) else {
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
                for (value, pair) in decoder.entries(valuesNode, LocalizedText(en: "\(what.en) values", zh: "\(what.zh)的取值")) ?? [] {
                    values.append(EnumValueDecl(value: value, description: decoder.string(pair.value, LocalizedText(en: "value description", zh: "取值说明"))?.value))
                }
            } else {
                values = decoder.strings(valuesNode, LocalizedText(en: "\(what.en) values", zh: "\(what.zh)的取值")).map { EnumValueDecl(value: $0, description: nil) }
            }
            guard !values.isEmpty else {
                decoder.diagnostics.error(LanguageDiagnostics.missingKey, en: "\(what.en) must list at least one value", zh: "\(what.zh)必须至少列出一个取值", at: valuesNode.span)
                return nil
            }
            var seen: [String: SourceSpan] = [:]
            for value in values {
                if let first = seen[value.value.value] {
                    decoder.diagnostics.error(LanguageDiagnostics.badValue, en: "value '\(value.value.value)' is listed twice in \(what.en)",
                                              zh: "取值“\(value.value.value)”在\(what.zh)中列出了两次", at: value.value.span,
                                              notes: [DiagnosticNote(en: "first listed here", zh: "第一次列出在这里", at: first)])
                }
                seen[value.value.value] = value.value.span
            }
            return TypeDecl(name: name, description: description, kind: .enumeration(values), source: source)
        default:
            guard let base = expression(fields["type"]!, what) else { return nil }
            if base.value.optional {
                decoder.diagnostics.error(LanguageDiagnostics.badTypeExpression, en: "a named type cannot be optional itself; mark the field that uses it with '?'",
                                          zh: "具名类型本身不能是可选的；请在使用它的字段上标注 `?`", at: base.span)
            }
            guard let constraints = constraints(fields, for: base.value.0, in: what) else { return nil }
            return TypeDecl(name: name, description: description, kind: .scalar(Located(base.value.0, base.span), constraints), source: source)
        }
    }

    private func field(_ name: Located<String>, _ node: YAMLNode, in owner: @autoclosure @escaping () -> LocalizedText) -> FieldDecl? {
        // Named only when something is wrong.
        func what() -> LocalizedText { LocalizedText(en: "field '\(name.value)' of \(owner().en)", zh: "\(owner().zh)的字段“\(name.value)”") }
        if node.scalar != nil {
            guard let type = expression(node, what()) else { return nil }
            return FieldDecl(name: name, type: Located(type.value.0, type.span), required: !type.value.optional, description: nil, constraints: Constraints())
        }
        guard let fields = decoder.fields(node, what(), known: ContractSchema.fieldDefinition.keyNames),
              let type = decoder.required(fields, "type").flatMap({ expression($0, what()) })
        else { return nil }
        let required = fields["required"].flatMap { decoder.bool($0, .key("required"))?.value } ?? !type.value.optional
        if type.value.optional, required, fields["required"] != nil {
            decoder.diagnostics.error(LanguageDiagnostics.badTypeExpression, en: "\(what().en) is marked optional with '?' and also 'required: true'",
                                      zh: "\(what().zh)既用 `?` 标为可选，又写了 `required: true`", at: type.span)
        }
        guard let constraints = constraints(fields, for: type.value.0, in: what()) else { return nil }
        return FieldDecl(name: name, type: Located(type.value.0, type.span), required: required,
                         description: fields["description"].flatMap { decoder.string($0, LocalizedText(en: "description", zh: "说明"))?.value }, constraints: constraints)
    }

    func expression(_ node: YAMLNode, _ what: @autoclosure () -> LocalizedText) -> Located<(TypeExpression, optional: Bool)>? {
        guard let text = decoder.string(node, LocalizedText(en: "\(what().en) type", zh: "\(what().zh)的类型")) else { return nil }
        guard let parsed = TypeExpression.parse(text.value) else {
            decoder.diagnostics.error(LanguageDiagnostics.badTypeExpression,
                                      en: "'\(text.value)' is not a type; write a built-in such as 'string', a TypeName, 'list<T>' or 'map<T>'",
                                      zh: "“\(text.value)”不是类型；请写内置类型（如 `string`）、类型名、`list<T>` 或 `map<T>`", at: node.span,
                                      fixIts: Self.suggestion(for: text.value).map { [FixIt(.didYouMean($0), replacing: node.span, with: $0)] } ?? [])
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
    private func constraints(_ fields: Fields, for type: TypeExpression, in what: @autoclosure () -> LocalizedText) -> Constraints? {
        var result = Constraints()
        var valid = true
        func bound(_ key: String) -> Int? {
            guard let node = fields[key] else { return nil }
            guard let value = decoder.integer(node, .key(key)) else { valid = false; return nil }
            guard value.value >= 0 else {
                decoder.diagnostics.error(LanguageDiagnostics.badConstraint, en: "'\(key)' cannot be negative", zh: "`\(key)` 不能为负数", at: node.span)
                valid = false
                return nil
            }
            return value.value
        }
        result.minLength = bound("minLength")
        result.maxLength = bound("maxLength")
        result.minItems = bound("minItems")
        result.maxItems = bound("maxItems")
        result.minimum = fields["minimum"].flatMap { decoder.number($0, .key("minimum"))?.value }
        result.maximum = fields["maximum"].flatMap { decoder.number($0, .key("maximum"))?.value }
        if let node = fields["pattern"], let pattern = decoder.string(node, .key("pattern")) {
            if case .failure(let problem) = Pattern.compiled(pattern.value) {
                decoder.diagnostics.error(LanguageDiagnostics.badConstraint, en: "pattern '\(pattern.value)' is not in AccessSpec's regular expression dialect: \(problem)",
                                          zh: "模式“\(pattern.value)”不属于 AccessSpec 的正则表达式方言：\(problem.localized.zh)", at: node.span,
                                          notes: [DiagnosticNote(en: "the dialect is the part of ECMA-262 that Python, Java and ICU read the same way; see docs/values.md",
                                                                 zh: "该方言是 ECMA-262 中 Python、Java 和 ICU 解读一致的部分；见 docs/values.md", at: node.span)])
                valid = false
            } else {
                result.pattern = pattern.value
            }
        }
        for (low, high, lowKey, highKey) in [(result.minLength.map(Double.init), result.maxLength.map(Double.init), "minLength", "maxLength"),
                                             (result.minimum, result.maximum, "minimum", "maximum"),
                                             (result.minItems.map(Double.init), result.maxItems.map(Double.init), "minItems", "maxItems")] {
            if let low, let high, low > high {
                decoder.diagnostics.error(LanguageDiagnostics.badConstraint, en: "'\(lowKey)' is greater than '\(highKey)' in \(what().en)",
                                          zh: "\(what().zh)中的 `\(lowKey)` 大于 `\(highKey)`", at: fields.keySpan(lowKey)!)
                valid = false
            }
        }
        let kind = ConstraintKind(of: type)
        for key in Self.constraintKeys where fields[key] != nil {
            guard let required = ConstraintKind.forKey(key), kind != .unknown, kind != required else { continue }
            decoder.diagnostics.error(LanguageDiagnostics.badConstraint, en: "'\(key)' does not apply to \(type) in \(what().en); it constrains \(required.noun.en)",
                                      zh: "`\(key)` 不适用于\(what().zh)中的 \(type)；它约束的是\(required.noun.zh)", at: fields.keySpan(key)!)
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

    var noun: LocalizedText {
        switch self {
        case .text: LocalizedText(en: "text", zh: "文本")
        case .numeric: LocalizedText(en: "numbers", zh: "数字")
        case .list: LocalizedText(en: "lists", zh: "列表")
        case .none, .unknown: LocalizedText(en: "nothing", zh: "无")
        }
    }
}
