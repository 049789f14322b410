import AccessSpecCore
import AccessVectors
import Foundation

/// Derives a platform's conformance vectors from the IR: valid requests (the contract's
/// examples, else values made from the types) and single-fault invalid ones, each with the
/// contract error it must produce.
struct VectorBuilder {
    let platform: PlatformIR
    let settings: WorkspaceSettings

    /// A timestamp this far in the past is outside any replay window.
    static let staleOffsetSeconds = -86_400
    static let extremeTimestamps = ["-9223372036854775808", "9223372036854775808", "99999999999999999999999"]

    private var security: SecuritySettings? { platform.areas.security?.settings }

    func build() throws -> VectorFile {
        let conditions = Dictionary(platform.errors.compactMap { error in
            error.condition.map { ($0, VectorFile.ExpectedError(error: error.name, code: error.code, status: error.http)) }
        }, uniquingKeysWith: { first, _ in first })
        var uncovered = Set<String>()
        var operations: [VectorFile.Operation] = []
        let types = TypeTable(platform.types)
        let synthesizer = ValueSynthesizer(types: platform.types, settings: settings)
        for operation in platform.areas.allOperations {
            var context = OperationVectors(operation: operation, platform: platform, types: types, synthesizer: synthesizer,
                                           conditions: conditions, signed: security?.signing != nil)
            let vectors = context.build()
            uncovered.formUnion(context.uncovered)
            operations.append(VectorFile.Operation(
                id: operation.id, area: operation.area.rawValue, method: operation.method.rawValue, path: operation.path,
                idempotent: operation.idempotent, requiresToken: context.requiresToken,
                request: try operation.request.map(JSONValue.init(encoding:)), response: try operation.response.map(JSONValue.init(encoding:)), vectors: vectors))
        }
        let signing = security?.signing.map { VectorFile.Signing(algorithm: $0.algorithm.rawValue, header: $0.header, key: $0.key) }
        let auth = security?.auth ?? SecuritySettings.Auth()
        return VectorFile(
            platform: platform.id, source: platform.source,
            security: VectorFile.Security(envelope: (security?.envelope ?? .plain).rawValue, signing: signing,
                                          accessIdHeader: auth.accessIdHeader, tokenHeader: auth.tokenHeader,
                                          timestampHeader: ReplayHeaders.timestamp, nonceHeader: ReplayHeaders.nonce),
            conditions: Dictionary(uniqueKeysWithValues: conditions.map { ($0.key.rawValue, $0.value) }),
            uncovered: uncovered.sorted(), operations: operations, types: try JSONValue(encoding: platform.types))
    }
}

/// The vectors of one operation.
private struct OperationVectors {
    let operation: OperationIR
    let platform: PlatformIR
    let types: TypeTable
    let synthesizer: ValueSynthesizer
    let conditions: [ErrorCondition: VectorFile.ExpectedError]
    let signed: Bool
    private(set) var uncovered: Set<String> = []

    var requiresToken: Bool { platform.requiresToken(operation) }

    /// Fields that travel in the query string, where every value is text.
    private var usesQuery: Bool { [.GET, .DELETE].contains(operation.method) }

    mutating func build() -> [VectorFile.Vector] {
        var vectors = validVectors()
        guard let base = vectors.first?.request else {
            uncovered.insert("\(operation.id): no example request and no value of its request type can be made")
            return []
        }
        vectors += fieldVectors(base)
        vectors += protocolVectors(base)
        return vectors
    }

    private mutating func validVectors() -> [VectorFile.Vector] {
        guard let requestType = operation.request else {
            return [VectorFile.Vector(name: "valid-request", check: .validRequest, request: .object([:]), expect: .success)]
        }
        let examples = operation.examples.compactMap { example in example.request.map { (example.name, $0) } }
        if !examples.isEmpty {
            return examples.map { VectorFile.Vector(name: "valid-request: example \($0.0)", check: .validRequest, request: $0.1, expect: .success) }
        }
        guard let made = synthesizer.value(of: requestType) else { return [] }
        return [VectorFile.Vector(name: "valid-request: made from \(typeName(requestType))", check: .validRequest, request: made, expect: .success)]
    }

