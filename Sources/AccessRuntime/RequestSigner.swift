import Foundation

/// Signs requests as the contract's `security.signing` says. The signed text is
///
///     METHOD \n PATH?QUERY \n TIMESTAMP \n NONCE \n hex(DIGEST(body))
///
/// with SM3 as the digest for hmac-sm3 and sm2-sm3, SHA-256 for hmac-sha256. HMAC signatures
/// are lower-case hex; SM2 signatures (DER, default user id) are base64.
public struct RequestSigner: Sendable {
    public let algorithm: PlatformProfile.SigningAlgorithm
    private let secret: String
    /// The SM2 key read once: reading a PEM costs more than signing with it.
    private let sm2Key: AccessCrypto.SM2Key?

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

    public func canonicalText(method: String, target: String, timestamp: String, nonce: String, body: Data?) throws -> Data {
        let bodyDigest = AccessCrypto.hex(try AccessCrypto.digest(body ?? Data(), digest))
        return Data([method, target, timestamp, nonce, bodyDigest].joined(separator: "\n").utf8)
    }

    public func signature(method: String, target: String, timestamp: String, nonce: String, body: Data?) throws -> String {
        let text = try canonicalText(method: method, target: target, timestamp: timestamp, nonce: nonce, body: body)
        switch algorithm {
        case .hmacSM3, .hmacSHA256:
            return AccessCrypto.hex(try AccessCrypto.hmac(text, key: Array(secret.utf8), digest))
        case .sm2SM3:
            return Data(try AccessCrypto.sm2Sign(text, key: key())).base64EncodedString()
        }
    }

    /// What a receiving platform does: recompute and compare (HMAC) or verify (SM2, with the
    /// sender's public key as the secret).
    public func verify(_ signature: String, method: String, target: String, timestamp: String, nonce: String, body: Data?) throws -> Bool {
        switch algorithm {
        case .hmacSM3, .hmacSHA256:
            let expected = try self.signature(method: method, target: target, timestamp: timestamp, nonce: nonce, body: body)
            return constantTimeEqual(Array(expected.utf8), Array(signature.utf8))
        case .sm2SM3:
            guard let bytes = Data(base64Encoded: signature) else { return false }
            let text = try canonicalText(method: method, target: target, timestamp: timestamp, nonce: nonce, body: body)
            return try AccessCrypto.sm2Verify(Array(bytes), over: text, key: key())
        }
    }

    private func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
