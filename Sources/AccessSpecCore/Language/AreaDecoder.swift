import AccessSpecSyntax

/// Decodes one access area: its own settings and its operations.
struct AreaDecoder {
    let decoder: NodeDecoder

    /// Each area's keys, its settings and `operations`, built once.
    static let keys: [AccessArea: [String]] = Dictionary(uniqueKeysWithValues: AccessArea.allCases.map { ($0, ContractSchema.areaShape($0).keyNames) })

    func decode(_ area: AccessArea, _ node: YAMLNode, keySpan: SourceSpan) -> AreaDecl? {
        let what = LocalizedText(en: "'\(area.rawValue)' (\(area.chineseName))", zh: "\(area.chineseName)（`\(area.rawValue)`）")
        guard let fields = decoder.fields(node, what, known: Self.keys[area]!) else { return nil }
        var spans = SpanMap(section: keySpan)
        for key in fields.keys { spans[key] = fields[key]!.span }
        let settings: AreaSettings
        switch area {
        case .items: settings = .items(items(fields, &spans))
        case .portal: settings = .portal(portal(fields, &spans))
        case .identity: settings = .identity(identity(fields, &spans))
        case .seal: settings = .seal(seal(fields))
        case .license: settings = .license(license(fields, &spans))
        case .operations: settings = .operations(operations(fields, &spans))
        case .security: settings = .security(security(fields, &spans))
        case .thirdParty: settings = .thirdParty(thirdParty(fields, &spans))
        }
        let operationDecoder = OperationDecoder(decoder: decoder, area: area)
        var operations: [OperationDecl] = []
        var brokenOperations: Set<String> = []
        for node in fields["operations"].flatMap({ decoder.list($0, LocalizedText(en: "\(what.en) operations", zh: "\(what.zh)的 `operations`")) }) ?? [] {
            if let operation = operationDecoder.decode(node) {
                operations.append(operation)
            } else if case .mapping(let pairs) = node.content, let id = pairs.first(where: { $0.key.scalar?.text == "id" })?.value.scalar?.text {
                brokenOperations.insert(id)
            }
        }
        return AreaDecl(area: area, keySpan: keySpan, settings: settings, spans: spans, operations: operations, brokenOperations: brokenOperations)
    }

    private func items(_ fields: Fields, _ spans: inout SpanMap) -> ItemsSettings {
        var settings = ItemsSettings()
        if let node = fields["catalogs"] { settings.catalogs = decoder.choices(node, LocalizedText(en: "item catalog", zh: "事项目录"), ItemsSettings.Catalog.self) }
        if let node = fields["sync"], let sync = decoder.fields(node, .key("items.sync"), known: ContractSchema.itemsSync.keyNames) {
            settings.sync = .init(
                mode: sync["mode"].flatMap { decoder.choice($0, LocalizedText(en: "sync mode", zh: "同步方式"), ItemsSettings.SyncMode.self)?.value },
                frequency: sync["frequency"].flatMap { decoder.choice($0, LocalizedText(en: "sync frequency", zh: "同步频率"), ItemsSettings.Frequency.self)?.value })
        }
        return settings
    }

    private func portal(_ fields: Fields, _ spans: inout SpanMap) -> PortalSettings {
        var settings = PortalSettings()
        if let node = fields["channels"] {
            for (name, pair) in decoder.entries(node, .key("portal.channels")) ?? [] {
                guard decoder.checkName(name, LocalizedText(en: "channel name", zh: "渠道名称"), .id), let url = decoder.url(pair.value, LocalizedText(en: "channel '\(name.value)'", zh: "渠道“\(name.value)”")) else { continue }
                settings.channels.append(.init(name: name.value, url: url.value))
                spans["channels.\(name.value)"] = pair.value.span
            }
        }
        if let node = fields["sso"], let sso = decoder.bool(node, .key("portal.sso")) { settings.sso = sso.value }
        if let node = fields["features"] { settings.features = decoder.choices(node, LocalizedText(en: "portal feature", zh: "门户功能"), PortalSettings.Feature.self) }
        return settings
    }

