/// Every kind of change `accessc diff` reports: its stable code, its category, and an English
/// and a simplified-Chinese summary. The one table of diff kinds; `accessc explain`,
/// docs/diff.md and the reports all read it.
extension ChangeKind {
    public static let platformRemoved = ChangeKind("D001", .wireBreaking, "a platform is removed", "平台被移除")
    public static let platformAdded = ChangeKind("D002", .compatible, "a platform is added", "新增平台")
    public static let platformLevelChanged = ChangeKind("D003", .dangerous, "a platform's level changes", "平台层级变更")
    public static let platformRegionChanged = ChangeKind("D004", .dangerous, "a platform's region code changes", "平台行政区划代码变更")
    public static let platformRenamed = ChangeKind("D005", .compatible, "a platform's name changes", "平台名称变更")
    public static let operatorChanged = ChangeKind("D006", .dangerous, "a platform's operator (name or USCC) changes", "平台运营单位变更")
    public static let networkChanged = ChangeKind("D007", .wireBreaking, "a platform moves to another network", "平台接入网络变更")
    public static let environmentRemoved = ChangeKind("D008", .wireBreaking, "an environment is removed", "运行环境被移除")
    public static let environmentAdded = ChangeKind("D009", .compatible, "an environment is added", "新增运行环境")
    public static let environmentURLChanged = ChangeKind("D010", .dangerous, "an environment's URL changes", "运行环境地址变更")
    public static let areaRemoved = ChangeKind("D011", .wireBreaking, "an access area is removed from a platform", "接入领域被移除")
    public static let areaAdded = ChangeKind("D012", .compatible, "an access area is added to a platform", "新增接入领域")
    public static let operationRemoved = ChangeKind("D013", .wireBreaking, "an operation is removed", "接口被移除")
    public static let operationAdded = ChangeKind("D014", .compatible, "an operation is added", "新增接口")
    public static let operationMethodChanged = ChangeKind("D015", .wireBreaking, "an operation's HTTP method changes", "接口请求方法变更")
    public static let operationPathChanged = ChangeKind("D016", .wireBreaking, "an operation's path changes", "接口路径变更")
    public static let operationRenamed = ChangeKind("D017", .sourceBreaking, "an operation is renamed (same method and path)", "接口更名(方法与路径不变)")
    public static let pathParameterRenamed = ChangeKind("D018", .sourceBreaking, "a path parameter is renamed (same path shape)", "路径参数更名")
    public static let operationMovedArea = ChangeKind("D019", .sourceBreaking, "an operation moves to another access area", "接口所属接入领域变更")
    public static let requestBodyAdded = ChangeKind("D020", .wireBreaking, "an operation that took no request now takes one", "接口新增请求体")
    public static let requestBodyRemoved = ChangeKind("D021", .dangerous, "an operation no longer takes a request", "接口取消请求体")
    public static let responseBodyRemoved = ChangeKind("D022", .wireBreaking, "an operation no longer returns a response", "接口取消响应体")
    public static let responseBodyAdded = ChangeKind("D023", .compatible, "an operation that returned nothing now returns a response", "接口新增响应体")
    public static let requestTypeChanged = ChangeKind("D024", .wireBreaking, "an operation's request becomes another type", "接口请求类型变更")
    public static let responseTypeChanged = ChangeKind("D025", .wireBreaking, "an operation's response becomes another type", "接口响应类型变更")
    public static let operationNoLongerIdempotent = ChangeKind("D026", .dangerous, "an operation is no longer idempotent (retries are unsafe)", "接口不再幂等")
    public static let operationNowIdempotent = ChangeKind("D027", .compatible, "an operation becomes idempotent", "接口改为幂等")
    public static let rateLimitLowered = ChangeKind("D028", .dangerous, "an operation's rate limit is lowered", "接口限流阈值降低")
    public static let rateLimitAdded = ChangeKind("D029", .dangerous, "an operation gains a rate limit", "接口新增限流")
    public static let rateLimitRelaxed = ChangeKind("D030", .compatible, "an operation's rate limit is raised or removed", "接口限流放宽或取消")
    public static let operationDeprecated = ChangeKind("D031", .dangerous, "an operation is deprecated", "接口标记为废弃")
    public static let operationUndeprecated = ChangeKind("D032", .compatible, "an operation is no longer deprecated", "接口取消废弃标记")
    public static let operationSummaryChanged = ChangeKind("D033", .compatible, "an operation's summary changes", "接口说明变更")
    public static let operationExamplesChanged = ChangeKind("D034", .compatible, "an operation's examples change", "接口示例变更")
    public static let operationErrorAdded = ChangeKind("D035", .dangerous, "an operation can return a new error", "接口新增错误码")
    public static let operationErrorRemoved = ChangeKind("D036", .compatible, "an operation no longer returns an error", "接口不再返回某错误码")
    public static let typeRemoved = ChangeKind("D037", .sourceBreaking, "a type is removed", "类型被移除")
    public static let typeAdded = ChangeKind("D038", .compatible, "a type is added", "新增类型")
    public static let typeRenamed = ChangeKind("D039", .sourceBreaking, "a type is renamed (same shape)", "类型更名(结构不变)")
    public static let typeKindChanged = ChangeKind("D040", .wireBreaking, "a type changes kind (record, enum, alias)", "类型种类变更")
    public static let requestFieldAddedRequired = ChangeKind("D041", .wireBreaking, "a required field is added to a request", "请求新增必填字段")
    public static let requestFieldAddedOptional = ChangeKind("D042", .compatible, "an optional field is added to a request", "请求新增可选字段")
    public static let responseFieldAdded = ChangeKind("D043", .compatible, "a field is added to a response", "响应新增字段")
    public static let requestFieldRemoved = ChangeKind("D044", .dangerous, "a field is removed from a request", "请求删除字段")
    public static let responseFieldRemoved = ChangeKind("D045", .wireBreaking, "a field is removed from a response", "响应删除字段")
    public static let requestFieldMadeRequired = ChangeKind("D046", .wireBreaking, "a request field becomes required", "请求字段改为必填")
    public static let requestFieldMadeOptional = ChangeKind("D047", .compatible, "a request field becomes optional", "请求字段改为可选")
    public static let responseFieldMadeOptional = ChangeKind("D048", .wireBreaking, "a response field becomes optional", "响应字段改为可选")
    public static let responseFieldMadeRequired = ChangeKind("D049", .compatible, "a response field becomes required", "响应字段改为必有")
    public static let fieldTypeChanged = ChangeKind("D050", .wireBreaking, "a field's type changes", "字段类型变更")
    public static let fieldTypeRenamed = ChangeKind("D051", .sourceBreaking, "a field's type is named differently but means the same", "字段类型名称变更(取值不变)")
    public static let requestLengthTightened = ChangeKind("D052", .wireBreaking, "a request field's length bounds tighten", "请求字段长度约束收紧")
    public static let requestRangeTightened = ChangeKind("D053", .wireBreaking, "a request field's numeric range tightens", "请求字段取值范围收紧")
    public static let requestItemsTightened = ChangeKind("D054", .wireBreaking, "a request list's item count bounds tighten", "请求列表条数约束收紧")
    public static let requestPatternTightened = ChangeKind("D055", .wireBreaking, "a request field gains or changes a pattern", "请求字段新增或变更格式模式")
    public static let requestFormatAdded = ChangeKind("D056", .wireBreaking, "a request field gains a domain format or check character", "请求字段新增编码格式或校验位要求")
    public static let requestConstraintLoosened = ChangeKind("D057", .compatible, "a request field's constraints loosen", "请求字段约束放宽")
    public static let responseLengthLoosened = ChangeKind("D058", .wireBreaking, "a response field's length bounds loosen", "响应字段长度约束放宽")
    public static let responseRangeLoosened = ChangeKind("D059", .wireBreaking, "a response field's numeric range loosens", "响应字段取值范围放宽")
    public static let responseItemsLoosened = ChangeKind("D060", .wireBreaking, "a response list's item count bounds loosen", "响应列表条数约束放宽")
    public static let responsePatternLoosened = ChangeKind("D061", .wireBreaking, "a response field loses or changes a pattern", "响应字段格式模式删除或变更")
    public static let responseFormatRemoved = ChangeKind("D062", .wireBreaking, "a response field loses its domain format or check character", "响应字段取消编码格式或校验位")
    public static let responseConstraintTightened = ChangeKind("D063", .compatible, "a response field's constraints tighten", "响应字段约束收紧")
    public static let requestEnumValueRemoved = ChangeKind("D064", .wireBreaking, "an enum value used in requests is removed", "请求枚举值被移除")
    public static let responseEnumValueRemoved = ChangeKind("D065", .sourceBreaking, "an enum value only responses use is removed", "响应枚举值被移除")
    public static let responseEnumValueAdded = ChangeKind("D066", .dangerous, "an enum value is added to a type responses use", "响应枚举新增取值")
    public static let requestEnumValueAdded = ChangeKind("D067", .compatible, "an enum value is added to a type only requests use", "请求枚举新增取值")
    public static let descriptionChanged = ChangeKind("D068", .compatible, "a type's, field's or value's description changes", "类型或字段说明变更")
    public static let errorRemoved = ChangeKind("D069", .sourceBreaking, "an error is removed from a platform's catalogue", "错误码被移除")
    public static let errorAdded = ChangeKind("D070", .compatible, "an error is added to a platform's catalogue", "新增错误码")
    public static let errorRenamed = ChangeKind("D071", .sourceBreaking, "an error is renamed (same code and status)", "错误码更名(编码与状态码不变)")
    public static let errorCodeChanged = ChangeKind("D072", .wireBreaking, "an error's code changes", "错误编码变更")
    public static let errorStatusChanged = ChangeKind("D073", .wireBreaking, "an error's HTTP status changes", "错误HTTP状态码变更")
    public static let errorMessageChanged = ChangeKind("D074", .compatible, "an error's message changes", "错误提示信息变更")
    public static let errorConditionChanged = ChangeKind("D075", .dangerous, "the standard condition an error reports changes", "错误对应的规范条件变更")
    public static let signingAlgorithmChanged = ChangeKind("D076", .wireBreaking, "the signing algorithm changes", "签名算法变更")
    public static let signingAdded = ChangeKind("D077", .wireBreaking, "requests must now be signed", "新增请求签名要求")
    public static let signingRemoved = ChangeKind("D078", .wireBreaking, "requests are no longer signed", "取消请求签名")
    public static let signatureHeaderChanged = ChangeKind("D079", .wireBreaking, "the signature header changes", "签名请求头变更")
    public static let signingKeyReferenceChanged = ChangeKind("D080", .dangerous, "the signing key reference changes", "签名密钥引用变更")
    public static let envelopeChanged = ChangeKind("D081", .wireBreaking, "the message envelope changes", "报文封装格式变更")
    public static let authHeadersChanged = ChangeKind("D082", .wireBreaking, "the access id or token header changes", "接入标识或令牌请求头变更")
    public static let minimumTLSRaised = ChangeKind("D083", .wireBreaking, "the minimum TLS version is raised", "最低TLS版本提高")
    public static let minimumTLSLowered = ChangeKind("D084", .dangerous, "the minimum TLS version is lowered", "最低TLS版本降低")
    public static let gmTransportChanged = ChangeKind("D085", .wireBreaking, "GM (国密) transport is turned on or off", "国密传输要求变更")
    public static let ipAllowListChanged = ChangeKind("D086", .dangerous, "the IP allow list changes", "IP白名单变更")
    public static let securityPostureChanged = ChangeKind("D087", .compatible, "declared algorithms, protection level or audit retention change", "安全算法、等级保护级别或审计留存变更")
    public static let identityProtocolChanged = ChangeKind("D088", .wireBreaking, "the identity protocol changes", "统一身份认证协议变更")
    public static let identitySubjectRemoved = ChangeKind("D089", .wireBreaking, "an identity subject type is no longer accepted", "统一身份认证不再支持某主体类型")
    public static let identityLevelRemoved = ChangeKind("D090", .wireBreaking, "a real-name level is no longer accepted", "统一身份认证不再支持某实名等级")
    public static let identityScopeWidened = ChangeKind("D091", .compatible, "an identity subject type or level is added", "统一身份认证新增主体类型或实名等级")
    public static let loginURLChanged = ChangeKind("D092", .dangerous, "the login URL changes", "统一登录地址变更")
    public static let tokenLifetimeChanged = ChangeKind("D093", .dangerous, "the token lifetime changes", "令牌有效期变更")
    public static let sealAlgorithmChanged = ChangeKind("D094", .wireBreaking, "the e-seal algorithm changes", "电子印章签名算法变更")
    public static let sealFormatChanged = ChangeKind("D095", .wireBreaking, "the e-seal format changes", "电子印章格式变更")
    public static let sealTimestampChanged = ChangeKind("D096", .dangerous, "e-seal timestamps are turned on or off", "电子印章时间戳要求变更")
    public static let licenseCatalogEntryRemoved = ChangeKind("D097", .wireBreaking, "a licence type leaves the e-licence catalogue", "电子证照目录移除证照类型")
    public static let licenseCatalogEntryAdded = ChangeKind("D098", .compatible, "a licence type joins the e-licence catalogue", "电子证照目录新增证照类型")
    public static let licenseGradeChanged = ChangeKind("D099", .dangerous, "a licence type's grade or name changes", "电子证照分级或名称变更")
    public static let useCauseFieldChanged = ChangeKind("D100", .wireBreaking, "the field that carries the use cause changes", "用证事由字段变更")
    public static let useCauseShortened = ChangeKind("D101", .wireBreaking, "the use cause's maximum length is lowered", "用证事由最大长度降低")
    public static let useCauseLengthened = ChangeKind("D102", .compatible, "the use cause's maximum length is raised", "用证事由最大长度提高")
    public static let itemCatalogRemoved = ChangeKind("D103", .wireBreaking, "an item catalogue is no longer kept", "不再提供某类事项目录")
    public static let itemCatalogAdded = ChangeKind("D104", .compatible, "an item catalogue is added", "新增事项目录")
    public static let itemSyncModeChanged = ChangeKind("D105", .wireBreaking, "the item sync mode (push or pull) changes", "事项同步方式变更")
    public static let itemSyncFrequencyChanged = ChangeKind("D106", .dangerous, "the item sync frequency changes", "事项同步频率变更")
    public static let portalChannelChanged = ChangeKind("D107", .dangerous, "a portal channel is removed or moves", "门户渠道被移除或地址变更")
    public static let ssoTurnedOff = ChangeKind("D108", .wireBreaking, "portal single sign-on is turned off", "门户取消单点登录")
    public static let portalFeatureRemoved = ChangeKind("D109", .dangerous, "a portal feature is removed", "门户功能被移除")
    public static let portalWidened = ChangeKind("D110", .compatible, "a portal channel or feature is added, or single sign-on turned on", "门户新增渠道、功能或单点登录")
    public static let serviceLevelChanged = ChangeKind("D111", .dangerous, "an operations (运维) target changes: availability, latency, report intervals", "运维指标变更")
    public static let healthEndpointChanged = ChangeKind("D112", .dangerous, "the health check endpoint changes", "健康检查地址变更")
    public static let thirdPartyUsesChanged = ChangeKind("D113", .compatible, "the operations a third party calls change", "第三方调用的接口范围变更")
    public static let thirdPartyTermsChanged = ChangeKind("D114", .dangerous, "a third party's access terms change: via, purpose, data scope, authorization", "第三方接入条件变更")
    public static let connectionRemoved = ChangeKind("D115", .wireBreaking, "a connection (接入关系) is removed", "接入关系被移除")
    public static let connectionAdded = ChangeKind("D116", .compatible, "a connection is added", "新增接入关系")
    public static let connectionAreaRemoved = ChangeKind("D117", .wireBreaking, "an area leaves a connection", "接入关系移除接入领域")
    public static let connectionAreaAdded = ChangeKind("D118", .compatible, "an area joins a connection", "接入关系新增接入领域")
    public static let connectionDirectionNarrowed = ChangeKind("D119", .wireBreaking, "a connection's direction for an area loses a way (both to up or down, or reversed)", "接入关系方向收窄或反转")
    public static let connectionDirectionWidened = ChangeKind("D120", .compatible, "a connection's direction for an area becomes both", "接入关系方向扩展为双向")
    public static let itemCodePatternChanged = ChangeKind("D121", .dangerous, "the workspace's item code (事项编码) pattern changes", "事项编码规则变更")
    public static let workspaceThresholdChanged = ChangeKind("D122", .compatible, "a workspace setting (minimum availability, audit retention, client module) changes", "工作区合规阈值变更")

