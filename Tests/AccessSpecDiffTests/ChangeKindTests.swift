@testable import AccessSpecDiff
import AccessSpecCore
import AccessSpecSyntax
import Foundation
import Testing

/// The bundled workspace's IR with a probe operation added to hefei: a request-only record and
/// enum, a response-only record and enum, an unused type and an alias, so that every kind has
/// a place to happen.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func compile(_ folder: String) -> WorkspaceIR {
        let compilation = Compiler.compile(workspaceAt: repository.appendingPathComponent(folder).path)
        return compilation.ir!
    }

    static let specs = compile("specs")

    static func record(_ name: String, _ enumName: String) -> String {
        """
        {"name": "\(name)", "kind": "record", "source": "hefei.yaml", "fields": [
          {"name": "name", "type": {"kind": "builtin", "name": "string"}, "required": true, "resolved": {"kind": "builtin", "name": "string", "constraints": {"minLength": 1, "maxLength": 10}}},
          {"name": "count", "type": {"kind": "builtin", "name": "integer"}, "required": true, "resolved": {"kind": "builtin", "name": "integer", "constraints": {"minimum": 1, "maximum": 10}}},
          {"name": "tags", "type": {"kind": "list", "element": {"kind": "builtin", "name": "string"}}, "required": true, "resolved": {"kind": "list", "element": {"kind": "builtin", "name": "string"}, "constraints": {"minItems": 1, "maxItems": 5}}},
          {"name": "kind", "type": {"kind": "named", "name": "\(enumName)"}, "required": true, "resolved": {"kind": "enum", "name": "\(enumName)"}},
          {"name": "code", "type": {"kind": "builtin", "name": "string"}, "required": true, "resolved": {"kind": "builtin", "name": "string", "constraints": {"patterns": ["^[A-Z]+$"]}}},
          {"name": "holder", "type": {"kind": "builtin", "name": "uscc"}, "required": true, "resolved": {"kind": "builtin", "name": "uscc"}},
          {"name": "note", "type": {"kind": "builtin", "name": "string"}, "required": false, "resolved": {"kind": "builtin", "name": "string"}}
        ]}
        """
    }

    static let probeTypes = "[" + [
        record("ProbeRequest", "ProbeKind"), record("ProbeResponse", "ProbeResponseKind"),
        #"{"name": "ProbeKind", "kind": "enum", "source": "hefei.yaml", "values": [{"value": "a"}, {"value": "b"}]}"#,
        #"{"name": "ProbeResponseKind", "kind": "enum", "source": "hefei.yaml", "values": [{"value": "a"}, {"value": "b"}]}"#,
        #"{"name": "ProbeUnused", "kind": "enum", "source": "hefei.yaml", "values": [{"value": "x"}]}"#,
        #"{"name": "ProbeText", "kind": "alias", "source": "hefei.yaml", "aliasOf": {"kind": "builtin", "name": "string"}, "resolved": {"kind": "builtin", "name": "string"}}"#,
    ].joined(separator: ",") + "]"

    static let probeOperation = """
    {"id": "probe", "area": "items", "summary": "探针", "method": "POST", "path": "/probe/{id}", "pathParameters": ["id"],
     "request": {"kind": "named", "name": "ProbeRequest"}, "response": {"kind": "named", "name": "ProbeResponse"},
     "errors": ["NOT_FOUND"], "idempotent": true, "rateLimit": {"requests": 10, "per": "second"}, "deprecated": false,
     "examples": [{"name": "e", "request": {"id": "x"}}]}
    """

    static let base: WorkspaceIR = {
        var ir = specs
        let decoder = JSONDecoder()
        let hefei = ir.platforms.firstIndex { $0.id == "hefei" }!
        ir.platforms[hefei].types += try! decoder.decode([TypeIR].self, from: Data(probeTypes.utf8))
        ir.platforms[hefei].areas.items!.operations.append(try! decoder.decode(OperationIR.self, from: Data(probeOperation.utf8)))
        return ir
    }()
}

