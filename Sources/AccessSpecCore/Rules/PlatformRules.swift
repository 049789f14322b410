import AccessSpecSyntax

/// Rules for running a platform: operations, security and third-party access.
enum PlatformRules {
    static let all: [Rule] = operations + security + thirdParty

    static let operations: [Rule] = [
        Rule("OPS001", area: .operations, .error, "operations declares a health endpoint and an availability target",
             explanation: """
                Operations access (ZFW C0132) monitors every platform centrally: each government \
                platform declares an `operations` section with a health path and an availability target.
                """,
             bad: RuleExample(.provincial, "operations:\n  health: null   # left out"),
             good: RuleExample(.provincial, "operations:\n  health: /health\n  availability: \"99.9%\"")) { context in
            guard context.level.isGovernment || context.declares(.operations) else { return .notApplicable }
            guard let operations = context.operations else {
                return .failed(en: "government platform '\(context.identity.id)' declares no 'operations' section (运维管理)", zh: "政务服务平台“\(context.identity.id)”没有声明 `operations`（运维管理）部分", at: context.platform.spans["level"])
            }
            var missing: [String] = []
            if operations.health == nil { missing.append("health") }
            if operations.availability == nil { missing.append("availability") }
            return .require(missing.isEmpty, en: "operations does not declare \(missing.joined(separator: " or "))", zh: "运维管理没有声明 \(missing.joined(separator: "、"))", at: context.span(.operations, missing.first ?? "health"))
        },
        Rule("OPS002", area: .operations, .warning, "the availability target meets the workspace minimum",
             explanation: "The availability target is at least the workspace's `minAvailability` (99.5% unless set in accessspec.yaml).",
             bad: RuleExample(.provincial, "operations:\n  availability: \"99%\""),
             good: RuleExample(.provincial, "operations:\n  availability: \"99.9%\"")) { context in
            guard let availability = context.operations?.availability else { return .notApplicable }
            let minimum = context.workspace.settings.minAvailability
            return .require(availability >= minimum, en: "availability target \(availability)% is below the minimum \(minimum)%", zh: "可用性目标 \(availability)% 低于最低要求 \(minimum)%", at: context.span(.operations, "availability"))
        },
        Rule("OPS003", area: .operations, .warning, "operations states a latency target and how soon incidents are reported",
             explanation: """
                统一监控、协同管理: platforms report incidents upward within a stated time and \
                hold a latency target that the hub can monitor.
                """,
             bad: RuleExample(.provincial, "operations:\n  p95LatencyMs: null            # left out\n  incidentReportMinutes: null   # left out"),
             good: RuleExample(.provincial, "operations:\n  p95LatencyMs: 800\n  incidentReportMinutes: 30")) { context in
            guard context.level.isGovernment, let operations = context.operations else { return .notApplicable }
            var missing: [String] = []
            if operations.p95LatencyMs == nil { missing.append("p95LatencyMs") }
            if operations.incidentReportMinutes == nil { missing.append("incidentReportMinutes") }
            return .require(missing.isEmpty, en: "operations does not state \(missing.joined(separator: " or "))", zh: "运维管理没有写明 \(missing.joined(separator: "、"))", at: context.span(.operations, "health"))
        },
    ]

