import AccessConformance
import AccessRuntime
import AccessSpecCore
import Foundation

/// Mocks started inside the current process, one per platform, with fresh keys: what the
/// generated conformance suites run against when no ACCESSSPEC_BASE_URL is given.
public actor MockHost {
    public static let shared = MockHost()

    /// Started or starting, by platform: callers that arrive while a mock starts wait for it.
    private var targets: [String: Task<ConformanceTarget, any Error>] = [:]
    private var servers: [Task<Void, any Error>] = []

    /// A target serving `platform` from the IR a build wrote in `irFolder` (`generated/ir`).
    public func target(platform id: String, irFolder: URL) async throws -> ConformanceTarget {
        if let starting = targets[id] { return try await starting.value }
        let starting = Task { try await start(platform: id, irFolder: irFolder) }
        targets[id] = starting
        return try await starting.value
    }

    private func start(platform id: String, irFolder: URL) async throws -> ConformanceTarget {
        let ir = try IRIndex.read(from: irFolder)
        let platform = try ir.platform(id, in: irFolder)
        // Fresh keys for this process: a random HMAC secret, or an SM2 pair whose private half
        // signs (the client) and public half verifies (the mock).
        var environment: [String: String] = [:]
        var verificationKey: String? = nil
        if let signing = platform.areas.security?.settings.signing {
            guard let name = SecretResolver.variable(of: signing.key) else { throw MockError("'\(signing.key)' is not a secret reference") }
            if signing.algorithm == .sm2SM3 {
                let key = try AccessCrypto.SM2Key.generate()
                environment[name] = try key.privateKeyPEM()
                verificationKey = try key.publicKeyPEM()
            } else {
                let secret = AccessCrypto.hex(AccessCrypto.randomBytes(32))
                environment[name] = secret
                verificationKey = secret
            }
        }
        let mock = try MockPlatform(platform: platform, settings: ir.settings, verificationKey: verificationKey)
        let server = MockServer(platform: mock, host: "127.0.0.1", port: 0, log: { _ in })
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        servers.append(Task { try await server.runUntilCancelled { continuation.yield($0) } })
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw MockError("the mock of \(id) did not start") }
        return ConformanceTarget(baseURL: URL(string: "http://127.0.0.1:\(port)")!, secrets: SecretResolver(environment: environment))
    }
}