    private func identity(_ fields: Fields, _ spans: inout SpanMap) -> IdentitySettings {
        var settings = IdentitySettings()
        if let node = decoder.required(fields, "protocol"), let value = decoder.choice(node, LocalizedText(en: "identity protocol", zh: "身份认证协议"), IdentitySettings.AuthProtocol.self) {
            settings.protocol = value.value
        }
        if let node = decoder.required(fields, "subjects") { settings.subjects = decoder.choices(node, LocalizedText(en: "identity subject", zh: "认证对象"), IdentitySettings.Subject.self) }
        if let node = fields["levels"] { settings.levels = decoder.choices(node, LocalizedText(en: "real-name level", zh: "实名等级"), IdentitySettings.Level.self) }
        if let node = fields["loginUrl"] { settings.loginUrl = decoder.url(node, .key("identity.loginUrl"))?.value }
        if let node = fields["tokenTtlSeconds"] { settings.tokenTtlSeconds = positive(node, .key("identity.tokenTtlSeconds")) }
        return settings
    }

    private func seal(_ fields: Fields) -> SealSettings {
        var settings = SealSettings()
        if let node = fields["algorithm"], let value = decoder.choice(node, LocalizedText(en: "seal algorithm", zh: "电子印章算法"), SealSettings.Algorithm.self) { settings.algorithm = value.value }
        if let node = fields["format"], let value = decoder.choice(node, LocalizedText(en: "seal format", zh: "电子印章格式"), SealSettings.Format.self) { settings.format = value.value }
        if let node = fields["timestamp"], let value = decoder.bool(node, .key("seal.timestamp")) { settings.timestamp = value.value }
        return settings
    }

    private func license(_ fields: Fields, _ spans: inout SpanMap) -> LicenseSettings {
        var settings = LicenseSettings()
        for (index, node) in (fields["catalog"].flatMap { decoder.list($0, .key("license.catalog")) } ?? []).enumerated() {
            guard let entry = decoder.fields(node, LocalizedText(en: "a licence catalogue entry", zh: "电子证照目录条目"), known: ContractSchema.licenseCatalogEntry.keyNames) else { continue }
            let code = decoder.required(entry, "code").flatMap { decoder.string($0, LocalizedText(en: "licence type code", zh: "证照类型代码")) }
            let name = decoder.required(entry, "name").flatMap { decoder.string($0, LocalizedText(en: "licence name", zh: "证照名称")) }
            let grade = entry["grade"].map { decoder.choice($0, LocalizedText(en: "licence trust grade", zh: "证照可信等级"), LicenseSettings.Grade.self)?.value } ?? .A
            guard let code, let name, let grade else { continue }
            spans["catalog.\(index)"] = code.span
            settings.catalog.append(.init(code: code.value, name: name.value, grade: grade))
        }
        if let node = fields["useCause"], let useCause = decoder.fields(node, .key("license.useCause"), known: ContractSchema.licenseUseCause.keyNames) {
            if let field = useCause["field"].flatMap({ decoder.name($0, LocalizedText(en: "use cause field", zh: "用证事由字段"), .fieldName) }) { settings.useCause.field = field.value }
            if let maxLength = useCause["maxLength"].flatMap({ positive($0, LocalizedText(en: "use cause maxLength", zh: "用证事由的 maxLength")) }) {
                settings.useCause.maxLength = maxLength
                spans["useCause.maxLength"] = useCause["maxLength"]!.span
            }
        }
        return settings
    }

