import AccessSpecSyntax

/// What a key's value may be.
public indirect enum ValueShape: Sendable {
    /// Any scalar read as text (numbers are accepted where text is expected).
    case text
    case integer
    case number
    case boolean
    /// A number, or text such as "99.9%".
    case percentage
    /// One of a fixed set of words.
    case choice([String])
    case list(ValueShape)
    case mapping(MappingShape)
    /// A mapping whose keys are names the author chooses (types, errors, environments).
    case named(NameForm?, ValueShape)
    /// A mapping whose keys are words from a fixed set, each with a value of `value`'s shape.
    case keyedBy([String], ValueShape)
    /// Either of two shapes (a field is a type expression or a mapping).
    case either(ValueShape, ValueShape)
    /// Free YAML (example requests and responses), checked against the operation's types.
    case anything

    static func choice<T: RawRepresentable & CaseIterable>(_: T.Type) -> ValueShape where T.RawValue == String {
        .choice(T.allCases.map(\.rawValue))
    }
}

/// One key of a mapping: its name, whether it must be there, what it holds, what it means.
public struct KeyShape: Sendable {
    public let name: String
    public let value: ValueShape
    public let required: Bool
    public let doc: LocalizedText

    init(_ name: String, _ value: ValueShape, required: Bool = false, zh: String, en: String) {
        self.name = name
        self.value = value
        self.required = required
        self.doc = LocalizedText(en: en, zh: zh)
    }
}

/// A mapping of the language: the keys it takes. The decoders read their known keys from
/// these tables, and the JSON Schema and the editor's completion are generated from them,
/// so the three cannot drift apart.
public struct MappingShape: Sendable {
    /// The name of the shape in the JSON Schema's `$defs`.
    public let name: String
    public let doc: LocalizedText
    public let keys: [KeyShape]
    /// The keys' names, made once: every mapping a decoder reads checks its keys against them.
    public let keyNames: [String]

    init(_ name: String, zh: String, en: String, _ keys: [KeyShape]) {
        self.name = name
        self.doc = LocalizedText(en: en, zh: zh)
        self.keys = keys
        keyNames = keys.map(\.name)
    }

    public func key(_ name: String) -> KeyShape? { keys.first { $0.name == name } }
}

/// Every mapping of a contract and of `accessspec.yaml`.
public enum ContractSchema {
    /// The shape a value has at a path of keys from a contract's root. List items are
    /// transparent (a list's shape is its items'); the keys of named and keyed mappings take
    /// one path element each.
    public static func shape(at path: [String], from root: ValueShape = .mapping(contract)) -> ValueShape? {
        var shape = root
        for element in path {
            shape = shape.unwrappingLists
            switch shape {
            case .mapping(let mapping):
                guard let key = mapping.key(element) else { return nil }
                shape = key.value
            case .named(_, let value), .keyedBy(_, let value):
                shape = value
            case .either(_, let second):
                guard case .mapping(let mapping) = second.unwrappingLists, let key = mapping.key(element) else { return nil }
                shape = key.value
            default:
                return nil
            }
        }
        return shape.unwrappingLists
    }

    // MARK: The contract

    public static let contract = MappingShape("Contract", zh: "一个平台的接入契约", en: "the access contract of one platform", [
        .init("accessSpec", .integer, required: true, zh: "契约语言版本，目前为 1", en: "the language version; 1"),
        .init("platform", .mapping(platform), zh: "本平台的身份：标识、名称、层级、行政区划、运营单位和环境", en: "this platform's identity: id, names, level, region, operator and environments"),
        .init("connections", .list(.mapping(connection)), zh: "本平台与其他平台的接入关系", en: "this platform's connections to other platforms"),
        .init("imports", .list(.text), zh: "引用的共享类型文件（相对于工作区根目录）", en: "shared type files this file uses, relative to the workspace root"),
        .init("types", .named(.typeName, .mapping(typeDefinition)), zh: "数据类型：记录、枚举或带约束的别名", en: "data types: records, enums and constrained aliases"),
        .init("errors", .named(.errorName, .mapping(errorDefinition)), zh: "错误目录：错误码、HTTP 状态和提示信息", en: "the error catalogue: codes, HTTP statuses and messages"),
    ] + AccessArea.allCases.map { area in
        KeyShape(area.rawValue, .mapping(areaShape(area)), zh: "\(area.chineseName)接入", en: "the `\(area.rawValue)` access area")
    })

