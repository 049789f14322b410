import AccessSpecCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Serves one platform's contract over HTTP/1.1 with Hummingbird: every request goes through
/// `MockPlatform`, with optional latency, and is logged in one line.
public struct MockServer: Sendable {
    public var host: String
    public var port: Int
    /// Added before every answer, for testing clients' deadlines.
    public var latency: Duration
    /// Bodies above this are refused with 413 before they are read whole.
    public var maxBodyBytes: Int
    public let platform: MockPlatform
    /// Receives one line per request.
    public let log: @Sendable (String) -> Void

    public init(platform: MockPlatform, host: String = "127.0.0.1", port: Int = 8080, latency: Duration = .zero, maxBodyBytes: Int = 8 << 20, log: @escaping @Sendable (String) -> Void) {
        self.platform = platform
        self.host = host
        self.port = port
        self.latency = latency
        self.maxBodyBytes = maxBodyBytes
        self.log = log
    }

    /// Runs until SIGINT or SIGTERM, then finishes the requests in flight and returns.
    /// `onListening` gets the bound port (useful with port 0).
    public func run(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onListening: onListening).runService(gracefulShutdownSignals: [.sigint, .sigterm])
    }

    /// Runs until the calling task is cancelled: for servers inside a test process.
    public func runUntilCancelled(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onListening: onListening).runUntilCancelled()
    }

    private func application(onListening: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        var logger = Logger(label: "accessc.mock")
        logger.logLevel = .warning
        return Application(
            responder: MockResponder(server: self),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "accessc-mock"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}

extension ApplicationProtocol {
    /// Serves until the calling task is cancelled, then shuts down gracefully (requests in flight
    /// finish) instead of tearing the channels down, which Hummingbird logs as errors: a
    /// deliberate stop is not a failure.
    public func runUntilCancelled() async throws {
        let group = ServiceGroup(configuration: .init(services: [self], gracefulShutdownSignals: [], logger: logger))
        // The group runs in a task of its own, which the caller's cancellation does not reach;
        // that cancellation asks the group to shut down instead.
        let serving = Task { try await group.run() }
        try await withTaskCancellationHandler {
            try await serving.value
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
    }
}

struct MockResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let server: MockServer

    func respond(to request: Hummingbird.Request, context: BasicRequestContext) async throws -> Hummingbird.Response {
        let started = ContinuousClock.now
        let answer: MockPlatform.Response
        do {
            let buffer = try await request.body.collect(upTo: server.maxBodyBytes)
            let incoming = MockPlatform.Request(
                method: request.method.rawValue, target: request.uri.string,
                headers: request.headers.map { ($0.name.rawName, $0.value) }, body: Data(buffer.readableBytesView))
            answer = server.platform.respond(to: incoming, now: Int64(Date().timeIntervalSince1970 * 1000))
        } catch {
            answer = server.platform.bodyTooLarge(limit: server.maxBodyBytes)
        }
        if server.latency > .zero { try await Task.sleep(for: server.latency) }
        let elapsed = ContinuousClock.now - started
        let tenths = elapsed.components.seconds * 10_000 + elapsed.components.attoseconds / 100_000_000_000_000
        let time = Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        server.log("\(time) \(request.method.rawValue) \(request.uri.string) \(answer.operation ?? "-") \(answer.status) \(tenths / 10).\(tenths % 10)ms \(answer.summary)")
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if let allow = answer.allow { headers[.allow] = allow }
        return Hummingbird.Response(status: HTTPResponse.Status(code: answer.status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