    private func operations(_ fields: Fields, _ spans: inout SpanMap) -> OperationsSettings {
        var settings = OperationsSettings()
        if let node = fields["availability"] { settings.availability = percentage(node) }
        if let node = fields["p95LatencyMs"] { settings.p95LatencyMs = positive(node, .key("operations.p95LatencyMs")) }
        if let node = fields["health"] { settings.health = decoder.path(node, LocalizedText(en: "health path", zh: "健康检查路径"))?.value }
        if let node = fields["monitoring"], let monitoring = decoder.fields(node, .key("operations.monitoring"), known: ContractSchema.operationsMonitoring.keyNames) {
            settings.reportIntervalMinutes = monitoring["reportIntervalMinutes"].flatMap { positive($0, LocalizedText(en: "report interval", zh: "上报间隔")) }
        }
        if let node = fields["incidentReportMinutes"] { settings.incidentReportMinutes = positive(node, .key("operations.incidentReportMinutes")) }
        return settings
    }

    private func security(_ fields: Fields, _ spans: inout SpanMap) -> SecuritySettings {
        var settings = SecuritySettings()
        if let node = fields["transport"], let transport = decoder.fields(node, .key("security.transport"), known: ContractSchema.securityTransport.keyNames) {
            if let value = transport["minTls"].flatMap({ decoder.choice($0, LocalizedText(en: "minimum TLS version", zh: "最低 TLS 版本"), SecuritySettings.TLSVersion.self) }) {
                settings.transport.minTls = value.value
                spans["transport.minTls"] = value.span
            }
            if let value = transport["gm"].flatMap({ decoder.bool($0, .key("security.transport.gm")) }) { settings.transport.gm = value.value }
        }
        if let node = fields["envelope"], let envelope = decoder.choice(node, LocalizedText(en: "envelope", zh: "报文封装"), SecuritySettings.Envelope.self) { settings.envelope = envelope.value }
        if let node = fields["algorithms"] { settings.algorithms = decoder.choices(node, LocalizedText(en: "algorithm", zh: "算法"), SecuritySettings.Algorithm.self) }
        if let node = fields["signing"], let signing = decoder.fields(node, .key("security.signing"), known: ContractSchema.securitySigning.keyNames) {
            let algorithm = decoder.required(signing, "algorithm").flatMap { decoder.choice($0, LocalizedText(en: "signing algorithm", zh: "签名算法"), SecuritySettings.SigningAlgorithm.self) }
            let header = signing["header"].flatMap { decoder.headerName($0, LocalizedText(en: "signing header", zh: "签名头部")) }
            let key = decoder.required(signing, "key").flatMap { decoder.secret($0, LocalizedText(en: "signing key", zh: "签名密钥")) }
            if let algorithm, let key {
                settings.signing = .init(algorithm: algorithm.value, header: header?.value ?? "X-Signature", key: key.value)
                spans["signing.algorithm"] = algorithm.span
            }
        }
        if let node = fields["auth"], let auth = decoder.fields(node, .key("security.auth"), known: ContractSchema.securityAuth.keyNames) {
            if let value = auth["accessIdHeader"].flatMap({ decoder.headerName($0, LocalizedText(en: "access id header", zh: "接入标识头部")) }) { settings.auth.accessIdHeader = value.value }
            if let value = auth["tokenHeader"].flatMap({ decoder.headerName($0, LocalizedText(en: "token header", zh: "令牌头部")) }) { settings.auth.tokenHeader = value.value }
        }
        if let node = fields["ipAllowList"] {
            settings.ipAllowList = decoder.strings(node, .key("security.ipAllowList")).compactMap { entry in
                guard CIDR.isValid(entry.value) else {
                    decoder.diagnostics.error(LanguageDiagnostics.badValue, en: "'\(entry.value)' is not an IPv4 or IPv6 CIDR block such as 10.1.0.0/16",
                                              zh: "“\(entry.value)”不是 IPv4 或 IPv6 的 CIDR 地址块（如 10.1.0.0/16）", at: entry.span)
                    return nil
                }
                return entry.value
            }
        }
        if let node = fields["protectionLevel"], let level = decoder.integer(node, .key("security.protectionLevel")) {
            if (1...5).contains(level.value) {
                settings.protectionLevel = level.value
            } else {
                decoder.diagnostics.error(LanguageDiagnostics.badValue, en: "protection level (等保) is 1 to 5, not \(level.value)",
                                          zh: "等保级别为 1 至 5，而不是 \(level.value)", at: node.span)
            }
        }
        if let node = fields["auditRetentionDays"] { settings.auditRetentionDays = positive(node, .key("security.auditRetentionDays")) }
        return settings
    }

