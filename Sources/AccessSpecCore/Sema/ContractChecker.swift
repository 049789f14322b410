import AccessSpecSyntax

/// Checks one file's references and examples against its scope and the workspace.
struct ContractChecker {
    let diagnostics: DiagnosticEngine
    let workspace: SemanticWorkspace
    let contract: ContractFile
    let scope: Scope
    /// The scope's types as the IR will hold them: examples are checked against this resolution.
    let types: [TypeIR]
    let table: TypeTable

    init(diagnostics: DiagnosticEngine, workspace: SemanticWorkspace, contract: ContractFile) {
        self.diagnostics = diagnostics
        self.workspace = workspace
        self.contract = contract
        self.scope = workspace.scope(of: contract)
        types = IRLowering.types(of: scope)
        table = TypeTable(types)
    }

    /// Checks the contract; returns its examples as their types read them, for the IR.
    func check() -> [ExampleKey: CheckedExample] {
        checkTypes()
        checkErrorCodes()
        checkConnections()
        checkIdentifiers()
        return checkOperations()
    }

    // MARK: Identifiers in generated code

    /// A contract name refused because generated code already uses its identifier there.
    private func refuse(_ name: Located<String>, becoming identifier: String, _ why: LocalizedText, fixIt: String? = nil) {
        let subject = name.value == identifier
            ? LocalizedText(en: "'\(identifier)'", zh: "“\(identifier)”")
            : LocalizedText(en: "'\(name.value)' becomes '\(identifier)', which", zh: "“\(name.value)”会变成“\(identifier)”，它")
        diagnostics.error(SemaDiagnostics.identifierCollision, en: "\(subject.en) \(why.en)", zh: "\(subject.zh)\(why.zh)", at: name.span,
                          fixIts: fixIt.map { [FixIt(en: "rename it to '\($0)'", zh: "改名为“\($0)”", replacing: name.span, with: $0)] } ?? [])
    }

