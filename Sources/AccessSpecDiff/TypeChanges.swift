import AccessSpecCore
import AccessSpecFormats

/// Which types requests and responses read (through fields, lists, maps and aliases), and
/// which operations reach each type.
struct TypeUsage {
    var roles: [String: Roles] = [:]
    var operations: [String: [(AccessArea, String)]] = [:]

    init(_ platform: PlatformIR) {
        let types = Dictionary(platform.types.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for operation in platform.areas.allOperations {
            for (reference, role) in [(operation.request, Roles.request), (operation.response, Roles.response)] {
                guard let reference else { continue }
                var seen: Set<String> = []
                var pending = Self.names(in: reference)
                while let name = pending.popLast() {
                    guard seen.insert(name).inserted, let type = types[name] else { continue }
                    roles[name, default: []].insert(role)
                    if !(operations[name]?.contains { $0.1 == operation.id } ?? false) { operations[name, default: []].append((operation.area, operation.id)) }
                    for field in type.fields ?? [] { pending += Self.names(in: field.type) }
                    if let target = type.aliasOf { pending += Self.names(in: target) }
                }
            }
        }
    }

    static func names(in reference: TypeRefIR) -> [String] {
        switch reference {
        case .builtin: []
        case .named(let name): [name]
        case .list(let element), .map(let element): names(in: element)
        }
    }
}

/// A change that means one kind in a request and another in a response; a type read by both
/// takes the more severe (an unused type is judged as if both read it).
struct RoleKinds {
    var request: ChangeKind
    var response: ChangeKind