    public static let all: [ChangeKind] = [
        .platformRemoved, .platformAdded, .platformLevelChanged, .platformRegionChanged,
        .platformRenamed, .operatorChanged, .networkChanged, .environmentRemoved,
        .environmentAdded, .environmentURLChanged, .areaRemoved, .areaAdded,
        .operationRemoved, .operationAdded, .operationMethodChanged, .operationPathChanged,
        .operationRenamed, .pathParameterRenamed, .operationMovedArea, .requestBodyAdded,
        .requestBodyRemoved, .responseBodyRemoved, .responseBodyAdded, .requestTypeChanged,
        .responseTypeChanged, .operationNoLongerIdempotent, .operationNowIdempotent, .rateLimitLowered,
        .rateLimitAdded, .rateLimitRelaxed, .operationDeprecated, .operationUndeprecated,
        .operationSummaryChanged, .operationExamplesChanged, .operationErrorAdded, .operationErrorRemoved,
        .typeRemoved, .typeAdded, .typeRenamed, .typeKindChanged,
        .requestFieldAddedRequired, .requestFieldAddedOptional, .responseFieldAdded, .requestFieldRemoved,
        .responseFieldRemoved, .requestFieldMadeRequired, .requestFieldMadeOptional, .responseFieldMadeOptional,
        .responseFieldMadeRequired, .fieldTypeChanged, .fieldTypeRenamed, .requestLengthTightened,
        .requestRangeTightened, .requestItemsTightened, .requestPatternTightened, .requestFormatAdded,
        .requestConstraintLoosened, .responseLengthLoosened, .responseRangeLoosened, .responseItemsLoosened,
        .responsePatternLoosened, .responseFormatRemoved, .responseConstraintTightened, .requestEnumValueRemoved,
        .responseEnumValueRemoved, .responseEnumValueAdded, .requestEnumValueAdded, .descriptionChanged,
        .errorRemoved, .errorAdded, .errorRenamed, .errorCodeChanged,
        .errorStatusChanged, .errorMessageChanged, .errorConditionChanged, .signingAlgorithmChanged,
        .signingAdded, .signingRemoved, .signatureHeaderChanged, .signingKeyReferenceChanged,
        .envelopeChanged, .authHeadersChanged, .minimumTLSRaised, .minimumTLSLowered,
        .gmTransportChanged, .ipAllowListChanged, .securityPostureChanged, .identityProtocolChanged,
        .identitySubjectRemoved, .identityLevelRemoved, .identityScopeWidened, .loginURLChanged,
        .tokenLifetimeChanged, .sealAlgorithmChanged, .sealFormatChanged, .sealTimestampChanged,
        .licenseCatalogEntryRemoved, .licenseCatalogEntryAdded, .licenseGradeChanged, .useCauseFieldChanged,
        .useCauseShortened, .useCauseLengthened, .itemCatalogRemoved, .itemCatalogAdded,
        .itemSyncModeChanged, .itemSyncFrequencyChanged, .portalChannelChanged, .ssoTurnedOff,
        .portalFeatureRemoved, .portalWidened, .serviceLevelChanged, .healthEndpointChanged,
        .thirdPartyUsesChanged, .thirdPartyTermsChanged, .connectionRemoved, .connectionAdded,
        .connectionAreaRemoved, .connectionAreaAdded, .connectionDirectionNarrowed, .connectionDirectionWidened,
        .itemCodePatternChanged, .workspaceThresholdChanged,
    ]
}