    private func thirdParty(_ fields: Fields, _ spans: inout SpanMap) -> ThirdPartySettings {
        var settings = ThirdPartySettings()
        if let node = fields["via"] { settings.via = decoder.name(node, .key("thirdParty.via"), .id)?.value }
        if let node = fields["purpose"] { settings.purpose = decoder.string(node, .key("thirdParty.purpose"))?.value }
        if let node = fields["dataScope"] { settings.dataScope = decoder.strings(node, .key("thirdParty.dataScope")).map(\.value) }
        if let node = fields["authorization"] {
            settings.authorization = decoder.choice(node, LocalizedText(en: "authorization basis", zh: "授权依据"), ThirdPartySettings.Authorization.self)?.value
        }
        if let node = fields["uses"] {
            for (index, entry) in decoder.strings(node, .key("thirdParty.uses")).enumerated() {
                let parts = entry.value.split(separator: ".", omittingEmptySubsequences: false)
                guard parts.count == 3, AccessArea(rawValue: String(parts[1])) != nil else {
                    decoder.diagnostics.error(LanguageDiagnostics.badValue, en: "'\(entry.value)' must name an operation as platform.area.operationId",
                                              zh: "“\(entry.value)”必须以 platform.area.operationId 的形式指明操作", at: entry.span)
                    continue
                }
                spans["uses.\(index)"] = entry.span
                settings.uses.append(entry.value)
            }
        }
        return settings
    }

    // MARK: Values

    private func positive(_ node: YAMLNode, _ what: LocalizedText) -> Int? {
        guard let value = decoder.integer(node, what) else { return nil }
        guard value.value > 0 else {
            decoder.diagnostics.error(LanguageDiagnostics.badValue, en: "\(what.en) must be greater than zero", zh: "\(what.zh)必须大于零", at: node.span)
            return nil
        }
        return value.value
    }

    /// "99.9%" or 99.9.
    private func percentage(_ node: YAMLNode) -> Double? {
        let parsed: Double?
        switch node.scalar?.resolved(tag: node.tag) {
        case .integer(let value): parsed = Double(value)
        case .float(let value): parsed = value
        case .string(let text) where text.hasSuffix("%"): parsed = Double(text.dropLast())
        default: parsed = nil
        }
        guard let parsed, parsed > 0, parsed <= 100 else {
            decoder.diagnostics.error(LanguageDiagnostics.badValue, en: "availability must be a percentage such as \"99.9%\"", zh: "可用性必须是百分比，如 \"99.9%\"", at: node.span)
            return nil
        }
        return parsed
    }
}

enum CIDR {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Int(parts[1]) else { return false }
        let address = parts[0]
        if address.contains(":") {
            let groups = address.split(separator: ":", omittingEmptySubsequences: false)
            return (0...128).contains(prefix) && groups.count <= 8
                && groups.allSatisfy { $0.count <= 4 && $0.allSatisfy(\.isHexDigit) }
                && (groups.count == 8 || address.contains("::"))
        }
        let octets = address.split(separator: ".", omittingEmptySubsequences: false)
        return (0...32).contains(prefix) && octets.count == 4 && octets.allSatisfy { octet in
            guard let value = Int(octet), octet.allSatisfy(\.isASCII) else { return false }
            return (0...255).contains(value)
        }
    }
}
