import AccessRuntime
import AccessSpecCore
import Foundation

/// One platform's contract as a server sees it: which operation a request is for, whether it
/// may pass (signature, replay window, credentials, fields), and what to answer. Pure apart
/// from the nonce memory, so tests drive it without sockets.
public final class MockPlatform: Sendable {
    public struct Options: Sendable {
        /// How old a timestamp may be, in seconds.
        public var replayWindowSeconds: Int
        /// How far ahead of the mock's clock a timestamp may be, in seconds.
        public var clockSkewSeconds: Int
        /// The share of valid requests answered with the `unavailable` error, 0...1.
        public var failureRate: Double
        /// Seeds the choice of failed requests, so a run can be repeated.
        public var seed: UInt64
        /// Whether operations' `rateLimit`s are enforced (per access id).
        public var rateLimits: Bool
        /// The most the nonce memory may hold, in bytes.
        public var nonceMemoryBytes: Int

        public init(replayWindowSeconds: Int = 300, clockSkewSeconds: Int = 60, failureRate: Double = 0, seed: UInt64 = 1, rateLimits: Bool = true,
                    nonceMemoryBytes: Int = 64 << 20) {
            self.replayWindowSeconds = min(max(0, replayWindowSeconds), 86_400 * 365)
            self.clockSkewSeconds = min(max(0, clockSkewSeconds), 86_400 * 365)
            self.failureRate = failureRate.isNaN ? 0 : min(1, max(0, failureRate))
            self.seed = seed
            self.rateLimits = rateLimits
            self.nonceMemoryBytes = nonceMemoryBytes
        }
    }

    public struct Request: Sendable {
        public var method: String
        /// The path and query exactly as received: what the signature covers.
        public var target: String
        public var headers: [(name: String, value: String)]
        public var body: Data

        public init(method: String, target: String, headers: [(name: String, value: String)], body: Data) {
            self.method = method
            self.target = target
            self.headers = headers
            self.body = body
        }

        func header(_ name: String) -> String? {
            let wanted = name.lowercased()
            return headers.first { $0.name.lowercased() == wanted }?.value
        }
    }

    public struct Response: Sendable {
        public var status: Int
        public var body: Data
        /// The operation matched, if any.
        public var operation: String?
        /// What the answer means, for the request log: `ok`, or the error and why.
        public var summary: String
        /// For 405: the methods the path takes (the `Allow` header RFC 9110 requires).
        public var allow: String? = nil
    }

    public let platform: PlatformIR
    private let settings: WorkspaceSettings
    private let options: Options
    private let verifier: RequestVerifier?
    private let checker: IRValueChecker
    private let errors: [ErrorCondition: ErrorIR]
    private let routes: RouteTable
    private let types: TypeTable
    private let successBodies: [String: SuccessBodies]
    private let limiter = RateLimiter()
    private let failures: FailureDice

    /// `verificationKey` is what checks signatures: the shared secret for HMAC, the sender's
    /// public (or private) key PEM for SM2. Required when the platform signs.
    public init(platform: PlatformIR, settings: WorkspaceSettings, verificationKey: String?, options: Options = Options()) throws {
        self.platform = platform
        self.settings = settings
        self.options = options
        let security = platform.areas.security?.settings
        let auth = security?.auth ?? SecuritySettings.Auth()
        if let signing = security?.signing {
            guard let key = verificationKey, !key.isEmpty else {
                throw MockError("\(platform.id) signs requests with \(signing.algorithm.rawValue); the mock needs the key \(signing.key) to verify them")
            }
            guard let algorithm = PlatformProfile.SigningAlgorithm(rawValue: signing.algorithm.rawValue) else {
                throw MockError("unknown signing algorithm \(signing.algorithm.rawValue)")
            }
            var secret = key
            if algorithm == .sm2SM3 {
                // Verifying needs only the public half; a private key is reduced to it.
                secret = try AccessCrypto.SM2Key(pem: key).publicKeyPEM()
            }
            verifier = RequestVerifier(
                signer: RequestSigner(algorithm: algorithm, secret: secret), signatureHeader: signing.header,
                accessIdHeader: auth.accessIdHeader, tokenHeader: auth.tokenHeader,
                options: .init(window: Int64(options.replayWindowSeconds) * 1000, futureSkew: Int64(options.clockSkewSeconds) * 1000,
                               nonceMemoryBytes: options.nonceMemoryBytes))
        } else {
            verifier = nil
        }
        checker = IRValueChecker(types: platform.types, settings: settings)
        errors = Dictionary(platform.errors.compactMap { error in error.condition.map { ($0, error) } }, uniquingKeysWith: { first, _ in first })
        routes = RouteTable(platform.areas.allOperations)
        types = TypeTable(platform.types)
        let synthesizer = ValueSynthesizer(types: platform.types, settings: settings)
        let headData = platform.areas.security?.settings.envelope == .headData
        successBodies = Dictionary(platform.areas.allOperations.map { ($0.id, Self.successBodies($0, synthesizer: synthesizer, headData: headData)) },
                                   uniquingKeysWith: { first, _ in first })
        failures = FailureDice(seed: options.seed)
    }

