import AccessClients
import AccessRuntime
import Foundation
import Testing

/// The generated Shandong client against a real server on loopback: what goes over the
/// wire, and what comes back.
@Suite(.serialized)
struct GeneratedClientTests {
    static let secret = "test-signing-secret"
    static let certIdentifier = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S"

    func configuration(_ server: LoopbackServer, timeout: Duration = .seconds(5), maxResponseBytes: Int = 1 << 20) -> AccessClientConfiguration {
        AccessClientConfiguration(
            baseURL: server.baseURL, accessId: "bank-app-01", accessToken: "token-123",
            secrets: SecretResolver(environment: ["SHANDONG_APP_SECRET": Self.secret]),
            timeout: timeout, retry: .init(maxAttempts: 3, initialBackoff: .milliseconds(10)),
            maxResponseBytes: maxResponseBytes, allowInsecureLoopback: true,
            now: { 1_700_000_000_000 }, nonce: { "0123456789abcdef0123456789abcdef" })
    }

    var downloadRequest: Shandong.DownloadAddressRequest {
        Shandong.DownloadAddressRequest(
            head: Shandong.AccessHead(accessId: "bank-app-01", accessToken: "token-123"),
            certIdentifier: Self.certIdentifier, useCause: "企业开办", expiry: 600)
    }

    var ticketRequest: Shandong.TicketExchangeRequest {
        Shandong.TicketExchangeRequest(appId: "app", ticket: "ST-1", signature: "sig", timestamp: "2024-05-01T08:30:00+08:00")
    }

