import AccessSpecCore
import Foundation

/// How values of the IR read in the docs: type references, constraints, settings and numbers.
/// It only describes; the renderers escape. It knows only the platforms and operations the page
/// may name (a platform page's context, or the whole IR for the network's pages).
struct ContractText {
    /// The platforms the page may name and link to, by id.
    let platforms: [String: PlatformRef]
    /// `platform.area.operation` references that name an operation of the workspace.
    let operations: Set<String>
    /// Where a platform page split into parts puts its types and operations, by name and id;
    /// without an entry, they are on the platform's page.
    var typeTargets: [String: DocTarget] = [:]
    var operationTargets: [String: DocTarget] = [:]

    init(platforms: [PlatformRef], operations: Set<String>) {
        self.platforms = Dictionary(platforms.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.operations = operations
    }

    /// Every platform and operation of the IR.
    init(_ ir: WorkspaceIR) {
        self.init(platforms: ir.platforms.map(PlatformRef.init), operations: Set(ir.platforms.flatMap { platform in
            platform.areas.allOperations.map { "\(platform.id).\($0.area.rawValue).\($0.id)" }
        }))
    }

    /// A type reference; named types link to their entry on the platform's page.
    func type(_ reference: TypeRefIR, platform: String) -> [Inline] {
        switch reference {
        case .builtin(let builtin): [.code(builtin.rawValue)]
        case .named(let name): [.link([.code(name)], typeTargets[name] ?? DocTarget(.platform(platform), SitePaths.typeFragment(name)))]
        case .list(let element): [.code("list<")] + type(element, platform: platform) + [.code(">")]
        case .map(let value): [.code("map<")] + type(value, platform: platform) + [.code(">")]
        }
    }

    func constraints(_ constraints: Constraints?) -> [Inline] {
        guard let constraints, !constraints.isEmpty else { return [] }
        var parts: [[Inline]] = []
        if let value = constraints.minLength { parts.append([.code("minLength \(value)")]) }
        if let value = constraints.maxLength { parts.append([.code("maxLength \(value)")]) }
        if let value = constraints.minimum { parts.append([.code("minimum \(Self.number(value))")]) }
        if let value = constraints.maximum { parts.append([.code("maximum \(Self.number(value))")]) }
        if let value = constraints.minItems { parts.append([.code("minItems \(value)")]) }
        if let value = constraints.maxItems { parts.append([.code("maxItems \(value)")]) }
        if let value = constraints.pattern { parts.append([.code("pattern"), .text(" "), .code(value)]) }
        return .joined(parts)
    }

    static func number(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// An operation, as a link to its entry on its platform's page.
    func operationLink(_ operation: OperationIR, platform: String) -> [Inline] {
        [.link([.code(operation.id)], operationTargets[operation.id] ?? DocTarget(.platform(platform), SitePaths.operationFragment(operation.id)))]
    }

    func platformLink(_ id: String) -> [Inline] {
        guard let platform = platforms[id] else { return [.code(id)] }
        return [.link([.text(platform.name)], DocTarget(.platform(id)))]
    }

    /// `platform.area.operationId` as a link when it names an operation of the workspace.
    func qualifiedOperation(_ reference: String) -> [Inline] {
        let parts = reference.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 3, operations.contains(reference), platforms[parts[0]] != nil {
            return [.link([.code(reference)], DocTarget(.platform(parts[0]), SitePaths.operationFragment(parts[2])))]
        }
        return [.code(reference)]
    }

    // MARK: Settings

    /// One row per setting of an area: the known settings first, in the order of `Labels`,
    /// then any other setting the IR holds, under its key.
    func settingsRows(_ area: AccessArea, of platform: PlatformIR) -> [[[Inline]]] {
        guard let settings = Self.settings(area, of: platform) else { return [] }
        var flat: [(key: String, value: JSONValue)] = []
        Self.flatten(settings, prefix: "", into: &flat)
        let values = Dictionary(flat, uniquingKeysWith: { first, _ in first })
        let known = Labels.settings(area)
        var rows: [[[Inline]]] = known.map { entry in
            [[entry.label], [.code(entry.key)], values[entry.key].map { value(area: area, key: entry.key, $0) } ?? [Labels.notStated]]
        }
        let knownKeys = Set(known.map(\.key))
        for entry in flat where !knownKeys.contains(entry.key) {
            rows.append([[.code(entry.key)], [.code(entry.key)], value(area: area, key: entry.key, entry.value)])
        }
        return rows
    }

    private func value(area: AccessArea, key: String, _ value: JSONValue) -> [Inline] {
        switch (area, key, value) {
        case (.thirdParty, "via", .string(let id)) where platforms[id] != nil:
            return platformLink(id) + [.text(" "), .code(id)]
        case (.thirdParty, "uses", .array(let references)):
            guard !references.isEmpty else { return [Labels.none] }
            return .joined(references.map { reference in
                if case .string(let string) = reference { qualifiedOperation(string) } else { scalar(reference) }
            }, separator: [.lineBreak])
        case (_, let key, .string(let prose)) where Self.proseKeys.contains(key):
            return [.text(prose)]
        default:
            return describe(value)
        }
    }

    private func describe(_ value: JSONValue) -> [Inline] {
        switch value {
        case .array(let elements):
            guard !elements.isEmpty else { return [Labels.none] }
            if elements.allSatisfy({ if case .object = $0 { true } else { false } }) {
                return .joined(elements.map(describe), separator: [.lineBreak])
            }
            return .joined(elements.map(describe))
        case .object(let members):
            return .joined(members.keys.sorted().map { key in
                if Self.proseKeys.contains(key), case .string(let prose)? = members[key] { return [.text(key + ": "), .text(prose)] }
                return [.text(key + ": ")] + describe(members[key]!)
            }, separator: [.text(" · ")])
        default:
            return scalar(value)
        }
    }

    /// Settings that hold prose rather than a value: shown as text, not code.
    private static let proseKeys: Set<String> = ["purpose", "name"]

    private func scalar(_ value: JSONValue) -> [Inline] {
        switch value {
        case .null: [Labels.none]
        case .bool(let bool): [bool ? Labels.yes : Labels.no]
        case .integer(let integer): [.code(String(integer))]
        case .number(let number): [.code(Self.number(number))]
        case .string(let string): [.code(string)]
        case .array, .object: describe(value)
        }
    }

    private static func flatten(_ value: JSONValue, prefix: String, into flat: inout [(key: String, value: JSONValue)]) {
        guard case .object(let members) = value else {
            flat.append((prefix, value))
            return
        }
        for key in members.keys.sorted() {
            flatten(members[key]!, prefix: prefix.isEmpty ? key : prefix + "." + key, into: &flat)
        }
    }

    /// An area's settings as a JSON value, through their `Codable` form, so settings added to
    /// the IR show up without a change here.
    static func settings(_ area: AccessArea, of platform: PlatformIR) -> JSONValue? {
        let areas = platform.areas
        switch area {
        case .items: return areas.items.flatMap { json($0.settings) }
        case .portal: return areas.portal.flatMap { json($0.settings) }
        case .identity: return areas.identity.flatMap { json($0.settings) }
        case .seal: return areas.seal.flatMap { json($0.settings) }
        case .license: return areas.license.flatMap { json($0.settings) }
        case .operations: return areas.operations.flatMap { json($0.settings) }
        case .security: return areas.security.flatMap { json($0.settings) }
        case .thirdParty: return areas.thirdParty.flatMap { json($0.settings) }
        }
    }

    static func operations(_ area: AccessArea, of platform: PlatformIR) -> [OperationIR]? {
        let areas = platform.areas
        switch area {
        case .items: return areas.items?.operations
        case .portal: return areas.portal?.operations
        case .identity: return areas.identity?.operations
        case .seal: return areas.seal?.operations
        case .license: return areas.license?.operations
        case .operations: return areas.operations?.operations
        case .security: return areas.security?.operations
        case .thirdParty: return areas.thirdParty?.operations
        }
    }

    private static func json<Value: Encodable>(_ value: Value) -> JSONValue? {
        guard let data = try? JSONEncoder().encode(value) else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: data)
    }

    // MARK: Rules

    /// A rule's text with its `code` spans shown as code.
    static func ruleText(_ text: String) -> [Inline] {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count % 2 == 1 else { return [.text(text)] }
        return parts.enumerated().compactMap { index, part in
            part.isEmpty ? nil : index % 2 == 0 ? .text(String(part)) : .code(String(part))
        }
    }
}