    /// Names meet generated code's own names (`GeneratedNames`) in four places: the platform's
    /// namespace at the top of the client module, the types inside it, the members of each
    /// generated enum and of `ContractError`, and the members of each record. Operations meet
    /// none: what shares their scope is spelt so that no operation id can fold to it.
    private func checkIdentifiers() {
        var namespace: String?
        if let platform = contract.platform {
            let folded = IdentifierFolding.upperCamel(platform.identity.id)
            namespace = folded
            let id = Located(platform.identity.id, platform.spans["id"])
            if GeneratedNames.modules.contains(folded) {
                refuse(id, becoming: folded, LocalizedText(en: "names a module generated code uses; the namespace would hide it", zh: "是生成的代码所用模块的名称；该命名空间会遮蔽它"), fixIt: platform.identity.id + "-platform")
            } else if GeneratedNames.swiftReservedTypeNames.contains(folded) {
                refuse(id, becoming: folded, LocalizedText(en: "is not allowed as a type name by Swift", zh: "不能用作 Swift 的类型名"), fixIt: platform.identity.id + "-platform")
            } else if GeneratedNames.unqualifiedInTestingMacros.contains(folded) {
                refuse(id, becoming: folded, LocalizedText(en: "Swift Testing's macros name in the generated suites; the namespace would hide it", zh: "是生成的测试套件中 Swift Testing 宏所用的名称；该命名空间会遮蔽它"), fixIt: platform.identity.id + "-platform")
            }
        }
        /// Where generated names must differ from each other.
        enum Space: Hashable {
            case enumValues(type: String), javaFields(type: String), errors, operations
        }
        struct Claim: Hashable {
            var space: Space
            var identifier: String
        }
        var folded: [Claim: Located<String>] = [:]
        func claim(_ name: Located<String>, as identifier: String, in space: Space) {
            let key = Claim(space: space, identifier: identifier)
            if let first = folded[key] {
                diagnostics.error(SemaDiagnostics.identifierCollision,
                                  en: "'\(name.value)' and '\(first.value)' both become '\(identifier)' in generated code",
                                  zh: "“\(name.value)”和“\(first.value)”在生成的代码中都会变成“\(identifier)”", at: name.span,
                                  notes: [.declaredHere(first.value, at: first.span)])
            } else {
                folded[key] = name
            }
        }
        // The Java client declares an exception class per error beside the contract's types.
        let javaExceptions = Set(scope.errors.values.map { GeneratedJavaNames.exceptionType($0.name.value) } + [GeneratedJavaNames.undeclaredException])
        // Each Java class is a file named after it, and two names that differ only in case are
        // one file on the case-insensitive file systems of macOS and Windows.
        let javaClassFiles = Set((javaExceptions.union(GeneratedNames.namespaceTypes)).map { $0.lowercased() })
        var javaFiles: [String: Located<String>] = [:]
        for decl in contract.types {
            let name = decl.name.value
            let file = name.lowercased()
            if let first = javaFiles[file] {
                diagnostics.error(SemaDiagnostics.identifierCollision,
                                  en: "'\(name)' and '\(first.value)' differ only in case; their Java files would be one on a case-insensitive file system",
                                  zh: "“\(name)”和“\(first.value)”只有大小写不同；在不区分大小写的文件系统上，它们的 Java 文件会合为一个", at: decl.name.span,
                                  notes: [.declaredHere(first.value, at: first.span)])
            } else {
                javaFiles[file] = decl.name
            }
        }
        for decl in contract.types {
            let name = decl.name.value
            let rename = name + "Info"
            if javaExceptions.contains(name) {
                refuse(decl.name, becoming: name, LocalizedText(en: "is the exception class the generated Java client declares for an error", zh: "是生成的 Java 客户端为错误声明的异常类"), fixIt: rename)
            } else if GeneratedNames.namespaceTypes.contains(name) {
                refuse(decl.name, becoming: name, LocalizedText(en: "is already declared by generated code in the platform's namespace", zh: "已由生成的代码在平台的命名空间中声明"), fixIt: rename)
            } else if GeneratedNames.modules.contains(name) {
                refuse(decl.name, becoming: name, LocalizedText(en: "names a module generated code uses; the type would hide it", zh: "是生成的代码所用模块的名称；该类型会遮蔽它"), fixIt: rename)
            } else if GeneratedNames.swiftReservedTypeNames.contains(name) {
                refuse(decl.name, becoming: name, LocalizedText(en: "is not allowed as a type name by Swift", zh: "不能用作 Swift 的类型名"), fixIt: rename)
            } else if GeneratedNames.unqualifiedInTestingMacros.contains(name) {
                refuse(decl.name, becoming: name, LocalizedText(en: "is a name Swift Testing's macros use in the generated suite; the type would hide it", zh: "是生成的测试套件中 Swift Testing 宏所用的名称；该类型会遮蔽它"), fixIt: rename)
            } else if name == namespace {
                refuse(decl.name, becoming: name, LocalizedText(en: "names the platform's namespace; the type would hide it", zh: "是平台命名空间的名称；该类型会遮蔽它"), fixIt: rename)
            } else if javaClassFiles.contains(name.lowercased()) {
                refuse(decl.name, becoming: name, LocalizedText(en: "differs only in case from a class the generated Java client declares; their files would be one on a case-insensitive file system", zh: "与生成的 Java 客户端声明的某个类只有大小写不同；在不区分大小写的文件系统上，它们的文件会合为一个"), fixIt: rename)
            }
            switch decl.kind {
            case .enumeration(let values):
                for value in values {
                    let identifier = IdentifierFolding.lowerCamel(value.value.value)
                    if GeneratedNames.enumMembers.contains(identifier) {
                        refuse(value.value, becoming: identifier, LocalizedText(en: "is already a member of every generated enum", zh: "已是每个生成的枚举的成员"))
                    }
                    claim(value.value, as: identifier, in: .enumValues(type: name))
                }
            case .record(let fields):
                for field in fields {
                    if GeneratedNames.recordMembers.contains(field.name.value) {
                        refuse(field.name, becoming: field.name.value, LocalizedText(en: "cannot be a member of a generated record", zh: "不能作为生成的记录的成员"))
                    } else if GeneratedJavaNames.recordMembers.contains(field.name.value) {
                        refuse(field.name, becoming: field.name.value, LocalizedText(en: "would hide the Java package of that name from the generated Java record", zh: "会在生成的 Java 记录中遮蔽同名的 Java 包"), fixIt: field.name.value + "Name")
                    }
                    // Java spells a reserved word with a final `_`, which a field may already be called.
                    claim(field.name, as: GeneratedJavaNames.identifier(field.name.value), in: .javaFields(type: name))
                }
            case .scalar:
                break
            }
        }
        // A platform's error enum holds its own errors and the ones it imports.
        for decl in scope.errors.values.sorted(by: { ($0.source, $0.name.value) < ($1.source, $1.name.value) }) {
            let identifier = IdentifierFolding.lowerCamel(decl.name.value)
            if GeneratedNames.errorMembers.contains(identifier) {
                refuse(decl.name, becoming: identifier, LocalizedText(en: "is already a member of '\(GeneratedNames.contractError)'", zh: "已是“\(GeneratedNames.contractError)”的成员"), fixIt: decl.name.value + "_ERROR")
            }
            claim(decl.name, as: identifier, in: .errors)
        }
        for operation in contract.operations { claim(operation.id, as: IdentifierFolding.lowerCamel(operation.id.value), in: .operations) }
    }

