import AccessConformance
import AccessRuntime
import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The load side of Benchmarks/mock-load.sh, and its baseline server.
///
///     mock-load send URL VECTORS OPERATION SECONDS MAX_REQUESTS CONNECTIONS
///         sends the operation's first valid vector, freshly signed each time (new timestamp
///         and nonce), from CONNECTIONS concurrent loops over keep-alive connections, until
///         SECONDS pass or MAX_REQUESTS are sent; prints one line of figures.
///     mock-load plain PORT
///         a Hummingbird server that answers every request with a fixed JSON body and checks
///         nothing: what the mock's own work is measured against.
@main
struct MockLoad {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        switch arguments.first {
        case "send" where arguments.count == 7:
            let values = Array(arguments.dropFirst())
            try await send(url: values[0], vectors: values[1], operation: values[2],
                           seconds: Double(values[3])!, maxRequests: Int(values[4])!, connections: Int(values[5])!)
        case "plain" where arguments.count == 2:
            try await plain(port: Int(arguments.last!)!)
        default:
            FileHandle.standardError.write(Data("usage: mock-load send URL VECTORS OPERATION SECONDS MAX_REQUESTS CONNECTIONS | mock-load plain PORT\n".utf8))
            exit(2)
        }
    }

    static func send(url: String, vectors: String, operation id: String, seconds: Double, maxRequests: Int, connections: Int) async throws {
        let file = try VectorFile.load(from: Data(contentsOf: URL(fileURLWithPath: vectors)))
        guard let operation = file.operation(id), let vector = operation.vectors.first(where: { $0.check == .validRequest }) else {
            throw VectorFormatError(message: "\(vectors) has no valid vector for \(id)")
        }
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connections
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let request = VectorRequest(file: file, operation: operation, vector: vector, target: ConformanceTarget(baseURL: URL(string: url)!))
        let transport = HTTPClientTransport(client: client)
        let counter = Counter(limit: maxRequests)
        let started = ContinuousClock.now
        let deadline = started + .milliseconds(Int(seconds * 1000))

        let loops = try await withThrowingTaskGroup(of: LoopResult.self) { group in
            for _ in 0..<connections {
                group.addTask {
                    var result = LoopResult()
                    while ContinuousClock.now < deadline, counter.take() {
                        let sent = ContinuousClock.now
                        do {
                            let response = try await transport.send(try request.build(), timeout: .seconds(10), maxResponseBytes: 1 << 20)
                            if (200..<300).contains(response.status) { result.ok += 1 } else { result.refused[response.status, default: 0] += 1 }
                        } catch {
                            result.failed += 1
                        }
                        result.latencies.append(ContinuousClock.now - sent)
                    }
                    return result
                }
            }
            var all: [LoopResult] = []
            for try await loop in group { all.append(loop) }
            return all
        }
        let elapsed = ContinuousClock.now - started
        try await client.shutdown()

        let total = loops.reduce(0) { $0 + $1.ok + $1.failed + $1.refused.values.reduce(0, +) }
        let latencies = loops.flatMap(\.latencies).sorted()
        func percentile(_ p: Double) -> String {
            guard !latencies.isEmpty else { return "-" }
            let value = latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
            return String(format: "%.2f", Double(value.components.attoseconds) / 1e15 + Double(value.components.seconds) * 1000)
        }
        let refused = loops.reduce(into: [Int: Int]()) { sum, loop in loop.refused.forEach { sum[$0.key, default: 0] += $0.value } }
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("requests=\(total) seconds=\(String(format: "%.2f", wall)) rps=\(Int(Double(total) / wall)) ok=\(loops.reduce(0) { $0 + $1.ok }) non2xx=\(refused.values.reduce(0, +)) transport_errors=\(loops.reduce(0) { $0 + $1.failed }) p50_ms=\(percentile(0.5)) p99_ms=\(percentile(0.99))\(refused.isEmpty ? "" : " statuses=\(refused.sorted { $0.key < $1.key })")")
    }

    static func plain(port: Int) async throws {
        let body = ByteBuffer(string: #"{"ok":true}"#)
        let responder = CallbackResponder { (_: Request, _: BasicRequestContext) in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: ResponseBody(byteBuffer: body))
        }
        let app = Application(responder: responder, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
                              onServerRunning: { _ in FileHandle.standardError.write(Data("plain server listening on \(port)\n".utf8)) })
        try await app.runService()
    }
}

struct LoopResult: Sendable {
    var ok = 0
    var failed = 0
    var refused: [Int: Int] = [:]
    var latencies: [Duration] = []
}

/// Hands out at most `limit` requests across the loops.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int

    init(limit: Int) { remaining = limit }

    func take() -> Bool {
        lock.withLock {
            guard remaining > 0 else { return false }
            remaining -= 1
            return true
        }
    }
}