    func kind(for roles: Roles) -> ChangeKind {
        let roles = roles.isEmpty ? [.request, .response] : roles
        switch (roles.contains(.request), roles.contains(.response)) {
        case (true, false): return request
        case (false, true): return response
        default: return response.category < request.category ? response : request
        }
    }
}

extension PlatformComparer {
    mutating func compareTypes() {
        let before = Dictionary(old.types.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.types.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var removed = old.types.filter { after[$0.name] == nil }
        var added = new.types.filter { before[$0.name] == nil }
        for type in removed {
            if let twin = added.first(where: { Self.sameShape(type, $0) }) {
                typeRenames[type.name] = twin.name
                emit(.typeRenamed, "\(id).types.\(type.name)", LocalizedText(en: "type '\(type.name)' is renamed '\(twin.name)'", zh: "类型“\(type.name)”更名为“\(twin.name)”"),
                     new: typeSite(twin, in: new), old: typeSite(type, in: old), reach: typeReach(type.name, twin.name))
                added.removeAll { $0.name == twin.name }
                removed.removeAll { $0.name == type.name }
            }
        }
        for type in removed {
            emit(.typeRemoved, "\(id).types.\(type.name)", LocalizedText(en: "type '\(type.name)' is removed", zh: "类型“\(type.name)”被移除"),
                 new: ChangeSite(file: new.source, path: [.key("types")]), old: typeSite(type, in: old), reach: typeReach(type.name))
        }
        for type in added {
            emit(.typeAdded, "\(id).types.\(type.name)", LocalizedText(en: "type '\(type.name)' (\(type.kind.rawValue)) is added", zh: "新增类型“\(type.name)”（\(type.kind.rawValue)）"), new: typeSite(type, in: new), old: nil, reach: typeReach(type.name))
        }
        for type in new.types {
            guard let was = before[type.name] else { continue }
            compareType(was, type)
        }
    }

    /// The same declaration under another name: kind, fields, values and alias target equal.
    static func sameShape(_ a: TypeIR, _ b: TypeIR) -> Bool {
        a.kind == b.kind && a.fields == b.fields && a.values == b.values && a.aliasOf == b.aliasOf && a.constraints == b.constraints
    }

    func typeSite(_ type: TypeIR, in platform: PlatformIR, _ tail: ContractPathStep...) -> ChangeSite {
        ChangeSite(file: type.source, path: [.key("types"), .key(type.name)] + tail)
    }

    func typeReach(_ names: String...) -> Reach {
        var operations: [(AccessArea, String)] = []
        for name in names {
            for operation in (oldUsage.operations[name] ?? []) + (newUsage.operations[name] ?? []) where !operations.contains(where: { $0.1 == operation.1 }) {
                operations.append(operation)
            }
        }
        return .operations(id, operations)
    }

    func roles(of name: String) -> Roles { (oldUsage.roles[name] ?? []).union(newUsage.roles[name] ?? []) }

    mutating func compareType(_ was: TypeIR, _ now: TypeIR) {
        let subject = "\(id).types.\(now.name)"
        let reach = typeReach(now.name)
        let roles = roles(of: now.name)
        if was.kind != now.kind {
            emit(.typeKindChanged, subject, LocalizedText(en: "type '\(now.name)' changes from \(was.kind.rawValue) to \(now.kind.rawValue)", zh: "类型“\(now.name)”由 \(was.kind.rawValue) 改为 \(now.kind.rawValue)"),
                 new: typeSite(now, in: new), old: typeSite(was, in: old), reach: reach)
            return
        }
        if was.description != now.description {
            emit(.descriptionChanged, subject, LocalizedText(en: "the description of '\(now.name)' changes", zh: "类型“\(now.name)”的说明变更"), new: typeSite(now, in: new, .key("description")),
                 old: typeSite(was, in: old, .key("description")), reach: reach)
        }
        switch now.kind {
        case .record: compareFields(was, now, roles: roles, reach: reach)
        case .enumeration: compareValues(was, now, roles: roles, reach: reach)
        case .alias:
            // What an alias means reaches callers through the fields that use it, which report it.
            break
        }
    }

    mutating func compareValues(_ was: TypeIR, _ now: TypeIR, roles: Roles, reach: Reach) {
        let subject = "\(id).types.\(now.name)"
        let before = Dictionary((was.values ?? []).map { ($0.value, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary((now.values ?? []).map { ($0.value, $0) }, uniquingKeysWith: { a, _ in a })
        for value in was.values ?? [] where after[value.value] == nil {
            let kind = RoleKinds(request: .requestEnumValueRemoved, response: .responseEnumValueRemoved).kind(for: roles)
            emit(kind, subject, LocalizedText(en: "value '\(value.value)' is removed from '\(now.name)'", zh: "取值“\(value.value)”从“\(now.name)”中移除"), new: typeSite(now, in: new, .key("values")),
                 old: typeSite(was, in: old, .key("values"), .key(value.value)), reach: reach)
        }
        for value in now.values ?? [] {
            guard let previous = before[value.value] else {
                let kind = RoleKinds(request: .requestEnumValueAdded, response: .responseEnumValueAdded).kind(for: roles)
                emit(kind, subject, LocalizedText(en: "value '\(value.value)' is added to '\(now.name)'", zh: "取值“\(value.value)”加入“\(now.name)”"), new: typeSite(now, in: new, .key("values"), .key(value.value)), old: nil, reach: reach)
                continue
            }
            if previous.description != value.description {
                emit(.descriptionChanged, subject, LocalizedText(en: "the description of value '\(value.value)' changes", zh: "取值“\(value.value)”的说明变更"),
                     new: typeSite(now, in: new, .key("values"), .key(value.value)), old: typeSite(was, in: old, .key("values"), .key(value.value)), reach: reach)
            }
        }
    }

    mutating func compareFields(_ was: TypeIR, _ now: TypeIR, roles: Roles, reach: Reach) {
        let subject = "\(id).types.\(now.name)"
        let before = Dictionary((was.fields ?? []).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary((now.fields ?? []).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        func fieldSite(_ type: TypeIR, _ platform: PlatformIR, _ field: String) -> ChangeSite { typeSite(type, in: platform, .key("fields"), .key(field)) }
        for field in was.fields ?? [] where after[field.name] == nil {
            let kind = RoleKinds(request: .requestFieldRemoved, response: .responseFieldRemoved).kind(for: roles)
            emit(kind, "\(subject).\(field.name)", LocalizedText(en: "field '\(field.name)' is removed from '\(now.name)'", zh: "字段“\(field.name)”从“\(now.name)”中移除"),
                 new: typeSite(now, in: new, .key("fields")), old: fieldSite(was, old, field.name), reach: reach)
        }
        for field in now.fields ?? [] {
            let fieldSubject = "\(subject).\(field.name)"
            guard let previous = before[field.name] else {
                let kind = RoleKinds(request: field.required ? .requestFieldAddedRequired : .requestFieldAddedOptional, response: .responseFieldAdded).kind(for: roles)
                emit(kind, fieldSubject, LocalizedText(en: "\(field.required ? "required" : "optional") field '\(field.name)' is added to '\(now.name)'",
                                   zh: "“\(now.name)”新增\(field.required ? "必填" : "可选")字段“\(field.name)”"),
                     new: fieldSite(now, new, field.name), old: nil, reach: reach)
                continue
            }
            let sites = (new: fieldSite(now, new, field.name), old: fieldSite(was, old, field.name))
            if previous.required != field.required {
                let kind = field.required
                    ? RoleKinds(request: .requestFieldMadeRequired, response: .responseFieldMadeRequired).kind(for: roles)
                    : RoleKinds(request: .requestFieldMadeOptional, response: .responseFieldMadeOptional).kind(for: roles)
                emit(kind, fieldSubject, LocalizedText(en: "field '\(field.name)' becomes \(field.required ? "required" : "optional")", zh: "字段“\(field.name)”改为\(field.required ? "必填" : "可选")"), new: sites.new, old: sites.old, reach: reach)
            }
            if previous.description != field.description {
                emit(.descriptionChanged, fieldSubject, LocalizedText(en: "the description of field '\(field.name)' changes", zh: "字段“\(field.name)”的说明变更"), new: sites.new, old: sites.old, reach: reach)
            }
            let valueChanges = Self.compareResolved(previous.resolved, field.resolved, renames: typeRenames)
            for change in valueChanges {
                emit(change.kinds.kind(for: roles), fieldSubject, LocalizedText(en: "field '\(field.name)': \(change.message.en)", zh: "字段“\(field.name)”：\(change.message.zh)"), new: sites.new, old: sites.old, reach: reach)
            }
            if valueChanges.isEmpty && renamed(previous.type) != field.type {
                emit(.fieldTypeRenamed, fieldSubject, LocalizedText(en: "field '\(field.name)' is now written as \(Self.describe(field.type)) (was \(Self.describe(previous.type))), with the same values",
                                   zh: "字段“\(field.name)”的类型现写作 \(Self.describe(field.type))（原为 \(Self.describe(previous.type))），取值不变"),
                     new: sites.new, old: sites.old, reach: reach)
            }
        }
    }

    struct ValueChange {
        var kinds: RoleKinds
        var message: LocalizedText
    }

    /// How what a value may be changes: its shape, then each group of constraints.
    static func compareResolved(_ a: ResolvedTypeIR, _ b: ResolvedTypeIR, renames: [String: String] = [:]) -> [ValueChange] {
        switch (a, b) {
        case (.scalar(let x, let c), .scalar(let y, let d)):
            if x == y { return compareConstraints(c, d) }
            if x == .string && y.isText && y != .string {
                return [ValueChange(kinds: RoleKinds(request: .requestFormatAdded, response: .responseConstraintTightened), message: LocalizedText(en: "string becomes \(y.rawValue)", zh: "string 改为 \(y.rawValue)"))]
            }
            if y == .string && x.isText && x != .string {
                return [ValueChange(kinds: RoleKinds(request: .requestConstraintLoosened, response: .responseFormatRemoved), message: LocalizedText(en: "\(x.rawValue) becomes string", zh: "\(x.rawValue) 改为 string"))]
            }
            return [typeChanged(a, b)]
        case (.enumeration(let x), .enumeration(let y)), (.record(let x), .record(let y)):
            return x == y || renames[x] == y ? [] : [typeChanged(a, b)]
        case (.list(let x, let c), .list(let y, let d)):
            let element = compareResolved(x, y, renames: renames)
            if element.contains(where: { $0.kinds.request == .fieldTypeChanged }) { return [typeChanged(a, b)] }
            return element.map { ValueChange(kinds: $0.kinds, message: LocalizedText(en: "items: \($0.message.en)", zh: "列表项：\($0.message.zh)")) } + compareConstraints(c, d)
        case (.map(let x), .map(let y)):
            let element = compareResolved(x, y, renames: renames)
            if element.contains(where: { $0.kinds.request == .fieldTypeChanged }) { return [typeChanged(a, b)] }
            return element.map { ValueChange(kinds: $0.kinds, message: LocalizedText(en: "values: \($0.message.en)", zh: "映射值：\($0.message.zh)")) }
        default:
            return [typeChanged(a, b)]
        }
    }

    static func typeChanged(_ a: ResolvedTypeIR, _ b: ResolvedTypeIR) -> ValueChange {
        ValueChange(kinds: RoleKinds(request: .fieldTypeChanged, response: .fieldTypeChanged), message: LocalizedText(en: "the type changes from \(describe(a)) to \(describe(b))", zh: "类型由 \(describe(a)) 改为 \(describe(b))"))
    }

    static func describe(_ type: ResolvedTypeIR) -> String {
        switch type {
        case .scalar(let builtin, _): builtin.rawValue
        case .enumeration(let name), .record(let name): name
        case .list(let element, _): "[\(describe(element))]"
        case .map(let element): "{string: \(describe(element))}"
        }
    }

    /// One change per group (length, range, items, patterns) whose bounds moved.
    static func compareConstraints(_ a: ValueConstraints, _ b: ValueConstraints) -> [ValueChange] {
        var changes: [ValueChange] = []
        func bounds<T: Comparable>(_ name: LocalizedText, lower: (T?, T?), upper: (T?, T?), tightened: ChangeKind, loosened: ChangeKind) {
            let lowerMove = move(lower.0, lower.1, tighterWhenGreater: true)
            let upperMove = move(upper.0, upper.1, tighterWhenGreater: false)
            guard lowerMove != 0 || upperMove != 0 else { return }
            let text = LocalizedText(en: "\(name.en) changes from \(range(lower.0, upper.0)) to \(range(lower.1, upper.1))",
                                     zh: "\(name.zh)由 \(range(lower.0, upper.0)) 改为 \(range(lower.1, upper.1))")
            if lowerMove > 0 || upperMove > 0 {
                // Tighter on either side breaks requests; looser on the other side would break responses too.
                let response: ChangeKind = lowerMove < 0 || upperMove < 0 ? loosened : .responseConstraintTightened
                changes.append(ValueChange(kinds: RoleKinds(request: tightened, response: response), message: text))
            } else {
                changes.append(ValueChange(kinds: RoleKinds(request: .requestConstraintLoosened, response: loosened), message: text))
            }
        }
        bounds(LocalizedText(en: "the length", zh: "长度"), lower: (a.minLength, b.minLength), upper: (a.maxLength, b.maxLength), tightened: .requestLengthTightened, loosened: .responseLengthLoosened)
        bounds(LocalizedText(en: "the range", zh: "取值范围"), lower: (a.minimum, b.minimum), upper: (a.maximum, b.maximum), tightened: .requestRangeTightened, loosened: .responseRangeLoosened)
        bounds(LocalizedText(en: "the item count", zh: "条数"), lower: (a.minItems, b.minItems), upper: (a.maxItems, b.maxItems), tightened: .requestItemsTightened, loosened: .responseItemsLoosened)
        let before = Set(a.patterns), after = Set(b.patterns)
        if before != after {
            let text = LocalizedText(en: "the patterns change from \(a.patterns) to \(b.patterns)", zh: "格式模式由 \(a.patterns) 改为 \(b.patterns)")
            if after.isSuperset(of: before) {
                changes.append(ValueChange(kinds: RoleKinds(request: .requestPatternTightened, response: .responseConstraintTightened), message: text))
            } else if before.isSuperset(of: after) {
                changes.append(ValueChange(kinds: RoleKinds(request: .requestConstraintLoosened, response: .responsePatternLoosened), message: text))
            } else {
                changes.append(ValueChange(kinds: RoleKinds(request: .requestPatternTightened, response: .responsePatternLoosened), message: text))
            }
        }
        return changes
    }

    /// +1 when the bound tightens, -1 when it loosens, 0 when it stays.
    static func move<T: Comparable>(_ a: T?, _ b: T?, tighterWhenGreater: Bool) -> Int {
        switch (a, b) {
        case (nil, nil): return 0
        case (nil, _?): return 1
        case (_?, nil): return -1
        case (let x?, let y?): return x == y ? 0 : ((y > x) == tighterWhenGreater ? 1 : -1)
        }
    }

    static func range<T>(_ lower: T?, _ upper: T?) -> String {
        "\(lower.map { "\($0)" } ?? "")..\(upper.map { "\($0)" } ?? "")"
    }
}

/// The platforms of the new workspace that reach a change: through a connection that carries
/// the area (either direction), or a third party's `uses` of the operation.
struct Callers {
    let platforms: Set<String>
    let connections: [ConnectionIR]
    /// Third party id -> the operations it uses, as `platform.area.operationId`.
    let uses: [(String, [String])]

    init(old: WorkspaceIR, new: WorkspaceIR) {
        platforms = Set(new.platforms.map(\.id))
        // A removed connection still says who called; only platforms that remain are named.
        connections = new.connections + old.connections
        uses = (new.platforms + old.platforms).map { ($0.id, $0.areas.thirdParty?.settings.uses ?? []) }
    }

    func reaching(_ reach: Reach) -> [String] {
        var found: Set<String> = []
        func connected(_ platform: String, area: AccessArea?) {
            for connection in connections where connection.from == platform || connection.to == platform {
                guard area == nil || connection.areas.contains(where: { $0.area == area }) else { continue }
                found.insert(connection.from == platform ? connection.to : connection.from)
            }
        }
        func using(_ prefix: String) {
            for (caller, targets) in uses where targets.contains(where: { $0 == prefix || $0.hasPrefix(prefix + ".") }) { found.insert(caller) }
        }
        switch reach {
        case .workspace: found = platforms
        case .platform(let id): connected(id, area: nil); using(id)
        case .area(let id, let area): connected(id, area: area); using("\(id).\(area.rawValue)")
        case .operations(let id, let operations):
            for (area, operation) in operations {
                connected(id, area: area)
                using("\(id).\(area.rawValue).\(operation)")
            }
        case .connection(let from, let to): found = [from, to]
        }
        if case .operations(let id, _) = reach { found.remove(id) }
        if case .area(let id, _) = reach { found.remove(id) }
        if case .platform(let id) = reach { found.remove(id) }
        return found.intersection(platforms).sorted()
    }
}
