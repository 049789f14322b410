import AccessSpecSyntax

/// A value and the place it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var span: SourceSpan

    public init(_ value: Value, _ span: SourceSpan) {
        self.value = value
        self.span = span
    }
}

/// Where each setting of a section was written, keyed by its dotted path (`signing.key`), so
/// rules can point at the exact value they object to.
public struct SpanMap: Sendable {
    public var section: SourceSpan
    private var spans: [String: SourceSpan] = [:]

    public init(section: SourceSpan) {
        self.section = section
    }

    public subscript(path: String) -> SourceSpan {
        get { spans[path] ?? section }
        set { spans[path] = newValue }
    }

    public func has(_ path: String) -> Bool { spans[path] != nil }
}

/// One decoded file of the workspace: a platform contract, or a shared file without `platform`.
public struct ContractFile: Sendable {
    public var file: SourceFile
    /// The path relative to the workspace root, with `/` separators.
    public var relativePath: String
    public var root: SourceSpan
    public var platform: PlatformDecl?
    /// Whether the file has a `platform:` key, even one that failed to decode: such a file is
    /// a platform contract, not a shared file.
    public var isPlatformContract = false
    /// The id a platform header declares even when the rest of the header failed to decode:
    /// the platform still exists for every contract that connects to it.
    public var brokenPlatformID: Located<String>?
    public var connections: [ConnectionDecl] = []
    public var imports: [Located<String>] = []
    public var areas: [AccessArea: AreaDecl] = [:]
    public var types: [TypeDecl] = []
    public var errors: [ErrorDecl] = []
    /// Names of types and errors that were written but could not be decoded; references to
    /// them are not reported again.
    public var poisoned: Set<String> = []
    /// Areas that were written but could not be decoded (or were misspelt): rules treat them
    /// as declared so that one typo is reported once.
    public var poisonedAreas: Set<AccessArea> = []

    /// Whether the area is declared, counting areas that failed to decode.
    public func mayDeclare(_ area: AccessArea) -> Bool {
        areas[area] != nil || poisonedAreas.contains(area)
    }

    public var operations: [OperationDecl] {
        AccessArea.allCases.flatMap { areas[$0]?.operations ?? [] }
    }
}

public struct PlatformDecl: Sendable {
    public var identity: PlatformIdentity
    public var spans: SpanMap
}

/// What a platform is: the part of `platform:` that the IR carries as it is.
public struct PlatformIdentity: Codable, Equatable, Sendable {
    public struct Operator: Codable, Equatable, Sendable {
        public var name: String
        public var uscc: String
    }
    public struct Environment: Codable, Equatable, Sendable {
        public var name: String
        public var url: String
    }

    public var id: String
    public var name: String
    public var nameEn: String
    public var level: PlatformLevel
    public var region: String
    public var `operator`: Operator
    public var environments: [Environment]
    public var network: Network
    public var description: String?
}

public struct ConnectionDecl: Sendable {
    public var to: Located<String>
    public var areas: [(area: Located<AccessArea>, direction: Located<Direction>)]
    public var description: String?
    public var span: SourceSpan
}

public struct AreaDecl: Sendable {
    public var area: AccessArea
    /// The area's key in the contract.
    public var keySpan: SourceSpan
    public var settings: AreaSettings
    public var spans: SpanMap
    public var operations: [OperationDecl]
    /// Ids of operations that were written but failed to decode; references to them are not reported again.
    public var brokenOperations: Set<String> = []
}

public struct OperationDecl: Sendable {
    public var area: AccessArea
    public var id: Located<String>
    public var summary: String
    public var summaryEn: String?
    public var method: Located<HTTPMethod>
    public var path: Located<String>
    public var request: Located<TypeExpression>?
    public var response: Located<TypeExpression>?
    public var errors: [Located<String>]
    public var idempotent: Bool?
    public var rateLimit: RateLimit?
    public var deprecated: Bool
    public var examples: [ExampleDecl]
    public var span: SourceSpan
    /// Keys the author probably meant by an unknown key (`respones` -> `response`): what they
    /// hold is unknown, so nothing is concluded from their absence.
    public var misspeltKeys: Set<String> = []
}

public struct RateLimit: Codable, Equatable, Sendable {
    public enum Period: String, Codable, CaseIterable, Sendable {
        case second, minute, hour, day

        /// As a Chinese sentence counts it: 每分钟 100 次.
        public var chineseName: String {
            switch self {
            case .second: "秒"
            case .minute: "分钟"
            case .hour: "小时"
            case .day: "天"
            }
        }
    }
    public var requests: Int
    public var per: Period
}

public struct ExampleDecl: Sendable {
    public var name: String
    public var request: YAMLNode?
    public var response: YAMLNode?
    public var span: SourceSpan
}

public struct TypeDecl: Sendable {
    public enum Kind: Sendable {
        case record([FieldDecl])
        case enumeration([EnumValueDecl])
        case scalar(Located<TypeExpression>, Constraints)
    }

    public var name: Located<String>
    public var description: String?
    public var kind: Kind
    /// The file that declares it, relative to the workspace root.
    public var source: String
}

public struct FieldDecl: Sendable {
    public var name: Located<String>
    public var type: Located<TypeExpression>
    public var required: Bool
    public var description: String?
    public var constraints: Constraints
}

public struct EnumValueDecl: Sendable {
    public var value: Located<String>
    public var description: String?
}

/// Limits a value must respect; checked on examples and carried to generators.
public struct Constraints: Codable, Equatable, Sendable {
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    public var minimum: Double?
    public var maximum: Double?
    public var minItems: Int?
    public var maxItems: Int?

    public init() {}

    public var isEmpty: Bool { self == Constraints() }
}

public struct ErrorDecl: Sendable {
    public var name: Located<String>
    public var code: Located<Int>
    public var http: Located<Int>
    public var message: String
    public var messageEn: String?
    public var condition: Located<ErrorCondition>?
    public var source: String
}