    // MARK: Types

    private func checkTypes() {
        // Integer bounds that no integer meets, however the field and its aliases combine them.
        for decl in contract.types {
            let lowered = table[decl.name.value]
            let resolved: [(ResolvedTypeIR, SourceSpan)] = if case .record(let fields) = decl.kind {
                zip(fields, lowered?.fields ?? []).map { ($1.resolved, $0.name.span) }
            } else {
                lowered?.resolved.map { [($0, decl.name.span)] } ?? []
            }
            for (type, span) in resolved {
                // Bounds that contradict outright are reported once, where they are written.
                if case .scalar(.integer, let constraints) = type, constraints.contradiction == nil, let contradiction = constraints.integerContradiction {
                    diagnostics.error(LanguageDiagnostics.badConstraint, en: "no integer meets these bounds: \(contradiction.en)", zh: "没有整数满足这些界限：\(contradiction.zh)", at: span)
                }
            }
        }
        for decl in contract.types {
            switch decl.kind {
            case .record(let fields):
                for field in fields {
                    guard checkReference(field.type) else { continue }
                    let what = LocalizedText(en: "field '\(field.name.value)'", zh: "字段“\(field.name.value)”")
                    checkConstraintsFit(field.constraints, on: field.type, what: what)
                    checkConstraintsHoldTogether(field.constraints, on: field.type, at: field.name.span, what: what)
                }
            case .scalar(let base, let constraints):
                if checkReference(base) {
                    let what = LocalizedText(en: "type '\(decl.name.value)'", zh: "类型“\(decl.name.value)”")
                    checkConstraintsFit(constraints, on: base, what: what)
                    checkConstraintsHoldTogether(constraints, on: base, at: decl.name.span, what: what)
                }
                if case .named(let target) = base.value, aliasCycle(from: decl.name.value) {
                    diagnostics.error(SemaDiagnostics.unknownType, en: "type '\(decl.name.value)' is defined in terms of itself through '\(target)'",
                                      zh: "类型“\(decl.name.value)”经由“\(target)”以自身来定义", at: base.span)
                }
            case .enumeration:
                break
            }
        }
    }

