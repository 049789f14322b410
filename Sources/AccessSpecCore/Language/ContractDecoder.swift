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
            decoder.diagnostics.error(LanguageDiagnostics.rootNotMapping, en: "a contract's root must be a mapping, found \(root.kindName.en)",
                                      zh: "契约的根节点必须是映射，实际是\(root.kindName.zh)", at: root.span)
            return nil
        }
        guard let top = decoder.fields(root, LocalizedText(en: "the contract", zh: "契约"), known: ContractSchema.contract.keyNames) else { return nil }
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
            contract.connections = (decoder.list(node, .key("connections")) ?? []).compactMap(connection)
        }
        if let node = top["imports"] { contract.imports = decoder.strings(node, .key("imports")) }
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
            decoder.diagnostics.error(LanguageDiagnostics.version, en: "file does not start with the language version 'accessSpec: 1'",
                                      zh: "文件没有以语言版本 `accessSpec: 1` 开头", at: start,
                                      fixIts: [FixIt(en: "insert 'accessSpec: 1' as the first line", zh: "在第一行插入 `accessSpec: 1`", replacing: start, with: "accessSpec: 1\n")])
            return
        }
        if let version = decoder.integer(node, .key("accessSpec")), version.value != 1 {
            decoder.diagnostics.error(LanguageDiagnostics.version, en: "language version \(version.value) is not supported; this accessc reads version 1",
                                      zh: "不支持语言版本 \(version.value)；本 accessc 只读取版本 1", at: node.span)
        }
    }

    // MARK: platform

    private func platform(_ node: YAMLNode) -> PlatformDecl? {
        guard let fields = decoder.fields(node, .key("platform"), known: ContractSchema.platform.keyNames) else { return nil }
        var spans = SpanMap(section: fields.node.span)
        for key in fields.keys { spans[key] = fields[key]!.span }
        let id = decoder.required(fields, "id").flatMap { decoder.name($0, LocalizedText(en: "platform id", zh: "平台标识"), .id) }
        let name = decoder.required(fields, "name").flatMap { decoder.string($0, LocalizedText(en: "platform name", zh: "平台名称")) }
        let nameEn = decoder.required(fields, "nameEn").flatMap { decoder.string($0, LocalizedText(en: "platform nameEn", zh: "平台英文名称 nameEn")) }
        let level = decoder.required(fields, "level").flatMap { decoder.choice($0, LocalizedText(en: "platform level", zh: "平台层级"), PlatformLevel.self) }
        let region = decoder.required(fields, "region").flatMap {
            decoder.formatted($0, LocalizedText(en: "region (GB/T 2260 division code)", zh: "行政区划（GB/T 2260 行政区划代码）"), check: { ValueFormat.divisionCode.problem(with: $0) })
        }
        var op: PlatformIdentity.Operator?
        if let node = decoder.required(fields, "operator"), let opFields = decoder.fields(node, .key("operator"), known: ContractSchema.platformOperator.keyNames) {
            let opName = decoder.required(opFields, "name").flatMap { decoder.string($0, LocalizedText(en: "operator name", zh: "运营单位名称")) }
            let uscc = decoder.required(opFields, "uscc").flatMap {
                decoder.formatted($0, LocalizedText(en: "operator uscc (unified social credit code)", zh: "运营单位 uscc（统一社会信用代码）"), check: { ValueFormat.uscc.problem(with: $0) })
            }
            if let uscc { spans["operator.uscc"] = uscc.span }
            if let opName, let uscc { op = .init(name: opName.value, uscc: uscc.value) }
        }
        var environments: [PlatformIdentity.Environment] = []
        if let node = decoder.required(fields, "environments") {
            for (key, pair) in decoder.entries(node, .key("environments")) ?? [] {
                guard decoder.checkName(key, LocalizedText(en: "environment name", zh: "环境名称"), .id), let url = decoder.url(pair.value, LocalizedText(en: "environment '\(key.value)'", zh: "环境“\(key.value)”")) else { continue }
                environments.append(.init(name: key.value, url: url.value))
                spans["environments.\(key.value)"] = pair.value.span
            }
            let leftEmpty = switch node.content {
            case .mapping(let pairs): pairs.isEmpty
            case .scalar(let scalar): scalar.resolved(tag: node.tag) == .null
            case .sequence: false
            }
            if environments.isEmpty, leftEmpty {
                decoder.diagnostics.error(LanguageDiagnostics.missingKey, en: "'environments' must name at least one environment, such as production",
                                          zh: "`environments` 必须至少列出一个环境，例如 production", at: node.span)
            }
        }
        let network = fields["network"].map { decoder.choice($0, LocalizedText(en: "network", zh: "网络"), Network.self) } ?? Located(.egovExtranet, fields.node.span)
        let description = fields["description"].flatMap { decoder.string($0, LocalizedText(en: "description", zh: "说明")) }
        guard let id, let name, let nameEn, let level, let region, let op, let network else { return nil }
        let identity = PlatformIdentity(
            id: id.value, name: name.value, nameEn: nameEn.value, level: level.value, region: region.value,
            operator: op, environments: environments, network: network.value, description: description?.value)
        return PlatformDecl(identity: identity, spans: spans)
    }

    // MARK: connections

    private func connection(_ node: YAMLNode) -> ConnectionDecl? {
        guard let fields = decoder.fields(node, LocalizedText(en: "a connection", zh: "接入关系"), known: ContractSchema.connection.keyNames) else { return nil }
        let to = decoder.required(fields, "to").flatMap { decoder.name($0, LocalizedText(en: "connection target", zh: "接入对象"), .id) }
        var areas: [(area: Located<AccessArea>, direction: Located<Direction>)] = []
        if let areasNode = decoder.required(fields, "areas") {
            for (key, pair) in decoder.entries(areasNode, LocalizedText(en: "a connection's areas", zh: "接入关系的接入领域")) ?? [] {
                guard let area = decoder.choice(pair.key, LocalizedText(en: "access area", zh: "接入领域"), AccessArea.self),
                      let direction = decoder.choice(pair.value, LocalizedText(en: "direction of '\(key.value)'", zh: "“\(key.value)”的方向"), Direction.self)
                else { continue }
                areas.append((area, direction))
            }
            if areas.isEmpty, case .mapping(let pairs) = areasNode.content, pairs.isEmpty {
                decoder.diagnostics.error(LanguageDiagnostics.missingKey, en: "a connection must name at least one access area", zh: "接入关系必须至少列出一个接入领域", at: areasNode.span)
            }
        }
        guard let to else { return nil }
        return ConnectionDecl(to: to, areas: areas, description: fields["description"].flatMap { decoder.string($0, LocalizedText(en: "description", zh: "说明"))?.value }, span: node.span)
    }

    // MARK: types

    private func types(_ node: YAMLNode, into contract: inout ContractFile) {
        for (name, pair) in decoder.entries(node, .key("types")) ?? [] {
            guard decoder.checkName(name, LocalizedText(en: "type name", zh: "类型名"), .typeName) else { continue }
            if let decl = TypeDecoder(decoder: decoder).decode(name: name, pair.value, source: relativePath) {
                contract.types.append(decl)
            } else {
                contract.poisoned.insert(name.value)
            }
        }
    }

    // MARK: errors

    private func errors(_ node: YAMLNode, into contract: inout ContractFile) {
        for (name, pair) in decoder.entries(node, .key("errors")) ?? [] {
            guard decoder.checkName(name, LocalizedText(en: "error name", zh: "错误名"), .errorName) else { continue }
            let what = LocalizedText(en: "error '\(name.value)'", zh: "错误“\(name.value)”")
            guard let fields = decoder.fields(pair.value, what, known: ContractSchema.errorDefinition.keyNames) else {
                contract.poisoned.insert(name.value)
                continue
            }
            let code = decoder.required(fields, "code").flatMap { decoder.integer($0, LocalizedText(en: "\(what.en) code", zh: "\(what.zh)的错误码")) }
            let http = decoder.required(fields, "http").flatMap { decoder.integer($0, LocalizedText(en: "\(what.en) http status", zh: "\(what.zh)的 HTTP 状态码")) }
            let message = decoder.required(fields, "message").flatMap { decoder.string($0, LocalizedText(en: "\(what.en) message", zh: "\(what.zh)的 message")) }
            let messageEn = fields["messageEn"].flatMap { decoder.string($0, LocalizedText(en: "\(what.en) messageEn", zh: "\(what.zh)的 messageEn")) }
            let condition = fields["condition"].flatMap { decoder.choice($0, LocalizedText(en: "\(what.en) condition", zh: "\(what.zh)的 condition"), ErrorCondition.self) }
            if let http, !(400...599).contains(http.value) {
                decoder.diagnostics.error(LanguageDiagnostics.badValue, en: "\(what.en) http status \(http.value) is not an error status (400-599)",
                                          zh: "\(what.zh)的 HTTP 状态码 \(http.value) 不是错误状态码（400-599）", at: http.span)
            }
            guard let code, let http, (400...599).contains(http.value), let message else {
                contract.poisoned.insert(name.value)
                continue
            }
            contract.errors.append(ErrorDecl(name: name, code: code, http: http, message: message.value, messageEn: messageEn?.value, condition: condition, source: relativePath))
        }
    }
}
