import AccessSpecCore

/// The docs' bilingual labels: Chinese first, English beside it, one name per domain term.
enum Labels {
    static let siteTitle = Inline.label("政务服务平台接入文档", "Access contract documentation")

    static func area(_ area: AccessArea) -> Inline { .label(area.chineseName, areaEnglish(area)) }

    static func areaEnglish(_ area: AccessArea) -> String {
        switch area {
        case .items: "Service items"
        case .portal: "Portal"
        case .identity: "Identity"
        case .seal: "Seal"
        case .license: "License"
        case .operations: "Operations"
        case .security: "Security"
        case .thirdParty: "Third party"
        }
    }

    /// Short names for the diagram's edge labels.
    static func areaShort(_ area: AccessArea) -> (zh: String, en: String) {
        switch area {
        case .items: ("事项", "items")
        case .portal: ("门户", "portal")
        case .identity: ("身份", "identity")
        case .seal: ("印章", "seal")
        case .license: ("证照", "license")
        case .operations: ("运维", "operations")
        case .security: ("安全", "security")
        case .thirdParty: ("第三方", "third party")
        }
    }

    /// What each area covers, for the area pages.
    static func areaScope(_ area: AccessArea) -> Inline {
        switch area {
        case .items: .label("事项目录同步 (基本目录、实施清单)、事项编码、推送或拉取、频率", "Item catalogue sync (base catalogue, implementation list), item codes, push or pull, frequency")
        case .portal: .label("门户与移动端渠道; 单点登录、统一事项服务、好差评、投诉建议、统一搜索", "Portal and mobile channels; single sign-on, unified item service, ratings, complaints, unified search")
        case .identity: .label("登录页、票据换令牌、用户信息、注销、法人账号切换; 自然人与法人; 实名等级", "Login page, ticket to token exchange, user info, logout, legal-person switch; natural and legal persons; real-name levels")
        case .seal: .label("签章与验章 (GB/T 38540), SM2 与 SM3, 时间戳", "Seal signing and verification (GB/T 38540), SM2 with SM3, timestamps")
        case .license: .label("证照目录、查询、核验数据、核验文件、下载地址、文件下载; 用证事由; 证照可信等级 A-D", "Licence catalogue, query, verify data or file, download address and file; use cause; trust grades A-D")
        case .operations: .label("健康检查、监控上报、可用性与时延目标、事件上报", "Health, monitoring reports, availability and latency targets, incident reporting")
        case .security: .label("传输 (TLS 1.2+ 或国密 TLCP)、算法 (SM2/SM3/SM4)、请求签名、IP 白名单、等保级别、审计留存", "Transport (TLS 1.2+ or GM TLCP), algorithms, request signing, IP allow-lists, protection level, audit retention")
        case .thirdParty: .label("第三方经哪个平台接入、调用哪些接口、数据使用范围与授权", "Who, through which platform, which operations, data-use scope and authorisation")
        }
    }

    static func level(_ level: PlatformLevel) -> Inline {
        switch level {
        case .national: .label(level.chineseName, "National")
        case .provincial: .label(level.chineseName, "Provincial")
        case .municipal: .label(level.chineseName, "Municipal")
        case .county: .label(level.chineseName, "County")
        case .departmental: .label(level.chineseName, "State Council department")
        case .thirdParty: .label(level.chineseName, "Third party")
        }
    }

    /// Platforms counted by level, "12 市 · 96 县 · 3 第三方" and "12 cities · 96 counties · 3
    /// third parties", in the docs' order of levels; levels without platforms left out.
    static func levelCounts(_ counts: [PlatformLevel: Int]) -> (zh: String, en: String) {
        let levels = PlatformLevel.allCases.sorted { NetworkOutline.position($0) < NetworkOutline.position($1) }.filter { (counts[$0] ?? 0) > 0 }
        guard !levels.isEmpty else { return ("无", "none") }
        func words(_ level: PlatformLevel) -> (zh: String, one: String, many: String) {
            switch level {
            case .national: ("国家", "national", "national")
            case .provincial: ("省", "province", "provinces")
            case .departmental: ("部门", "department", "departments")
            case .municipal: ("市", "city", "cities")
            case .county: ("县", "county", "counties")
            case .thirdParty: ("第三方", "third party", "third parties")
            }
        }
        let zh = levels.map { "\(counts[$0]!) \(words($0).zh)" }.joined(separator: " · ")
        let en = levels.map { "\(counts[$0]!) \(counts[$0]! == 1 ? words($0).one : words($0).many)" }.joined(separator: " · ")
        return (zh, en)
    }