    static let security: [Rule] = [
        Rule("SEC001", area: .security, .error, "plain TLS is 1.2 or later, even where GM TLS is offered",
             explanation: """
                Traffic between platforms is encrypted with TLS 1.2 or later, or with GM TLS (TLCP, \
                GB/T 38636). Offering GM TLS (`gm: true`) does not excuse a weak plain-TLS minimum: \
                a peer without TLCP still negotiates the weak version, so `minTls` is 1.2 or 1.3 \
                whatever `gm` says.
                """,
             bad: RuleExample(.provincial, "security:\n  transport: {minTls: \"1.0\", gm: true}"),
             good: RuleExample(.provincial, "security:\n  transport: {minTls: \"1.2\", gm: true}")) { context in
            guard let security = context.security else { return .notApplicable }
            let transport = security.transport
            let span = context.span(.security, "transport.minTls")
            return .require(transport.minTls == .v1_2 || transport.minTls == .v1_3,
                            en: "minimum TLS version \(transport.minTls.rawValue) is below 1.2\(transport.gm ? "; offering GM TLS as well does not make it safe" : "")",
                            zh: "最低 TLS 版本 \(transport.minTls.rawValue) 低于 1.2\(transport.gm ? "；同时提供国密 TLS 并不能使其安全" : "")", at: span,
                            fixIts: [FixIt(en: "require TLS 1.2", zh: "要求 TLS 1.2", replacing: span, with: "\"1.2\"")])
        },
        Rule("SEC002", area: .security, .error, "endpoints of every environment but test and development ones are https",
             explanation: """
                A platform's production environment, and every environment that is not declared \
                a test or development one, is reached over https only. Test and development \
                environments are those named \(PlatformRules.testEnvironmentNames.joined(separator: ", ")); \
                they may use http. Any other name, `staging` and `uat` included, is \
                held to https: such environments mirror production and often carry real data.
                """,
             bad: RuleExample(.provincial, "platform:\n  environments:\n    staging: http://staging.zwfw.ah.example.gov.cn/api"),
             good: RuleExample(.provincial, "platform:\n  environments:\n    staging: https://staging.zwfw.ah.example.gov.cn/api\n    test: http://test.zwfw.ah.example.gov.cn/api   # a test one may use http")) { context in
            let heldToHTTPS = context.identity.environments.filter { !testEnvironmentNames.contains($0.name) }
            return .checked(heldToHTTPS.filter { !$0.url.lowercased().hasPrefix("https://") }.map { environment in
                let span = context.platform.spans["environments.\(environment.name)"]
                return RuleFinding(en: "URL \(environment.url) of environment '\(environment.name)' is not https; only test and development environments (\(testEnvironmentNames.joined(separator: ", "))) may use http", zh: "环境“\(environment.name)”的 URL \(environment.url) 不是 https；只有测试和开发环境（\(testEnvironmentNames.joined(separator: "、"))）可以使用 http",
                                   span: span, fixIts: [FixIt(en: "use https", zh: "改用 https", replacing: span, with: "https://" + environment.url.dropFirst("http://".count))])
            })
        },
        Rule("SEC003", area: .security, .error, "requests are signed",
             explanation: """
                Every request between platforms is signed (HMAC-SM3, HMAC-SHA256 or SM2 with SM3) \
                so that the receiver can prove who sent it and that it was not altered.
                """,
             bad: RuleExample(.provincial, "security:\n  signing: null   # left out"),
             good: RuleExample(.provincial, "security:\n  signing: {algorithm: hmac-sm3, key: \"${env:ANHUI_SECRET}\"}")) { context in
            guard let security = context.security else { return .notApplicable }
            return .require(security.signing != nil, en: "security does not declare request signing", zh: "安全保障没有声明请求签名", at: context.span(.security, "signing"))
        },
        Rule("SEC004", area: .security, .warning, "platforms on the e-government extranet sign with national algorithms",
             explanation: "On the e-government extranet (政务外网), signing uses the national algorithms: HMAC-SM3 or SM2 with SM3.",
             bad: RuleExample(.provincial, "security:   # anhui is on the e-government extranet, the default network\n  signing: {algorithm: hmac-sha256, key: \"${env:ANHUI_SECRET}\"}"),
             good: RuleExample(.provincial, "security:\n  signing: {algorithm: hmac-sm3, key: \"${env:ANHUI_SECRET}\"}")) { context in
            guard context.identity.network == .egovExtranet, let signing = context.security?.signing else { return .notApplicable }
            return .require(signing.algorithm != .hmacSHA256, en: "signing uses \(signing.algorithm.rawValue) on the e-government extranet; use hmac-sm3 or sm2-sm3", zh: "在政务外网上签名使用了 \(signing.algorithm.rawValue)；请使用 hmac-sm3 或 sm2-sm3",
                            at: context.span(.security, "signing.algorithm"))
        },
        Rule("SEC005", area: .security, .error, "hub, provincial and departmental platforms are protected at level 3 or higher",
             explanation: """
                Platforms that aggregate citizens' data nationally or provincially are classified \
                at protection level 3 or above under GB/T 22239 (等保三级).
                """,
             bad: RuleExample(.provincial, "security:\n  protectionLevel: 2"),
             good: RuleExample(.provincial, "security:\n  protectionLevel: 3")) { context in
            guard [.national, .provincial, .departmental].contains(context.level), let security = context.security else { return .notApplicable }
            guard let level = security.protectionLevel else {
                return .failed(en: "security does not state the protection level (等保)", zh: "安全保障没有写明等保级别", at: context.span(.security, "protectionLevel"))
            }
            return .require(level >= 3, en: "protection level \(level) is below 3", zh: "等保级别 \(level) 低于三级", at: context.span(.security, "protectionLevel"))
        },
        Rule("SEC006", area: .security, .error, "audit logs are kept long enough",
             explanation: """
                Network logs are kept for at least six months (180 days) under the Cybersecurity \
                Law; the workspace may raise the minimum with `minAuditRetentionDays`.
                """,
             bad: RuleExample(.provincial, "security:\n  auditRetentionDays: 90"),
             good: RuleExample(.provincial, "security:\n  auditRetentionDays: 180")) { context in
            guard let security = context.security else { return .notApplicable }
            let minimum = context.workspace.settings.minAuditRetentionDays
            guard let days = security.auditRetentionDays else {
                return .failed(en: "security does not state auditRetentionDays", zh: "安全保障没有写明 auditRetentionDays", at: context.span(.security, "auditRetentionDays"))
            }
            return .require(days >= minimum, en: "audit logs are kept \(days) days, fewer than \(minimum)", zh: "审计日志保存 \(days) 天，少于 \(minimum) 天", at: context.span(.security, "auditRetentionDays"))
        },
        Rule("SEC007", area: .security, .error, "every platform declares its security",
             explanation: "Every platform that joins the network states its security measures (安全保障): transport, signing, protection level, audit.",
             bad: RuleExample(.thirdParty, "security: null   # left out"),
             good: RuleExample(.thirdParty, """
                security:
                  transport: {minTls: "1.3"}
                  signing: {algorithm: hmac-sha256, key: "${env:BANK_SECRET}"}
                  auditRetentionDays: 180
                """)) { context in
            .require(context.declares(.security), en: "platform '\(context.identity.id)' declares no 'security' section (安全保障)", zh: "平台“\(context.identity.id)”没有声明 `security`（安全保障）部分", at: context.platform.spans["id"])
        },
    ]