    private func aliasCycle(from name: String) -> Bool {
        var seen: Set<String> = [name]
        var current = name
        while let decl = scope.types[current], case .scalar(let base, _) = decl.kind, case .named(let next) = base.value {
            guard seen.insert(next).inserted else { return next == name }
            current = next
        }
        return false
    }

    /// True when every name in the expression resolves (or was already reported).
    @discardableResult
    private func checkReference(_ type: Located<TypeExpression>) -> Bool {
        var resolved = true
        for name in type.value.namedReferences where scope.types[name] == nil {
            resolved = false
            guard !scope.poisoned.contains(name) else { continue }
            let nearest = Suggestions.nearest(to: name, in: Array(scope.types.keys))
            // The failed import may have declared it; a near miss of a visible name is still a typo.
            if scope.hasBrokenImport, nearest == nil { continue }
            diagnostics.error(SemaDiagnostics.unknownType, en: "unknown type '\(name)'", zh: "未知的类型“\(name)”", at: type.span,
                              fixIts: nearest.map { [FixIt(.didYouMean($0), replacing: type.span, with: type.value.description.replacingOccurrences(of: name, with: $0))] } ?? [])
        }
        return resolved
    }

    /// A field's constraints and its type's all hold; bounds that contradict leave no value.
    private func checkConstraintsHoldTogether(_ own: Constraints, on type: Located<TypeExpression>, at span: SourceSpan, what: LocalizedText) {
        guard !own.isEmpty, case .named(let name) = type.value else { return }
        let constraints: ValueConstraints? = switch table.resolve(TypeRefIR(type.value), constraints: own.inForce) {
        case .scalar(_, let constraints), .list(_, let constraints): constraints
        default: nil
        }
        guard let contradiction = constraints?.contradiction else { return }
        diagnostics.error(LanguageDiagnostics.badConstraint, en: "\(what.en) and its type '\(name)' have constraints that cannot all hold: \(contradiction.en)",
                          zh: "\(what.zh)与其类型“\(name)”的约束不能同时成立：\(contradiction.zh)", at: span,
                          notes: scope.types[name].map { [.declaredHere(name, at: $0.name.span)] } ?? [])
    }

    private func checkConstraintsFit(_ constraints: Constraints, on type: Located<TypeExpression>, what: LocalizedText) {
        guard !constraints.isEmpty, case .named = type.value else { return }
        let resolved = scope.resolve(type.value)
        let kind: ConstraintKind
        if case .named(let name) = resolved, case .enumeration = scope.types[name]?.kind {
            kind = .none
        } else if case .named = resolved {
            kind = .none  // a record
        } else {
            kind = ConstraintKind(of: resolved)
        }
        let used: [(String, Bool)] = [
            ("minLength", constraints.minLength != nil), ("maxLength", constraints.maxLength != nil), ("pattern", constraints.pattern != nil),
            ("minimum", constraints.minimum != nil), ("maximum", constraints.maximum != nil),
            ("minItems", constraints.minItems != nil), ("maxItems", constraints.maxItems != nil),
        ]
        for (key, present) in used where present && ConstraintKind.forKey(key) != kind {
            diagnostics.error(LanguageDiagnostics.badConstraint, en: "'\(key)' does not apply to \(type.value) (\(what.en))", zh: "`\(key)` 不适用于 \(type.value)（\(what.zh)）", at: type.span)
        }
    }

    // MARK: Errors

