import AccessRuntime
import Foundation
import Testing

/// What the default transport guarantees on the wire: a redirect is reported, never followed,
/// and the timeout is a deadline for the whole exchange, body included.
@Suite(.serialized)
struct TransportSecurityTests {
    struct Query: Codable, AccessValidatable {
        var certNo: String
        func accessValidate(at path: String) throws {}
    }

    struct Answer: Codable {
        var valid: Bool
    }

    enum Failure: AccessContractError {
        case known(Int)
        init(code: Int, message: String) { self = .known(code) }
        var code: Int { if case .known(let code) = self { code } else { 0 } }
    }

    /// Idempotent, so that a redirect taken for a transient failure would show as a retry.
    static let lookup = OperationDescriptor(id: "lookup", method: "GET", path: "/license/v1/lookup", idempotent: true)
    static let submit = OperationDescriptor(id: "submit", method: "POST", path: "/license/v1/submit", idempotent: false)

    func call(_ server: LoopbackServer, _ operation: OperationDescriptor = lookup, timeout: Duration = .seconds(10)) async throws {
        let configuration = AccessClientConfiguration(
            baseURL: server.baseURL, accessId: "hub", accessToken: "secret-token", timeout: timeout, allowInsecureLoopback: true)
        let profile = PlatformProfile(envelope: .plain, signing: nil, accessIdHeader: "X-Access-Id", tokenHeader: "X-Access-Token")
        _ = try await AccessCaller(configuration: configuration, profile: profile)
            .call(operation, Query(certNo: "A1"), returning: Answer.self, errors: Failure.self)
    }

    @Test(arguments: [301, 302, 307, 308])
    func aRedirectToAnotherOriginIsReportedAndNotFollowed(_ status: Int) async throws {
        let elsewhere = try LoopbackServer { _ in .json(#"{"valid": true}"#) }
        defer { elsewhere.shutdown() }
        let location = "http://127.0.0.1:\(elsewhere.port)/collect"
        let server = try LoopbackServer { _ in LoopbackServer.Response(status: status, body: Data(), headers: [("Location", location)]) }
        defer { server.shutdown() }
        for operation in [Self.lookup, Self.submit] {
            await #expect(throws: AccessRuntimeError.redirected(status: status, location: location)) {
                try await call(server, operation)
            }
        }
        #expect(server.requests.count == 2, "one request per call: a redirect is not retried")
        #expect(elsewhere.connections == 0, "nothing, credentials least of all, reaches the redirect's target")
    }

    @Test func aRedirectWithinTheOriginIsNotFollowedEither() async throws {
        let server = try LoopbackServer { request in
            request.uri.hasPrefix("/moved") ? .json(#"{"valid": true}"#)
                : LoopbackServer.Response(status: 302, body: Data(), headers: [("Location", "/moved")])
        }
        defer { server.shutdown() }
        await #expect(throws: AccessRuntimeError.redirected(status: 302, location: "/moved")) {
            try await call(server)
        }
        #expect(server.requests.map(\.uri) == ["/license/v1/lookup?certNo=A1"])
    }

    @Test func aBodyThatStallsTimesOutAtTheDeadline() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Response(body: Data(#"{"valid":1"#.utf8), contentLength: 1000) }
        defer { server.shutdown() }
        let started = ContinuousClock.now
        await #expect(throws: AccessRuntimeError.timedOut) {
            try await call(server, Self.submit, timeout: .milliseconds(300))
        }
        #expect(ContinuousClock.now - started < .seconds(3), "the head arrived in time, but the deadline covers the body")
    }

    @Test func aBodyThatDribblesIsCutOffAtTheDeadline() async throws {
        // 30 bytes, one every 100 ms: without a deadline on the body the call would succeed after 3 s.
        let body = Data(#"{"valid": true, "pad": "...."}"#.utf8)
        #expect(body.count == 30)
        let server = try LoopbackServer { _ in LoopbackServer.Response(body: body, byteInterval: .milliseconds(100)) }
        defer { server.shutdown() }
        let started = ContinuousClock.now
        await #expect(throws: AccessRuntimeError.timedOut) {
            try await call(server, Self.submit, timeout: .seconds(1))
        }
        #expect(ContinuousClock.now - started < .milliseconds(2500))
    }

    @Test func aBodyWithinTheDeadlineIsRead() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Response(body: Data(#"{"valid": true}"#.utf8), byteInterval: .milliseconds(10)) }
        defer { server.shutdown() }
        try await call(server, Self.submit, timeout: .seconds(5))
    }

    @Test(arguments: ["http://localhost:1", "http://127.0.0.1.example.com:1", "http://10.0.0.1:1", "http://0177.0.0.1:1", "http://[::2]:1"])
    func plainHTTPToAnythingButALoopbackAddressIsRefused(_ url: String) {
        #expect(throws: AccessRuntimeError.self) {
            try AccessClientConfiguration.checkBaseURL(URL(string: url)!, allowInsecureLoopback: true)
        }
    }

    @Test(arguments: ["http://127.0.0.1:8080", "http://127.1.2.3:8080", "http://[::1]:8080", "http://[::ffff:127.0.0.1]:8080", "https://localhost", "https://10.0.0.1/api"])
    func httpsAnywhereAndPlainHTTPToLoopbackAddressesAreAllowed(_ url: String) throws {
        try AccessClientConfiguration.checkBaseURL(URL(string: url)!, allowInsecureLoopback: true)
    }

    @Test func plainHTTPToLoopbackNeedsTheCallersConsent() {
        #expect(throws: AccessRuntimeError.self) {
            try AccessClientConfiguration.checkBaseURL(URL(string: "http://127.0.0.1:8080")!, allowInsecureLoopback: false)
        }
    }
}