    // MARK: Faults in the request

    private mutating func fieldVectors(_ base: JSONValue) -> [VectorFile.Vector] {
        guard let request = operation.request, case .record = types.resolve(request) else { return [] }
        guard let error = expected(.invalidRequest) else { return [] }
        let fields = walk(base, types.resolve(request), path: [], depth: 0)
        var vectors: [VectorFile.Vector] = []
        func add(_ check: VectorFile.Check, _ field: FieldSite, _ value: JSONValue?, rule: String? = nil) {
            let request = replacing(base, at: field.path, with: value)
            vectors.append(VectorFile.Vector(name: "\(check.rawValue): \(field.dotted)", check: check, rule: rule, field: field.dotted, request: request, expect: .failure(error)))
        }
        for field in fields where field.path.count == 1 && field.required && !operation.pathParameters.contains(field.path[0]) {
            add(.missingRequiredField, field, nil)
        }
        if let field = fields.first(where: { wrongValue(for: $0) != nil }) {
            add(.wrongType, field, wrongValue(for: field))
        }
        if let field = fields.first(where: { $0.isText && $0.constraints.maxLength != nil }), let limit = field.constraints.maxLength {
            let useCause = platform.areas.license?.settings.useCause.field
            add(.overLongString, field, .string(String(repeating: "长", count: limit + 1)), rule: field.path.last == useCause ? "LIC002" : nil)
        }
        if let field = fields.first(where: { $0.isEnum }) {
            add(.unknownEnumValue, field, .string("not-a-declared-value"))
        }
        if let field = fields.first(where: { [.uscc, .residentId, .licenseId].contains($0.builtin) }), case .string(let text)? = field.value {
            add(.failedCheckDigit, field, .string(Self.breakingCheckCharacter(of: text)))
        }
        return vectors
    }

    /// A value of the wrong JSON type that survives the way the field travels: in a query
    /// string every value is text, so only non-text fields can get one there.
    private func wrongValue(for field: FieldSite) -> JSONValue? {
        let inPath = field.path.count == 1 && operation.pathParameters.contains(field.path[0])
        if usesQuery || inPath {
            guard field.path.count == 1, let builtin = field.builtin, !builtin.isText else { return nil }
            return .string("not-a-\(builtin.rawValue)")
        }
        if field.isText || field.isEnum { return .integer(12345) }
        return .string("not-a-\(field.typeName)")
    }

    /// The value with its last character replaced, so that the check character no longer holds.
    static func breakingCheckCharacter(of text: String) -> String {
        guard let last = text.last else { return text }
        return String(text.dropLast()) + (last == "0" ? "1" : "0")
    }

    // MARK: Faults in credentials, signature and timestamp

    private mutating func protocolVectors(_ base: JSONValue) -> [VectorFile.Vector] {
        var vectors: [VectorFile.Vector] = []
        if signed {
            if let error = expected(.invalidSignature) {
                vectors.append(VectorFile.Vector(name: "missing-signature", check: .missingSignature, rule: "SEC003", request: base,
                                                 send: VectorFile.Sending(signature: .missing), expect: .failure(error)))
                vectors.append(VectorFile.Vector(name: "wrong-signature", check: .wrongSignature, rule: "SEC003", request: base,
                                                 send: VectorFile.Sending(signature: .wrong), expect: .failure(error)))
            }
            if let error = expected(.expiredRequest) {
                vectors.append(VectorFile.Vector(name: "stale-timestamp", check: .staleTimestamp, rule: "SEC003", request: base,
                                                 send: VectorFile.Sending(timestampOffsetSeconds: VectorBuilder.staleOffsetSeconds), expect: .failure(error)))
                vectors.append(VectorFile.Vector(name: "future-timestamp", check: .futureTimestamp, rule: "SEC003", request: base,
                                                 send: VectorFile.Sending(timestampOffsetSeconds: -VectorBuilder.staleOffsetSeconds), expect: .failure(error)))
                // Values that overflow a 64-bit subtraction, or any integer at all.
                for timestamp in VectorBuilder.extremeTimestamps {
                    vectors.append(VectorFile.Vector(name: "extreme-timestamp: \(timestamp)", check: .extremeTimestamp, rule: "SEC003", request: base,
                                                     send: VectorFile.Sending(timestamp: timestamp), expect: .failure(error)))
                }
                vectors.append(VectorFile.Vector(name: "replayed-nonce", check: .replayedNonce, rule: "SEC003", request: base,
                                                 send: VectorFile.Sending(replay: true), expect: .failure(error)))
            }
            if let error = expected(.invalidSignature) {
                vectors.append(VectorFile.Vector(name: "tampered-access-id", check: .tamperedAccessId, rule: "SEC003", request: base,
                                                 send: VectorFile.Sending(tamper: .accessId), expect: .failure(error)))
            }
        }
        if requiresToken, let error = conditions[.invalidToken] {
            vectors.append(VectorFile.Vector(name: "missing-token", check: .missingToken, request: base,
                                             send: VectorFile.Sending(token: false), expect: .failure(error)))
        }
        return vectors
    }

