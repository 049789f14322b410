import AccessSpecSyntax

/// Decodes one file's node tree into a `ContractFile`, reporting every shape problem.
struct ContractDecoder {
    let decoder: NodeDecoder
    let relativePath: String

    init(diagnostics: DiagnosticEngine, relativePath: String) {
        decoder = NodeDecoder(diagnostics: diagnostics)
        self.relativePath = relativePath
    }

    func decode(_ root: YAMLNode) -> ContractFile? {
        guard case .mapping = root.content else {
            decoder.diagnostics.error(LanguageDiagnostics.rootNotMapping, "a contract's root must be a mapping, found \(root.kindName)", at: root.span)
            return nil
        }
        guard let top = decoder.fields(root, "the contract", known: ContractSchema.contract.keyNames) else { return nil }
        checkVersion(top)
        var contract = ContractFile(file: root.span.file, relativePath: relativePath, root: root.span)
        if let node = top["platform"] {
            contract.isPlatformContract = true
            contract.platform = platform(node)
            if contract.platform == nil, case .mapping(let pairs) = node.content,
               let id = pairs.first(where: { $0.key.scalar?.text == "id" })?.value, let text = id.scalar?.text, NameForm.id.matches(text) {
                contract.brokenPlatformID = Located(text, id.span)
            }
        }
        if let node = top["connections"] {
            contract.connections = (decoder.list(node, "'connections'") ?? []).compactMap(connection)
        }
        if let node = top["imports"] { contract.imports = decoder.strings(node, "'imports'") }
        for area in AccessArea.allCases {
            guard let node = top[area.rawValue], let key = top.keySpan(area.rawValue) else { continue }
            contract.areas[area] = AreaDecoder(decoder: decoder).decode(area, node, keySpan: key)
            if contract.areas[area] == nil { contract.poisonedAreas.insert(area) }
        }
        for key in top.unknownKeys {
            if let nearest = Suggestions.nearest(to: key, in: AccessArea.allCases.map(\.rawValue)), let area = AccessArea(rawValue: nearest) {
                contract.poisonedAreas.insert(area)
            }
        }
        if let node = top["types"] { types(node, into: &contract) }
        if let node = top["errors"] { errors(node, into: &contract) }
        return contract
    }

    private func checkVersion(_ top: Fields) {
        guard let node = top["accessSpec"] else {
            let start = SourceSpan(file: top.node.span.file, at: top.node.span.start)
            decoder.diagnostics.error(LanguageDiagnostics.version, "file does not start with the language version 'accessSpec: 1'", at: start,
                                      fixIts: [FixIt("insert 'accessSpec: 1' as the first line", replacing: start, with: "accessSpec: 1\n")])
            return
        }
        if let version = decoder.integer(node, "'accessSpec'"), version.value != 1 {
            decoder.diagnostics.error(LanguageDiagnostics.version, "language version \(version.value) is not supported; this accessc reads version 1", at: node.span)
        }
    }

    // MARK: platform

    private func platform(_ node: YAMLNode) -> PlatformDecl? {
        guard let fields = decoder.fields(node, "'platform'", known: ContractSchema.platform.keyNames) else { return nil }
        var spans = SpanMap(section: fields.node.span)
        for key in fields.keys { spans[key] = fields[key]!.span }
        let id = decoder.required(fields, "id").flatMap { decoder.name($0, "platform id", .id) }
        let name = decoder.required(fields, "name").flatMap { decoder.string($0, "platform name") }
        let nameEn = decoder.required(fields, "nameEn").flatMap { decoder.string($0, "platform nameEn") }
        let level = decoder.required(fields, "level").flatMap { decoder.choice($0, "platform level", PlatformLevel.self) }
        let region = decoder.required(fields, "region").flatMap {
            decoder.formatted($0, "region (GB/T 2260 division code)", check: { ValueFormat.divisionCode.problem(with: $0) })
        }
        var op: PlatformIdentity.Operator?
        if let node = decoder.required(fields, "operator"), let opFields = decoder.fields(node, "'operator'", known: ContractSchema.platformOperator.keyNames) {
            let opName = decoder.required(opFields, "name").flatMap { decoder.string($0, "operator name") }
            let uscc = decoder.required(opFields, "uscc").flatMap {
                decoder.formatted($0, "operator uscc (unified social credit code)", check: { ValueFormat.uscc.problem(with: $0) })
            }
            if let uscc { spans["operator.uscc"] = uscc.span }
            if let opName, let uscc { op = .init(name: opName.value, uscc: uscc.value) }
        }
        var environments: [PlatformIdentity.Environment] = []
        if let node = decoder.required(fields, "environments") {
            for (key, pair) in decoder.entries(node, "'environments'") ?? [] {
                guard decoder.checkName(key, "environment name", .id), let url = decoder.url(pair.value, "environment '\(key.value)'") else { continue }
                environments.append(.init(name: key.value, url: url.value))
                spans["environments.\(key.value)"] = pair.value.span
            }
            let leftEmpty = switch node.content {
            case .mapping(let pairs): pairs.isEmpty
            case .scalar(let scalar): scalar.resolved(tag: node.tag) == .null
            case .sequence: false
            }
            if environments.isEmpty, leftEmpty {
                decoder.diagnostics.error(LanguageDiagnostics.missingKey, "'environments' must name at least one environment, such as production", at: node.span)
            }
        }
        let network = fields["network"].map { decoder.choice($0, "network", Network.self) } ?? Located(.egovExtranet, fields.node.span)
        let description = fields["description"].flatMap { decoder.string($0, "description") }
        guard let id, let name, let nameEn, let level, let region, let op, let network else { return nil }
        let identity = PlatformIdentity(
            id: id.value, name: name.value, nameEn: nameEn.value, level: level.value, region: region.value,
            operator: op, environments: environments, network: network.value, description: description?.value)
        return PlatformDecl(identity: identity, spans: spans)
    }

