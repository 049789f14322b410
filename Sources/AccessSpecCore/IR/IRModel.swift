import Foundation

/// The validated workspace: the contract between the compiler and every generator.
/// Its JSON form (`accessc ir`) is canonical: sorted keys, sorted collections, no positions.
public struct WorkspaceIR: Codable, Equatable, Sendable {
    /// Bumped whenever the IR's shape changes incompatibly; docs/ir.schema.json describes it.
    public static let currentVersion = 2

    public var irVersion = WorkspaceIR.currentVersion
    public var settings: WorkspaceSettings
    public var platforms: [PlatformIR]
    public var connections: [ConnectionIR]
    public var rules: [RuleIR]
}

public struct PlatformIR: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var nameEn: String
    public var level: PlatformLevel
    public var region: String
    public var `operator`: PlatformIdentity.Operator
    public var environments: [PlatformIdentity.Environment]
    public var network: Network
    public var description: String?
    /// The contract the platform comes from, relative to the workspace root.
    public var source: String
    public var areas: AreasIR
    public var types: [TypeIR]
    public var errors: [ErrorIR]
    public var compliance: [ComplianceResult]
}

public struct AreasIR: Codable, Equatable, Sendable {
    public struct Area<Settings: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
        public var settings: Settings
        public var operations: [OperationIR]
    }

    public var items: Area<ItemsSettings>?
    public var portal: Area<PortalSettings>?
    public var identity: Area<IdentitySettings>?
    public var seal: Area<SealSettings>?
    public var license: Area<LicenseSettings>?
    public var operations: Area<OperationsSettings>?
    public var security: Area<SecuritySettings>?
    public var thirdParty: Area<ThirdPartySettings>?

    /// Every operation of the platform with its area, in the standard's area order.
    public var allOperations: [OperationIR] {
        [items?.operations, portal?.operations, identity?.operations, seal?.operations,
         license?.operations, operations?.operations, security?.operations, thirdParty?.operations]
            .flatMap { $0 ?? [] }
    }

    /// Every operation without its examples.
    public mutating func removeExamples() {
        func strip<Settings>(_ area: inout Area<Settings>?) {
            guard var value = area else { return }
            for index in value.operations.indices { value.operations[index].examples = [] }
            area = value
        }
        strip(&items); strip(&portal); strip(&identity); strip(&seal)
        strip(&license); strip(&operations); strip(&security); strip(&thirdParty)
    }

    /// Whether the contract declares `area`, without touching its settings.
    public func declares(_ area: AccessArea) -> Bool {
        switch area {
        case .items: items != nil
        case .portal: portal != nil
        case .identity: identity != nil
        case .seal: seal != nil
        case .license: license != nil
        case .operations: operations != nil
        case .security: security != nil
        case .thirdParty: thirdParty != nil
        }
    }
}

public struct OperationIR: Codable, Equatable, Sendable {
    public var id: String
    public var area: AccessArea
    public var summary: String
    public var summaryEn: String?
    public var method: HTTPMethod
    public var path: String
    public var pathParameters: [String]
    public var request: TypeRefIR?
    public var response: TypeRefIR?
    public var errors: [String]
    public var idempotent: Bool
    public var rateLimit: RateLimit?
    public var deprecated: Bool
    public var examples: [ExampleIR]
}

public struct ExampleIR: Codable, Equatable, Sendable {
    public var name: String
    public var request: JSONValue?
    public var response: JSONValue?
}

/// A resolved type reference. `kind` is builtin, named, list or map.
public indirect enum TypeRefIR: Codable, Equatable, Sendable {
    case builtin(BuiltinType)
    case named(String)
    case list(TypeRefIR)
    case map(TypeRefIR)

    private enum CodingKeys: String, CodingKey { case kind, name, element }

    public init(_ expression: TypeExpression) {
        switch expression {
        case .builtin(let builtin): self = .builtin(builtin)
        case .named(let name): self = .named(name)
        case .list(let element): self = .list(TypeRefIR(element))
        case .map(let value): self = .map(TypeRefIR(value))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .builtin(let builtin):
            try container.encode("builtin", forKey: .kind)
            try container.encode(builtin.rawValue, forKey: .name)
        case .named(let name):
            try container.encode("named", forKey: .kind)
            try container.encode(name, forKey: .name)
        case .list(let element):
            try container.encode("list", forKey: .kind)
            try container.encode(element, forKey: .element)
        case .map(let value):
            try container.encode("map", forKey: .kind)
            try container.encode(value, forKey: .element)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "builtin": self = .builtin(try container.decode(BuiltinType.self, forKey: .name))
        case "named": self = .named(try container.decode(String.self, forKey: .name))
        case "list": self = .list(try container.decode(TypeRefIR.self, forKey: .element))
        case "map": self = .map(try container.decode(TypeRefIR.self, forKey: .element))
        case let kind:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown type kind \(kind)")
        }
    }
}