    /// The environment names SEC002 takes for test or development ones.
    static let testEnvironmentNames = ["test", "testing", "dev", "development", "sandbox"]

    static let thirdParty: [Rule] = [
        Rule("THP001", area: .thirdParty, .error, "a third party declares the data it may use",
             explanation: "A third party states its data-use scope, so that reviewers and the platform it connects through can hold it to it.",
             bad: RuleExample(.thirdParty, "thirdParty:\n  dataScope: []"),
             good: RuleExample(.thirdParty, "thirdParty:\n  dataScope: [license.verify]")) { context in
            guard context.level == .thirdParty else { return .notApplicable }
            guard let settings = context.thirdParty else {
                return .failed(en: "third party declares no 'thirdParty' section", zh: "第三方没有声明 `thirdParty` 部分", at: context.platform.spans["level"])
            }
            return .require(!settings.dataScope.isEmpty, en: "third party declares no dataScope", zh: "第三方没有声明 dataScope", at: context.span(.thirdParty, "dataScope"))
        },
        Rule("THP002", area: .thirdParty, .error, "a third party states its purpose and authorisation",
             explanation: "A third party says why it needs access and on what basis it is authorised: the user's consent, an agreement or a statute.",
             bad: RuleExample(.thirdParty, "thirdParty:\n  purpose: null   # left out"),
             good: RuleExample(.thirdParty, "thirdParty:\n  purpose: 在手机银行中为用户核验营业执照\n  authorization: user-consent")) { context in
            guard context.level == .thirdParty, let settings = context.thirdParty else { return .notApplicable }
            var missing: [String] = []
            if settings.purpose == nil { missing.append("purpose") }
            if settings.authorization == nil { missing.append("authorization") }
            return .require(missing.isEmpty, en: "third party does not state \(missing.joined(separator: " or "))", zh: "第三方没有写明 \(missing.joined(separator: "、"))", at: context.span(.thirdParty, missing.first ?? "purpose"))
        },
        Rule("THP003", area: .thirdParty, .error, "a third party names the platform it connects through",
             explanation: """
                `thirdParty.via` names the government platform the third party connects through, \
                and the third party connects to it. A third party with no connection at all is \
                reported by TOP004 alone.
                """,
             bad: RuleExample(.thirdParty, "thirdParty:\n  via: hefei   # but bank connects to anhui"),
             good: RuleExample(.thirdParty, "thirdParty:\n  via: anhui\nconnections:\n  - to: anhui\n    areas: {license: down}")) { context in
            guard context.level == .thirdParty, let settings = context.thirdParty else { return .notApplicable }
            guard let via = settings.via else { return .failed(en: "third party does not name the platform it connects through ('via')", zh: "第三方没有指明经由哪个平台接入（`via`）", at: context.span(.thirdParty, "via")) }
            // A third party with no connection at all is TOP004's finding.
            return .require(context.contract.connections.isEmpty || context.contract.connections.contains { $0.to.value == via }, en: "third party connects through '\(via)' but has no connection to it", zh: "第三方经由“\(via)”接入，但没有到它的接入关系", at: context.span(.thirdParty, "via"))
        },
        Rule("THP004", area: .thirdParty, .error, "a third party uses only operations that exist on platforms it connects to",
             explanation: """
                Each entry of `thirdParty.uses` names an operation (platform.area.operationId) of a \
                platform the third party connects to. A third party with no connection at all is \
                reported by TOP004 alone.
                """,
             bad: RuleExample(.thirdParty, "thirdParty:\n  uses: [anhui.license.verfy]"),
             good: RuleExample(.thirdParty, "thirdParty:\n  uses: [anhui.license.verifyLicenseData]")) { context in
            guard let settings = context.thirdParty, !settings.uses.isEmpty else { return .notApplicable }
            let connected = Set(context.contract.connections.map(\.to.value))
            var findings: [RuleFinding] = []
            for (index, use) in settings.uses.enumerated() {
                let platform = String(use.split(separator: ".")[0])
                let span = context.span(.thirdParty, "uses.\(index)")
                // An unknown platform is reported by the resolver; a broken area by its decoder.
                guard let target = context.workspace.platforms[platform],
                      let area = AccessArea(rawValue: String(use.split(separator: ".")[1])), !target.poisonedAreas.contains(area),
                      target.areas[area]?.brokenOperations.contains(String(use.split(separator: ".")[2])) != true else { continue }
                if context.workspace.operation(named: use) == nil {
                    findings.append(RuleFinding(en: "'\(use)' names no operation of '\(platform)'", zh: "“\(use)”没有指向“\(platform)”的任何操作", span: span))
                } else if !connected.contains(platform), !connected.isEmpty {   // no connection at all is TOP004's finding
                    findings.append(RuleFinding(en: "'\(use)' is an operation of '\(platform)', which this third party does not connect to", zh: "“\(use)”是“\(platform)”的操作，而本第三方没有接入该平台", span: span))
                }
            }
            return .checked(findings)
        },
    ]
}
