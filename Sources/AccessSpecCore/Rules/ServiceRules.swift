import AccessSpecSyntax

/// Rules for the service-facing areas: items, portal, identity, seal and licence.
enum ServiceRules {
    static let all: [Rule] = items + portal + identity + seal + license

    static let items: [Rule] = [
        Rule("ITM001", area: .items, .error, "items sent upward declare how the catalogue is synchronised",
             explanation: """
                Service items (政务服务事项) flow up to the national catalogue. A platform that \
                sends items upward says whether it pushes or is pulled, and how often.
                """,
             bad: RuleExample(.provincial, "items:\n  sync: null   # left out, though items flow up to national"),
             good: RuleExample(.provincial, "items:\n  sync: {mode: push, frequency: daily}")) { context in
            let sendsUp = context.contract.connections.contains { $0.areas.contains { $0.area.value == .items && $0.direction.value != .down } }
            guard sendsUp, let items = context.items else { return .notApplicable }
            return .require(items.sync?.mode != nil && items.sync?.frequency != nil,
                            en: "items are sent upward but 'items.sync' does not give both mode and frequency", zh: "事项向上报送，但 `items.sync` 没有同时给出同步方式和同步频率", at: context.span(.items, "sync"))
        },
        Rule("ITM002", area: .items, .warning, "national and provincial catalogues hold both the base catalogue and the implementation list",
             explanation: """
                The national and provincial platforms publish both the base catalogue (基本目录) \
                and the implementation list (实施清单) of service items.
                """,
             bad: RuleExample(.provincial, "items:\n  catalogs: [base]"),
             good: RuleExample(.provincial, "items:\n  catalogs: [base, implementation]")) { context in
            guard context.level == .national || context.level == .provincial, let items = context.items else { return .notApplicable }
            let missing = ItemsSettings.Catalog.allCases.filter { !items.catalogs.contains($0) }
            return .require(missing.isEmpty, en: "items catalogs lack \(missing.map(\.rawValue).joined(separator: " and "))", zh: "事项目录缺少 \(missing.map(\.rawValue).joined(separator: "、"))", at: context.span(.items, "catalogs"))
        },
    ]

    static let portal: [Rule] = [
        Rule("PRT001", area: .portal, .error, "portal single sign-on rests on the identity area",
             explanation: """
                Single sign-on across portals goes through unified identity (统一身份认证); a \
                portal declaring `sso: true` needs the platform's `identity` section.
                """,
             bad: RuleExample(.municipal, "portal:   # hefei has no 'identity:'\n  channels: {web: https://zwfw.hefei.example.gov.cn}\n  sso: true"),
             good: RuleExample(.municipal, """
                portal:
                  channels: {web: https://zwfw.hefei.example.gov.cn}
                  sso: true
                identity:
                  protocol: ticket
                  subjects: [natural-person, legal-person]
                  levels: [L2, L3]
                  tokenTtlSeconds: 7200
                """)) { context in
            guard let portal = context.portal, portal.sso else { return .notApplicable }
            return .require(context.declares(.identity), en: "portal offers single sign-on but the platform declares no 'identity' section", zh: "门户提供单点登录，但平台没有声明 `identity`（身份认证）部分", at: context.span(.portal, "sso"))
        },
        Rule("PRT002", area: .portal, .warning, "national and provincial portals take ratings and complaints",
             explanation: """
                The 好差评 rating system and 投诉建议 complaints are part of every national and \
                provincial portal.
                """,
             bad: RuleExample(.provincial, "portal:\n  features: [search]"),
             good: RuleExample(.provincial, "portal:\n  features: [search, rating, complaint]")) { context in
            guard context.level == .national || context.level == .provincial, let portal = context.portal else { return .notApplicable }
            let missing = [PortalSettings.Feature.rating, .complaint].filter { !portal.features.contains($0) }
            return .require(missing.isEmpty, en: "portal features lack \(missing.map(\.rawValue).joined(separator: " and "))", zh: "门户功能缺少 \(missing.map(\.rawValue).joined(separator: "、"))", at: context.span(.portal, "features"))
        },
        Rule("PRT003", area: .portal, .error, "portal channels are served over https",
             explanation: "Citizens sign in and submit personal data through portal channels; every channel URL uses https.",
             bad: RuleExample(.provincial, "portal:\n  channels: {web: http://zwfw.ah.example.gov.cn}"),
             good: RuleExample(.provincial, "portal:\n  channels: {web: https://zwfw.ah.example.gov.cn}")) { context in
            guard let portal = context.portal else { return .notApplicable }
            return .checked(portal.channels.filter { !$0.url.lowercased().hasPrefix("https://") }.map { channel in
                let span = context.span(.portal, "channels.\(channel.name)")
                return RuleFinding(en: "portal channel '\(channel.name)' is not https", zh: "门户渠道“\(channel.name)”不是 https", span: span,
                                   fixIts: [FixIt(en: "use https", zh: "改用 https", replacing: span, with: "https://" + channel.url.dropFirst("http://".count))])
            })
        },
    ]

