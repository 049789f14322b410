import AccessRuntime
import Foundation
import Testing

/// The published signing vectors (docs/signing-vectors.json, made by an independent Python
/// implementation, Tests/Python/make_signing_vectors.py): the runtime's signer reproduces every
/// canonical text byte for byte and every HMAC signature, verifies every SM2 signature, and
/// refuses every tampered one.
struct SigningVectorTests {
    struct File: Decodable {
        struct Keys: Decodable { var hmacSecret: String; var sm2PrivateKeyPem: String; var sm2PublicKeyPem: String }
        struct Input: Decodable {
            var method: String; var target: String; var accessId: String?; var token: String?
            var timestamp: String; var nonce: String; var bodyHex: String; var headers: [String: String]
        }
        struct Vector: Decodable {
            var name: String; var algorithm: String; var canonicalTextHex: String; var signature: String; var input: Input
            var signatureHeader: String?
        }
        var keys: Keys
        var vectors: [Vector]
        var negativeVectors: [Vector]
    }

    static let file: File = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/signing-vectors.json")
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }()

    static func parts(_ input: File.Input) -> SignedParts {
        // The headers as sent say what the receiver binds: none means an empty line.
        SignedParts(method: input.method, target: input.target, accessId: input.headers["X-Access-Id"] ?? "", token: input.headers["X-Access-Token"] ?? "",
                    timestamp: input.timestamp, nonce: input.nonce, body: Data(hex: input.bodyHex))
    }

    static func signer(_ algorithm: String, verifying: Bool) -> RequestSigner {
        let algorithm = PlatformProfile.SigningAlgorithm(rawValue: algorithm)!
        let key = algorithm == .sm2SM3 ? (verifying ? file.keys.sm2PublicKeyPem : file.keys.sm2PrivateKeyPem) : file.keys.hmacSecret
        return RequestSigner(algorithm: algorithm, secret: key)
    }

    @Test func everyPublishedVectorIsReproduced() throws {
        #expect(Self.file.vectors.count == 15)
        for vector in Self.file.vectors {
            let signer = Self.signer(vector.algorithm, verifying: true)
            let text = try signer.canonicalText(Self.parts(vector.input))
            #expect(AccessCrypto.hex(Array(text)) == vector.canonicalTextHex, "\(vector.name)")
            #expect(try signer.verify(vector.signature, Self.parts(vector.input)), "\(vector.name)")
            if vector.algorithm != "sm2-sm3" {
                #expect(try Self.signer(vector.algorithm, verifying: false).signature(Self.parts(vector.input)) == vector.signature, "\(vector.name)")
            }
        }
    }

    @Test func everyTamperedVectorIsRefused() throws {
        #expect(Self.file.negativeVectors.count >= 45)
        for vector in Self.file.negativeVectors {
            #expect(try !Self.signer(vector.algorithm, verifying: true).verify(vector.signature, Self.parts(vector.input)), "\(vector.name)")
        }
    }

    @Test func ourSM2SignaturesVerifyWithThePublishedPublicKey() throws {
        for vector in Self.file.vectors where vector.algorithm == "sm2-sm3" {
            let signature = try Self.signer("sm2-sm3", verifying: false).signature(Self.parts(vector.input))
            #expect(try Self.signer("sm2-sm3", verifying: true).verify(signature, Self.parts(vector.input)))
        }
    }
}

extension Data {
    init(hex: String) {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        self.init(bytes)
    }
}

extension SigningVectorTests {
    /// Base64 with non-zero padding bits decodes to the same bytes; only the canonical text of
    /// a signature is accepted, so one signature has one spelling.
    @Test func nonCanonicalBase64SignaturesAreRefused() throws {
        let vector = try #require(Self.file.vectors.first { $0.algorithm == "sm2-sm3" && $0.signature.hasSuffix("=") })
        let signer = Self.signer("sm2-sm3", verifying: true)
        #expect(try signer.verify(vector.signature, Self.parts(vector.input)))
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var characters = Array(vector.signature)
        // The low bits of the last character before the padding are unused.
        let last = try #require(characters.lastIndex { $0 != "=" })
        let value = try #require(alphabet.firstIndex(of: characters[last]))
        characters[last] = alphabet[value ^ 1]
        #expect(try !signer.verify(String(characters), Self.parts(vector.input)))
    }
}
