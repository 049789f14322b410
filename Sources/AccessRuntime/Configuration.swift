import Foundation

/// How a client reaches one platform, and as whom.
public struct AccessClientConfiguration: Sendable {
    public struct RetryPolicy: Sendable {
        /// Attempts for an idempotent operation; other operations are tried once.
        public var maxAttempts: Int
        public var initialBackoff: Duration

        public init(maxAttempts: Int = 3, initialBackoff: Duration = .milliseconds(200)) {
            self.maxAttempts = max(1, maxAttempts)
            self.initialBackoff = initialBackoff
        }
    }

    public var baseURL: URL
    public var accessId: String
    public var accessToken: String?
    /// Resolves the contract's secret references (`${env:NAME}`) to the signing key.
    public var secrets: SecretResolver
    public var timeout: Duration
    public var retry: RetryPolicy
    public var maxResponseBytes: Int
    /// Plain http is refused except to a loopback host, and there only when this is set (tests).
    public var allowInsecureLoopback: Bool
    /// Milliseconds since 1970 for the replay-protection timestamp.
    public var now: @Sendable () -> Int64
    public var nonce: @Sendable () -> String

    public init(
        baseURL: URL, accessId: String, accessToken: String? = nil, secrets: SecretResolver = SecretResolver(),
        timeout: Duration = .seconds(10), retry: RetryPolicy = RetryPolicy(), maxResponseBytes: Int = 8 << 20,
        allowInsecureLoopback: Bool = false,
        now: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) },
        nonce: @escaping @Sendable () -> String = { AccessCrypto.hex(AccessCrypto.randomBytes(16)) }
    ) {
        self.baseURL = baseURL
        self.accessId = accessId
        self.accessToken = accessToken
        self.secrets = secrets
        self.timeout = timeout
        self.retry = retry
        self.maxResponseBytes = maxResponseBytes
        self.allowInsecureLoopback = allowInsecureLoopback
        self.now = now
        self.nonce = nonce
    }

    /// https only; plain http only to a loopback address literal (127.0.0.0/8, ::1), and only
    /// when allowed.
    func checkBaseURL() throws {
        try Self.checkBaseURL(baseURL, allowInsecureLoopback: allowInsecureLoopback)
    }

    /// The one rule for where requests may go, for clients and for `accessc conform`: https
    /// anywhere; plain http only to a loopback address literal (127.0.0.0/8, ::1, IPv4-mapped
    /// loopback), and only when `allowInsecureLoopback`. The host is judged by parsing it as an
    /// address, not by its spelling: `localhost`, `127.0.0.1.example.com` and `0177.0.0.1` are
    /// not loopback addresses.
    public static func checkBaseURL(_ baseURL: URL, allowInsecureLoopback: Bool) throws {
        guard let scheme = baseURL.scheme?.lowercased(), let host = baseURL.host, !host.isEmpty else {
            throw AccessRuntimeError.invalidConfiguration("base URL \(baseURL) is not absolute")
        }
        guard baseURL.query == nil, baseURL.fragment == nil, baseURL.user == nil, baseURL.password == nil else {
            throw AccessRuntimeError.invalidConfiguration("base URL \(baseURL) may hold a path but no query, fragment or user")
        }
        if scheme == "https" { return }
        guard scheme == "http", IPAddress.isLoopbackHost(host), allowInsecureLoopback else {
            let when = allowInsecureLoopback ? "" : ", when allowInsecureLoopback is set"
            throw AccessRuntimeError.invalidConfiguration("base URL \(baseURL) is not https (plain http is allowed only to a loopback address literal such as 127.0.0.1 or [::1]\(when))")
        }
    }

    /// `https://host:port`, what every request URL starts with.
    var origin: String {
        let components = URLComponents(url: baseURL, resolvingAgainstBaseURL: true)
        var host = components?.percentEncodedHost ?? ""
        if host.contains(":"), !host.hasPrefix("[") { host = "[\(host)]" }
        let port = components?.port.map { ":\($0)" } ?? ""
        return "\(baseURL.scheme?.lowercased() ?? "https")://\(host)\(port)"
    }

    /// The base URL's path as sent (percent-encoded), without a final `/`: `/api` for
    /// `https://h/api/`, empty for `https://h`.
    var basePath: String {
        var path = URLComponents(url: baseURL, resolvingAgainstBaseURL: true)?.percentEncodedPath ?? ""
        while path.hasSuffix("/") { path.removeLast() }
        return path
    }
}

/// Turns a contract's secret reference into the secret. Only `${env:NAME}` exists today.
public struct SecretResolver: Sendable {
    private let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// `${env:NAME}` -> `NAME`; nil for anything else.
    public static func variable(of reference: String) -> String? {
        guard reference.hasPrefix("${env:"), reference.hasSuffix("}") else { return nil }
        return String(reference.dropFirst(6).dropLast())
    }

    public func resolve(_ reference: String) throws -> String {
        guard let name = Self.variable(of: reference) else {
            throw AccessRuntimeError.invalidConfiguration("'\(reference)' is not a secret reference such as ${env:NAME}")
        }
        guard let value = environment[name], !value.isEmpty else {
            throw AccessRuntimeError.invalidConfiguration("environment variable \(name) (the signing secret) is not set")
        }
        return value
    }
}