    static let identity: [Rule] = [
        Rule("IDN001", area: .identity, .error, "unified identity covers natural and legal persons",
             explanation: """
                Unified identity access (ZFW C0110) serves both natural persons (自然人) and legal \
                persons (法人) on every government platform.
                """,
             bad: RuleExample(.provincial, "identity:\n  subjects: [natural-person]"),
             good: RuleExample(.provincial, "identity:\n  subjects: [natural-person, legal-person]")) { context in
            guard context.level.isGovernment, let identity = context.identitySettings else { return .notApplicable }
            let missing = IdentitySettings.Subject.allCases.filter { !identity.subjects.contains($0) }
            return .require(missing.isEmpty, en: "identity subjects lack \(missing.map(\.rawValue).joined(separator: " and "))", zh: "认证对象缺少 \(missing.map(\.rawValue).joined(separator: "、"))", at: context.span(.identity, "subjects"))
        },
        Rule("IDN002", area: .identity, .error, "the login page is served over https",
             explanation: "Credentials are entered on the login page; it is served over https.",
             bad: RuleExample(.provincial, "identity:\n  loginUrl: http://login.ah.example.gov.cn"),
             good: RuleExample(.provincial, "identity:\n  loginUrl: https://login.ah.example.gov.cn")) { context in
            guard let url = context.identitySettings?.loginUrl else { return .notApplicable }
            return .require(url.lowercased().hasPrefix("https://"), en: "identity loginUrl is not https", zh: "身份认证的 loginUrl 不是 https", at: context.span(.identity, "loginUrl"))
        },
        Rule("IDN003", area: .identity, .warning, "identity states the real-name levels it accepts",
             explanation: """
                Real-name levels (L1-L5: format check, two-factor against population or legal-person \
                databases, name-ID match, certificate or counter check) tell relying platforms \
                how far an identity was verified.
                """,
             bad: RuleExample(.provincial, "identity:\n  levels: []"),
             good: RuleExample(.provincial, "identity:\n  levels: [L2, L3, L4]")) { context in
            guard let identity = context.identitySettings else { return .notApplicable }
            return .require(!identity.levels.isEmpty, en: "identity declares no real-name levels", zh: "身份认证没有声明实名等级", at: context.span(.identity, "levels"))
        },
        Rule("IDN004", area: .identity, .warning, "access tokens live at most two hours",
             explanation: """
                A stolen token is useful for as long as it lives; identity states `tokenTtlSeconds` \
                and keeps it to 7200 seconds or less.
                """,
             bad: RuleExample(.provincial, "identity:\n  tokenTtlSeconds: 86400"),
             good: RuleExample(.provincial, "identity:\n  tokenTtlSeconds: 7200")) { context in
            guard let identity = context.identitySettings else { return .notApplicable }
            guard let ttl = identity.tokenTtlSeconds else {
                return .failed(en: "identity does not state tokenTtlSeconds", zh: "身份认证没有写明 tokenTtlSeconds", at: context.span(.identity, "tokenTtlSeconds"))
            }
            return .require(ttl <= 7200, en: "tokens live \(ttl) seconds, more than 7200", zh: "令牌有效期为 \(ttl) 秒，超过 7200 秒", at: context.span(.identity, "tokenTtlSeconds"))
        },
    ]