    static let platform = MappingShape("Platform", zh: "平台身份", en: "the platform's identity", [
        .init("id", .text, required: true, zh: "平台标识，小写字母开头，可含字母、数字和单个连字符，如 `shandong`", en: "the platform id: a lower-case letter, then letters, digits and single dashes, such as `shandong`"),
        .init("name", .text, required: true, zh: "平台中文名称，如 山东省政务服务平台", en: "the platform's Chinese name"),
        .init("nameEn", .text, required: true, zh: "平台英文名称", en: "the platform's English name"),
        .init("level", .choice(PlatformLevel.self), required: true, zh: "平台层级：国家、省级、市级、县级、国务院部门或第三方", en: "the platform's level in the network"),
        .init("region", .text, required: true, zh: "行政区划代码（GB/T 2260，六位）", en: "the GB/T 2260 division code, six digits"),
        .init("operator", .mapping(platformOperator), required: true, zh: "运营单位", en: "the organisation that runs the platform"),
        .init("environments", .named(.id, .text), required: true, zh: "各环境的基础地址，如 `production: https://…`", en: "the base URL of each environment, such as `production: https://…`"),
        .init("network", .choice(Network.self), zh: "所在网络，默认电子政务外网", en: "the network the platform is on; the e-government extranet by default"),
        .init("description", .text, zh: "说明", en: "a description"),
    ])

    static let platformOperator = MappingShape("Operator", zh: "运营单位", en: "the operating organisation", [
        .init("name", .text, required: true, zh: "运营单位名称", en: "the organisation's name"),
        .init("uscc", .text, required: true, zh: "统一社会信用代码（18 位，含校验码）", en: "its unified social credit code (18 characters with the check character)"),
    ])

    static let connection = MappingShape("Connection", zh: "接入关系", en: "a connection to another platform", [
        .init("to", .text, required: true, zh: "对端平台的标识", en: "the id of the platform connected to"),
        .init("areas", .keyedBy(AccessArea.allCases.map(\.rawValue), .choice(Direction.self)), required: true,
              zh: "经此接入关系交换的接入领域及方向", en: "the access areas exchanged over the connection, each with its direction"),
        .init("description", .text, zh: "说明", en: "a description"),
    ])

    static let typeDefinition = MappingShape("TypeDefinition", zh: "类型定义：`fields`（记录）、`values`（枚举）或 `type`（别名）三者之一", en: "a type: exactly one of `fields` (a record), `values` (an enum) or `type` (an alias)", [
        .init("description", .text, zh: "说明", en: "a description"),
        .init("fields", .named(.fieldName, .either(.text, .mapping(fieldDefinition))), zh: "记录的字段：字段名到类型表达式或字段定义", en: "a record's fields: names to a type expression or a field definition"),
        .init("values", .either(.list(.text), .named(nil, .text)), zh: "枚举的取值（列表，或取值到说明的映射）", en: "an enum's values: a list, or values to their descriptions"),
        .init("type", .text, zh: "别名的基础类型表达式，如 `string` 或 `list<Holder>`", en: "an alias's base type expression, such as `string` or `list<Holder>`"),
    ] + constraintKeys)

    static let fieldDefinition = MappingShape("FieldDefinition", zh: "字段定义", en: "a field definition", [
        .init("type", .text, required: true, zh: "类型表达式：内置类型、类型名、`list<T>` 或 `map<T>`，可加 `?` 表示可选", en: "a type expression: a built-in, a type name, `list<T>` or `map<T>`, optionally followed by `?`"),
        .init("required", .boolean, zh: "是否必填，默认由 `?` 决定", en: "whether the field must be present; by default unless the type ends in `?`"),
        .init("description", .text, zh: "说明", en: "a description"),
    ] + constraintKeys)

    static let constraintKeys: [KeyShape] = [
        .init("minLength", .integer, zh: "文本最少字符数", en: "the fewest characters of text"),
        .init("maxLength", .integer, zh: "文本最多字符数", en: "the most characters of text"),
        .init("pattern", .text, zh: "文本须匹配的正则表达式（见 docs/values.md 的方言）", en: "a regular expression the text must match (the dialect of docs/values.md)"),
        .init("minimum", .number, zh: "数值下限", en: "the smallest number"),
        .init("maximum", .number, zh: "数值上限", en: "the largest number"),
        .init("minItems", .integer, zh: "列表最少项数", en: "the fewest items of a list"),
        .init("maxItems", .integer, zh: "列表最多项数", en: "the most items of a list"),
    ]

