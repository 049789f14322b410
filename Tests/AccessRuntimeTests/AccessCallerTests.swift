import AccessRuntime
import Foundation
import Testing

/// The runtime on its own: the head-data envelope and SM2 signatures.
@Suite(.serialized)
struct AccessCallerTests {
    struct Query: Codable, AccessValidatable, Equatable {
        var certNo: String
        func accessValidate(at path: String) throws {}
    }

    struct Answer: Codable, Equatable {
        var valid: Bool
    }

    enum Failure: AccessContractError, Equatable {
        case known(Int, String)
        init(code: Int, message: String) { self = .known(code, message) }
        var code: Int { if case .known(let code, _) = self { code } else { 0 } }
    }

    static let operation = OperationDescriptor(id: "verify", method: "POST", path: "/license/v1/verify", idempotent: false)

    func caller(_ server: LoopbackServer, profile: PlatformProfile, secrets: [String: String] = [:]) -> AccessCaller {
        let configuration = AccessClientConfiguration(
            baseURL: server.baseURL, accessId: "hub", accessToken: "t-9", secrets: SecretResolver(environment: secrets),
            allowInsecureLoopback: true, now: { 42 }, nonce: { "n-1" })
        return AccessCaller(configuration: configuration, profile: profile)
    }

    @Test func headDataEnvelopeWrapsRequestsAndUnwrapsResponses() async throws {
        let server = try LoopbackServer { _ in .json(#"{"head": {"code": 0, "message": "ok"}, "data": {"valid": true}}"#) }
        defer { server.shutdown() }
        let profile = PlatformProfile(envelope: .headData, signing: nil, accessIdHeader: "X-Access-Id", tokenHeader: "X-Access-Token")
        let answer = try await caller(server, profile: profile).call(Self.operation, Query(certNo: "A1"), returning: Answer.self, errors: Failure.self)
        #expect(answer == Answer(valid: true))
        let request = try #require(server.requests.first)
        let body = try JSONSerialization.jsonObject(with: request.body) as? [String: Any]
        let head = body?["head"] as? [String: Any]
        #expect(head?["accessId"] as? String == "hub")
        #expect(head?["accessToken"] as? String == "t-9")
        #expect(head?["timestamp"] as? String == "42")
        #expect(head?["nonce"] as? String == "n-1")
        #expect((body?["data"] as? [String: Any])?["certNo"] as? String == "A1")
        #expect(request.header("X-Access-Token") == nil, "credentials travel in the head, not in headers")
    }

    @Test func headDataErrorsComeFromTheHeadCode() async throws {
        let server = try LoopbackServer { _ in .json(#"{"head": {"code": 40401, "message": "证照不存在"}, "data": null}"#) }
        defer { server.shutdown() }
        let profile = PlatformProfile(envelope: .headData, signing: nil, accessIdHeader: "X-Access-Id", tokenHeader: "X-Access-Token")
        await #expect(throws: Failure.known(40401, "证照不存在")) {
            _ = try await caller(server, profile: profile).call(Self.operation, Query(certNo: "A1"), returning: Answer.self, errors: Failure.self)
        }
    }

    @Test func sm2SignaturesVerifyWithTheSendersPublicKey() async throws {
        let key = try AccessCrypto.SM2Key.generate()
        let server = try LoopbackServer { _ in .json(#"{"valid": false}"#) }
        defer { server.shutdown() }
        let profile = PlatformProfile(
            envelope: .plain, signing: .init(algorithm: .sm2SM3, header: "X-SM2-Signature", keyReference: "${env:HUB_SM2_KEY}"),
            accessIdHeader: "X-Access-Id", tokenHeader: "X-Access-Token")
        let answer = try await caller(server, profile: profile, secrets: ["HUB_SM2_KEY": try key.privateKeyPEM()])
            .call(Self.operation, Query(certNo: "A1"), returning: Answer.self, errors: Failure.self)
        #expect(answer == Answer(valid: false))
        let request = try #require(server.requests.first)
        let verifier = RequestSigner(algorithm: .sm2SM3, secret: try key.publicKeyPEM())
        let signature = try #require(request.header("X-SM2-Signature"))
        let parts = SignedParts(method: "POST", target: "/license/v1/verify", accessId: "hub", token: "t-9", timestamp: "42", nonce: "n-1", body: request.body)
        #expect(try verifier.verify(signature, parts))
        var tampered = parts
        tampered.body = Data("{}".utf8)
        #expect(try !verifier.verify(signature, tampered))
        tampered = parts
        tampered.accessId = "someone-else"
        #expect(try !verifier.verify(signature, tampered))
    }

    @Test func getQueriesWriteListsExplodedAndRecordsAsDeepObjects() async throws {
        struct Page: Codable { var number: Int; var size: Int }
        struct Search: Codable, AccessValidatable {
            var region: String
            var page: Page
            var tags: [String]
            var note: String?
            func accessValidate(at path: String) throws {}
        }
        let server = try LoopbackServer { _ in .json(#"{"valid": true}"#) }
        defer { server.shutdown() }
        let profile = PlatformProfile(envelope: .plain, signing: nil, accessIdHeader: "X-Access-Id", tokenHeader: "X-Access-Token")
        let search = OperationDescriptor(id: "search", method: "GET", path: "/items/{region}", idempotent: true)
        _ = try await caller(server, profile: profile).call(search, Search(region: "370000", page: Page(number: 2, size: 20), tags: ["a b", "c"]), returning: Answer.self, errors: Failure.self)
        #expect(server.requests.first?.uri == "/items/370000?page%5Bnumber%5D=2&page%5Bsize%5D=20&tags=a%20b&tags=c")
    }

    @Test func hmacSHA256SignsWithSHA256() throws {
        let signer = RequestSigner(algorithm: .hmacSHA256, secret: "k")
        let parts = SignedParts(method: "GET", target: "/a?b=1", accessId: "hub", token: "", timestamp: "1", nonce: "n", body: Data())
        let text = try signer.canonicalText(parts)
        // The body digest of an empty body under SHA-256.
        #expect(String(decoding: text, as: UTF8.self) == "ACCESSSPEC-SIGN-1\nGET\n/a?b=1\nhub\n\n1\nn\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let signature = try signer.signature(parts)
        #expect(signature == AccessCrypto.hex(try AccessCrypto.hmac(text, key: Array("k".utf8), .sha256)))
    }

    @Test func controlCharactersInSignedValuesAreRefused() throws {
        let signer = RequestSigner(algorithm: .hmacSM3, secret: "k")
        let parts = SignedParts(method: "GET", target: "/a", accessId: "hub\nGET", token: "", timestamp: "1", nonce: "n", body: Data())
        #expect(throws: AccessRuntimeError.self) { try signer.signature(parts) }
        #expect(try !signer.verify("00", parts))
    }

    @Test func theBasePathIsPartOfTheSignedTarget() async throws {
        let server = try LoopbackServer { _ in .json(#"{"valid": true}"#) }
        defer { server.shutdown() }
        let profile = PlatformProfile(envelope: .plain, signing: .init(algorithm: .hmacSM3, header: "X-Signature", keyReference: "${env:K}"),
                                      accessIdHeader: "X-Access-Id", tokenHeader: "X-Access-Token")
        let caller = AccessCaller(configuration: AccessClientConfiguration(
            baseURL: server.baseURL.appendingPathComponent("gateway/api"), accessId: "hub", secrets: SecretResolver(environment: ["K": "secret"]),
            allowInsecureLoopback: true, now: { 42 }, nonce: { "n-1" }), profile: profile)
        _ = try await caller.call(Self.operation, Query(certNo: "A1"), returning: Answer.self, errors: Failure.self)
        let request = try #require(server.requests.first)
        #expect(request.uri == "/gateway/api/license/v1/verify")
        let parts = SignedParts(method: "POST", target: request.uri, accessId: "hub", token: "", timestamp: "42", nonce: "n-1", body: request.body)
        #expect(try RequestSigner(algorithm: .hmacSM3, secret: "secret").verify(try #require(request.header("X-Signature")), parts))
    }
}