    private func checkErrorCodes() {
        guard contract.platform != nil else { return }
        var byCode: [Int: ErrorDecl] = [:]
        var byCondition: [ErrorCondition: ErrorDecl] = [:]
        for decl in scope.errors.values.sorted(by: { ($0.source, $0.name.value) < ($1.source, $1.name.value) }) {
            if let condition = decl.condition {
                if let first = byCondition[condition.value], let firstCondition = first.condition {
                    diagnostics.error(SemaDiagnostics.duplicateErrorCondition, en: "errors '\(first.name.value)' and '\(decl.name.value)' both report condition '\(condition.value.rawValue)'",
                                      zh: "错误“\(first.name.value)”和“\(decl.name.value)”都报告情形“\(condition.value.rawValue)”", at: condition.span,
                                      notes: [DiagnosticNote(en: "'\(first.name.value)' reports it here", zh: "“\(first.name.value)”在这里报告它", at: firstCondition.span)])
                } else {
                    byCondition[condition.value] = decl
                }
            }
            if let first = byCode[decl.code.value] {
                diagnostics.error(SemaDiagnostics.duplicateErrorCode, en: "errors '\(first.name.value)' and '\(decl.name.value)' share code \(decl.code.value)",
                                  zh: "错误“\(first.name.value)”和“\(decl.name.value)”使用同一个错误码 \(decl.code.value)", at: decl.code.span,
                                  notes: [DiagnosticNote(en: "'\(first.name.value)' has it here", zh: "“\(first.name.value)”的错误码在这里", at: first.code.span)])
            } else {
                byCode[decl.code.value] = decl
            }
        }
    }

    // MARK: Connections

    private func checkConnections() {
        guard let platform = contract.platform else {
            if !contract.isPlatformContract, let first = contract.connections.first {
                diagnostics.error(SemaDiagnostics.badConnection, en: "a shared file (without 'platform:') cannot declare connections", zh: "共享文件（没有 `platform:`）不能声明接入关系", at: first.span)
            }
            return
        }
        var seen: [String: SourceSpan] = [:]
        for connection in contract.connections {
            let target = connection.to.value
            if target == platform.identity.id {
                diagnostics.error(SemaDiagnostics.badConnection, en: "platform '\(target)' connects to itself", zh: "平台“\(target)”接入了自身", at: connection.to.span)
            } else if let first = seen[target] {
                diagnostics.error(SemaDiagnostics.badConnection, en: "connection to '\(target)' is listed twice; list all its areas in one entry",
                                  zh: "到“\(target)”的接入关系列出了两次；请把它的所有接入领域写在一个条目中", at: connection.to.span,
                                  notes: [.firstListedHere(at: first)])
            } else if !workspace.knowsPlatform(target) {
                unknownPlatform(target, at: connection.to.span)
            }
            seen[target] = seen[target] ?? connection.to.span
            var areas: [AccessArea: SourceSpan] = [:]
            for (area, _) in connection.areas {
                if let first = areas[area.value] {
                    diagnostics.error(SemaDiagnostics.badConnection, en: "area '\(area.value.rawValue)' is listed twice in the connection",
                                      zh: "接入领域“\(area.value.rawValue)”在该接入关系中列出了两次", at: area.span,
                                      notes: [.firstListedHere(at: first)])
                }
                areas[area.value] = area.span
            }
        }
        if case .thirdParty(let settings) = contract.areas[.thirdParty]?.settings, let spans = contract.areas[.thirdParty]?.spans {
            if let via = settings.via, !workspace.knowsPlatform(via) { unknownPlatform(via, at: spans["via"]) }
            for (index, use) in settings.uses.enumerated() {
                let platformID = String(use.split(separator: ".")[0])
                if !workspace.knowsPlatform(platformID) {
                    unknownPlatform(platformID, at: spans["uses.\(index)"])
                }
            }
        }
    }

    private func unknownPlatform(_ id: String, at span: SourceSpan) {
        let nearest = Suggestions.nearest(to: id, in: Array(workspace.platforms.keys))
        diagnostics.error(SemaDiagnostics.unknownPlatform, en: "no platform '\(id)' in the workspace", zh: "工作区中没有平台“\(id)”", at: span,
                          fixIts: nearest.map { [FixIt(.didYouMean($0), replacing: span, with: $0)] } ?? [])
    }

    // MARK: Operations

