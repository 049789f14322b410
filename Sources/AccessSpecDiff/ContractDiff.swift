import AccessSpecCore

/// Compares two IRs of a workspace and classifies every change: IR in, classified changes out.
/// Sorted by category (breaking first), then platform, subject and code.
public enum ContractDiff {
    public static func compare(old: WorkspaceIR, new: WorkspaceIR) -> [ContractChange] {
        var comparer = Comparer(old: old, new: new)
        comparer.compareWorkspace()
        let callers = Callers(old: old, new: new)
        return comparer.changes.map { pending in
            var change = pending.change
            change.affected = callers.reaching(pending.reach)
            return change
        }.sorted {
            ($0.category, $0.platform ?? "", $0.subject, $0.kind.code.rawValue, $0.message.en)
                < ($1.category, $1.platform ?? "", $1.subject, $1.kind.code.rawValue, $1.message.en)
        }
    }
}

/// What a change reaches, so that its callers can be found in the new workspace.
enum Reach: Hashable {
    case workspace
    case platform(String)
    case area(String, AccessArea)
    case operations(String, [(AccessArea, String)])
    case connection(String, String)

    static func == (lhs: Reach, rhs: Reach) -> Bool { "\(lhs)" == "\(rhs)" }
    func hash(into hasher: inout Hasher) { hasher.combine("\(self)") }
}

struct PendingChange {
    var change: ContractChange
    var reach: Reach
}

/// Whether a type is read in requests, in responses, or both.
struct Roles: OptionSet, Hashable {
    let rawValue: Int
    static let request = Roles(rawValue: 1)
    static let response = Roles(rawValue: 2)
}

struct Comparer {
    let old: WorkspaceIR
    let new: WorkspaceIR
    var changes: [PendingChange] = []

    init(old: WorkspaceIR, new: WorkspaceIR) {
        self.old = old
        self.new = new
    }

    mutating func emit(_ kind: ChangeKind, _ platform: String?, _ subject: String, _ message: LocalizedText,
                       new: ChangeSite?, old: ChangeSite?, reach: Reach) {
        changes.append(PendingChange(change: ContractChange(kind, platform: platform, subject: subject, message, new: new, old: old), reach: reach))
    }

    // MARK: Workspace