/// One mutation of the base IR and the one kind it must be reported as.
struct Mutation: CustomTestStringConvertible, Sendable {
    var kind: ChangeKind
    /// Compare the mutant to the base rather than the base to the mutant.
    var reversed = false
    var apply: @Sendable (inout WorkspaceIR) -> Void

    var testDescription: String { "\(kind.code) \(kind.summary)\(reversed ? " (reversed)" : "")" }

    func pair(_ base: WorkspaceIR) -> (old: WorkspaceIR, new: WorkspaceIR) {
        var mutant = base
        apply(&mutant)
        return reversed ? (mutant, base) : (base, mutant)
    }
}

extension WorkspaceIR {
    subscript(platform id: String) -> PlatformIR {
        get { platforms.first { $0.id == id }! }
        set { platforms[platforms.firstIndex { $0.id == id }!] = newValue }
    }

    var hefei: PlatformIR {
        get { self[platform: "hefei"] }
        set { self[platform: "hefei"] = newValue }
    }

    /// The probe operation of hefei.
    var probe: OperationIR {
        get { hefei.areas.items!.operations.first { $0.id == "probe" }! }
        set {
            let index = hefei.areas.items!.operations.firstIndex { $0.id == "probe" }!
            hefei.areas.items!.operations[index] = newValue
        }
    }

    subscript(type name: String) -> TypeIR {
        get { hefei.types.first { $0.name == name }! }
        set { hefei.types[hefei.types.firstIndex { $0.name == name }!] = newValue }
    }

    subscript(field name: String, of type: String) -> FieldIR {
        get { self[type: type].fields!.first { $0.name == name }! }
        set {
            var record = self[type: type]
            record.fields![record.fields!.firstIndex { $0.name == name }!] = newValue
            self[type: type] = record
        }
    }

    mutating func constrain(_ field: String, of type: String, _ change: (inout ValueConstraints) -> Void) {
        switch self[field: field, of: type].resolved {
        case .scalar(let builtin, var constraints):
            change(&constraints)
            self[field: field, of: type].resolved = .scalar(builtin, constraints)
        case .list(let element, var constraints):
            change(&constraints)
            self[field: field, of: type].resolved = .list(element, constraints)
        default: fatalError("not constrainable")
        }
    }
}

private func m(_ kind: ChangeKind, reversed: Bool = false, _ apply: @escaping @Sendable (inout WorkspaceIR) -> Void) -> Mutation {
    Mutation(kind: kind, reversed: reversed, apply: apply)
}