    static let errorDefinition = MappingShape("ErrorDefinition", zh: "错误目录中的一项", en: "an entry of the error catalogue", [
        .init("code", .integer, required: true, zh: "业务错误码", en: "the business error code"),
        .init("http", .integer, required: true, zh: "HTTP 状态码（400–599）", en: "the HTTP status (400–599)"),
        .init("message", .text, required: true, zh: "中文提示信息", en: "the Chinese message"),
        .init("messageEn", .text, zh: "英文提示信息", en: "the English message"),
        .init("condition", .choice(ErrorCondition.self), zh: "该错误对应的通用情形（如验签失败、重放）", en: "the common condition the error stands for, such as a bad signature or a replay"),
    ])

    // MARK: Access areas

    static func areaShape(_ area: AccessArea) -> MappingShape {
        let settings: [KeyShape] = switch area {
        case .items: [
            .init("catalogs", .list(.choice(ItemsSettings.Catalog.self)), zh: "同步的事项目录：基本目录、实施清单", en: "the item catalogues exchanged: base and implementation"),
            .init("sync", .mapping(itemsSync), zh: "事项同步方式", en: "how items are synchronised"),
        ]
        case .portal: [
            .init("channels", .named(.id, .text), zh: "服务渠道及其地址", en: "the service channels and their URLs"),
            .init("sso", .boolean, zh: "是否与对端门户单点登录", en: "whether single sign-on with the connected portal is offered"),
            .init("features", .list(.choice(PortalSettings.Feature.self)), zh: "门户提供的功能", en: "the portal's features"),
        ]
        case .identity: [
            .init("protocol", .choice(IdentitySettings.AuthProtocol.self), required: true, zh: "统一身份认证协议", en: "the unified identity protocol"),
            .init("subjects", .list(.choice(IdentitySettings.Subject.self)), required: true, zh: "认证对象：自然人、法人", en: "who signs in: people, organisations"),
            .init("levels", .list(.choice(IdentitySettings.Level.self)), zh: "支持的实名等级", en: "the real-name levels supported"),
            .init("loginUrl", .text, zh: "登录地址", en: "the login URL"),
            .init("tokenTtlSeconds", .integer, zh: "令牌有效期（秒）", en: "how long a token lives, in seconds"),
        ]
        case .seal: [
            .init("algorithm", .choice(SealSettings.Algorithm.self), zh: "电子印章签章算法", en: "the electronic seal's signature algorithm"),
            .init("format", .choice(SealSettings.Format.self), zh: "签章文件格式", en: "the format of sealed documents"),
            .init("timestamp", .boolean, zh: "是否加盖可信时间戳", en: "whether a trusted timestamp is added"),
        ]
        case .license: [
            .init("catalog", .list(.mapping(licenseCatalogEntry)), zh: "电子证照目录", en: "the electronic licence catalogue"),
            .init("useCause", .mapping(licenseUseCause), zh: "用证事由字段", en: "the use-cause (用证事由) field"),
        ]
        case .operations: [
            .init("availability", .percentage, zh: "承诺可用性，如 \"99.9%\"", en: "the promised availability, such as \"99.9%\""),
            .init("p95LatencyMs", .integer, zh: "95% 请求的响应时间上限（毫秒）", en: "the 95th-percentile response time, in milliseconds"),
            .init("health", .text, zh: "健康检查路径", en: "the health check path"),
            .init("monitoring", .mapping(operationsMonitoring), zh: "运行监测上报", en: "monitoring reports"),
            .init("incidentReportMinutes", .integer, zh: "故障上报时限（分钟）", en: "how soon an incident is reported, in minutes"),
        ]
        case .security: [
            .init("transport", .mapping(securityTransport), zh: "传输安全", en: "transport security"),
            .init("envelope", .choice(SecuritySettings.Envelope.self), zh: "报文加密封装方式", en: "how messages are enveloped"),
            .init("algorithms", .list(.choice(SecuritySettings.Algorithm.self)), zh: "使用的密码算法", en: "the cryptographic algorithms used"),
            .init("signing", .mapping(securitySigning), zh: "请求签名", en: "request signing"),
            .init("auth", .mapping(securityAuth), zh: "接入凭据所在的请求头", en: "the headers that carry the access credentials"),
            .init("ipAllowList", .list(.text), zh: "允许访问的 IP 地址段（CIDR）", en: "the IP blocks allowed to call (CIDR)"),
            .init("protectionLevel", .integer, zh: "网络安全等级保护级别（1–5）", en: "the classified protection (等保) level, 1 to 5"),
            .init("auditRetentionDays", .integer, zh: "审计日志保存天数", en: "how many days audit logs are kept"),
        ]
        case .thirdParty: [
            .init("via", .text, zh: "第三方平台经由接入的平台标识", en: "the id of the platform the third party connects through"),
            .init("purpose", .text, zh: "接入目的", en: "the purpose of access"),
            .init("dataScope", .list(.text), zh: "可使用的数据范围", en: "the data the third party may use"),
            .init("authorization", .choice(ThirdPartySettings.Authorization.self), zh: "授权依据", en: "the basis of authorisation"),
            .init("uses", .list(.text), zh: "调用的接口，写作 平台.领域.接口标识", en: "the operations called, as platform.area.operationId"),
        ]
        }
        let operations = KeyShape("operations", .list(.mapping(operation)), zh: "本领域提供的接口", en: "the operations the area offers")
        return MappingShape("Area_\(area.rawValue)", zh: "\(area.chineseName)接入", en: "the `\(area.rawValue)` access area", settings + [operations])
    }