    private var headData: Bool { platform.areas.security?.settings.envelope == .headData }
    private var auth: SecuritySettings.Auth { platform.areas.security?.settings.auth ?? SecuritySettings.Auth() }

    /// The answer to `request` at `now` (milliseconds since 1970).
    public func respond(to request: Request, now: Int64) -> Response {
        let (path, query) = Self.split(request.target)
        let candidates = routes.candidates(path)
        guard !candidates.isEmpty else {
            return outsideContract(404, "no operation of \(platform.id) has the path \(path)")
        }
        guard let (route, pathValues) = candidates.first(where: { $0.0.operation.method.rawValue == request.method }) else {
            let allowed = candidates.map(\.0.operation.method.rawValue).joined(separator: ", ")
            var answer = outsideContract(405, "\(path) takes \(allowed), not \(request.method)")
            answer.allow = allowed
            return answer
        }
        let operation = route.operation

        // The signature and freshness come first, over the bytes as received: nothing of the
        // body is read before the request is known to be genuine and new.
        if let verifier, let refusal = verifier.verify(RequestVerifier.Incoming(method: request.method, target: request.target, headers: request.headers, body: request.body), now: now) {
            switch refusal {
            case .invalidRequest(let detail): return fail(.invalidRequest, operation, detail)
            case .invalidSignature(let detail): return fail(.invalidSignature, operation, detail)
            case .expiredRequest(let detail): return fail(.expiredRequest, operation, detail)
            case .unavailable(let detail): return fail(.unavailable, operation, detail)
            }
        }

        var body: JSONValue? = nil
        if !request.body.isEmpty {
            guard let parsed = try? JSONDecoder().decode(JSONValue.self, from: request.body) else {
                return fail(.invalidRequest, operation, "the body is not JSON")
            }
            if let name = JSONValue.repeatedMemberName(in: request.body) {
                return fail(.invalidRequest, operation, "the body repeats the member name '\(name)'")
            }
            body = parsed
        }
        let head = headData ? body?["head"] : nil
        if verifier != nil, let head {
            // The head repeats the replay headers; they must say the same.
            for (key, header) in [("timestamp", ReplayHeaders.timestamp), ("nonce", ReplayHeaders.nonce)] {
                // As text: a JSON string with the same characters, or an integer of that decimal form.
                if let value = head[key], value != .string(request.header(header) ?? ""), value.intValue.map(String.init) != request.header(header) {
                    return fail(.invalidRequest, operation, "head.\(key) differs from the \(header) header")
                }
            }
        }

        let accessId = headData && head != nil ? head?["accessId"]?.stringValue : request.header(auth.accessIdHeader)
        guard let accessId, !accessId.isEmpty else {
            return fail(.invalidToken, operation, "no access id (\(headData ? "head.accessId" : auth.accessIdHeader))")
        }
        if platform.requiresToken(operation) {
            let token = headData && head != nil ? head?["accessToken"]?.stringValue : request.header(auth.tokenHeader)
            guard let token, !token.isEmpty else {
                return fail(.invalidToken, operation, "no access token (\(headData ? "head.accessToken" : auth.tokenHeader))")
            }
        }

        let fields: JSONValue
        if ["GET", "DELETE"].contains(request.method) {
            do {
                fields = try route.fields(query: query, pathValues: pathValues, types: types)
            } catch {
                return fail(.invalidRequest, operation, error.description)
            }
        } else {
            let object = headData ? body?["data"] ?? .object([:]) : body ?? .object([:])
            // The body is the whole request record; a path parameter must say the same as it.
            if case .object(let entries) = object {
                for (name, value) in pathValues.sorted(by: { $0.key < $1.key }) {
                    let fromPath = route.typed(value, field: name, types: types)
                    guard let inBody = entries[name], inBody.encoded() == fromPath.encoded() else {
                        let said = entries[name].map { "says \(String(decoding: $0.encoded(), as: UTF8.self))" } ?? "leaves it out"
                        return fail(.invalidRequest, operation, "the path gives \(name) '\(value)' but the body \(said)")
                    }
                }
            }
            fields = object
        }
        if let requestType = operation.request {
            let violations = checker.check(fields, against: requestType, at: "request")
            if let first = violations.first {
                let more = violations.count > 1 ? " (and \(violations.count - 1) more)" : ""
                return fail(.invalidRequest, operation, first.description + more)
            }
        }

        if options.rateLimits, let limit = operation.rateLimit, !limiter.admit("\(operation.id) \(accessId)", limit: limit, at: now) {
            return fail(.rateLimited, operation, "more than \(limit.requests) requests per \(limit.per.rawValue) from '\(accessId)'")
        }
        if options.failureRate > 0, failures.roll() < options.failureRate {
            return fail(.unavailable, operation, "failed on purpose (--fail-rate \(options.failureRate))")
        }
        return success(operation, answering: fields)
    }

