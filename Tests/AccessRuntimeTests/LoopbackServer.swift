import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A real HTTP server on 127.0.0.1 and an ephemeral port, for driving generated clients:
/// it records each request and answers with whatever the test's responder says.
final class LoopbackServer: Sendable {
    struct Request: Sendable {
        var method: String
        var uri: String
        var headers: [(String, String)]
        var body: Data

        func header(_ name: String) -> String? {
            headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
        }
    }

    struct Response: Sendable {
        var status: Int = 200
        var body: Data = Data("{}".utf8)
        var delay: TimeAmount = .zero
        /// Headers besides Content-Type and Content-Length (a redirect's Location).
        var headers: [(String, String)] = []
        /// Announced instead of the body's size. When larger, the body is sent and the server
        /// then stalls with the response unfinished for `stall`, as a server that hangs
        /// mid-body, and closes the connection.
        var contentLength: Int?
        /// Sends the body one byte at a time, this far apart, as a server that dribbles.
        var byteInterval: TimeAmount?

        static let stall = TimeAmount.seconds(5)

        static func json(_ text: String, status: Int = 200) -> Response {
            Response(status: status, body: Data(text.utf8))
        }
    }

    typealias Responder = @Sendable (Request) -> Response

    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let channel: any Channel
    private let log = NIOLockedValueBox<[Request]>([])
    private let accepted = NIOLockedValueBox(0)
    let port: Int

    init(_ responder: @escaping Responder) throws {
        let log = self.log, accepted = self.accepted
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                accepted.withLockedValue { $0 += 1 }
                return channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(responder: responder, log: log))
                }
            }
        channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        port = channel.localAddress!.port!
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    var requests: [Request] { log.withLockedValue { $0 } }
    /// Connections accepted, whether or not a whole request arrived on them.
    var connections: Int { accepted.withLockedValue { $0 } }

    func shutdown() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let responder: Responder
        let log: NIOLockedValueBox<[Request]>
        var head: HTTPRequestHead?
        var body = Data()

        init(responder: @escaping Responder, log: NIOLockedValueBox<[Request]>) {
            self.responder = responder
            self.log = log
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = Data()
            case .body(var buffer):
                body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
            case .end:
                guard let head else { return }
                let request = Request(method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) }, body: body)
                log.withLockedValue { $0.append(request) }
                let response = responder(request)
                let reply = { [self] in
                    var headers = HTTPHeaders()
                    headers.add(name: "Content-Type", value: "application/json")
                    headers.add(name: "Content-Length", value: String(response.contentLength ?? response.body.count))
                    for (name, value) in response.headers { headers.add(name: name, value: value) }
                    let status = HTTPResponseStatus(statusCode: response.status)
                    context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
                    let finishes = response.body.count >= (response.contentLength ?? 0)
                    guard let interval = response.byteInterval else {
                        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
                        if finishes {
                            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                        } else {
                            context.eventLoop.scheduleTask(in: Response.stall) { context.close(promise: nil) }
                        }
                        return
                    }
                    for (index, byte) in response.body.enumerated() {
                        context.eventLoop.scheduleTask(in: .nanoseconds(interval.nanoseconds * Int64(index + 1))) { [self] in
                            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: [byte])))), promise: nil)
                            if finishes, index == response.body.count - 1 { context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil) }
                        }
                    }
                }
                if response.delay == .zero {
                    reply()
                } else {
                    context.eventLoop.scheduleTask(in: response.delay) { reply() }
                }
            }
        }
    }
}