    static let itemsSync = MappingShape("ItemsSync", zh: "事项同步", en: "item synchronisation", [
        .init("mode", .choice(ItemsSettings.SyncMode.self), zh: "推送或拉取", en: "push or pull"),
        .init("frequency", .choice(ItemsSettings.Frequency.self), zh: "同步频率", en: "how often"),
    ])

    static let licenseCatalogEntry = MappingShape("LicenseCatalogEntry", zh: "电子证照目录中的一类证照", en: "one licence type of the catalogue", [
        .init("code", .text, required: true, zh: "证照类型代码", en: "the licence type code"),
        .init("name", .text, required: true, zh: "证照名称", en: "the licence's name"),
        .init("grade", .choice(LicenseSettings.Grade.self), zh: "可信等级，默认 A", en: "the trust grade; A by default"),
    ])

    static let licenseUseCause = MappingShape("LicenseUseCause", zh: "用证事由", en: "the use cause", [
        .init("field", .text, zh: "携带用证事由的字段名", en: "the field that carries the use cause"),
        .init("maxLength", .integer, zh: "用证事由最多字符数", en: "the most characters of a use cause"),
    ])

    static let operationsMonitoring = MappingShape("OperationsMonitoring", zh: "运行监测", en: "monitoring", [
        .init("reportIntervalMinutes", .integer, zh: "监测数据上报间隔（分钟）", en: "how often monitoring data is reported, in minutes"),
    ])

    static let securityTransport = MappingShape("SecurityTransport", zh: "传输安全", en: "transport security", [
        .init("minTls", .choice(SecuritySettings.TLSVersion.self), zh: "最低 TLS 版本", en: "the lowest TLS version"),
        .init("gm", .boolean, zh: "是否使用国密 TLS", en: "whether SM (国密) TLS is used"),
    ])

    static let securitySigning = MappingShape("SecuritySigning", zh: "请求签名", en: "request signing", [
        .init("algorithm", .choice(SecuritySettings.SigningAlgorithm.self), required: true, zh: "签名算法", en: "the signature algorithm"),
        .init("header", .text, zh: "携带签名的请求头，默认 `X-Signature`", en: "the header carrying the signature; `X-Signature` by default"),
        .init("key", .text, required: true, zh: "密钥的引用，如 `${env:APP_SECRET}`，不得写入密钥本身", en: "a reference to the key, such as `${env:APP_SECRET}`, never the key itself"),
    ])

    static let securityAuth = MappingShape("SecurityAuth", zh: "接入凭据请求头", en: "credential headers", [
        .init("accessIdHeader", .text, zh: "携带接入标识的请求头", en: "the header carrying the access id"),
        .init("tokenHeader", .text, zh: "携带访问令牌的请求头", en: "the header carrying the access token"),
    ])

    // MARK: Operations

    static let operation = MappingShape("Operation", zh: "一个接口", en: "an operation", [
        .init("id", .text, required: true, zh: "接口标识，小写字母开头", en: "the operation id, starting with a lower-case letter"),
        .init("summary", .text, required: true, zh: "中文摘要", en: "the Chinese summary"),
        .init("summaryEn", .text, zh: "英文摘要", en: "the English summary"),
        .init("method", .choice(HTTPMethod.self), required: true, zh: "HTTP 方法", en: "the HTTP method"),
        .init("path", .text, required: true, zh: "路径，以 `/` 开头，参数写作 `{name}`", en: "the path, starting with `/`, with parameters as `{name}`"),
        .init("request", .text, zh: "请求体的类型", en: "the request body's type"),
        .init("response", .text, zh: "响应体的类型", en: "the response body's type"),
        .init("errors", .list(.text), zh: "可能返回的错误（错误目录中的名称）", en: "the errors it may return, by catalogue name"),
        .init("idempotent", .boolean, zh: "是否幂等（可安全重试）", en: "whether it is idempotent (safe to retry)"),
        .init("rateLimit", .mapping(rateLimit), zh: "限流", en: "the rate limit"),
        .init("deprecated", .boolean, zh: "是否已废弃", en: "whether it is deprecated"),
        .init("examples", .list(.mapping(example)), zh: "示例请求和响应，会按类型检查", en: "example requests and responses, checked against the types"),
    ])