    // MARK: connections

    private func connection(_ node: YAMLNode) -> ConnectionDecl? {
        guard let fields = decoder.fields(node, "a connection", known: ContractSchema.connection.keyNames) else { return nil }
        let to = decoder.required(fields, "to").flatMap { decoder.name($0, "connection target", .id) }
        var areas: [(area: Located<AccessArea>, direction: Located<Direction>)] = []
        if let areasNode = decoder.required(fields, "areas") {
            for (key, pair) in decoder.entries(areasNode, "a connection's areas") ?? [] {
                guard let area = decoder.choice(pair.key, "access area", AccessArea.self),
                      let direction = decoder.choice(pair.value, "direction of '\(key.value)'", Direction.self)
                else { continue }
                areas.append((area, direction))
            }
            if areas.isEmpty, case .mapping(let pairs) = areasNode.content, pairs.isEmpty {
                decoder.diagnostics.error(LanguageDiagnostics.missingKey, "a connection must name at least one access area", at: areasNode.span)
            }
        }
        guard let to else { return nil }
        return ConnectionDecl(to: to, areas: areas, description: fields["description"].flatMap { decoder.string($0, "description")?.value }, span: node.span)
    }

    // MARK: types

    private func types(_ node: YAMLNode, into contract: inout ContractFile) {
        for (name, pair) in decoder.entries(node, "'types'") ?? [] {
            guard decoder.checkName(name, "type name", .typeName) else { continue }
            if let decl = TypeDecoder(decoder: decoder).decode(name: name, pair.value, source: relativePath) {
                contract.types.append(decl)
            } else {
                contract.poisoned.insert(name.value)
            }
        }
    }

    // MARK: errors

    private func errors(_ node: YAMLNode, into contract: inout ContractFile) {
        for (name, pair) in decoder.entries(node, "'errors'") ?? [] {
            guard decoder.checkName(name, "error name", .errorName) else { continue }
            let what = "error '\(name.value)'"
            guard let fields = decoder.fields(pair.value, what, known: ContractSchema.errorDefinition.keyNames) else {
                contract.poisoned.insert(name.value)
                continue
            }
            let code = decoder.required(fields, "code").flatMap { decoder.integer($0, "\(what) code") }
            let http = decoder.required(fields, "http").flatMap { decoder.integer($0, "\(what) http status") }
            let message = decoder.required(fields, "message").flatMap { decoder.string($0, "\(what) message") }
            let messageEn = fields["messageEn"].flatMap { decoder.string($0, "\(what) messageEn") }
            let condition = fields["condition"].flatMap { decoder.choice($0, "\(what) condition", ErrorCondition.self) }
            if let http, !(400...599).contains(http.value) {
                decoder.diagnostics.error(LanguageDiagnostics.badValue, "\(what) http status \(http.value) is not an error status (400-599)", at: http.span)
            }
            guard let code, let http, (400...599).contains(http.value), let message else {
                contract.poisoned.insert(name.value)
                continue
            }
            contract.errors.append(ErrorDecl(name: name, code: code, http: http, message: message.value, messageEn: messageEn?.value, condition: condition, source: relativePath))
        }
    }
}
