/// What a generated client knows of its platform's security section.
public struct PlatformProfile: Sendable {
    public enum Envelope: String, Sendable { case plain, headData = "head-data" }
    public enum SigningAlgorithm: String, Sendable {
        case hmacSM3 = "hmac-sm3"
        case hmacSHA256 = "hmac-sha256"
        case sm2SM3 = "sm2-sm3"
    }
    public struct Signing: Sendable {
        public var algorithm: SigningAlgorithm
        public var header: String
        /// The contract's reference to the key, e.g. `${env:SHANDONG_APP_SECRET}`.
        public var keyReference: String

        public init(algorithm: SigningAlgorithm, header: String, keyReference: String) {
            self.algorithm = algorithm
            self.header = header
            self.keyReference = keyReference
        }
    }

    public var envelope: Envelope
    public var signing: Signing?
    public var accessIdHeader: String
    public var tokenHeader: String

    public init(envelope: Envelope, signing: Signing?, accessIdHeader: String, tokenHeader: String) {
        self.envelope = envelope
        self.signing = signing
        self.accessIdHeader = accessIdHeader
        self.tokenHeader = tokenHeader
    }

}

/// One operation as the contract declares it.
public struct OperationDescriptor: Sendable {
    public var id: String
    public var method: String
    /// `/license/v1/verify/{certNo}`
    public var path: String
    public var idempotent: Bool

    public init(id: String, method: String, path: String, idempotent: Bool) {
        self.id = id
        self.method = method
        self.path = path
        self.idempotent = idempotent
    }
}

/// The response of an operation that declares none: any body is accepted and ignored.
public struct NoContent: Decodable, Sendable, Equatable {
    public init() {}
    public init(from decoder: any Decoder) throws {}
}

/// The request of an operation that declares none.
public struct NoRequest: Encodable, AccessValidatable, Sendable {
    public init() {}
    public func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: NoKeys.self)
    }
    public func accessValidate(at path: String) throws {}
    private enum NoKeys: CodingKey {}
}
