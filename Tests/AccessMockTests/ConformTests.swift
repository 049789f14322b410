import AccessConformance
import AccessMock
import AccessRuntime
import AccessSpecCore
import AccessServeDriver
import AccessSpecDriver
import AccessSpecGenerators
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HTTPTypes
import Hummingbird
import Testing

/// `accessc conform` as a user runs it: against the mock it passes; against a server that
/// breaks the contract it fails with a report that says how.
struct ConformTests {
    /// Keys for a platform's signing scheme: what clients sign with, what the mock verifies with.
    static func keys(for platform: PlatformIR) throws -> (environment: [String: String], verification: String?) {
        guard let signing = platform.areas.security?.settings.signing else { return ([:], nil) }
        let name = String(signing.key.dropFirst("${env:".count).dropLast())
        if signing.algorithm == .sm2SM3 {
            let key = try AccessCrypto.SM2Key.generate()
            return ([name: try key.privateKeyPEM()], try key.publicKeyPEM())
        }
        return ([name: "conform-test-secret"], "conform-test-secret")
    }

    /// Runs `body` with a server on a free loopback port, then stops it.
    static func serving(_ run: @escaping @Sendable (@escaping @Sendable (Int) async -> Void) async throws -> Void,
                        _ body: (Int) async throws -> Void) async throws {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = Task { try await run { continuation.yield($0) } }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        try await body(port)
    }

    func conform(_ platform: String, port: Int, environment: [String: String], junit: String? = nil,
                 report: ReportOptions = ReportOptions()) async -> (CommandStatus, RecordingConsole) {
        let console = RecordingConsole()
        var options = ConformCommandOptions(platform: platform, baseURL: "http://127.0.0.1:\(port)")
        options.junit = junit
        let status = await Commands(console: console).conform(workspace: Workspace.specs, options: options, report: report, environment: environment)
        return (status, console)
    }

