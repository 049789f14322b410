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
/// supply their own.
public protocol AccessTransport: Sendable {
    func send(_ request: HTTPRequestData, timeout: Duration, maxResponseBytes: Int) async throws -> HTTPResponseData
}

/// The default transport, on AsyncHTTPClient: SwiftNIO underneath, real deadlines, and a
/// response body read with a byte limit instead of buffered whole.
public struct HTTPClientTransport: AccessTransport {
    private let client: HTTPClient

    public init(client: HTTPClient = .shared) {
        self.client = client
    }

    public func send(_ request: HTTPRequestData, timeout: Duration, maxResponseBytes: Int) async throws -> HTTPResponseData {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let seconds = Int64(timeout.components.seconds), attoseconds = timeout.components.attoseconds
        let deadline = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        do {
            let response = try await client.execute(outgoing, timeout: deadline)
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
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw AccessRuntimeError.timedOut
        } catch let error as AccessRuntimeError {
            throw error
        } catch {
            throw AccessRuntimeError.transport(String(describing: error))
        }
    }
}