    @Test func sendsASignedRequestAndDecodesTheResponse() async throws {
        let server = try LoopbackServer { _ in .json(#"{"downloadUrl": "https://example.gov.cn/f/1", "expiresAt": "2024-05-01T08:30:00+08:00"}"#) }
        defer { server.shutdown() }
        let client = Shandong.Client(configuration: configuration(server))
        let address = try await client.license.getDownloadAddress(downloadRequest)
        #expect(address.downloadUrl == "https://example.gov.cn/f/1")

        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.uri == "/license/v1/download-address")
        #expect(request.header("X-Access-Id") == "bank-app-01")
        #expect(request.header("X-Access-Token") == "token-123")
        #expect(request.header("X-Timestamp") == "1700000000000")
        #expect(request.header("X-Nonce") == "0123456789abcdef0123456789abcdef")
        let body = try JSONSerialization.jsonObject(with: request.body) as? [String: Any]
        #expect(body?["certIdentifier"] as? String == Self.certIdentifier)
        #expect(body?["useCause"] as? String == "企业开办")
        // The receiver recomputes the HMAC-SM3 signature over the canonical text.
        let signer = RequestSigner(algorithm: .hmacSM3, secret: Self.secret)
        let signature = try #require(request.header("X-Signature"))
        var parts = SignedParts(method: "POST", target: request.uri, accessId: "bank-app-01", token: "token-123", timestamp: "1700000000000",
                                nonce: "0123456789abcdef0123456789abcdef", body: request.body)
        #expect(try signer.verify(signature, parts))
        parts.timestamp = "1700000000001"
        #expect(try !signer.verify(signature, parts))
    }

    @Test func pathParametersAndGetQueriesGoIntoTheURL() async throws {
        let server = try LoopbackServer { _ in .json(#"{"fileName": "营业执照.ofd", "contentType": "application/ofd", "content": "aGVsbG8="}"#) }
        defer { server.shutdown() }
        let client = Shandong.Client(configuration: configuration(server))
        _ = try? await client.license.downloadLicenseFile(Shandong.LicenseFileRequest(fileToken: "a/b c"))
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.uri == "/license/v1/files/a%2Fb%20c")
        #expect(request.body.isEmpty)
    }

    @Test func contractErrorsAreTyped() async throws {
        let server = try LoopbackServer { _ in .json(#"{"code": 40101, "message": "令牌无效"}"#, status: 401) }
        defer { server.shutdown() }
        let client = Shandong.Client(configuration: configuration(server))
        do {
            _ = try await client.license.getDownloadAddress(downloadRequest)
            Issue.record("expected a contract error")
        } catch let error as Shandong.ContractError {
            #expect(error == .invalidToken(message: "令牌无效"))
            #expect(error.code == 40101)
            #expect(error.declaredMessage != nil)
        }
    }

    @Test func undeclaredErrorCodesKeepTheirCode() async throws {
        let server = try LoopbackServer { _ in .json(#"{"code": 49999, "message": "?"}"#, status: 400) }
        defer { server.shutdown() }
        let client = Shandong.Client(configuration: configuration(server))
        await #expect(throws: Shandong.ContractError.undeclared(code: 49999, message: "?")) {
            _ = try await client.license.getDownloadAddress(downloadRequest)
        }
    }

    @Test func aBadIdentifierIsRejectedBeforeSending() async throws {
        let server = try LoopbackServer { _ in .json("{}") }
        defer { server.shutdown() }
        let client = Shandong.Client(configuration: configuration(server))
        var request = downloadRequest
        request.certIdentifier = String(Self.certIdentifier.dropLast()) + "T"
        await #expect(throws: AccessRuntimeError.self) { _ = try await client.license.getDownloadAddress(request) }
        do {
            _ = try await client.license.getDownloadAddress(request)
        } catch AccessRuntimeError.invalidField(let path, let reason) {
            #expect(path == "request.certIdentifier")
            #expect(reason.contains("MOD 37,36"))
        }
        #expect(server.requests.isEmpty, "nothing was sent")
    }

    @Test func slowServersTimeOut() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Response(delay: .seconds(3)) }
        defer { server.shutdown() }
        let client = Shandong.Client(configuration: configuration(server, timeout: .milliseconds(200)))
        await #expect(throws: AccessRuntimeError.timedOut) {
            _ = try await client.identity.exchangeTicket(ticketRequest)
        }
    }

    @Test func onlyIdempotentOperationsAreRetried() async throws {
        let server = try LoopbackServer { _ in .json("{}", status: 503) }
        defer { server.shutdown() }
        let client = Shandong.Client(configuration: configuration(server))
        await #expect(throws: AccessRuntimeError.self) { _ = try await client.license.getDownloadAddress(downloadRequest) }
        #expect(server.requests.count == 3, "an idempotent operation is tried maxAttempts times")
        await #expect(throws: AccessRuntimeError.self) {
            _ = try await client.identity.exchangeTicket(ticketRequest)
        }
        #expect(server.requests.count == 4, "a non-idempotent operation is tried once")
    }

    @Test func largeResponsesAreRefused() async throws {
        let big = "{\"downloadUrl\": \"" + String(repeating: "x", count: 64 * 1024) + "\", \"expiresAt\": \"x\"}"
        let server = try LoopbackServer { _ in .json(big) }
        defer { server.shutdown() }
        let client = Shandong.Client(configuration: configuration(server, maxResponseBytes: 4096))
        await #expect(throws: AccessRuntimeError.responseTooLarge(limit: 4096)) {
            _ = try await client.license.getDownloadAddress(downloadRequest)
        }
    }

    @Test func plainHTTPIsRefusedUnlessLoopbackIsAllowed() async throws {
        let server = try LoopbackServer { _ in .json("{}") }
        defer { server.shutdown() }
        var settings = configuration(server)
        settings.allowInsecureLoopback = false
        let client = Shandong.Client(configuration: settings)
        await #expect(throws: AccessRuntimeError.self) { _ = try await client.license.getDownloadAddress(downloadRequest) }
        #expect(server.requests.isEmpty)
        settings.baseURL = URL(string: "http://zwfw.example.gov.cn")!
        settings.allowInsecureLoopback = true
        await #expect(throws: AccessRuntimeError.self) { _ = try await Shandong.Client(configuration: settings).license.getDownloadAddress(downloadRequest) }
    }

    @Test func aMissingSigningSecretIsAConfigurationError() async throws {
        let server = try LoopbackServer { _ in .json("{}") }
        defer { server.shutdown() }
        var settings = configuration(server)
        settings.secrets = SecretResolver(environment: [:])
        await #expect(throws: AccessRuntimeError.invalidConfiguration("environment variable SHANDONG_APP_SECRET (the signing secret) is not set")) {
            _ = try await Shandong.Client(configuration: settings).license.getDownloadAddress(downloadRequest)
        }
    }
}