    @Test(arguments: ["anhui", "hefei", "icbc-mobile", "national", "samr", "shandong"])
    func passesAgainstTheMock(_ id: String) async throws {
        let ir = try Workspace.ir()
        let platform = try #require(ir.platforms.first { $0.id == id })
        let keys = try Self.keys(for: platform)
        let mock = MockServer(platform: try MockPlatform(platform: platform, settings: ir.settings, verificationKey: keys.verification), port: 0, log: { _ in })
        let junit = FileManager.default.temporaryDirectory.appendingPathComponent("conform-\(id)-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: junit) }
        try await Self.serving({ try await mock.runUntilCancelled(onListening: $0) }) { port in
            let (status, console) = await conform(id, port: port, environment: keys.environment, junit: junit.path)
            #expect(status == .success, "\(console.stdout)\(console.stderr)")
            #expect(console.stdout.contains(" 0 failed"))
            let xml = try Data(contentsOf: junit)
            #expect(XMLParser(data: xml).parse())
            let text = String(decoding: xml, as: UTF8.self)
            #expect(!text.contains("<failure"))
            #expect(text.components(separatedBy: "<testcase ").count - 1 == (console.stdout.split(separator: "\n").last.flatMap { Int($0.split(separator: " ")[0]) } ?? -1))
        }
    }

    /// The national `{head, data}` envelope end to end: credentials in the body's head, answers
    /// wrapped in it. Hefei's contract, switched to that envelope in a copy of the workspace.
    @Test func passesAgainstTheMockInTheHeadDataEnvelope() async throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("head-data-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Workspace.specs, toPath: copy.path)
        defer { try? FileManager.default.removeItem(at: copy) }
        let hefei = copy.appendingPathComponent("hefei.yaml")
        let text = try String(contentsOf: hefei, encoding: .utf8)
        try text.replacingOccurrences(of: "\nsecurity:\n", with: "\nsecurity:\n  envelope: head-data\n").write(to: hefei, atomically: true, encoding: .utf8)

        let ir = try #require(Compiler.compile(workspaceAt: copy.path).ir)
        let platform = try #require(ir.platforms.first { $0.id == "hefei" })
        #expect(platform.areas.security?.settings.envelope == .headData)
        let mock = MockServer(platform: try MockPlatform(platform: platform, settings: ir.settings, verificationKey: "head-data-secret"), port: 0, log: { _ in })
        try await Self.serving({ try await mock.runUntilCancelled(onListening: $0) }) { port in
            let console = RecordingConsole()
            let status = await Commands(console: console).conform(
                workspace: copy.path, options: ConformCommandOptions(platform: "hefei", baseURL: "http://127.0.0.1:\(port)"),
                report: ReportOptions(), environment: ["HEFEI_APP_SECRET": "head-data-secret"])
            #expect(status == .success, "\(console.stdout)\(console.stderr)")
            #expect(console.stdout.contains("PASS  missing-token"))
        }
    }

    @Test func failsReadablyAgainstAServerThatBreaksTheContract() async throws {
        // Accepts everything, checks nothing, answers `{}`.
        let lax = CallbackResponder { (_: Request, _: BasicRequestContext) in
            Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: "{}")))
        }
        try await Self.serving({ onListening in
            let server = Application(responder: lax, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                                     onServerRunning: { await onListening($0.localAddress?.port ?? 0) })
            try await server.runUntilCancelled()
        }) { port in
            try await checkLaxServerReport(port: port)
        }
    }

    func checkLaxServerReport(port: Int) async throws {
        let junit = FileManager.default.temporaryDirectory.appendingPathComponent("conform-lax-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: junit) }
        let (status, console) = await conform("hefei", port: port, environment: ["HEFEI_APP_SECRET": "s"], junit: junit.path)
        #expect(status == .failure)
        let report = console.stdout
        #expect(report.contains("FAIL  missing-signature (SEC003)"), "\(report)")
        #expect(report.contains("x missing-signature: expected error INVALID_SIGNATURE (code 40102, HTTP 401), got HTTP 200"))
        #expect(report.contains("x stale-timestamp: expected error REQUEST_EXPIRED (code 40103, HTTP 401), got HTTP 200"))
        #expect(report.contains("the response does not match the contract: response."), "valid requests get '{}', which lacks required fields")
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.contains(#"<failure message="expected error INVALID_SIGNATURE"#))
        #expect(xml.contains(#"type="missing-signature SEC003""#))

        // The same run for a reader of Chinese (`--lang zh`): the report and its JUnit file.
        let (_, chinese) = await conform("hefei", port: port, environment: ["HEFEI_APP_SECRET": "s"], junit: junit.path,
                                         report: ReportOptions(language: .zh, reportLanguage: .zh))
        let zh = chinese.stdout
        #expect(zh.contains("hefei 在 http://127.0.0.1:\(port) 的一致性测试："), "\(zh)")
        #expect(zh.contains("失败  missing-signature (SEC003)"), "\(zh)")
        #expect(zh.contains("x missing-signature: 应为错误 INVALID_SIGNATURE（错误编码 40102，HTTP 401），实际为 HTTP 200"), "\(zh)")
        #expect(zh.contains("响应不符合契约：response."), "\(zh)")
        #expect(zh.contains("个测试向量：") && zh.contains("个失败"))
        for english in ["expected", "got ", "passed,", "vectors:", "operations:", "checks:", "does not match"] {
            #expect(!zh.contains(english), "\(english) in \(zh)")
        }
        #expect(try String(contentsOf: junit, encoding: .utf8).contains(#"<failure message="应为错误 INVALID_SIGNATURE"#))
    }

    /// `--latency` as a client under test meets it: calls past their deadline time out.
    @Test func latencyMakesImpatientClientsTimeOut() async throws {
        let ir = try Workspace.ir()
        let platform = try #require(ir.platforms.first { $0.id == "hefei" })
        let mock = MockServer(platform: try MockPlatform(platform: platform, settings: ir.settings, verificationKey: "latency-secret"),
                              port: 0, latency: .milliseconds(400), log: { _ in })
        let file = try ConformanceVectors.vectors(for: platform, settings: ir.settings)
        try await Self.serving({ try await mock.runUntilCancelled(onListening: $0) }) { port in
            let target = ConformanceTarget(baseURL: URL(string: "http://127.0.0.1:\(port)")!, secrets: SecretResolver(environment: ["HEFEI_APP_SECRET": "latency-secret"]))
            let impatient = ConformanceRunner(file: file, target: target, timeout: .milliseconds(100)) { _, _ in [] }
            let outcomes = await impatient.run(operations: ["getItemDetail"]).flatMap(\.outcomes).map(\.outcome)
            #expect(!outcomes.isEmpty && outcomes.allSatisfy { !$0.passed && $0.reason.en.contains("timed out") }, "\(outcomes)")
            let patient = ConformanceRunner(file: file, target: target, timeout: .seconds(5)) { _, _ in [] }
            #expect(await patient.run(operations: ["getItemDetail"]).allSatisfy(\.passed))
        }
    }

    @Test func refusesABadBaseURLAndAMissingKey() async throws {
        let console = RecordingConsole()
        let bad = await Commands(console: console).conform(workspace: Workspace.specs, options: ConformCommandOptions(platform: "hefei", baseURL: "ftp://x"), report: ReportOptions(), environment: [:])
        #expect(bad == .usage)
        let (missing, output) = await conform("hefei", port: 1, environment: [:])
        #expect(missing == .failure)
        #expect(output.stderr.contains("set HEFEI_APP_SECRET"))
    }
}

/// A server that verifies signatures but keeps no nonces and reads no timestamps: the replay,
/// future and extreme timestamp vectors fail it, and nothing else does.
struct ReplayProtectionTests {
    struct SignatureOnlyServer: AccessTransport {
        let signer: RequestSigner
        let unsigned: MockPlatform

        func send(_ request: HTTPRequestData, timeout: Duration, maxResponseBytes: Int) async throws -> HTTPResponseData {
            let parts = SignedParts(method: request.method, target: request.url.requestTarget, accessId: request.header("X-Access-Id") ?? "",
                                    token: request.header("X-Access-Token") ?? "", timestamp: request.header("X-Timestamp") ?? "",
                                    nonce: request.header("X-Nonce") ?? "", body: request.body ?? Data())
            guard let signature = request.header("X-Signature"), (try? signer.verify(signature, parts)) == true else {
                return HTTPResponseData(status: 401, body: Data(#"{"code":40102,"message":"签名无效"}"#.utf8))
            }
            let answer = unsigned.respond(to: MockPlatform.Request(method: request.method, target: request.url.requestTarget, headers: request.headers, body: request.body ?? Data()),
                                          now: Int64(Date().timeIntervalSince1970 * 1000))
            return HTTPResponseData(status: answer.status, body: answer.body)
        }
    }

    @Test func conformFailsAServerWithoutReplayProtection() async throws {
        let ir = try Workspace.ir()
        var platform = try #require(ir.platforms.first { $0.id == "hefei" })
        let file = try ConformanceVectors.vectors(for: platform, settings: ir.settings)
        platform.areas.security?.settings.signing = nil
        let server = SignatureOnlyServer(signer: RequestSigner(algorithm: .hmacSM3, secret: "lax-secret"),
                                         unsigned: try MockPlatform(platform: platform, settings: ir.settings, verificationKey: nil))
        let target = ConformanceTarget(baseURL: URL(string: "https://hefei.example.gov.cn")!, secrets: SecretResolver(environment: ["HEFEI_APP_SECRET": "lax-secret"]))
        let outcomes = await ConformanceRunner(file: file, target: target, transport: server) { _, _ in [] }.run().flatMap(\.outcomes).map(\.outcome)
        let failed = Set(outcomes.filter { !$0.passed }.map(\.vector.check))
        #expect(failed == [.replayedNonce, .futureTimestamp, .extremeTimestamp, .staleTimestamp], "\(outcomes.filter { !$0.passed })")
        #expect(outcomes.contains { $0.vector.check == .tamperedAccessId && $0.passed })
        let replay = try #require(outcomes.first { $0.vector.check == .replayedNonce })
        #expect(replay.reason.en.contains("expected error REQUEST_EXPIRED"), "\(replay.reason)")
    }
}
