import Foundation

/// What a signature covers (docs/signing.md): the request as the receiver gets it.
public struct SignedParts: Sendable, Equatable {
    public var method: String
    /// The request target as sent on the request line: the full path, base path included, and
    /// the query, byte for byte.
    public var target: String
    /// The access id header as sent, empty when the request carries none (head-data bodies
    /// carry it in their head, which the body digest covers).
    public var accessId: String
    /// The token header as sent, empty when none.
    public var token: String
    public var timestamp: String
    public var nonce: String
    /// The body bytes exactly as sent; empty for none.
    public var body: Data

    public init(method: String, target: String, accessId: String, token: String, timestamp: String, nonce: String, body: Data) {
        self.method = method
        self.target = target
        self.accessId = accessId
        self.token = token
        self.timestamp = timestamp
        self.nonce = nonce
        self.body = body
    }

    /// The tag that starts the canonical text; a new canonical text gets a new tag.
    public static let version = SigningFormat.version

    /// Whether every line is free of control characters, which would let one line pass for two,
    /// and of U+FFFD, which is what bytes that are not UTF-8 become on the way in (so that two
    /// different byte strings could carry one signature).
    public var isWellFormed: Bool {
        [method, target, accessId, token, timestamp, nonce].allSatisfy { line in
            !line.utf8.contains { $0 < 0x20 || $0 == 0x7F } && !line.unicodeScalars.contains("\u{FFFD}")
        }
    }
}

/// The one signer and verifier of requests (docs/signing.md): clients sign through it, and the
/// mock and the conformance runner verify through `RequestVerifier`, which uses it. HMAC
/// signatures are lower-case hex; SM2 signatures (DER, default user id) are base64.
public struct RequestSigner: Sendable {
    public let algorithm: PlatformProfile.SigningAlgorithm
    private let secret: String
    /// The SM2 key read once: reading a PEM costs more than signing with it.
    private let sm2Key: AccessCrypto.SM2Key?

    /// `secret` is the shared key for HMAC; for SM2 the signer's private key PEM, or the
    /// sender's public key PEM to verify with.
    public init(algorithm: PlatformProfile.SigningAlgorithm, secret: String) {
        self.algorithm = algorithm
        self.secret = secret
        sm2Key = algorithm == .sm2SM3 ? try? AccessCrypto.SM2Key(pem: secret) : nil
    }

    /// The parsed key, or the error that reading it gives.
    private func key() throws -> AccessCrypto.SM2Key {
        try sm2Key ?? AccessCrypto.SM2Key(pem: secret)
    }

    var digest: AccessCrypto.Digest { algorithm == .hmacSHA256 ? .sha256 : .sm3 }

    /// The eight lines joined by LF, no final LF.
    public func canonicalText(_ parts: SignedParts) throws -> Data {
        let bodyDigest = AccessCrypto.hex(try AccessCrypto.digest(parts.body, digest))
        let lines = [SignedParts.version, parts.method, parts.target, parts.accessId, parts.token, parts.timestamp, parts.nonce, bodyDigest]
        return Data(lines.joined(separator: "\n").utf8)
    }

    public func signature(_ parts: SignedParts) throws -> String {
        guard parts.isWellFormed else { throw AccessRuntimeError.invalidConfiguration("a signed value holds a control character") }
        let text = try canonicalText(parts)
        switch algorithm {
        case .hmacSM3, .hmacSHA256:
            return AccessCrypto.hex(try AccessCrypto.hmac(text, key: Array(secret.utf8), digest))
        case .sm2SM3:
            return Data(try AccessCrypto.sm2Sign(text, key: key())).base64EncodedString()
        }
    }

    /// What a receiver does: recompute and compare in constant time (HMAC), or verify with the
    /// sender's public key (SM2).
    public func verify(_ signature: String, _ parts: SignedParts) throws -> Bool {
        guard parts.isWellFormed else { return false }
        switch algorithm {
        case .hmacSM3, .hmacSHA256:
            let expected = try self.signature(parts)
            return Self.constantTimeEqual(Array(expected.utf8), Array(signature.utf8))
        case .sm2SM3:
            // Canonical base64 only: the padding bits of the last character must be zero.
            guard let bytes = Data(base64Encoded: signature), bytes.base64EncodedString() == signature else { return false }
            return try AccessCrypto.sm2Verify(Array(bytes), over: canonicalText(parts), key: key())
        }
    }

    private static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