    static let seal: [Rule] = [
        Rule("SEL001", area: .seal, .error, "electronic seals sign with SM2 and SM3",
             explanation: "Electronic seals (GB/T 38540) are signed with SM2 over SM3 digests.",
             bad: RuleExample(.provincial, "seal:\n  algorithm: rsa-sha256"),
             good: RuleExample(.provincial, "seal:\n  algorithm: sm2-sm3")) { context in
            guard let seal = context.seal else { return .notApplicable }
            return .require(seal.algorithm == .sm2sm3, en: "seal algorithm is \(seal.algorithm.rawValue), not sm2-sm3", zh: "电子印章算法为 \(seal.algorithm.rawValue)，而不是 sm2-sm3", at: context.span(.seal, "algorithm"))
        },
        Rule("SEL002", area: .seal, .warning, "seal signatures carry a trusted timestamp",
             explanation: "A trusted timestamp proves when a seal was applied, so a later revocation does not void past documents.",
             bad: RuleExample(.provincial, "seal:\n  timestamp: false"),
             good: RuleExample(.provincial, "seal:\n  timestamp: true")) { context in
            guard let seal = context.seal else { return .notApplicable }
            return .require(seal.timestamp, en: "seal signatures carry no trusted timestamp", zh: "电子印章签名没有可信时间戳", at: context.span(.seal, "timestamp"))
        },
        Rule("SEL003", area: .seal, .warning, "seals use the GB/T 38540 structures",
             explanation: "Seals and signatures use the SESeal and SES_Signature structures of GB/T 38540 so that any platform can verify them.",
             bad: RuleExample(.provincial, "seal:\n  format: other"),
             good: RuleExample(.provincial, "seal:\n  format: gb-t-38540")) { context in
            guard let seal = context.seal else { return .notApplicable }
            return .require(seal.format == .gbt38540, en: "seal format is not GB/T 38540", zh: "电子印章格式不是 GB/T 38540", at: context.span(.seal, "format"))
        },
    ]