public struct TypeIR: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable { case record, enumeration = "enum", alias }

    public var name: String
    public var kind: Kind
    public var description: String?
    /// The file that declares it, relative to the workspace root.
    public var source: String
    public var fields: [FieldIR]?
    public var values: [EnumValueIR]?
    public var aliasOf: TypeRefIR?
    /// An alias's constraints as written.
    public var constraints: Constraints?
    /// What a value of an alias must be (its target resolved, its constraints in force).
    public var resolved: ResolvedTypeIR?
}

public struct FieldIR: Codable, Equatable, Sendable {
    public var name: String
    /// The type as written.
    public var type: TypeRefIR
    public var required: Bool
    public var description: String?
    /// The constraints as written on the field.
    public var constraints: Constraints?
    /// What a value of the field must be: aliases followed, every constraint in force.
    public var resolved: ResolvedTypeIR
}

/// A type with its aliases followed and their constraints combined with the field's (all of
/// them hold): the one resolution that the compiler, the mock, the vectors, the synthesizer and
/// every generator read. Records and enums stay named (they may refer to themselves).
public indirect enum ResolvedTypeIR: Codable, Equatable, Sendable {
    case scalar(BuiltinType, ValueConstraints)
    case enumeration(String)
    case record(String)
    /// The constraints are the list's own (minItems, maxItems).
    case list(ResolvedTypeIR, ValueConstraints)
    case map(ResolvedTypeIR)

    private enum CodingKeys: String, CodingKey { case kind, name, element, constraints }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .scalar(let builtin, let constraints):
            try container.encode("builtin", forKey: .kind)
            try container.encode(builtin.rawValue, forKey: .name)
            if !constraints.isEmpty { try container.encode(constraints, forKey: .constraints) }
        case .enumeration(let name):
            try container.encode("enum", forKey: .kind)
            try container.encode(name, forKey: .name)
        case .record(let name):
            try container.encode("record", forKey: .kind)
            try container.encode(name, forKey: .name)
        case .list(let element, let constraints):
            try container.encode("list", forKey: .kind)
            try container.encode(element, forKey: .element)
            if !constraints.isEmpty { try container.encode(constraints, forKey: .constraints) }
        case .map(let value):
            try container.encode("map", forKey: .kind)
            try container.encode(value, forKey: .element)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let constraints = try container.decodeIfPresent(ValueConstraints.self, forKey: .constraints) ?? ValueConstraints()
        switch try container.decode(String.self, forKey: .kind) {
        case "builtin": self = .scalar(try container.decode(BuiltinType.self, forKey: .name), constraints)
        case "enum": self = .enumeration(try container.decode(String.self, forKey: .name))
        case "record": self = .record(try container.decode(String.self, forKey: .name))
        case "list": self = .list(try container.decode(ResolvedTypeIR.self, forKey: .element), constraints)
        case "map": self = .map(try container.decode(ResolvedTypeIR.self, forKey: .element))
        case let kind:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown resolved kind \(kind)")
        }
    }
}

public struct EnumValueIR: Codable, Equatable, Sendable {
    public var value: String
    public var description: String?
}

public struct ErrorIR: Codable, Equatable, Sendable {
    public var name: String
    public var code: Int
    public var http: Int
    public var message: String
    public var messageEn: String?
    /// The standard condition this error reports, if it is one.
    public var condition: ErrorCondition?
}

public struct ConnectionIR: Codable, Hashable, Sendable {
    public struct AreaFlow: Codable, Hashable, Sendable {
        public var area: AccessArea
        public var direction: Direction
    }

    public var from: String
    public var to: String
    public var areas: [AreaFlow]
}

public struct RuleIR: Codable, Hashable, Sendable {
    public var code: String
    public var area: String
    public var summary: String
    /// The severity in force in this workspace: error, warning or off.
    public var severity: String
}

extension WorkspaceIR {
    /// The canonical JSON text: sorted keys, two-space indentation, a final newline.
    public func canonicalJSON() throws -> Data { try CanonicalJSON.encode(self) }
}

extension PlatformIR {
    /// What `ir/platforms/<id>.json` holds: the platform's canonical JSON.
    public func canonicalJSON() throws -> Data { try CanonicalJSON.encode(self) }
}