    private func checkOperations() -> [ExampleKey: CheckedExample] {
        var checked: [ExampleKey: CheckedExample] = [:]
        var ids: [String: SourceSpan] = [:]
        var routes: [String: SourceSpan] = [:]
        let values = ExampleChecker(diagnostics: diagnostics, scope: scope, types: types, settings: workspace.settings)
        for operation in contract.operations {
            if let first = ids[operation.id.value] {
                diagnostics.error(SemaDiagnostics.duplicateOperation, en: "operation id '\(operation.id.value)' is used twice in this platform",
                                  zh: "操作标识“\(operation.id.value)”在本平台中用了两次", at: operation.id.span,
                                  notes: [DiagnosticNote(en: "first used here", zh: "第一次使用在这里", at: first)])
            }
            ids[operation.id.value] = ids[operation.id.value] ?? operation.id.span
            // Parsed once here; the decoder already refused a template that does not parse.
            let template = try? PathTemplate(operation.path.value)
            let route = "\(operation.method.value.rawValue) \(template?.routeKey ?? operation.path.value)"
            if let first = routes[route] {
                diagnostics.error(SemaDiagnostics.duplicateRoute, en: "\(operation.method.value.rawValue) \(operation.path.value) is already served by another operation",
                                  zh: "\(operation.method.value.rawValue) \(operation.path.value) 已由另一个操作提供", at: operation.path.span,
                                  notes: [DiagnosticNote(en: "first served here", zh: "第一次提供在这里", at: first)])
            }
            routes[route] = routes[route] ?? operation.path.span
            let requestResolves = operation.request.map { checkReference($0) } ?? true
            let responseResolves = operation.response.map { checkReference($0) } ?? true
            for error in operation.errors where scope.errors[error.value] == nil && !scope.poisoned.contains(error.value) {
                let nearest = Suggestions.nearest(to: error.value, in: Array(scope.errors.keys))
                if scope.hasBrokenImport, nearest == nil { continue }
                diagnostics.error(SemaDiagnostics.unknownError, en: "unknown error '\(error.value)'; it is not in the error catalogue",
                                  zh: "未知的错误“\(error.value)”；它不在错误码目录中", at: error.span,
                                  fixIts: nearest.map { [FixIt(.didYouMean($0), replacing: error.span, with: $0)] } ?? [])
            }
            if requestResolves {
                checkPathParameters(operation, template?.parameters ?? [])
                checkRequestTravels(operation, template?.parameters ?? [])
            }
            for (index, example) in operation.examples.enumerated() {
                var result = CheckedExample()
                if let node = example.request, requestResolves, let type = operation.request {
                    result.request = values.check(node, against: type.value)
                } else if let node = example.request, operation.request == nil, !operation.misspeltKeys.contains("request") {
                    diagnostics.error(SemaDiagnostics.exampleMismatch, en: "example '\(example.name)' has a request but the operation declares none",
                                      zh: "示例“\(example.name)”有请求，但该操作没有声明请求", at: node.span)
                }
                if let node = example.response, responseResolves, let type = operation.response {
                    result.response = values.check(node, against: type.value)
                } else if let node = example.response, operation.response == nil, !operation.misspeltKeys.contains("response") {
                    diagnostics.error(SemaDiagnostics.exampleMismatch, en: "example '\(example.name)' has a response but the operation declares none",
                                      zh: "示例“\(example.name)”有响应，但该操作没有声明响应", at: node.span)
                }
                checked[ExampleKey(file: contract.relativePath, area: operation.area, operation: operation.id.value, index: index)] = result
            }
        }
        return checked
    }