    static let license: [Rule] = [
        Rule("LIC001", area: .license, .error, "licence operations on a holder's data require a use cause",
             explanation: """
                Using someone's licence requires stating why (用证事由). A licence operation whose \
                request names a holder or a licence (a uscc, resident-id or license-id field) \
                also carries the use-cause field (`license.useCause.field`, default `useCause`) \
                as a required field: an optional cause can be left out.
                """,
             bad: RuleExample(.provincial, "types:\n  VerifyRequest:   # the request of verifyLicenseData\n    fields:\n      useCause: {type: string, maxLength: 200, required: false}"),
             good: RuleExample(.provincial, "types:\n  VerifyRequest:\n    fields:\n      useCause: {type: string, maxLength: 200}   # required, as fields are unless marked")) { context in
            guard let license = context.license, let area = context.area(.license) else { return .notApplicable }
            let scope = context.scope
            var findings: [RuleFinding] = []
            for operation in area.operations {
                guard let request = operation.request, let fields = recordFields(request.value, scope) else { continue }
                let namesHolder = fields.contains { field in
                    if case .builtin(let builtin) = scope.resolve(field.type.value) { return builtin.identifiesHolder }
                    return false
                }
                guard namesHolder else { continue }
                if let useCause = fields.first(where: { $0.name.value == license.useCause.field }) {
                    if !useCause.required {
                        findings.append(RuleFinding(en: "licence operation '\(operation.id.value)' names a holder or licence but its request's '\(useCause.name.value)' (用证事由) is optional; make it required", zh: "电子证照操作“\(operation.id.value)”指明了持证人或证照，但其请求中的“\(useCause.name.value)”（用证事由）是可选的；请改为必填", span: useCause.name.span))
                    }
                } else {
                    findings.append(RuleFinding(en: "licence operation '\(operation.id.value)' names a holder or licence but its request has no '\(license.useCause.field)' (用证事由)", zh: "电子证照操作“\(operation.id.value)”指明了持证人或证照，但其请求中没有“\(license.useCause.field)”（用证事由）", span: request.span))
                }
            }
            return .checked(findings)
        },
        Rule("LIC002", area: .license, .error, "the use cause is bounded text of at most 200 characters",
             explanation: "The use cause (用证事由) is text of at most 200 characters; the field states its maxLength so clients can check it.",
             bad: RuleExample(.provincial, "types:\n  VerifyRequest:\n    fields:\n      useCause: string"),
             good: RuleExample(.provincial, "types:\n  VerifyRequest:\n    fields:\n      useCause: {type: string, maxLength: 200}")) { context in
            guard let license = context.license, let area = context.area(.license) else { return .notApplicable }
            let scope = context.scope
            let limit = min(license.useCause.maxLength, 200)
            var findings: [RuleFinding] = []
            for operation in area.operations {
                guard let request = operation.request, let fields = recordFields(request.value, scope),
                      let field = fields.first(where: { $0.name.value == license.useCause.field }) else { continue }
                let isText = if case .builtin(.string) = scope.resolve(field.type.value) { true } else { false }
                let maxLength = field.constraints.maxLength ?? aliasMaxLength(field.type.value, scope)
                if !isText || maxLength == nil || maxLength! > limit {
                    findings.append(RuleFinding(en: "use cause field '\(field.name.value)' must be a string with maxLength of at most \(limit)", zh: "用证事由字段“\(field.name.value)”必须是 maxLength 不超过 \(limit) 的字符串", span: field.type.span))
                }
            }
            return .checked(findings)
        },
        Rule("LIC003", area: .license, .error, "licence catalogue codes are valid and unique",
             explanation: """
                A licence type code is the issuing ministry's unified social credit code followed \
                by three digits (GB/T 36903); each appears once in a catalogue.
                """,
             bad: RuleExample(.provincial, "license:\n  catalog:\n    - {code: \"11100000000013338X011\", name: 营业执照}   # check character X, not W"),
             good: RuleExample(.provincial, "license:\n  catalog:\n    - {code: \"11100000000013338W011\", name: 营业执照}")) { context in
            guard let license = context.license, !license.catalog.isEmpty else { return .notApplicable }
            var findings: [RuleFinding] = []
            var seen: Set<String> = []
            for (index, entry) in license.catalog.enumerated() {
                let span = context.span(.license, "catalog.\(index)")
                if let problem = DomainFormats.checkLicenseTypeCode(entry.code) {
                    findings.append(RuleFinding(en: "licence type code '\(entry.code)' of \(entry.name) is invalid: \(problem.en)", zh: "“\(entry.name)”的证照类型代码“\(entry.code)”无效：\(problem.zh)", span: span))
                }
                if !seen.insert(entry.code).inserted {
                    findings.append(RuleFinding(en: "licence type code '\(entry.code)' is listed twice", zh: "证照类型代码“\(entry.code)”列出了两次", span: span))
                }
            }
            return .checked(findings)
        },
    ]

    /// The fields of a request when it is a record.
    static func recordFields(_ type: TypeExpression, _ scope: Scope) -> [FieldDecl]? {
        guard case .named(let name) = scope.resolve(type), case .record(let fields)? = scope.types[name]?.kind else { return nil }
        return fields
    }

    static func aliasMaxLength(_ type: TypeExpression, _ scope: Scope) -> Int? {
        guard case .named(let name) = type, case .scalar(_, let constraints)? = scope.types[name]?.kind else { return nil }
        return constraints.maxLength
    }
}