/// A mutation for every kind of change: the golden pairs of the diff.
let mutations: [Mutation] = [
    m(.platformRemoved) { $0.platforms.removeAll { $0.id == "icbc-mobile" } },
    m(.platformAdded, reversed: true) { $0.platforms.removeAll { $0.id == "icbc-mobile" } },
    m(.platformLevelChanged) { $0.hefei.level = .county },
    m(.platformRegionChanged) { $0.hefei.region = "340102" },
    m(.platformRenamed) { $0.hefei.nameEn = "Hefei" },
    m(.operatorChanged) { $0.hefei.operator.name = "合肥市数据局" },
    m(.networkChanged) { $0.hefei.network = .internet },
    m(.environmentRemoved) { $0.hefei.environments.removeAll { $0.name == "test" } },
    m(.environmentAdded, reversed: true) { $0.hefei.environments.removeAll { $0.name == "test" } },
    m(.environmentURLChanged) { $0.hefei.environments[0].url = "https://hf2.ahzwfw.gov.cn/api" },
    m(.areaRemoved) { $0.hefei.areas.seal = nil },
    m(.areaAdded, reversed: true) { $0.hefei.areas.seal = nil },
    m(.operationRemoved) { $0.hefei.areas.items!.operations.removeAll { $0.id == "probe" } },
    m(.operationAdded, reversed: true) { $0.hefei.areas.items!.operations.removeAll { $0.id == "probe" } },
    m(.operationMethodChanged) { $0.probe.method = .PUT },
    m(.operationPathChanged) { $0.probe.path = "/probes/{id}" },
    m(.operationRenamed) { $0.probe.id = "probeAgain" },
    m(.pathParameterRenamed) { $0.probe.path = "/probe/{key}"; $0.probe.pathParameters = ["key"] },
    m(.operationMovedArea) { ir in
        var probe = ir.probe
        ir.hefei.areas.items!.operations.removeAll { $0.id == "probe" }
        probe.area = .portal
        ir.hefei.areas.portal!.operations.append(probe)
    },
    m(.requestBodyAdded, reversed: true) { $0.probe.request = nil },
    m(.requestBodyRemoved) { $0.probe.request = nil },
    m(.responseBodyRemoved) { $0.probe.response = nil },
    m(.responseBodyAdded, reversed: true) { $0.probe.response = nil },
    m(.requestTypeChanged) { $0.probe.request = .named("ProbeResponse") },
    m(.responseTypeChanged) { $0.probe.response = .named("ProbeRequest") },
    m(.operationNoLongerIdempotent) { $0.probe.idempotent = false },
    m(.operationNowIdempotent, reversed: true) { $0.probe.idempotent = false },
    m(.rateLimitLowered) { $0.probe.rateLimit!.requests = 5 },
    m(.rateLimitAdded, reversed: true) { $0.probe.rateLimit = nil },
    m(.rateLimitRelaxed) { $0.probe.rateLimit = nil },
    m(.operationDeprecated) { $0.probe.deprecated = true },
    m(.operationUndeprecated, reversed: true) { $0.probe.deprecated = true },
    m(.operationSummaryChanged) { $0.probe.summary = "探针二" },
    m(.operationExamplesChanged) { $0.probe.examples = [] },
    m(.operationErrorAdded) { $0.probe.errors.append("CONFLICT") },
    m(.operationErrorRemoved) { $0.probe.errors = [] },
    m(.typeRemoved) { $0.hefei.types.removeAll { $0.name == "ProbeUnused" } },
    m(.typeAdded, reversed: true) { $0.hefei.types.removeAll { $0.name == "ProbeUnused" } },
    m(.typeRenamed) { $0[type: "ProbeRequest"].name = "ProbeQuery"; $0.probe.request = .named("ProbeQuery") },
    m(.typeKindChanged) { $0[type: "ProbeUnused"].kind = .alias },
    m(.requestFieldAddedRequired) { ir in var f = ir[field: "note", of: "ProbeRequest"]; f.name = "extra"; f.required = true; ir[type: "ProbeRequest"].fields!.append(f) },
    m(.requestFieldAddedOptional) { ir in var f = ir[field: "note", of: "ProbeRequest"]; f.name = "extra"; ir[type: "ProbeRequest"].fields!.append(f) },
    m(.responseFieldAdded) { ir in var f = ir[field: "note", of: "ProbeResponse"]; f.name = "extra"; ir[type: "ProbeResponse"].fields!.append(f) },
    m(.requestFieldRemoved) { $0[type: "ProbeRequest"].fields!.removeAll { $0.name == "note" } },
    m(.responseFieldRemoved) { $0[type: "ProbeResponse"].fields!.removeAll { $0.name == "note" } },
    m(.requestFieldMadeRequired) { $0[field: "note", of: "ProbeRequest"].required = true },
    m(.requestFieldMadeOptional) { $0[field: "name", of: "ProbeRequest"].required = false },
    m(.responseFieldMadeOptional) { $0[field: "name", of: "ProbeResponse"].required = false },
    m(.responseFieldMadeRequired) { $0[field: "note", of: "ProbeResponse"].required = true },
    m(.fieldTypeChanged) { $0[field: "count", of: "ProbeRequest"].resolved = .scalar(.string, ValueConstraints()) },
    m(.fieldTypeRenamed) { $0[field: "note", of: "ProbeRequest"].type = .named("ProbeText") },
    m(.requestLengthTightened) { $0.constrain("name", of: "ProbeRequest") { $0.maxLength = 5 } },
    m(.requestRangeTightened) { $0.constrain("count", of: "ProbeRequest") { $0.maximum = 5 } },
    m(.requestItemsTightened) { $0.constrain("tags", of: "ProbeRequest") { $0.maxItems = 3 } },
    m(.requestPatternTightened) { $0.constrain("name", of: "ProbeRequest") { $0.patterns = ["^[a-z]+$"] } },
    m(.requestFormatAdded) { $0[field: "note", of: "ProbeRequest"].resolved = .scalar(.uscc, ValueConstraints()) },
    m(.requestConstraintLoosened) { $0.constrain("name", of: "ProbeRequest") { $0.maxLength = 20 } },
    m(.responseLengthLoosened) { $0.constrain("name", of: "ProbeResponse") { $0.maxLength = 20 } },
    m(.responseRangeLoosened) { $0.constrain("count", of: "ProbeResponse") { $0.maximum = 20 } },
    m(.responseItemsLoosened) { $0.constrain("tags", of: "ProbeResponse") { $0.maxItems = 10 } },
    m(.responsePatternLoosened) { $0.constrain("code", of: "ProbeResponse") { $0.patterns = [] } },
    m(.responseFormatRemoved) { $0[field: "holder", of: "ProbeResponse"].resolved = .scalar(.string, ValueConstraints()) },
    m(.responseConstraintTightened) { $0.constrain("name", of: "ProbeResponse") { $0.maxLength = 5 } },
    m(.requestEnumValueRemoved) { $0[type: "ProbeKind"].values!.removeLast() },
    m(.responseEnumValueRemoved) { $0[type: "ProbeResponseKind"].values!.removeLast() },
    m(.responseEnumValueAdded) { $0[type: "ProbeResponseKind"].values!.append(EnumValueIRCopy.with("c", from: $0[type: "ProbeResponseKind"].values![0])) },
    m(.requestEnumValueAdded) { $0[type: "ProbeKind"].values!.append(EnumValueIRCopy.with("c", from: $0[type: "ProbeKind"].values![0])) },
    m(.descriptionChanged) { $0[type: "ProbeUnused"].description = "未使用" },
    m(.errorRemoved) { $0.hefei.errors.removeAll { $0.name == "CONFLICT" } },
    m(.errorAdded, reversed: true) { $0.hefei.errors.removeAll { $0.name == "CONFLICT" } },
    m(.errorRenamed) { ir in
        let index = ir.hefei.errors.firstIndex { $0.name == "NOT_FOUND" }!
        ir.hefei.errors[index].name = "MISSING"
        ir.hefei.areas = ir.hefei.areas.renamingError("NOT_FOUND", to: "MISSING")
    },
    m(.errorCodeChanged) { $0.hefei.errors[0].code += 1 },
    m(.errorStatusChanged) { $0.hefei.errors[0].http = 418 },
    m(.errorMessageChanged) { $0.hefei.errors[0].message = "别的" },
    m(.errorConditionChanged) { ir in ir.hefei.errors[0].condition = ir.hefei.errors[0].condition == .unavailable ? .rateLimited : .unavailable },
    m(.signingAlgorithmChanged) { $0.hefei.areas.security!.settings.signing!.algorithm = .sm2SM3 },
    m(.signingAdded, reversed: true) { $0.hefei.areas.security!.settings.signing = nil },
    m(.signingRemoved) { $0.hefei.areas.security!.settings.signing = nil },
    m(.signatureHeaderChanged) { $0.hefei.areas.security!.settings.signing!.header = "X-Sign" },
    m(.signingKeyReferenceChanged) { $0.hefei.areas.security!.settings.signing!.key = "${env:OTHER}" },
    m(.envelopeChanged) { ir in ir.hefei.areas.security!.settings.envelope = ir.hefei.areas.security!.settings.envelope == .plain ? .headData : .plain },
    m(.authHeadersChanged) { $0.hefei.areas.security!.settings.auth.tokenHeader = "X-Token" },
    m(.minimumTLSRaised) { $0.hefei.areas.security!.settings.transport.minTls = .v1_3 },
    m(.minimumTLSLowered) { $0.hefei.areas.security!.settings.transport.minTls = .v1_0 },
    m(.gmTransportChanged) { $0.hefei.areas.security!.settings.transport.gm.toggle() },
    m(.ipAllowListChanged) { $0.hefei.areas.security!.settings.ipAllowList.append("10.0.0.0/8") },
    m(.securityPostureChanged) { $0.hefei.areas.security!.settings.protectionLevel = 4 },
    m(.identityProtocolChanged) { $0.hefei.areas.identity!.settings.protocol = .oidc },
    m(.identitySubjectRemoved) { $0.hefei.areas.identity!.settings.subjects.removeLast() },
    m(.identityLevelRemoved) { $0.hefei.areas.identity!.settings.levels.removeLast() },
    m(.identityScopeWidened, reversed: true) { $0.hefei.areas.identity!.settings.levels.removeLast() },
    m(.loginURLChanged) { $0.hefei.areas.identity!.settings.loginUrl = "https://passport.example.gov.cn/login" },
    m(.tokenLifetimeChanged) { $0.hefei.areas.identity!.settings.tokenTtlSeconds = 600 },
    m(.sealAlgorithmChanged) { $0.hefei.areas.seal!.settings.algorithm = .rsaSha256 },
    m(.sealFormatChanged) { $0.hefei.areas.seal!.settings.format = .other },
    m(.sealTimestampChanged) { $0.hefei.areas.seal!.settings.timestamp.toggle() },
    m(.licenseCatalogEntryRemoved) { $0.hefei.areas.license!.settings.catalog.removeAll() },
    m(.licenseCatalogEntryAdded, reversed: true) { $0.hefei.areas.license!.settings.catalog.removeAll() },
    m(.licenseGradeChanged) { $0.hefei.areas.license!.settings.catalog[0].grade = .D },
    m(.useCauseFieldChanged) { $0.hefei.areas.license!.settings.useCause.field = "purpose" },
    m(.useCauseShortened) { $0.hefei.areas.license!.settings.useCause.maxLength = 100 },
    m(.useCauseLengthened) { $0.hefei.areas.license!.settings.useCause.maxLength = 300 },
    m(.itemCatalogRemoved) { $0.hefei.areas.items!.settings.catalogs.removeAll() },
    m(.itemCatalogAdded, reversed: true) { $0.hefei.areas.items!.settings.catalogs.removeAll() },
    m(.itemSyncModeChanged) { $0.hefei.areas.items!.settings.sync!.mode = .pull },
    m(.itemSyncFrequencyChanged) { $0.hefei.areas.items!.settings.sync!.frequency = .daily },
    m(.portalChannelChanged) { $0.hefei.areas.portal!.settings.channels[0].url = "https://hf2.ahzwfw.gov.cn" },
    m(.ssoTurnedOff) { $0.hefei.areas.portal!.settings.sso = false },
    m(.portalFeatureRemoved) { $0.hefei.areas.portal!.settings.features.removeLast() },
    m(.portalWidened, reversed: true) { $0.hefei.areas.portal!.settings.features.removeLast() },
    m(.serviceLevelChanged) { $0.hefei.areas.operations!.settings.availability = 99.9 },
    m(.healthEndpointChanged) { $0.hefei.areas.operations!.settings.health = "/ops/v2/health" },
    m(.thirdPartyUsesChanged) { $0[platform: "icbc-mobile"].areas.thirdParty!.settings.uses.removeLast() },
    m(.thirdPartyTermsChanged) { $0[platform: "icbc-mobile"].areas.thirdParty!.settings.purpose = "另一用途" },
    m(.connectionRemoved) { $0.connections.removeAll { $0.from == "hefei" } },
    m(.connectionAdded, reversed: true) { $0.connections.removeAll { $0.from == "hefei" } },
    m(.connectionAreaRemoved) { $0.connections[$0.connections.firstIndex { $0.from == "hefei" }!].areas.removeLast() },
    m(.connectionAreaAdded, reversed: true) { $0.connections[$0.connections.firstIndex { $0.from == "hefei" }!].areas.removeLast() },
    m(.connectionDirectionNarrowed) { ir in
        let index = ir.connections.firstIndex { $0.from == "hefei" }!
        let area = ir.connections[index].areas.firstIndex { $0.direction == .both }!
        ir.connections[index].areas[area].direction = .up
    },
    m(.connectionDirectionWidened) { ir in
        let index = ir.connections.firstIndex { $0.from == "hefei" }!
        let area = ir.connections[index].areas.firstIndex { $0.direction == .up }!
        ir.connections[index].areas[area].direction = .both
    },
    m(.itemCodePatternChanged) { $0.settings.itemCodePattern = "^[0-9]{12}$" },
    m(.workspaceThresholdChanged) { $0.settings.minAvailability = 99.9 },
]