    /// The diagram's bands, by rank: national, provincial and departmental, municipal, county, third party.
    static func band(rank: Int) -> (zh: String, en: String) {
        switch rank {
        case 0: ("国家", "National")
        case 1: ("省级 / 部门", "Provincial / departmental")
        case 2: ("市级", "Municipal")
        case 3: ("县级", "County")
        default: ("第三方", "Third party")
        }
    }

    static func network(_ network: Network) -> Inline {
        switch network {
        case .egovExtranet: .label("政务外网", "E-government extranet")
        case .internet: .label("互联网", "Internet")
        }
    }

    static func status(_ status: ComplianceStatus) -> (symbol: String, zh: String, en: String) {
        switch status {
        case .passed: ("✓", "通过", "passed")
        case .warning: ("!", "警告", "warning")
        case .failed: ("✗", "未通过", "failed")
        case .off: ("○", "已关闭", "off")
        case .notApplicable: ("–", "不适用", "not applicable")
        }
    }

    static func severity(_ severity: String) -> Inline {
        switch severity {
        case "error": .label("错误", "error")
        case "warning": .label("警告", "warning")
        case "off": .label("关闭", "off")
        default: .code(severity)
        }
    }

    /// A direction as seen along the connection from its source to its target.
    static func direction(_ direction: Direction) -> Inline {
        switch direction {
        case .up: .label("上行", "up")
        case .down: .label("下行", "down")
        case .both: .label("双向", "both")
        }
    }

    static let yes = Inline.label("是", "yes")
    static let no = Inline.label("否", "no")
    static let none = Inline.label("无", "none")
    static let notStated = Inline.label("未填写", "not stated")

    static let topologyArea = Inline.label("接入架构", "Topology")

    /// The settings of each area, in the order a reviewer reads them, by their key in the IR.
    /// A setting the IR holds that is not listed here is still shown, under its key.
    static func settings(_ area: AccessArea) -> [(key: String, label: Inline)] {
        switch area {
        case .items: [
            ("catalogs", .label("目录", "Catalogues")),
            ("sync.mode", .label("同步方式", "Sync mode")),
            ("sync.frequency", .label("同步频率", "Sync frequency")),
        ]
        case .portal: [
            ("channels", .label("渠道", "Channels")),
            ("sso", .label("单点登录", "Single sign-on")),
            ("features", .label("功能", "Features")),
        ]
        case .identity: [
            ("protocol", .label("协议", "Protocol")),
            ("subjects", .label("主体", "Subjects")),
            ("levels", .label("实名等级", "Real-name levels")),
            ("loginUrl", .label("登录页", "Login page")),
            ("tokenTtlSeconds", .label("令牌有效期 (秒)", "Token lifetime (s)")),
        ]
        case .seal: [
            ("algorithm", .label("算法", "Algorithm")),
            ("format", .label("格式", "Format")),
            ("timestamp", .label("可信时间戳", "Timestamp")),
        ]
        case .license: [
            ("catalog", .label("证照目录", "Licence catalogue")),
            ("useCause.field", .label("用证事由字段", "Use-cause field")),
            ("useCause.maxLength", .label("用证事由最大长度", "Use-cause maximum length")),
        ]
        case .operations: [
            ("availability", .label("可用性目标 (%)", "Availability target (%)")),
            ("p95LatencyMs", .label("P95 时延目标 (毫秒)", "P95 latency target (ms)")),
            ("health", .label("健康检查", "Health endpoint")),
            ("reportIntervalMinutes", .label("监控上报间隔 (分钟)", "Report interval (min)")),
            ("incidentReportMinutes", .label("事件上报时限 (分钟)", "Incident report within (min)")),
        ]
        case .security: [
            ("transport.minTls", .label("最低 TLS 版本", "Minimum TLS version")),
            ("transport.gm", .label("国密 TLS (TLCP)", "GM TLS (TLCP)")),
            ("envelope", .label("报文封装", "Envelope")),
            ("algorithms", .label("密码算法", "Algorithms")),
            ("signing.algorithm", .label("签名算法", "Signing algorithm")),
            ("signing.header", .label("签名请求头", "Signature header")),
            ("signing.key", .label("签名密钥 (引用)", "Signing key (reference)")),
            ("auth.accessIdHeader", .label("接入标识请求头", "Access-id header")),
            ("auth.tokenHeader", .label("令牌请求头", "Token header")),
            ("ipAllowList", .label("IP 白名单", "IP allow-list")),
            ("protectionLevel", .label("等保级别", "Protection level")),
            ("auditRetentionDays", .label("审计日志保留 (天)", "Audit retention (days)")),
        ]
        case .thirdParty: [
            ("via", .label("接入平台", "Via")),
            ("purpose", .label("用途", "Purpose")),
            ("dataScope", .label("数据使用范围", "Data scope")),
            ("authorization", .label("授权方式", "Authorisation")),
            ("uses", .label("调用的接口", "Operations used")),
        ]
        }
    }
}
