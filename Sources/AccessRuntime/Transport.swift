import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

public struct HTTPRequestData: Sendable, Equatable {
    public var method: String
    public var url: URL
    public var headers: [(name: String, value: String)]
    public var body: Data?

    public init(method: String, url: URL, headers: [(name: String, value: String)], body: Data?) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map { "\($0.name): \($0.value)" } == rhs.headers.map { "\($0.name): \($0.value)" }
    }
}

public struct HTTPResponseData: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Sends one HTTP request. The default is `HTTPClientTransport`; tests and other stacks can
/// supply their own. A transport must not follow redirects: a signed request's signature binds
/// its target, so a followed redirect is either refused there or hands the credentials to a
/// server the caller never named.
public protocol AccessTransport: Sendable {
    func send(_ request: HTTPRequestData, timeout: Duration, maxResponseBytes: Int) async throws -> HTTPResponseData
}

/// The default transport, on AsyncHTTPClient: SwiftNIO underneath, one deadline for the whole
/// exchange (connect, send, head and body), a response body read with a byte limit instead of
/// buffered whole, and redirects never followed but reported as `AccessRuntimeError.redirected`.
public struct HTTPClientTransport: AccessTransport {
    private let client: HTTPClient

    /// One client for the whole process, so that connections are pooled across callers. It
    /// lives as long as the process, as `HTTPClient.shared` does, and is never shut down.
    private static let sharedClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        // Bodies are read as sent: a compressed body could expand past maxResponseBytes' intent.
        configuration.decompression = .disabled
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// The shared client, which never follows redirects.
    public init() {
        client = Self.sharedClient
    }

    /// A client of the caller's own (its pool, its TLS settings). Configure it with
    /// `redirectConfiguration: .disallow`: a redirect it follows anyway is still refused, but
    /// only after the request went to the redirect's target.
    public init(client: HTTPClient) {
        self.client = client
    }

    public func send(_ request: HTTPRequestData, timeout: Duration, maxResponseBytes: Int) async throws -> HTTPResponseData {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            return try await Self.within(timeout) { [outgoing] in
                try await exchange(outgoing, maxResponseBytes: maxResponseBytes)
            }
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw AccessRuntimeError.timedOut
        } catch let error as AccessRuntimeError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw AccessRuntimeError.transport(String(describing: error))
        }
    }

    /// Connect, send, read the head and the whole body.
    private func exchange(_ outgoing: HTTPClientRequest, maxResponseBytes: Int) async throws -> HTTPResponseData {
        // No deadline here: `within` cancels this task, and AsyncHTTPClient's own deadline
        // would end with the head, leaving the body unbounded.
        let response = try await client.execute(outgoing, deadline: .distantFuture)
        if let redirect = Self.redirect(in: response) { throw redirect }
        let body: ByteBuffer
        do {
            body = try await response.body.collect(upTo: maxResponseBytes)
        } catch is NIOTooManyBytesError {
            throw AccessRuntimeError.responseTooLarge(limit: maxResponseBytes)
        }
        return HTTPResponseData(
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: Data(body.readableBytesView))
    }

    /// A 3xx answer, or a redirect a caller-supplied client followed, as the error that names
    /// where it pointed. The body is not read.
    private static func redirect(in response: HTTPClientResponse) -> AccessRuntimeError? {
        if response.history.count > 1, let first = response.history.first {
            return .redirected(status: Int(first.responseHead.status.code), location: response.history[1].request.url)
        }
        guard (300..<400).contains(response.status.code) else { return nil }
        return .redirected(status: Int(response.status.code), location: response.headers.first(name: "Location"))
    }

    /// Runs `operation` and cancels it at the deadline, wherever it is (connecting, waiting for
    /// the head, reading the body): cancelling the task closes the connection.
    static func within<Value: Sendable>(_ timeout: Duration, _ operation: @escaping @Sendable () async throws -> Value) async throws -> Value {
        try await withThrowingTaskGroup(of: Value.self) { group in
            group.addTask(operation: operation)
            group.addTask {
                try await Task.sleep(for: timeout)
                throw AccessRuntimeError.timedOut
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}