    mutating func compareWorkspace() {
        let config = ChangeSite(file: WorkspaceLoader.configFileName, path: [.key("settings"), .key("itemCodePattern")])
        if old.settings.itemCodePattern != new.settings.itemCodePattern {
            emit(.itemCodePatternChanged, nil, "settings.itemCodePattern",
                 LocalizedText(en: "the item code pattern changes from '\(old.settings.itemCodePattern)' to '\(new.settings.itemCodePattern)'",
                               zh: "事项编码模式由 '\(old.settings.itemCodePattern)' 改为 '\(new.settings.itemCodePattern)'"),
                 new: config, old: config, reach: .workspace)
        }
        for (name, before, after) in [
            ("minAvailability", "\(old.settings.minAvailability)", "\(new.settings.minAvailability)"),
            ("minAuditRetentionDays", "\(old.settings.minAuditRetentionDays)", "\(new.settings.minAuditRetentionDays)"),
        ] where before != after {
            let site = ChangeSite(file: WorkspaceLoader.configFileName, path: [.key("settings"), .key(name)])
            emit(.workspaceThresholdChanged, nil, "settings.\(name)",
                 LocalizedText(en: "'\(name)' changes from \(before) to \(after)", zh: "“\(name)”由 \(before) 改为 \(after)"), new: site, old: site, reach: .workspace)
        }

        let oldPlatforms = Dictionary(old.platforms.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let newPlatforms = Dictionary(new.platforms.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for platform in old.platforms where newPlatforms[platform.id] == nil {
            emit(.platformRemoved, platform.id, platform.id,
                 LocalizedText(en: "platform '\(platform.id)' (\(platform.name)) is removed", zh: "平台“\(platform.id)”（\(platform.name)）被移除"),
                 new: nil, old: ChangeSite(file: platform.source, path: [.key("platform"), .key("id")]), reach: .platform(platform.id))
        }
        for platform in new.platforms {
            guard let before = oldPlatforms[platform.id] else {
                emit(.platformAdded, platform.id, platform.id,
                     LocalizedText(en: "platform '\(platform.id)' (\(platform.name)) is added", zh: "新增平台“\(platform.id)”（\(platform.name)）"),
                     new: ChangeSite(file: platform.source, path: [.key("platform"), .key("id")]), old: nil, reach: .platform(platform.id))
                continue
            }
            var platformComparer = PlatformComparer(old: before, new: platform)
            platformComparer.compare()
            changes += platformComparer.changes
        }
        compareConnections(oldPlatforms: oldPlatforms, newPlatforms: newPlatforms)
    }

    mutating func compareConnections(oldPlatforms: [String: PlatformIR], newPlatforms: [String: PlatformIR]) {
        func key(_ connection: ConnectionIR) -> String { connection.from + "\u{0}" + connection.to }
        let before = Dictionary(old.connections.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.connections.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        func site(_ connection: ConnectionIR, in platforms: [String: PlatformIR], _ tail: [ContractPathStep] = []) -> ChangeSite? {
            platforms[connection.from].map { ChangeSite(file: $0.source, path: [.key("connections"), .item(field: "to", value: connection.to)] + tail) }
        }
        func nearest(_ connection: ConnectionIR) -> ChangeSite? {
            newPlatforms[connection.from].map { ChangeSite(file: $0.source, path: [.key("connections")]) }
        }
        for connection in old.connections where after[key(connection)] == nil {
            emit(.connectionRemoved, connection.from, "\(connection.from) -> \(connection.to)",
                 LocalizedText(en: "the connection from '\(connection.from)' to '\(connection.to)' is removed",
                               zh: "“\(connection.from)”到“\(connection.to)”的接入关系被移除"),
                 new: nearest(connection), old: site(connection, in: oldPlatforms), reach: .connection(connection.from, connection.to))
        }
        for connection in new.connections {
            let subject = "\(connection.from) -> \(connection.to)"
            let reach = Reach.connection(connection.from, connection.to)
            guard let previous = before[key(connection)] else {
                emit(.connectionAdded, connection.from, subject,
                     LocalizedText(en: "a connection from '\(connection.from)' to '\(connection.to)' is added",
                                   zh: "新增“\(connection.from)”到“\(connection.to)”的接入关系"),
                     new: site(connection, in: newPlatforms), old: nil, reach: reach)
                continue
            }
            let oldAreas = Dictionary(previous.areas.map { ($0.area, $0.direction) }, uniquingKeysWith: { a, _ in a })
            let newAreas = Dictionary(connection.areas.map { ($0.area, $0.direction) }, uniquingKeysWith: { a, _ in a })
            for area in AccessArea.allCases {
                let areaSite = { (platforms: [String: PlatformIR], c: ConnectionIR) in site(c, in: platforms, [.key("areas"), .key(area.rawValue)]) }
                switch (oldAreas[area], newAreas[area]) {
                case (let was?, nil):
                    emit(.connectionAreaRemoved, connection.from, subject,
                         LocalizedText(en: "\(area.rawValue) (\(area.chineseName), \(was.rawValue)) leaves the connection",
                                       zh: "接入领域 \(area.rawValue)（\(area.chineseName)，\(was.rawValue)）退出该接入关系"),
                         new: site(connection, in: newPlatforms, [.key("areas")]), old: areaSite(oldPlatforms, previous), reach: reach)
                case (nil, let now?):
                    emit(.connectionAreaAdded, connection.from, subject,
                         LocalizedText(en: "\(area.rawValue) (\(area.chineseName), \(now.rawValue)) joins the connection",
                                       zh: "接入领域 \(area.rawValue)（\(area.chineseName)，\(now.rawValue)）加入该接入关系"),
                         new: areaSite(newPlatforms, connection), old: nil, reach: reach)
                case (let was?, let now?) where was != now:
                    let widened = now == .both
                    emit(widened ? .connectionDirectionWidened : .connectionDirectionNarrowed, connection.from, subject,
                         LocalizedText(en: "the direction of \(area.rawValue) changes from \(was.rawValue) to \(now.rawValue)",
                                       zh: "接入领域 \(area.rawValue) 的方向由 \(was.rawValue) 改为 \(now.rawValue)"),
                         new: areaSite(newPlatforms, connection), old: areaSite(oldPlatforms, previous), reach: reach)
                default: break
                }
            }
        }
    }
}

/// The changes within one platform that both versions have.
struct PlatformComparer {
    let old: PlatformIR
    let new: PlatformIR
    var changes: [PendingChange] = []
    /// Old type name -> new type name, for types renamed without another change.
    var typeRenames: [String: String] = [:]
    var errorRenames: [String: String] = [:]
    let oldUsage: TypeUsage
    let newUsage: TypeUsage

    init(old: PlatformIR, new: PlatformIR) {
        self.old = old
        self.new = new
        oldUsage = TypeUsage(old)
        newUsage = TypeUsage(new)
    }

    var id: String { new.id }

    func site(_ path: ContractPathStep...) -> ChangeSite { ChangeSite(file: new.source, path: path) }
    func oldSite(_ path: ContractPathStep...) -> ChangeSite { ChangeSite(file: old.source, path: path) }

    mutating func emit(_ kind: ChangeKind, _ subject: String, _ message: LocalizedText, new: ChangeSite?, old: ChangeSite?, reach: Reach? = nil) {
        let change = ContractChange(kind, platform: id, subject: subject, message, new: new, old: old)
        changes.append(PendingChange(change: change, reach: reach ?? .platform(id)))
    }

    /// Emits `kind` when the values differ, at the same path in both versions.
    mutating func whenChanged<T: Equatable>(_ kind: ChangeKind, _ before: T, _ after: T, _ subject: String, _ what: LocalizedText,
                                            path: [ContractPathStep], reach: Reach? = nil) {
        guard before != after else { return }
        emit(kind, subject, LocalizedText(en: "\(what.en) changes from \(Self.show(before, .en)) to \(Self.show(after, .en))",
                                          zh: "\(what.zh)由 \(Self.show(before, .zh)) 改为 \(Self.show(after, .zh))"),
             new: ChangeSite(file: new.source, path: path), old: ChangeSite(file: old.source, path: path), reach: reach)
    }

    /// A value as a change sentence shows it; only "nothing" has words to translate.
    static func show(_ value: Any, _ language: Language) -> String {
        if let optional = value as? any OptionalValue { return optional.wrapped.map { show($0, language) } ?? (language == .zh ? "无" : "nothing") }
        switch value {
        case let text as String: return "'\(text)'"
        case let raw as any RawRepresentable<String>: return raw.rawValue
        case let list as [Any]: return "[" + list.map { show($0, language) }.joined(separator: ", ") + "]"
        default: return "\(value)"
        }
    }

    mutating func compare() {
        comparePlatformIdentity()
        compareErrors()
        compareTypes()
        compareAreas()
        compareOperations()
    }

    // MARK: Platform

    mutating func comparePlatformIdentity() {
        let p = ContractPathStep.key("platform")
        whenChanged(.platformRenamed, old.name, new.name, id, LocalizedText(en: "the name", zh: "名称"), path: [p, .key("name")])
        whenChanged(.platformRenamed, old.nameEn, new.nameEn, id, LocalizedText(en: "the English name", zh: "英文名称"), path: [p, .key("nameEn")])
        whenChanged(.platformRenamed, old.description, new.description, id, LocalizedText(en: "the description", zh: "描述"), path: [p, .key("description")])
        whenChanged(.platformLevelChanged, old.level, new.level, id, LocalizedText(en: "the level", zh: "层级"), path: [p, .key("level")])
        whenChanged(.platformRegionChanged, old.region, new.region, id, LocalizedText(en: "the region code", zh: "行政区划代码"), path: [p, .key("region")])
        whenChanged(.operatorChanged, old.operator.name, new.operator.name, id, LocalizedText(en: "the operator", zh: "运营单位"), path: [p, .key("operator"), .key("name")])
        whenChanged(.operatorChanged, old.operator.uscc, new.operator.uscc, id, LocalizedText(en: "the operator's USCC", zh: "运营单位的统一社会信用代码"), path: [p, .key("operator"), .key("uscc")])
        whenChanged(.networkChanged, old.network, new.network, id, LocalizedText(en: "the network", zh: "接入网络"), path: [p, .key("network")])
        let before = Dictionary(old.environments.map { ($0.name, $0.url) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.environments.map { ($0.name, $0.url) }, uniquingKeysWith: { a, _ in a })
        let environments = [p, ContractPathStep.key("environments")]
        for environment in old.environments where after[environment.name] == nil {
            emit(.environmentRemoved, "\(id).environments.\(environment.name)", LocalizedText(en: "environment '\(environment.name)' (\(environment.url)) is removed", zh: "运行环境“\(environment.name)”（\(environment.url)）被移除"),
                 new: ChangeSite(file: new.source, path: environments), old: ChangeSite(file: old.source, path: environments + [.key(environment.name)]))
        }
        for environment in new.environments {
            guard let url = before[environment.name] else {
                emit(.environmentAdded, "\(id).environments.\(environment.name)", LocalizedText(en: "environment '\(environment.name)' is added", zh: "新增运行环境“\(environment.name)”"),
                     new: ChangeSite(file: new.source, path: environments + [.key(environment.name)]), old: nil)
                continue
            }
            whenChanged(.environmentURLChanged, url, environment.url, "\(id).environments.\(environment.name)",
                        LocalizedText(en: "the URL of environment '\(environment.name)'", zh: "运行环境“\(environment.name)”的地址"), path: environments + [.key(environment.name)])
        }
    }

    // MARK: Areas and their settings

    mutating func compareAreas() {
        let a = old.areas, b = new.areas
        presence(.items, a.items != nil, b.items != nil)
        presence(.portal, a.portal != nil, b.portal != nil)
        presence(.identity, a.identity != nil, b.identity != nil)
        presence(.seal, a.seal != nil, b.seal != nil)
        presence(.license, a.license != nil, b.license != nil)
        presence(.operations, a.operations != nil, b.operations != nil)
        presence(.security, a.security != nil, b.security != nil)
        presence(.thirdParty, a.thirdParty != nil, b.thirdParty != nil)
        if let x = a.items?.settings, let y = b.items?.settings { compareItems(x, y) }
        if let x = a.portal?.settings, let y = b.portal?.settings { comparePortal(x, y) }
        if let x = a.identity?.settings, let y = b.identity?.settings { compareIdentity(x, y) }
        if let x = a.seal?.settings, let y = b.seal?.settings { compareSeal(x, y) }
        if let x = a.license?.settings, let y = b.license?.settings { compareLicense(x, y) }
        if let x = a.operations?.settings, let y = b.operations?.settings { compareOperationsSettings(x, y) }
        if let x = a.security?.settings, let y = b.security?.settings { compareSecurity(x, y) }
        if let x = a.thirdParty?.settings, let y = b.thirdParty?.settings { compareThirdParty(x, y) }
    }

    mutating func presence(_ area: AccessArea, _ before: Bool, _ after: Bool) {
        let subject = "\(id).\(area.rawValue)"
        if before && !after {
            emit(.areaRemoved, subject, LocalizedText(en: "the \(area.rawValue) area (\(area.chineseName)) is removed", zh: "接入领域 \(area.rawValue)（\(area.chineseName)）被移除"),
                 new: site(.key("platform")), old: oldSite(.key(area.rawValue)), reach: .area(id, area))
        } else if after && !before {
            emit(.areaAdded, subject, LocalizedText(en: "the \(area.rawValue) area (\(area.chineseName)) is added", zh: "新增接入领域 \(area.rawValue)（\(area.chineseName)）"), new: site(.key(area.rawValue)), old: nil, reach: .area(id, area))
        }
    }

    /// Reports the members of a set that leave and join it, each as its own change.
    mutating func setChange<T: Hashable>(_ before: [T], _ after: [T], area: AccessArea, key: String, removed: ChangeKind?, added: ChangeKind?,
                                         _ describe: (T) -> LocalizedText) {
        let path: [ContractPathStep] = [.key(area.rawValue), .key(key)]
        let subject = "\(id).\(area.rawValue).\(key)"
        if let removed {
            for value in before where !after.contains(value) {
                emit(removed, subject, LocalizedText(en: "\(describe(value).en) is removed from '\(key)'", zh: "\(describe(value).zh)从“\(key)”中移除"), new: ChangeSite(file: new.source, path: path),
                     old: ChangeSite(file: old.source, path: path), reach: .area(id, area))
            }
        }
        if let added {
            for value in after where !before.contains(value) {
                emit(added, subject, LocalizedText(en: "\(describe(value).en) is added to '\(key)'", zh: "\(describe(value).zh)加入“\(key)”"), new: ChangeSite(file: new.source, path: path),
                     old: ChangeSite(file: old.source, path: path), reach: .area(id, area))
            }
        }
    }

    mutating func setting<T: Equatable>(_ kind: ChangeKind, _ area: AccessArea, _ before: T, _ after: T, _ keys: String...) {
        whenChanged(kind, before, after, "\(id).\(area.rawValue).\(keys.joined(separator: "."))",
                    LocalizedText(en: "'\(keys.joined(separator: "."))'", zh: "“\(keys.joined(separator: "."))”"),
                    path: [.key(area.rawValue)] + keys.map { .key($0) }, reach: .area(id, area))
    }

    mutating func compareItems(_ a: ItemsSettings, _ b: ItemsSettings) {
        setChange(a.catalogs, b.catalogs, area: .items, key: "catalogs", removed: .itemCatalogRemoved, added: .itemCatalogAdded) { LocalizedText(en: "catalogue \($0.rawValue)", zh: "事项目录 \($0.rawValue)") }
        setting(.itemSyncModeChanged, .items, a.sync?.mode, b.sync?.mode, "sync", "mode")
        setting(.itemSyncFrequencyChanged, .items, a.sync?.frequency, b.sync?.frequency, "sync", "frequency")
    }

    mutating func comparePortal(_ a: PortalSettings, _ b: PortalSettings) {
        let before = Dictionary(a.channels.map { ($0.name, $0.url) }, uniquingKeysWith: { x, _ in x })
        let after = Dictionary(b.channels.map { ($0.name, $0.url) }, uniquingKeysWith: { x, _ in x })
        for channel in a.channels where after[channel.name] != channel.url {
            let what = after[channel.name].map { LocalizedText(en: "channel '\(channel.name)' moves to \($0)", zh: "渠道“\(channel.name)”改到 \($0)") }
                ?? LocalizedText(en: "channel '\(channel.name)' is removed", zh: "渠道“\(channel.name)”被移除")
            emit(.portalChannelChanged, "\(id).portal.channels", what, new: site(.key("portal"), .key("channels")),
                 old: oldSite(.key("portal"), .key("channels"), .key(channel.name)), reach: .area(id, .portal))
        }
        for channel in b.channels where before[channel.name] == nil {
            emit(.portalWidened, "\(id).portal.channels", LocalizedText(en: "channel '\(channel.name)' is added", zh: "新增渠道“\(channel.name)”"), new: site(.key("portal"), .key("channels"), .key(channel.name)),
                 old: nil, reach: .area(id, .portal))
        }
        if a.sso != b.sso { setting(b.sso ? .portalWidened : .ssoTurnedOff, .portal, a.sso, b.sso, "sso") }
        setChange(a.features, b.features, area: .portal, key: "features", removed: .portalFeatureRemoved, added: .portalWidened) { LocalizedText(en: "feature \($0.rawValue)", zh: "功能 \($0.rawValue)") }
    }

    mutating func compareIdentity(_ a: IdentitySettings, _ b: IdentitySettings) {
        setting(.identityProtocolChanged, .identity, a.protocol, b.protocol, "protocol")
        setChange(a.subjects, b.subjects, area: .identity, key: "subjects", removed: .identitySubjectRemoved, added: .identityScopeWidened) { LocalizedText(en: "subject \($0.rawValue)", zh: "用户类型 \($0.rawValue)") }
        setChange(a.levels, b.levels, area: .identity, key: "levels", removed: .identityLevelRemoved, added: .identityScopeWidened) { LocalizedText(en: "level \($0.rawValue)", zh: "认证等级 \($0.rawValue)") }
        setting(.loginURLChanged, .identity, a.loginUrl, b.loginUrl, "loginUrl")
        setting(.tokenLifetimeChanged, .identity, a.tokenTtlSeconds, b.tokenTtlSeconds, "tokenTtlSeconds")
    }

    mutating func compareSeal(_ a: SealSettings, _ b: SealSettings) {
        setting(.sealAlgorithmChanged, .seal, a.algorithm, b.algorithm, "algorithm")
        setting(.sealFormatChanged, .seal, a.format, b.format, "format")
        setting(.sealTimestampChanged, .seal, a.timestamp, b.timestamp, "timestamp")
    }

    mutating func compareLicense(_ a: LicenseSettings, _ b: LicenseSettings) {
        let after = Dictionary(b.catalog.map { ($0.code, $0) }, uniquingKeysWith: { x, _ in x })
        let before = Dictionary(a.catalog.map { ($0.code, $0) }, uniquingKeysWith: { x, _ in x })
        let catalog: [ContractPathStep] = [.key("license"), .key("catalog")]
        for entry in a.catalog {
            let entrySite = { (file: String) in ChangeSite(file: file, path: catalog + [.item(field: "code", value: entry.code)]) }
            guard let now = after[entry.code] else {
                emit(.licenseCatalogEntryRemoved, "\(id).license.catalog", LocalizedText(en: "licence type \(entry.code) (\(entry.name)) leaves the catalogue", zh: "证照类型 \(entry.code)（\(entry.name)）移出证照目录"),
                     new: ChangeSite(file: new.source, path: catalog), old: entrySite(old.source), reach: .area(id, .license))
                continue
            }
            if now.grade != entry.grade || now.name != entry.name {
                emit(.licenseGradeChanged, "\(id).license.catalog", LocalizedText(en: "licence type \(entry.code) changes from \(entry.name) grade \(entry.grade.rawValue) to \(now.name) grade \(now.grade.rawValue)",
                                   zh: "证照类型 \(entry.code) 由 \(entry.name)（\(entry.grade.rawValue) 级）改为 \(now.name)（\(now.grade.rawValue) 级）"),
                     new: entrySite(new.source), old: entrySite(old.source), reach: .area(id, .license))
            }
        }
        for entry in b.catalog where before[entry.code] == nil {
            emit(.licenseCatalogEntryAdded, "\(id).license.catalog", LocalizedText(en: "licence type \(entry.code) (\(entry.name)) joins the catalogue", zh: "证照类型 \(entry.code)（\(entry.name)）加入证照目录"),
                 new: ChangeSite(file: new.source, path: catalog + [.item(field: "code", value: entry.code)]), old: nil, reach: .area(id, .license))
        }
        setting(.useCauseFieldChanged, .license, a.useCause.field, b.useCause.field, "useCause", "field")
        if b.useCause.maxLength != a.useCause.maxLength {
            setting(b.useCause.maxLength < a.useCause.maxLength ? .useCauseShortened : .useCauseLengthened, .license,
                    a.useCause.maxLength, b.useCause.maxLength, "useCause", "maxLength")
        }
    }

    mutating func compareOperationsSettings(_ a: OperationsSettings, _ b: OperationsSettings) {
        setting(.serviceLevelChanged, .operations, a.availability, b.availability, "availability")
        setting(.serviceLevelChanged, .operations, a.p95LatencyMs, b.p95LatencyMs, "p95LatencyMs")
        setting(.serviceLevelChanged, .operations, a.reportIntervalMinutes, b.reportIntervalMinutes, "monitoring", "reportIntervalMinutes")
        setting(.serviceLevelChanged, .operations, a.incidentReportMinutes, b.incidentReportMinutes, "incidentReportMinutes")
        setting(.healthEndpointChanged, .operations, a.health, b.health, "health")
    }

    mutating func compareSecurity(_ a: SecuritySettings, _ b: SecuritySettings) {
        switch (a.signing, b.signing) {
        case (nil, let now?):
            emit(.signingAdded, "\(id).security.signing", LocalizedText(en: "requests must now be signed with \(now.algorithm.rawValue)", zh: "请求须以 \(now.algorithm.rawValue) 签名"),
                 new: site(.key("security"), .key("signing")), old: oldSite(.key("security")), reach: .platform(id))
        case (let was?, nil):
            emit(.signingRemoved, "\(id).security.signing", LocalizedText(en: "requests are no longer signed (were \(was.algorithm.rawValue))", zh: "请求不再签名（原为 \(was.algorithm.rawValue)）"),
                 new: site(.key("security")), old: oldSite(.key("security"), .key("signing")), reach: .platform(id))
        case (let was?, let now?):
            whenChanged(.signingAlgorithmChanged, was.algorithm, now.algorithm, "\(id).security.signing", LocalizedText(en: "the signing algorithm", zh: "签名算法"),
                        path: [.key("security"), .key("signing"), .key("algorithm")], reach: .platform(id))
            whenChanged(.signatureHeaderChanged, was.header, now.header, "\(id).security.signing", LocalizedText(en: "the signature header", zh: "签名请求头"),
                        path: [.key("security"), .key("signing"), .key("header")], reach: .platform(id))
            whenChanged(.signingKeyReferenceChanged, was.key, now.key, "\(id).security.signing", LocalizedText(en: "the signing key reference", zh: "签名密钥引用"),
                        path: [.key("security"), .key("signing"), .key("key")], reach: .platform(id))
        case (nil, nil): break
        }
        whenChanged(.envelopeChanged, a.envelope, b.envelope, "\(id).security.envelope", LocalizedText(en: "the envelope", zh: "报文封装"), path: [.key("security"), .key("envelope")], reach: .platform(id))
        whenChanged(.authHeadersChanged, a.auth.accessIdHeader, b.auth.accessIdHeader, "\(id).security.auth", LocalizedText(en: "the access id header", zh: "接入标识请求头"),
                    path: [.key("security"), .key("auth"), .key("accessIdHeader")], reach: .platform(id))
        whenChanged(.authHeadersChanged, a.auth.tokenHeader, b.auth.tokenHeader, "\(id).security.auth", LocalizedText(en: "the token header", zh: "令牌请求头"),
                    path: [.key("security"), .key("auth"), .key("tokenHeader")], reach: .platform(id))
        if a.transport.minTls != b.transport.minTls {
            let raised = b.transport.minTls.rawValue > a.transport.minTls.rawValue
            whenChanged(raised ? .minimumTLSRaised : .minimumTLSLowered, a.transport.minTls, b.transport.minTls, "\(id).security.transport",
                        LocalizedText(en: "the minimum TLS version", zh: "最低 TLS 版本"), path: [.key("security"), .key("transport"), .key("minTls")], reach: .platform(id))
        }
        whenChanged(.gmTransportChanged, a.transport.gm, b.transport.gm, "\(id).security.transport", LocalizedText(en: "GM transport", zh: "国密传输"),
                    path: [.key("security"), .key("transport"), .key("gm")], reach: .platform(id))
        whenChanged(.ipAllowListChanged, a.ipAllowList.sorted(), b.ipAllowList.sorted(), "\(id).security.ipAllowList", LocalizedText(en: "the IP allow list", zh: "IP 白名单"),
                    path: [.key("security"), .key("ipAllowList")], reach: .platform(id))
        setting(.securityPostureChanged, .security, a.algorithms.map(\.rawValue).sorted(), b.algorithms.map(\.rawValue).sorted(), "algorithms")
        setting(.securityPostureChanged, .security, a.protectionLevel, b.protectionLevel, "protectionLevel")
        setting(.securityPostureChanged, .security, a.auditRetentionDays, b.auditRetentionDays, "auditRetentionDays")
    }

    mutating func compareThirdParty(_ a: ThirdPartySettings, _ b: ThirdPartySettings) {
        setChange(a.uses, b.uses, area: .thirdParty, key: "uses", removed: .thirdPartyUsesChanged, added: .thirdPartyUsesChanged) { LocalizedText(en: "'\($0)'", zh: "“\($0)”") }
        setting(.thirdPartyTermsChanged, .thirdParty, a.via, b.via, "via")
        setting(.thirdPartyTermsChanged, .thirdParty, a.purpose, b.purpose, "purpose")
        setting(.thirdPartyTermsChanged, .thirdParty, a.dataScope.sorted(), b.dataScope.sorted(), "dataScope")
        setting(.thirdPartyTermsChanged, .thirdParty, a.authorization, b.authorization, "authorization")
    }

    // MARK: Errors

    mutating func compareErrors() {
        let before = Dictionary(old.errors.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.errors.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var removed = old.errors.filter { after[$0.name] == nil }
        var added = new.errors.filter { before[$0.name] == nil }
        for error in removed {
            if let twin = added.first(where: { $0.code == error.code && $0.http == error.http }) {
                errorRenames[error.name] = twin.name
                emit(.errorRenamed, "\(id).errors.\(error.name)", LocalizedText(en: "error '\(error.name)' is renamed '\(twin.name)' (code \(error.code))", zh: "错误“\(error.name)”更名为“\(twin.name)”（错误编码 \(error.code)）"),
                     new: errorSite(twin.name, in: new.source), old: errorSite(error.name, in: old.source), reach: errorReach(error.name))
                added.removeAll { $0.name == twin.name }
                removed.removeAll { $0.name == error.name }
            }
        }
        for error in removed {
            emit(.errorRemoved, "\(id).errors.\(error.name)", LocalizedText(en: "error '\(error.name)' (code \(error.code)) is removed", zh: "错误“\(error.name)”（错误编码 \(error.code)）被移除"),
                 new: ChangeSite(file: new.source, path: [.key("errors")]), old: errorSite(error.name, in: old.source), reach: errorReach(error.name))
        }
        for error in added {
            emit(.errorAdded, "\(id).errors.\(error.name)", LocalizedText(en: "error '\(error.name)' (code \(error.code), HTTP \(error.http)) is added", zh: "新增错误“\(error.name)”（错误编码 \(error.code)，HTTP \(error.http)）"),
                 new: errorSite(error.name, in: new.source), old: nil)
        }
        for error in new.errors {
            guard let was = before[error.name] else { continue }
            let path: [ContractPathStep] = [.key("errors"), .key(error.name)]
            let subject = "\(id).errors.\(error.name)"
            let reach = errorReach(error.name)
            whenChanged(.errorCodeChanged, was.code, error.code, subject, LocalizedText(en: "the code of '\(error.name)'", zh: "“\(error.name)”的错误编码"), path: path + [.key("code")], reach: reach)
            whenChanged(.errorStatusChanged, was.http, error.http, subject, LocalizedText(en: "the HTTP status of '\(error.name)'", zh: "“\(error.name)”的 HTTP 状态码"), path: path + [.key("http")], reach: reach)
            whenChanged(.errorMessageChanged, was.message, error.message, subject, LocalizedText(en: "the message of '\(error.name)'", zh: "“\(error.name)”的提示信息"), path: path + [.key("message")], reach: reach)
            whenChanged(.errorMessageChanged, was.messageEn, error.messageEn, subject, LocalizedText(en: "the English message of '\(error.name)'", zh: "“\(error.name)”的英文提示信息"), path: path + [.key("messageEn")], reach: reach)
            whenChanged(.errorConditionChanged, was.condition, error.condition, subject, LocalizedText(en: "the condition of '\(error.name)'", zh: "“\(error.name)”对应的规范条件"), path: path + [.key("condition")], reach: reach)
        }
    }

    func errorSite(_ name: String, in file: String) -> ChangeSite { ChangeSite(file: file, path: [.key("errors"), .key(name)]) }

    /// The operations (of either version) that can return the error.
    func errorReach(_ name: String) -> Reach {
        let operations = (old.areas.allOperations + new.areas.allOperations).filter { $0.errors.contains(name) }
        return .operations(id, operations.map { ($0.area, $0.id) })
    }

    // MARK: Operations

    mutating func compareOperations() {
        let before = old.areas.allOperations, after = new.areas.allOperations
        let afterById = Dictionary(after.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let beforeById = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var removed = before.filter { afterById[$0.id] == nil }
        var added = after.filter { beforeById[$0.id] == nil }
        var pairs: [(OperationIR, OperationIR)] = before.compactMap { was in afterById[was.id].map { (was, $0) } }
        for was in removed {
            if let twin = added.first(where: { $0.area == was.area && $0.method == was.method && Self.pathShape($0.path) == Self.pathShape(was.path) }) {
                emit(.operationRenamed, "\(id).\(was.area.rawValue).\(was.id)", LocalizedText(en: "operation '\(was.id)' is renamed '\(twin.id)'", zh: "接口“\(was.id)”更名为“\(twin.id)”"),
                     new: operationSite(twin, new.source, .key("id")), old: operationSite(was, old.source, .key("id")), reach: operationReach(was, twin))
                pairs.append((was, twin))
                added.removeAll { $0.id == twin.id }
                removed.removeAll { $0.id == was.id }
            }
        }
        // An operation of an area that comes or goes is reported with its area, not again on its own.
        removed.removeAll { !Self.declares(new, $0.area) }
        added.removeAll { !Self.declares(old, $0.area) }
        for was in removed {
            emit(.operationRemoved, "\(id).\(was.area.rawValue).\(was.id)", LocalizedText(en: "operation '\(was.id)' (\(was.method.rawValue) \(was.path)) is removed", zh: "接口“\(was.id)”（\(was.method.rawValue) \(was.path)）被移除"),
                 new: site(.key(was.area.rawValue)), old: operationSite(was, old.source), reach: operationReach(was))
        }
        for now in added {
            emit(.operationAdded, "\(id).\(now.area.rawValue).\(now.id)", LocalizedText(en: "operation '\(now.id)' (\(now.method.rawValue) \(now.path)) is added", zh: "新增接口“\(now.id)”（\(now.method.rawValue) \(now.path)）"),
                 new: operationSite(now, new.source), old: nil, reach: operationReach(now))
        }
        for (was, now) in pairs { compareOperation(was, now) }
    }

    static func declares(_ platform: PlatformIR, _ area: AccessArea) -> Bool {
        let areas = platform.areas
        return switch area {
        case .items: areas.items != nil
        case .portal: areas.portal != nil
        case .identity: areas.identity != nil
        case .seal: areas.seal != nil
        case .license: areas.license != nil
        case .operations: areas.operations != nil
        case .security: areas.security != nil
        case .thirdParty: areas.thirdParty != nil
        }
    }

    func operationSite(_ operation: OperationIR, _ file: String, _ tail: ContractPathStep...) -> ChangeSite {
        ChangeSite(file: file, path: [.key(operation.area.rawValue), .key("operations"), .item(field: "id", value: operation.id)] + tail)
    }

    func operationReach(_ operations: OperationIR...) -> Reach { .operations(id, operations.map { ($0.area, $0.id) }) }

    /// The path with its parameter names blanked: `/a/{x}` and `/a/{y}` have one shape.
    static func pathShape(_ path: String) -> String {
        var shape = "", inParameter = false
        for character in path {
            if character == "{" { inParameter = true; shape.append("{}") } else if character == "}" { inParameter = false } else if !inParameter { shape.append(character) }
        }
        return shape
    }

    mutating func compareOperation(_ was: OperationIR, _ now: OperationIR) {
        let subject = "\(id).\(now.area.rawValue).\(now.id)"
        let reach = operationReach(was, now)
        func at(_ key: String) -> (new: ChangeSite, old: ChangeSite) { (operationSite(now, new.source, .key(key)), operationSite(was, old.source, .key(key))) }
        func report(_ kind: ChangeKind, _ key: String, _ message: LocalizedText) {
            let sites = at(key)
            emit(kind, subject, message, new: sites.new, old: sites.old, reach: reach)
        }
        if was.area != now.area {
            report(.operationMovedArea, "id", LocalizedText(en: "operation '\(now.id)' moves from \(was.area.rawValue) to \(now.area.rawValue)", zh: "接口“\(now.id)”由接入领域 \(was.area.rawValue) 移至 \(now.area.rawValue)"))
        }
        if was.method != now.method { report(.operationMethodChanged, "method", LocalizedText(en: "the method changes from \(was.method.rawValue) to \(now.method.rawValue)", zh: "请求方法由 \(was.method.rawValue) 改为 \(now.method.rawValue)")) }
        if was.path != now.path {
            let renamedOnly = Self.pathShape(was.path) == Self.pathShape(now.path)
            report(renamedOnly ? .pathParameterRenamed : .operationPathChanged, "path", LocalizedText(en: "the path changes from \(was.path) to \(now.path)", zh: "路径由 \(was.path) 改为 \(now.path)"))
        }
        compareBody(was.request, now.request, isRequest: true, report: report)
        compareBody(was.response, now.response, isRequest: false, report: report)
        if was.idempotent != now.idempotent {
            report(now.idempotent ? .operationNowIdempotent : .operationNoLongerIdempotent, "idempotent", now.idempotent ? LocalizedText(en: "the operation becomes idempotent", zh: "接口改为幂等") : LocalizedText(en: "the operation is no longer idempotent", zh: "接口不再幂等"))
        }
        switch (was.rateLimit, now.rateLimit) {
        case (nil, let limit?): report(.rateLimitAdded, "rateLimit", LocalizedText(en: "a rate limit of \(limit.requests) per \(limit.per.rawValue) is added", zh: "新增限流：每\(limit.per.chineseName) \(limit.requests) 次"))
        case (let limit?, nil): report(.rateLimitRelaxed, "rateLimit", LocalizedText(en: "the rate limit of \(limit.requests) per \(limit.per.rawValue) is removed", zh: "取消限流（原为每\(limit.per.chineseName) \(limit.requests) 次）"))
        case (let a?, let b?) where Self.perSecond(a) != Self.perSecond(b) || a.per != b.per:
            let lowered = Self.perSecond(b) < Self.perSecond(a)
            report(lowered ? .rateLimitLowered : .rateLimitRelaxed, "rateLimit",
                   LocalizedText(en: "the rate limit changes from \(a.requests) per \(a.per.rawValue) to \(b.requests) per \(b.per.rawValue)",
                                 zh: "限流由每\(a.per.chineseName) \(a.requests) 次改为每\(b.per.chineseName) \(b.requests) 次"))
        default: break
        }
        if was.deprecated != now.deprecated {
            report(now.deprecated ? .operationDeprecated : .operationUndeprecated, "deprecated", now.deprecated ? LocalizedText(en: "the operation is deprecated", zh: "接口标记为废弃") : LocalizedText(en: "the operation is no longer deprecated", zh: "接口取消废弃标记"))
        }
        if was.summary != now.summary || was.summaryEn != now.summaryEn {
            report(.operationSummaryChanged, "summary", LocalizedText(en: "the summary changes from '\(was.summary)' to '\(now.summary)'", zh: "接口说明由 '\(was.summary)' 改为 '\(now.summary)'"))
        }
        if was.examples != now.examples { report(.operationExamplesChanged, "examples", LocalizedText(en: "the examples change", zh: "接口示例变更")) }
        let oldErrors = Set(was.errors.map { errorRenames[$0] ?? $0 }), newErrors = Set(now.errors)
        for error in newErrors.subtracting(oldErrors).sorted() { report(.operationErrorAdded, "errors", LocalizedText(en: "the operation can now return '\(error)'", zh: "接口现在可能返回错误“\(error)”")) }
        for error in oldErrors.subtracting(newErrors).sorted() { report(.operationErrorRemoved, "errors", LocalizedText(en: "the operation no longer returns '\(error)'", zh: "接口不再返回错误“\(error)”")) }
    }

    static func perSecond(_ limit: RateLimit) -> Double {
        let seconds: Double = switch limit.per {
        case .second: 1
        case .minute: 60
        case .hour: 3600
        case .day: 86400
        }
        return Double(limit.requests) / seconds
    }

    func compareBody(_ was: TypeRefIR?, _ now: TypeRefIR?, isRequest: Bool, report: (ChangeKind, String, LocalizedText) -> Void) {
        let key = isRequest ? "request" : "response", body = isRequest ? "请求体" : "响应体"
        switch (was, now) {
        case (nil, let type?): report(isRequest ? .requestBodyAdded : .responseBodyAdded, key, LocalizedText(en: "the operation now takes a \(key) of \(Self.describe(type))", zh: "接口新增\(body)，类型为 \(Self.describe(type))"))
        case (let type?, nil): report(isRequest ? .requestBodyRemoved : .responseBodyRemoved, key, LocalizedText(en: "the operation no longer has a \(key) (was \(Self.describe(type)))", zh: "接口不再有\(body)（原为 \(Self.describe(type))）"))
        case (let a?, let b?) where renamed(a) != b:
            report(isRequest ? .requestTypeChanged : .responseTypeChanged, key, LocalizedText(en: "the \(key) changes from \(Self.describe(a)) to \(Self.describe(b))", zh: "\(body)类型由 \(Self.describe(a)) 改为 \(Self.describe(b))"))
        default: break
        }
    }

    /// An old type reference as the new version names it, renamed types followed.
    func renamed(_ type: TypeRefIR) -> TypeRefIR {
        switch type {
        case .named(let name): .named(typeRenames[name] ?? name)
        case .list(let element): .list(renamed(element))
        case .map(let element): .map(renamed(element))
        case .builtin: type
        }
    }

    static func describe(_ type: TypeRefIR) -> String {
        switch type {
        case .builtin(let builtin): builtin.rawValue
        case .named(let name): name
        case .list(let element): "[\(describe(element))]"
        case .map(let element): "{string: \(describe(element))}"
        }
    }
}

/// Lets `show` tell a nil from a value without wrapping every value in an optional.
protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? { self.map { $0 as Any } }
}