enum EnumValueIRCopy {
    static func with(_ value: String, from template: EnumValueIR) -> EnumValueIR {
        var copy = template
        copy.value = value
        copy.description = nil
        return copy
    }
}

extension AreasIR {
    func renamingError(_ old: String, to new: String) -> AreasIR {
        var areas = self
        areas.updateOperations { $0.errors = $0.errors.map { $0 == old ? new : $0 } }
        return areas
    }

    /// Changes every operation of every declared area in place.
    mutating func updateOperations(_ change: (inout OperationIR) -> Void) {
        func update(_ operations: inout [OperationIR]) { for index in operations.indices { change(&operations[index]) } }
        if items != nil { update(&items!.operations) }
        if portal != nil { update(&portal!.operations) }
        if identity != nil { update(&identity!.operations) }
        if seal != nil { update(&seal!.operations) }
        if license != nil { update(&license!.operations) }
        if operations != nil { update(&operations!.operations) }
        if security != nil { update(&security!.operations) }
        if thirdParty != nil { update(&thirdParty!.operations) }
    }
}

struct ChangeKindTests {
    @Test func everyKindHasAMutationAndADistinctCode() {
        let covered = Set(mutations.map(\.kind.code))
        let missing = ChangeKind.all.filter { !covered.contains($0.code) }.map(\.code.rawValue)
        #expect(missing.isEmpty, "kinds without a golden mutation: \(missing)")
        #expect(Set(ChangeKind.all.map(\.code)).count == ChangeKind.all.count)
        #expect(ChangeKind.all.count >= 60)
        #expect(ChangeKind.all.allSatisfy { !$0.summary.isEmpty && $0.summaryZh.unicodeScalars.contains { $0.value >= 0x4E00 } })
    }

