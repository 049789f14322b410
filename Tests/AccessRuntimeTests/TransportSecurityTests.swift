import AccessRuntime
import Foundation
import Testing

/// What the default transport guarantees on the wire: a redirect is reported, never followed.
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

    func call(_ server: LoopbackServer, _ operation: OperationDescriptor = lookup) async throws {
        let configuration = AccessClientConfiguration(
            baseURL: server.baseURL, accessId: "hub", accessToken: "secret-token", allowInsecureLoopback: true)
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
}