    // MARK: Answers

    private func success(_ operation: OperationIR, answering fields: JSONValue) -> Response {
        let answers = successBodies[operation.id]
        let body = answers?.byRequest.first { $0.request == fields }?.body ?? answers?.fallback ?? Data("{}".utf8)
        return Response(status: 200, body: body, operation: operation.id, summary: "ok")
    }

    /// The answers of an operation, encoded once: per example request, and the default (the
    /// first example's response, else a value made from the response type).
    struct SuccessBodies: Sendable {
        var byRequest: [(request: JSONValue, body: Data)]
        var fallback: Data
    }

    private static func successBodies(_ operation: OperationIR, synthesizer: ValueSynthesizer, headData: Bool) -> SuccessBodies {
        func wrapped(_ data: JSONValue) -> Data {
            (headData ? .object(["head": .object(["code": .integer(0), "message": .string("成功")]), "data": data]) : data).encoded()
        }
        let answered = operation.examples.compactMap { example in example.response.map { (example.request ?? .object([:]), $0) } }
        let fallback = answered.first?.1 ?? operation.response.flatMap { synthesizer.value(of: $0) } ?? .object([:])
        return SuccessBodies(byRequest: answered.map { ($0.0, wrapped($0.1)) }, fallback: wrapped(fallback))
    }

    private func fail(_ condition: ErrorCondition, _ operation: OperationIR, _ detail: String) -> Response {
        let status: Int, code: Int, message: String, name: String
        if let error = errors[condition] {
            (status, code, message, name) = (error.http, error.code, error.message, error.name)
        } else {
            // The catalogue declares no error for the condition: answer with the HTTP status alone.
            status = condition.defaultStatus
            (code, message, name) = (status, "\(condition.rawValue) (the contract declares no error for it)", condition.rawValue)
        }
        let error: JSONValue = .object(["code": .integer(code), "message": .string(message), "detail": .string(detail)])
        let body: JSONValue = headData ? .object(["head": error]) : error
        return Response(status: status, body: body.encoded(), operation: operation.id, summary: "\(name): \(detail)")
    }

    private func outsideContract(_ status: Int, _ detail: String) -> Response {
        Response(status: status, body: JSONValue.object(["message": .string(detail)]).encoded(), operation: nil, summary: detail)
    }

    /// A body over the server's limit: the `invalid-request` error's body, with HTTP 413.
    public func bodyTooLarge(limit: Int) -> Response {
        let error = errors[.invalidRequest]
        let detail = "the body is larger than \(limit) bytes"
        let fields: JSONValue = .object(["code": .integer(error?.code ?? 413), "message": .string(error?.message ?? "payload too large"), "detail": .string(detail)])
        return Response(status: 413, body: (headData ? .object(["head": fields]) : fields).encoded(), operation: nil, summary: "body too large: \(detail)")
    }

    static func split(_ target: String) -> (path: Substring, query: Substring) {
        guard let mark = target.firstIndex(of: "?") else { return (target[...], "") }
        return (target[..<mark], target[target.index(after: mark)...])
    }
}

public struct MockError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Fixed windows per operation and caller: a limit of N per minute admits N requests in each
/// minute of the clock.
final class RateLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private var windows: [String: (start: Int64, count: Int)] = [:]

    func admit(_ key: String, limit: RateLimit, at now: Int64) -> Bool {
        let length: Int64 = switch limit.per {
        case .second: 1000
        case .minute: 60_000
        case .hour: 3_600_000
        case .day: 86_400_000
        }
        let start = now - now % length
        return lock.withLock {
            // Callers are many only when someone invents access ids; old windows then go.
            if windows.count > 100_000 { windows = windows.filter { $0.value.start >= start } }
            var window = windows[key] ?? (start, 0)
            if window.start != start { window = (start, 0) }
            guard window.count < limit.requests else { return false }
            window.count += 1
            windows[key] = window
            return true
        }
    }
}

/// A seeded generator (SplitMix64): which requests fail is the same in every run.
final class FailureDice: @unchecked Sendable {
    private let lock = NSLock()
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A number in 0..<1.
    func roll() -> Double {
        lock.lock()
        defer { lock.unlock() }
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}