    private func checkPathParameters(_ operation: OperationDecl, _ parameters: [String]) {
        guard !parameters.isEmpty else { return }
        var fields: [FieldDecl]?
        if let request = operation.request, case .named(let name) = scope.resolve(request.value), case .record(let recordFields) = scope.types[name]?.kind {
            fields = recordFields
        }
        for parameter in parameters where !(fields ?? []).contains(where: { $0.name.value == parameter }) {
            let hint = operation.request == nil
                ? LocalizedText(en: "the operation declares no request", zh: "该操作没有声明请求")
                : LocalizedText(en: "the request type has no field '\(parameter)'", zh: "请求类型没有字段“\(parameter)”")
            diagnostics.error(SemaDiagnostics.undeclaredPathParameter, en: "path parameter '{\(parameter)}' is not declared: \(hint.en)",
                              zh: "路径参数“{\(parameter)}”未声明：\(hint.zh)", at: operation.path.span,
                              notes: operation.request.map { [.requestTypeGivenHere(at: $0.span)] } ?? [])
        }
    }

    /// GET and DELETE send their request as path and query; every path parameter is one value.
    private func checkRequestTravels(_ operation: OperationDecl, _ parameters: [String]) {
        guard let request = operation.request else { return }
        let fields = table.fields(of: TypeRefIR(request.value))
        for field in fields ?? [] where parameters.contains(field.name) {
            let single = switch field.resolved { case .scalar, .enumeration: true; default: false }
            if !single || !field.required {
                diagnostics.error(SemaDiagnostics.untransportableRequest,
                                  en: "path parameter '{\(field.name)}' must be a required scalar or enum field, but it is \(field.required ? "" : "optional ")\(Self.describe(field.resolved).en)",
                                  zh: "路径参数“{\(field.name)}”必须是必填的标量或枚举字段，但它是\(field.required ? "" : "可选的")\(Self.describe(field.resolved).zh)", at: operation.path.span,
                                  notes: [.requestTypeGivenHere(at: request.span)])
            }
        }
        guard [.GET, .DELETE].contains(operation.method.value) else { return }
        guard let fields else {
            diagnostics.error(SemaDiagnostics.untransportableRequest,
                              en: "a \(operation.method.value.rawValue) request has no body, so its request must be a record whose fields travel in the path and query; '\(request.value)' is not a record",
                              zh: "\(operation.method.value.rawValue) 请求没有请求体，因此其请求必须是字段经路径和查询参数传递的记录；“\(request.value)”不是记录", at: request.span)
            return
        }
        for field in fields where !parameters.contains(field.name) && !travelsInQuery(field.resolved) {
            diagnostics.error(SemaDiagnostics.untransportableRequest,
                              en: "field '\(field.name)' (\(Self.describe(field.resolved).en)) cannot travel in the query string of a \(operation.method.value.rawValue) request: only scalars, enum values, lists of them and records of them can",
                              zh: "字段“\(field.name)”（\(Self.describe(field.resolved).zh)）不能在 \(operation.method.value.rawValue) 请求的查询字符串中传递：只有标量、枚举值及由它们组成的列表和记录可以", at: request.span)
        }
    }

    private func travelsInQuery(_ type: ResolvedTypeIR) -> Bool {
        func single(_ type: ResolvedTypeIR) -> Bool { if case .scalar = type { true } else if case .enumeration = type { true } else { false } }
        switch type {
        case .scalar, .enumeration: return true
        case .list(let element, _): return single(element)
        case .map(let value): return single(value)
        case .record(let name): return (table[name]?.fields ?? []).allSatisfy { single($0.resolved) }
        }
    }

    private static func describe(_ type: ResolvedTypeIR) -> LocalizedText {
        switch type {
        case .scalar(let builtin, _): LocalizedText(en: "a \(builtin.rawValue)", zh: " \(builtin.rawValue)")
        case .enumeration(let name): LocalizedText(en: "enum '\(name)'", zh: "枚举“\(name)”")
        case .record(let name): LocalizedText(en: "record '\(name)'", zh: "记录“\(name)”")
        case .list: LocalizedText(en: "a list", zh: "列表")
        case .map: LocalizedText(en: "a map", zh: "映射")
        }
    }
}
