import AccessMock
import AccessServeDriver
import AccessSpecDriver
import Foundation
import Testing

/// `accessc conform` sends plain http only to a loopback address literal, judged by parsing
/// the host, and refuses anything else before it sends a byte.
struct ConformBaseURLTests {
    static let platform = "hefei"

    /// Runs conform at `baseURL(port)` for one operation, against a mock listening on `host`;
    /// returns the status, what conform wrote to stderr and the requests the mock saw.
    func conform(mockOn host: String = "127.0.0.1", _ baseURL: (Int) -> String) async throws -> (status: CommandStatus, stderr: String, served: [String]) {
        let ir = try Workspace.ir()
        let platform = try #require(ir.platforms.first { $0.id == Self.platform })
        let operation = try #require(platform.areas.allOperations.first).id
        let keys = try ConformTests.keys(for: platform)
        let served = RecordingConsole()  // the mock's log: one line per request
        let mock = MockServer(platform: try MockPlatform(platform: platform, settings: ir.settings, verificationKey: keys.verification),
                              host: host, port: 0, log: { served.out($0 + "\n") })
        var result: (CommandStatus, String)?
        try await ConformTests.serving({ try await mock.runUntilCancelled(onListening: $0) }) { port in
            let console = RecordingConsole()
            var options = ConformCommandOptions(platform: Self.platform, baseURL: baseURL(port))
            options.operations = [operation]
            let status = await Commands(console: console).conform(workspace: Workspace.specs, options: options, report: ReportOptions(), environment: keys.environment)
            result = (status, console.stderr)
        }
        let (status, stderr) = try #require(result)
        return (status, stderr, served.stdout.split(separator: "\n").map(String.init))
    }

    /// Each of these names the mock's port, and `localhost` and `0177.0.0.1` would reach it.
    @Test(arguments: ["http://localhost", "http://127.0.0.1.example.com", "http://10.0.0.1", "http://0177.0.0.1"])
    func plainHTTPToAnythingButALoopbackAddressIsAUsageError(_ origin: String) async throws {
        let run = try await conform { "\(origin):\($0)" }
        #expect(run.status == .usage)
        #expect(run.stderr.contains("error: --base-url: base URL \(origin)"), "\(run.stderr)")
        #expect(run.stderr.contains("is not https"), "\(run.stderr)")
        #expect(run.served.isEmpty, "nothing is sent before the base URL is judged")
    }

    @Test func plainHTTPToIPv4LoopbackIsAllowed() async throws {
        let run = try await conform { "http://127.0.0.1:\($0)" }
        #expect(run.status == .success, "\(run.stderr)")
        #expect(!run.served.isEmpty)
    }

    @Test func plainHTTPToIPv6LoopbackIsAllowed() async throws {
        let run = try await conform(mockOn: "::1") { "http://[::1]:\($0)" }
        #expect(run.status == .success, "\(run.stderr)")
        #expect(!run.served.isEmpty)
    }
}