    private mutating func expected(_ condition: ErrorCondition) -> VectorFile.ExpectedError? {
        guard let error = conditions[condition] else {
            uncovered.insert("condition \(condition.rawValue): no error of the catalogue reports it")
            return nil
        }
        return error
    }

    // MARK: Walking the base request

    /// A field present in the base request, found by walking records (and the first item of
    /// lists) in declaration order.
    private struct FieldSite {
        var path: [String]
        var required: Bool
        var resolved: ResolvedTypeIR
        var value: JSONValue?

        var dotted: String { "request." + path.joined(separator: ".") }
        var builtin: BuiltinType? { if case .scalar(let builtin, _) = resolved { builtin } else { nil } }
        var constraints: ValueConstraints { if case .scalar(_, let constraints) = resolved { constraints } else { ValueConstraints() } }
        var isText: Bool { builtin?.isText ?? false }
        var isEnum: Bool { if case .enumeration = resolved { true } else { false } }
        var typeName: String {
            switch resolved {
            case .scalar(let builtin, _): builtin.rawValue
            case .enumeration(let name), .record(let name): name
            case .list: "list"
            case .map: "map"
            }
        }
    }

    private func walk(_ value: JSONValue, _ type: ResolvedTypeIR, path: [String], depth: Int) -> [FieldSite] {
        guard depth < 8, case .record(let name) = type, let decl = types[name], case .object(let entries) = value else { return [] }
        var sites: [FieldSite] = []
        for field in decl.fields ?? [] {
            guard let fieldValue = entries[field.name], fieldValue != .null else { continue }
            let fieldPath = path + [field.name]
            sites.append(FieldSite(path: fieldPath, required: field.required, resolved: field.resolved, value: fieldValue))
            switch (field.resolved, fieldValue) {
            case (.record, _):
                sites += walk(fieldValue, field.resolved, path: fieldPath, depth: depth + 1)
            case (.list(let element, _), .array(let items)) where !items.isEmpty:
                sites += walk(items[0], element, path: fieldPath + ["0"], depth: depth + 1)
            default:
                break
            }
        }
        return sites
    }

    /// `value` with the field at `path` replaced (or removed when `replacement` is nil).
    private func replacing(_ value: JSONValue, at path: [String], with replacement: JSONValue?) -> JSONValue {
        guard let key = path.first else { return replacement ?? .null }
        switch value {
        case .object(var entries):
            if path.count == 1, replacement == nil {
                entries[key] = nil
            } else if let inner = entries[key] {
                entries[key] = replacing(inner, at: Array(path.dropFirst()), with: replacement)
            }
            return .object(entries)
        case .array(var items):
            if let index = Int(key), items.indices.contains(index) {
                items[index] = replacing(items[index], at: Array(path.dropFirst()), with: replacement)
            }
            return .array(items)
        default:
            return value
        }
    }

    private func typeName(_ type: TypeRefIR) -> String {
        if case .named(let name) = type { return name }
        return "its type"
    }
}
