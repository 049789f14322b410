import AccessSpecSyntax

/// 接入架构与接入关系: who connects to whom, and which way each area flows.
enum TopologyRules {
    static let all: [Rule] = [
        Rule("TOP001", area: nil, .error, "a provincial or departmental platform connects to the national platform",
             explanation: """
                Provincial platforms (31 provinces and the XPCC) and State Council department \
                platforms connect directly to the national platform, the hub of the network \
                (接入架构). A workspace with no national platform at all is reported once, by TOP006.
                """,
             bad: RuleExample(.provincial, "connections: []"),
             good: RuleExample(.provincial, "connections:\n  - to: national\n    areas: {items: up, identity: both, license: both, operations: up, security: up}")) { context in
            // Without any hub, TOP006 reports the missing hub once instead.
            guard context.level == .provincial || context.level == .departmental, !context.nationalPlatforms.isEmpty,
                  !context.connectsToBrokenPlatform else { return .notApplicable }
            return .require(context.targets.contains { $0.identity.level == .national },
                            en: "\(context.level.rawValue) platform '\(context.identity.id)' does not connect to the national platform", zh: "\(context.level.chineseName)“\(context.identity.id)”没有接入国家平台",
                            at: context.platform.spans["level"])
        },
        Rule("TOP002", area: nil, .error, "a municipal platform connects to its province's platform",
             explanation: """
                Municipal platforms connect to the provincial platform of their own province, \
                which the first two digits of the GB/T 2260 region code identify; cross-level \
                traffic then goes through the province to the hub.
                """,
             bad: RuleExample(.municipal, "connections:\n  - to: national   # around its province, anhui\n    areas: {operations: up, security: up}"),
             good: RuleExample(.municipal, "connections:\n  - to: anhui      # region 340000, hefei's 340100\n    areas: {operations: up, security: up}")) { context in
            guard context.level == .municipal, !context.connectsToBrokenPlatform else { return .notApplicable }
            let province = context.identity.region.prefix(2)
            return .require(context.targets.contains { $0.identity.level == .provincial && $0.identity.region.hasPrefix(province) },
                            en: "municipal platform '\(context.identity.id)' does not connect to the provincial platform of region \(province)0000", zh: "市级平台“\(context.identity.id)”没有接入行政区划 \(province)0000 的省级平台",
                            at: context.platform.spans["region"])
        },
        Rule("TOP003", area: nil, .warning, "a county platform connects to its city's or province's platform",
             explanation: """
                County platforms connect to the municipal platform of their city (same first \
                four region digits) or, where there is none, to their provincial platform.
                """,
             bad: RuleExample(.county, "connections:\n  - to: national   # around its city and province\n    areas: {operations: up, security: up}"),
             good: RuleExample(.county, "connections:\n  - to: hefei      # region 340100, yaohai's 340102\n    areas: {operations: up, security: up}")) { context in
            guard context.level == .county, !context.connectsToBrokenPlatform else { return .notApplicable }
            let region = context.identity.region
            return .require(context.targets.contains {
                ($0.identity.level == .municipal && $0.identity.region.hasPrefix(region.prefix(4)))
                    || ($0.identity.level == .provincial && $0.identity.region.hasPrefix(region.prefix(2)))
            }, en: "county platform '\(context.identity.id)' connects to no platform of its city or province", zh: "县级平台“\(context.identity.id)”没有接入所在市或省的任何平台", at: context.platform.spans["region"])
        },
        Rule("TOP004", area: nil, .error, "a third party connects through a government platform",
             explanation: """
                Third parties (banks, mini-program channels, enterprises) connect through a \
                government service platform, never around it and never through another third party.
                """,
             bad: RuleExample(.thirdParty, "connections: []"),
             good: RuleExample(.thirdParty, "connections:\n  - to: anhui\n    areas: {license: down}")) { context in
            guard context.level == .thirdParty else { return .notApplicable }
            if context.contract.connections.isEmpty {
                return .failed(en: "third party '\(context.identity.id)' connects to no platform; it must connect through one", zh: "第三方“\(context.identity.id)”没有接入任何平台；它必须经由某个平台接入", at: context.platform.spans["level"])
            }
            let findings = context.targets.filter { $0.identity.level == .thirdParty }.map {
                RuleFinding(en: "third party connects to another third party, '\($0.identity.id)'", zh: "第三方接入了另一个第三方“\($0.identity.id)”", span: $0.connection.to.span)
            }
            return .checked(findings)
        },
        Rule("TOP005", area: nil, .error, "every area of a connection is declared at both ends",
             explanation: """
                A connection's areas say what flows between two platforms. Each area it names \
                must be declared (as a top-level section) by both platforms, or one end has \
                nothing to offer or accept.
                """,
             bad: RuleExample(.municipal, "connections:\n  - to: anhui\n    areas: {operations: up, security: up, seal: both}   # hefei has no 'seal:'"),
             good: RuleExample(.municipal, "seal: {algorithm: sm2-sm3, timestamp: true}\nconnections:\n  - to: anhui\n    areas: {operations: up, security: up, seal: both}")) { context in
            var findings: [RuleFinding] = []
            for (connection, target, identity) in context.targets {
                for (area, _) in connection.areas {
                    // A section another rule requires (SEC007, OPS001) is reported missing there, once.
                    if !context.declares(area.value), !context.requiredSections.contains(area.value) {
                        findings.append(RuleFinding(en: "connection to '\(identity.id)' covers '\(area.value.rawValue)', which this platform does not declare", zh: "到“\(identity.id)”的接入关系包含“\(area.value.rawValue)”，而本平台没有声明该部分", span: area.span))
                    }
                    if !target.mayDeclare(area.value) {
                        findings.append(RuleFinding(en: "connection to '\(identity.id)' covers '\(area.value.rawValue)', which '\(identity.id)' does not declare", zh: "到“\(identity.id)”的接入关系包含“\(area.value.rawValue)”，而“\(identity.id)”没有声明该部分", span: area.span,
                                                    notes: [.declaredHere(identity.id, at: target.platform!.spans["id"])]))
                    }
                }
            }
            return .checked(findings)
        },
        Rule("TOP006", area: nil, .error, "the workspace has exactly one national platform",
             explanation: """
                The national platform is the single hub of the network: every provincial and \
                departmental platform connects to it. A workspace without one has no hub: that is \
                reported once, at the platform whose id sorts first. Each further contract claiming \
                level `national` is a second hub: reported there, with a note at the national \
                platform whose id sorts first.
                """,
             bad: RuleExample(.departmental, "platform: {level: national}   # a second hub beside 'national'\nconnections: []"),
             good: RuleExample(.departmental, "platform: {level: departmental}\nconnections:\n  - to: national\n    areas: {operations: up, security: up}")) { context in
            guard let first = context.nationalPlatforms.first else {
                // The hub may be a platform whose header failed to decode.
                guard context.workspace.brokenPlatforms.isEmpty, context.identity.id == context.firstPlatformID else { return .notApplicable }
                return .failed(en: "the workspace has no national platform (国家政务服务平台), the hub provincial and departmental platforms connect to", zh: "工作区中没有国家平台（国家政务服务平台），即省级平台和部门平台所接入的枢纽",
                               at: context.platform.spans["level"])
            }
            guard context.level == .national else { return .notApplicable }
            guard first.identity.id != context.identity.id else { return .passed }
            return .failed(en: "'\(context.identity.id)' is a second national platform", zh: "“\(context.identity.id)”是第二个国家平台", at: context.platform.spans["level"],
                           notes: [DiagnosticNote(en: "'\(first.identity.id)' is national too", zh: "“\(first.identity.id)”也是国家平台", at: first.spans["level"])])
        },
        Rule("TOP007", area: nil, .error, "connections go up the hierarchy",
             explanation: """
                A platform connects to the level above it: county -> municipal -> provincial -> \
                national; departmental -> national. Third parties connect to any government \
                platform. A connection downward or sideways is declared by the lower platform instead.
                """,
             bad: RuleExample(.municipal, "connections:\n  - to: anhui\n    areas: {operations: up, security: up}\n  - to: yaohai     # a county, below hefei\n    areas: {security: up}"),
             good: RuleExample(.municipal, "connections:   # yaohai connects up to hefei instead\n  - to: anhui\n    areas: {operations: up, security: up}")) { context in
            let findings = context.targets.compactMap { connection, _, identity -> RuleFinding? in
                let upward = context.level == .thirdParty ? identity.level.isGovernment : identity.level.rank < context.level.rank
                return upward ? nil : RuleFinding(
                    en: "\(context.level.rawValue) platform connects to '\(identity.id)', a \(identity.level.rawValue) platform that is not above it", zh: "\(context.level.chineseName)接入了“\(identity.id)”，而这个\(identity.level.chineseName)并不在它的上一级",
                    span: connection.to.span)
            }
            return .checked(findings)
        },
        Rule("TOP008", area: nil, .warning, "the region code fits the platform's level",
             explanation: """
                GB/T 2260 codes encode the level: a province is XX0000, a city XXYY00, a county \
                XXYYZZ; the national platform and State Council departments use 100000.
                """,
             bad: RuleExample(.provincial, "platform: {region: \"340100\"}   # a city's code"),
             good: RuleExample(.provincial, "platform: {region: \"340000\"}")) { context in
            let region = context.identity.region
            let six = String(region.prefix(6))
            let fits: Bool
            switch context.level {
            case .national, .departmental: fits = six == "100000"
            case .provincial: fits = six.hasSuffix("0000") && six != "100000"
            case .municipal: fits = six.hasSuffix("00") && !six.hasSuffix("0000")
            case .county: fits = !six.hasSuffix("00")
            case .thirdParty: return .notApplicable
            }
            return .require(fits, en: "region \(region) does not fit a \(context.level.rawValue) platform", zh: "行政区划 \(region) 与\(context.level.chineseName)不符", at: context.platform.spans["region"])
        },
        Rule("TOP009", area: nil, .warning, "areas flow the way the standard says",
             explanation: """
                Toward a higher platform, service items and licence catalogues flow up (`up` or \
                `both`), and operations and security status are reported up (`up`): \
                统一监控、协同管理.
                """,
             bad: RuleExample(.municipal, "connections:\n  - to: anhui\n    areas: {operations: down, security: up}"),
             good: RuleExample(.municipal, "connections:\n  - to: anhui\n    areas: {operations: up, security: up}")) { context in
            guard context.level != .thirdParty else { return .notApplicable }
            var findings: [RuleFinding] = []
            for (connection, _, identity) in context.targets where identity.level.rank < context.level.rank {
                for (area, direction) in connection.areas {
                    let allowed: [Direction]
                    switch area.value {
                    case .items, .license: allowed = [.up, .both]
                    case .operations, .security: allowed = [.up]
                    default: continue
                    }
                    if !allowed.contains(direction.value) {
                        findings.append(RuleFinding(
                            en: "'\(area.value.rawValue)' toward '\(identity.id)' flows \(direction.value.rawValue); the standard has it \(allowed.map(\.rawValue).joined(separator: " or "))", zh: "到“\(identity.id)”的“\(area.value.rawValue)”方向为 \(direction.value.rawValue)；规范要求为 \(allowed.map(\.rawValue).joined(separator: " 或 "))",
                            span: direction.span, fixIts: [FixIt(en: "make it '\(allowed[0].rawValue)'", zh: "改为“\(allowed[0].rawValue)”", replacing: direction.span, with: allowed[0].rawValue)]))
                    }
                }
            }
            return .checked(findings)
        },
    ]
}