    @Test(arguments: mutations)
    func aMutationIsReportedAsExactlyItsKind(_ mutation: Mutation) {
        let (old, new) = mutation.pair(Fixtures.base)
        let changes = ContractDiff.compare(old: old, new: new)
        #expect(!changes.isEmpty, "\(mutation.kind.code) reported nothing")
        #expect(Set(changes.map(\.kind.code)) == [mutation.kind.code], "\(changes.map { "\($0.kind.code) \($0.message.en)" })")
    }

    /// Every change sentence has its Chinese, not the English sentence again: a Chinese
    /// character in it and none of the English sentences' words.
    @Test(arguments: mutations)
    func aMutationIsDescribedInChineseToo(_ mutation: Mutation) {
        let (old, new) = mutation.pair(Fixtures.base)
        for change in ContractDiff.compare(old: old, new: new) {
            let zh = change.message.zh
            #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(change.kind.code): \(zh)")
            let english = ["changes from", " is ", "removed", "added", "the ", "becomes", "no longer", "now ", "moves", "renamed", "nothing"]
            #expect(!english.contains { zh.contains($0) }, "\(change.kind.code): \(zh)")
        }
    }

    @Test func theBaseComparedWithItselfIsEmpty() {
        #expect(ContractDiff.compare(old: Fixtures.base, new: Fixtures.base).isEmpty)
    }
}

struct ChangeKindDocsTests {
    /// docs/diff.md lists every kind with its category and both summaries, as the table has them.
    @Test func theDocsListEveryKind() throws {
        let doc = try String(contentsOf: Fixtures.repository.appendingPathComponent("docs/diff.md"), encoding: .utf8)
        for kind in ChangeKind.all {
            let row = "| \(kind.code) | \(kind.category.rawValue) | \(kind.summary.replacingOccurrences(of: "|", with: "\\|")) | \(kind.summaryZh) |"
            #expect(doc.contains(row), "docs/diff.md lacks \(row)")
        }
    }
}
