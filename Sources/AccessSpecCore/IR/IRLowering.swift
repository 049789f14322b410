import AccessSpecSyntax

/// Lowers the checked workspace into the IR. Runs only when there were no errors, so every
/// reference here resolves. Every collection is sorted before it leaves.
struct IRLowering {
    let workspace: SemanticWorkspace
    let compliance: [String: [ComplianceResult]]
    let severities: [DiagnosticCode: Severity?]

    func lower() -> WorkspaceIR {
        let platforms = workspace.platforms.keys.sorted().map { platform(workspace.platforms[$0]!) }
        let connections = workspace.platforms.keys.sorted().flatMap { id in
            workspace.platforms[id]!.connections.map { connection in
                ConnectionIR(from: id, to: connection.to.value,
                             areas: connection.areas.map { .init(area: $0.area.value, direction: $0.direction.value) }.sorted { $0.area < $1.area })
            }.sorted { $0.to < $1.to }
        }
        let rules = RuleCatalog.all.map { rule in
            let severity = severities[rule.code] ?? rule.defaultSeverity
            return RuleIR(code: rule.code.rawValue, area: rule.area?.rawValue ?? "topology", summary: rule.summary, severity: severity?.rawValue ?? "off")
        }
        return WorkspaceIR(settings: workspace.settings, platforms: platforms, connections: connections, rules: rules)
    }

    private func platform(_ contract: ContractFile) -> PlatformIR {
        let identity = contract.platform!.identity
        let scope = workspace.scope(of: contract)
        var areas = AreasIR()
        for decl in contract.areas.values {
            let operations = decl.operations.map { operation($0, in: contract) }.sorted { $0.id < $1.id }
            switch decl.settings {
            case .items(let settings): areas.items = .init(settings: settings, operations: operations)
            case .portal(let settings): areas.portal = .init(settings: settings, operations: operations)
            case .identity(let settings): areas.identity = .init(settings: settings, operations: operations)
            case .seal(let settings): areas.seal = .init(settings: settings, operations: operations)
            case .license(let settings): areas.license = .init(settings: settings, operations: operations)
            case .operations(let settings): areas.operations = .init(settings: settings, operations: operations)
            case .security(let settings): areas.security = .init(settings: settings, operations: operations)
            case .thirdParty(let settings): areas.thirdParty = .init(settings: settings, operations: operations)
            }
        }
        return PlatformIR(
            id: identity.id, name: identity.name, nameEn: identity.nameEn, level: identity.level, region: identity.region,
            operator: identity.operator, environments: identity.environments.sorted { $0.name < $1.name },
            network: identity.network, description: identity.description, source: contract.relativePath, areas: areas,
            types: Self.types(of: scope),
            errors: scope.errors.values.map { ErrorIR(name: $0.name.value, code: $0.code.value, http: $0.http.value, message: $0.message, messageEn: $0.messageEn, condition: $0.condition?.value) }
                .sorted { $0.name < $1.name },
            compliance: compliance[identity.id] ?? [])
    }

    private func operation(_ decl: OperationDecl, in contract: ContractFile) -> OperationIR {
        let examples = decl.examples.enumerated().map { index, example in
            let checked = workspace.examples[ExampleKey(file: contract.relativePath, area: decl.area, operation: decl.id.value, index: index)]
            return ExampleIR(name: example.name, request: checked?.request, response: checked?.response)
        }
        let idempotent = decl.idempotent ?? [.GET, .PUT, .DELETE].contains(decl.method.value)
        return OperationIR(
            id: decl.id.value, area: decl.area, summary: decl.summary, summaryEn: decl.summaryEn, method: decl.method.value, path: decl.path.value,
            pathParameters: (try? PathTemplate(decl.path.value))?.parameters ?? [], request: decl.request.map { TypeRefIR($0.value) },
            response: decl.response.map { TypeRefIR($0.value) }, errors: decl.errors.map(\.value).sorted(), idempotent: idempotent,
            rateLimit: decl.rateLimit, deprecated: decl.deprecated, examples: examples)
    }

    /// The types a scope can name, resolved, sorted by name: for the IR, and for checking
    /// examples against the same resolution the IR carries.
    static func types(of scope: Scope) -> [TypeIR] {
        TypeTable.lowered(scope.types.values.map(type).sorted { $0.name < $1.name })
    }

    private static func type(_ decl: TypeDecl) -> TypeIR {
        var ir = TypeIR(name: decl.name.value, kind: .record, description: decl.description, source: decl.source)
        switch decl.kind {
        case .record(let fields):
            ir.fields = fields.map {
                // Resolved once every type of the scope is known (TypeTable.lowered).
                FieldIR(name: $0.name.value, type: TypeRefIR($0.type.value), required: $0.required, description: $0.description,
                        constraints: $0.constraints.isEmpty ? nil : $0.constraints, resolved: .record(""))
            }
        case .enumeration(let values):
            ir.kind = .enumeration
            ir.values = values.map { EnumValueIR(value: $0.value.value, description: $0.description) }
        case .scalar(let base, let constraints):
            ir.kind = .alias
            ir.aliasOf = TypeRefIR(base.value)
            ir.constraints = constraints.isEmpty ? nil : constraints
        }
        return ir
    }
}