    static let rateLimit = MappingShape("RateLimit", zh: "限流", en: "a rate limit", [
        .init("requests", .integer, required: true, zh: "每个周期允许的请求数", en: "the requests allowed per period"),
        .init("per", .choice(RateLimit.Period.self), required: true, zh: "周期", en: "the period"),
    ])

    static let example = MappingShape("Example", zh: "示例", en: "an example", [
        .init("name", .text, zh: "示例名称", en: "the example's name"),
        .init("request", .anything, zh: "示例请求体", en: "the example request body"),
        .init("response", .anything, zh: "示例响应体", en: "the example response body"),
    ])

    // MARK: accessspec.yaml

    public static let workspaceConfig = MappingShape("WorkspaceConfig", zh: "工作区配置 accessspec.yaml", en: "the workspace config, accessspec.yaml", [
        .init("accessSpecWorkspace", .integer, required: true, zh: "配置文件版本，目前为 1", en: "the config version; 1"),
        .init("rules", .keyedBy(RuleCatalog.all.map(\.code.rawValue), .choice(RuleLevel.self)), zh: "规则的严重程度：error、warning 或 off", en: "rule severities: error, warning or off"),
        .init("settings", .mapping(workspaceSettings), zh: "规则使用的工作区设置", en: "workspace settings the rules use"),
        .init("generate", .mapping(generate), zh: "`accessc build` 生成哪些输出、写到哪里", en: "which outputs `accessc build` writes, and where"),
        .init("diff", .mapping(diff), zh: "`accessc diff` 的基线和已接受的变更", en: "the baseline and accepted changes of `accessc diff`"),
    ])

    static let workspaceSettings = MappingShape("WorkspaceSettings", zh: "工作区设置", en: "workspace settings", [
        .init("itemCodePattern", .text, zh: "事项编码须匹配的正则表达式", en: "a regular expression item codes must match"),
        .init("minAvailability", .number, zh: "各平台承诺可用性的下限（百分比）", en: "the lowest availability a platform may promise, in percent"),
        .init("minAuditRetentionDays", .integer, zh: "审计日志保存天数的下限", en: "the fewest days audit logs may be kept"),
    ])

    static let generate = MappingShape("Generate", zh: "生成设置", en: "generation settings", OutputKind.allCases.map { kind in
        KeyShape(kind.rawValue, .mapping(output(kind)), zh: "生成 \(kind.rawValue) 输出", en: "write the \(kind.rawValue) output")
    })

    static func output(_ kind: OutputKind) -> MappingShape {
        var keys: [KeyShape] = [.init("out", .text, zh: "输出目录（相对于输出根目录）", en: "the output's folder, relative to the output folder")]
        if !kind.coversWholeWorkspace {
            keys.append(.init("platforms", .list(.text), zh: "只为这些平台生成", en: "generate for these platforms only"))
        }
        if kind == .swift {
            keys.append(.init("module", .text, zh: "客户端所在的 Swift 模块名", en: "the Swift module the clients are compiled in"))
            keys.append(.init("access", .choice(SwiftAccessLevel.self), zh: "生成声明的访问级别", en: "the access level of the generated declarations"))
        }
        return MappingShape("Generate_\(kind.rawValue)", zh: "\(kind.rawValue) 输出", en: "the \(kind.rawValue) output", keys)
    }

    static let diff = MappingShape("Diff", zh: "契约比较", en: "contract comparison", [
        .init("baseline", .text, zh: "默认基线，如 `git:main`", en: "the default baseline, such as `git:main`"),
        .init("ignore", .list(.mapping(ignoredChange)), zh: "已接受的变更", en: "accepted changes"),
    ])

    static let ignoredChange = MappingShape("IgnoredChange", zh: "已接受的一项变更", en: "an accepted change", [
        .init("platform", .text, required: true, zh: "平台标识", en: "the platform id"),
        .init("code", .text, required: true, zh: "变更类别代码，如 D012", en: "the change kind's code, such as D012"),
        .init("reason", .text, required: true, zh: "接受的理由，供评审阅读", en: "why it is accepted, for reviewers"),
    ])
}

extension ValueShape {
    var unwrappingLists: ValueShape {
        if case .list(let item) = self { return item.unwrappingLists }
        return self
    }
}
