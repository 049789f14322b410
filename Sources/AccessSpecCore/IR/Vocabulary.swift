/// The closed vocabularies of the contract language, shared by the AST, the rules and the IR.

public enum PlatformLevel: String, Codable, CaseIterable, Sendable {
    case national, provincial, municipal, county, departmental
    case thirdParty = "third-party"

    /// Height in the access hierarchy: connections go from a larger rank to a smaller one.
    public var rank: Int {
        switch self {
        case .national: 0
        case .provincial, .departmental: 1
        case .municipal: 2
        case .county: 3
        case .thirdParty: 4
        }
    }

    public var chineseName: String {
        switch self {
        case .national: "国家平台"
        case .provincial: "省级平台"
        case .municipal: "市级平台"
        case .county: "县级平台"
        case .departmental: "国务院部门平台"
        case .thirdParty: "第三方"
        }
    }

    public var isGovernment: Bool { self != .thirdParty }
}

/// The eight access areas (接入内容) of the standard, in the standard's order.
public enum AccessArea: String, Codable, CaseIterable, Sendable, Comparable {
    case items, portal, identity, seal, license, operations, security, thirdParty

    public var chineseName: String {
        switch self {
        case .items: "政务服务事项"
        case .portal: "政务服务门户"
        case .identity: "统一身份认证"
        case .seal: "电子印章"
        case .license: "电子证照"
        case .operations: "运维管理"
        case .security: "安全保障"
        case .thirdParty: "第三方"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum Direction: String, Codable, CaseIterable, Sendable {
    /// This platform provides to, or reports to, the platform it connects to.
    case up
    /// The platform connected to provides to this one.
    case down
    case both
}

public enum Network: String, Codable, CaseIterable, Sendable {
    case egovExtranet = "egov-extranet"
    case internet
}

/// The conditions every platform reports the same way, whatever its catalogue calls them. An
/// error of the catalogue names the one it reports with `condition:`; the mock server answers
/// with that error and conformance vectors expect it.
public enum ErrorCondition: String, Codable, CaseIterable, Sendable {
    /// The request does not match the contract: a missing field, a wrong type, a value out of
    /// its constraints or format.
    case invalidRequest = "invalid-request"
    /// The access token is missing or not valid. Operations that list this error need a token.
    case invalidToken = "invalid-token"
    /// The signature is missing or does not verify.
    case invalidSignature = "invalid-signature"
    /// The timestamp is outside the replay window, or the nonce was used before.
    case expiredRequest = "expired-request"
    case rateLimited = "rate-limited"
    /// The platform cannot serve the request for now.
    case unavailable
}

extension ErrorCondition {
    /// The HTTP status a receiver answers with when the catalogue declares no error for the
    /// condition.
    public var defaultStatus: Int {
        switch self {
        case .invalidRequest: 400
        case .invalidToken, .invalidSignature, .expiredRequest: 401
        case .rateLimited: 429
        case .unavailable: 503
        }
    }
}

extension PlatformIR {
    /// The error of the catalogue that reports `condition`, if one does.
    public func error(for condition: ErrorCondition) -> ErrorIR? {
        errors.first { $0.condition == condition }
    }

    /// The conditions a receiver of this contract may answer `operation` with (what the mock
    /// does, and what the OpenAPI export lists): a request that does not fit, missing
    /// credentials, a signature or freshness failure where the platform signs, a rate limit
    /// where the operation has one, and being unavailable.
    public func conditions(of operation: OperationIR) -> [ErrorCondition] {
        let signs = areas.security?.settings.signing != nil
        return ErrorCondition.allCases.filter { condition in
            switch condition {
            case .invalidRequest, .invalidToken, .unavailable: true
            case .invalidSignature, .expiredRequest: signs
            case .rateLimited: operation.rateLimit != nil
            }
        }
    }

    /// Whether `operation` needs the access token: it lists the error of `invalid-token`.
    public func requiresToken(_ operation: OperationIR) -> Bool {
        error(for: .invalidToken).map { operation.errors.contains($0.name) } ?? false
    }
}

public enum HTTPMethod: String, Codable, CaseIterable, Sendable {
    case GET, POST, PUT, PATCH, DELETE
}
