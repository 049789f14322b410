import AccessMock
import AccessRuntime
import AccessSpecCore
import Foundation
import Testing

/// The mock's decisions, driven without sockets: requests built by the runtime's
/// RequestBuilder, answered by MockPlatform.
struct MockTests {
    static let secret = "mock-test-secret"

    func shandong(_ options: MockPlatform.Options = .init()) throws -> MockPlatform {
        let ir = try Workspace.ir()
        return try MockPlatform(platform: ir.platforms.first { $0.id == "shandong" }!, settings: ir.settings, verificationKey: Self.secret, options: options)
    }

    /// A request as the Shandong client sends it, at `now`, with a chosen nonce.
    func request(_ method: String, _ path: String, _ json: String, nonce: String = UUID().uuidString, timestamp: String? = nil, now: Int64, sign: Bool = true) throws -> MockPlatform.Request {
        let configuration = AccessClientConfiguration(
            baseURL: URL(string: "http://127.0.0.1:1")!, accessId: "tester", accessToken: "token",
            secrets: SecretResolver(environment: ["SHANDONG_APP_SECRET": Self.secret]))
        let profile = PlatformProfile(envelope: .plain, signing: .init(algorithm: .hmacSM3, header: "X-Signature", keyReference: "${env:SHANDONG_APP_SECRET}"),
                                      accessIdHeader: "X-Access-Id", tokenHeader: "X-Access-Token")
        let built = try RequestBuilder(configuration: configuration, profile: profile)
            .build(OperationDescriptor(id: "", method: method, path: path, idempotent: false), json: Data(json.utf8), timestamp: timestamp ?? String(now), nonce: nonce)
        let target = String(built.url.absoluteString.dropFirst("http://127.0.0.1:1".count))
        return MockPlatform.Request(method: method, target: target, headers: built.headers.filter { sign || $0.name != "X-Signature" }, body: built.body ?? Data())
    }

    func json(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static let now: Int64 = 1_732_000_000_000

    @Test func answersAValidRequestWithTheMatchingExample() throws {
        let mock = try shandong()
        let answer = mock.respond(to: try request("GET", "/items/v1/items/{itemCode}", #"{"itemCode":"00010600300037010000002"}"#, now: Self.now), now: Self.now)
        #expect(answer.status == 200, "\(answer.summary)")
        #expect(answer.operation == "getItemDetail")
        #expect(try json(answer.body)["itemCode"] as? String == "00010600300037010000002")
    }

    @Test func aPostPathParameterMustSayWhatTheBodySays() throws {
        let ir = try Workspace.ir()
        var platform = try #require(ir.platforms.first { $0.id == "shandong" })
        let index = try #require(platform.areas.identity?.operations.firstIndex { $0.method == .POST && $0.examples.first?.request?["ticket"] != nil })
        let operation = platform.areas.identity!.operations[index]
        platform.areas.identity!.operations[index].path = operation.path + "/{ticket}"
        platform.areas.identity!.operations[index].pathParameters = ["ticket"]
        let mock = try MockPlatform(platform: platform, settings: ir.settings, verificationKey: Self.secret)
        let example = try #require(operation.examples.first?.request)
        let body = String(decoding: example.encoded(), as: UTF8.self)
        let valid = try request("POST", operation.path + "/{ticket}", body, now: Self.now)
        #expect(mock.respond(to: valid, now: Self.now).status == 200)
        var mismatch = try request("POST", operation.path + "/{ticket}", body, now: Self.now)
        mismatch.target = operation.path + "/other-ticket"
        let answer = mock.respond(to: try resigned(mismatch), now: Self.now)
        #expect(answer.status == 400 && answer.summary.contains("the path gives ticket"), "\(answer.summary)")
    }

    @Test func aBodyThatRepeatsAMemberNameIsRefused() throws {
        #expect(JSONValue.repeatedMemberName(in: Data(#"{"a":1,"b":{"a":2},"a":3}"#.utf8)) == "a")
        #expect(JSONValue.repeatedMemberName(in: Data(#"{"a":1,"\u0061":2}"#.utf8)) == "a")
        #expect(JSONValue.repeatedMemberName(in: Data(#"{"\u00e9":1,"e\u0301":2}"#.utf8)) != nil)
        #expect(JSONValue.repeatedMemberName(in: Data(#"{"a":"x\"a\":","b":[{"a":1},{"a":2}]}"#.utf8)) == nil)
        let mock = try shandong()
        let path = "/items/v1/items/{itemCode}", body = #"{"itemCode":"00010600300037010000002"}"#
        var request = try request("GET", path, body, now: Self.now)
        request.body = Data(#"{"x":1,"x":2}"#.utf8)
        let answer = mock.respond(to: try resigned(request), now: Self.now)
        #expect(answer.status == 400 && answer.summary.contains("repeats the member name 'x'"), "\(answer.summary)")
    }

    @Test func routesAParameterInsideASegment() throws {
        let ir = try Workspace.ir()
        var platform = try #require(ir.platforms.first { $0.id == "shandong" })
        let items = try #require(platform.areas.items)
        let index = try #require(items.operations.firstIndex { $0.id == "getItemDetail" })
        platform.areas.items!.operations[index].path = "/items/v1/items/{itemCode}.json"
        let mock = try MockPlatform(platform: platform, settings: ir.settings, verificationKey: Self.secret)
        let answer = mock.respond(to: try request("GET", "/items/v1/items/{itemCode}.json", #"{"itemCode":"00010600300037010000002"}"#, now: Self.now), now: Self.now)
        #expect(answer.status == 200, "\(answer.summary)")
        #expect(answer.operation == "getItemDetail")
        let missing = mock.respond(to: try request("GET", "/items/v1/items/{itemCode}", #"{"itemCode":"00010600300037010000002"}"#, now: Self.now), now: Self.now)
        #expect(missing.status == 404)
    }

    @Test func refusesUnsignedReplayedAndStaleRequestsWithTheContractsErrors() throws {
        let mock = try shandong()
        let path = "/items/v1/items/{itemCode}", body = #"{"itemCode":"00010600300037010000002"}"#

        let unsigned = mock.respond(to: try request("GET", path, body, now: Self.now, sign: false), now: Self.now)
        #expect(unsigned.status == 401)
        #expect(try json(unsigned.body)["code"] as? Int == 40102)

        let once = try request("GET", path, body, nonce: "replayed-nonce-0001", now: Self.now)
        #expect(mock.respond(to: once, now: Self.now).status == 200)
        let replayed = mock.respond(to: once, now: Self.now + 1000)
        #expect(try json(replayed.body)["code"] as? Int == 40103)
        #expect(replayed.summary.contains("used before"))
        // Remembered for as long as its timestamp is inside the window, and no longer needed after.
        #expect(mock.respond(to: once, now: Self.now + 299_000).summary.contains("used before"))
        #expect(mock.respond(to: once, now: Self.now + 301_000).summary.contains("old"))

        let stale = mock.respond(to: try request("GET", path, body, now: Self.now - 600_000), now: Self.now)
        #expect(try json(stale.body)["code"] as? Int == 40103)
    }

    @Test func refusesFutureAndUnreadableTimestampsWithoutTrapping() throws {
        let mock = try shandong()
        let path = "/items/v1/items/{itemCode}", body = #"{"itemCode":"00010600300037010000002"}"#
        let ahead = mock.respond(to: try request("GET", path, body, now: Self.now + 120_000), now: Self.now)
        #expect(ahead.status == 401 && ahead.summary.contains("ahead"), "\(ahead.summary)")
        #expect(mock.respond(to: try request("GET", path, body, now: Self.now + 30_000), now: Self.now).status == 200)
        // Signed correctly, so that only the timestamp is wrong.
        for timestamp in ["-9223372036854775808", "9223372036854775807", "99999999999999999999", "", "１２３", "1e3", "+1", " 1"] {
            let answer = mock.respond(to: try request("GET", path, body, timestamp: timestamp, now: Self.now), now: Self.now)
            let code = try json(answer.body)["code"] as? Int
            #expect(answer.status == 401 && code == 40103, "\(timestamp.debugDescription): \(answer.summary)")
        }
        for now in [Int64.min, Int64.max, 0] {
            #expect(mock.respond(to: try request("GET", path, body, now: Self.now), now: now).status == 401)
        }
    }

    @Test func theSignatureBindsTheCallerTheTargetAndTheBody() throws {
        let mock = try shandong()
        let path = "/items/v1/items/{itemCode}", body = #"{"itemCode":"00010600300037010000002"}"#
        func tampered(_ change: (inout MockPlatform.Request) -> Void) throws -> MockPlatform.Response {
            var request = try request("GET", path, body, now: Self.now)
            change(&request)
            return mock.respond(to: request, now: Self.now)
        }
        let id = try tampered { $0.headers = $0.headers.map { $0.name == "X-Access-Id" ? ($0.name, "intruder") : $0 } }
        #expect(id.status == 401 && id.summary.contains("does not verify"), "\(id.summary)")
        let token = try tampered { $0.headers = $0.headers.map { $0.name == "X-Access-Token" ? ($0.name, "stolen") : $0 } }
        #expect(token.summary.contains("does not verify"))
        let target = try tampered { $0.target = "/base" + $0.target }
        #expect(target.status == 404 || target.summary.contains("does not verify"))
        let query = try tampered { $0.target += "?extra=1" }
        #expect(query.summary.contains("does not verify"))
        let newline = try tampered { $0.headers = $0.headers.map { $0.name == "X-Access-Id" ? ($0.name, $0.value + "\nGET") : $0 } }
        #expect(newline.status == 400, "\(newline.summary)")
    }

    @Test func duplicateSignedHeadersAndRepeatedQueryNamesAreRefused() throws {
        let mock = try shandong()
        let path = "/items/v1/items/{itemCode}", body = #"{"itemCode":"00010600300037010000002"}"#
        var twice = try request("GET", path, body, now: Self.now)
        twice.headers.append(("X-Access-Id", "intruder"))
        let duplicate = mock.respond(to: twice, now: Self.now)
        #expect(duplicate.status == 400 && duplicate.summary.contains("more than once"), "\(duplicate.summary)")
        // A name given twice for one value, signed as sent so that only the query is wrong.
        var health = try request("GET", "/ops/v1/health", #"{"verbose":true}"#, now: Self.now)
        health.target += "&verbose=false"
        let repeated = mock.respond(to: try resigned(health), now: Self.now)
        #expect(repeated.status == 400 && repeated.summary.contains("more than once"), "\(repeated.summary)")
        var pathAgain = try request("GET", path, body, now: Self.now)
        pathAgain.target += "?itemCode=00010600300037010000003"
        let again = mock.respond(to: try resigned(pathAgain), now: Self.now)
        #expect(again.status == 400 && again.summary.contains("path parameter"), "\(again.summary)")
    }

    /// The request signed again over its target and headers as they now are.
    func resigned(_ request: MockPlatform.Request) throws -> MockPlatform.Request {
        var request = request
        func header(_ name: String) -> String { request.headers.first { $0.name == name }?.value ?? "" }
        let parts = SignedParts(method: request.method, target: request.target, accessId: header("X-Access-Id"), token: header("X-Access-Token"),
                                timestamp: header("X-Timestamp"), nonce: header("X-Nonce"), body: request.body)
        let signature = try RequestSigner(algorithm: .hmacSM3, secret: Self.secret).signature(parts)
        request.headers = request.headers.map { $0.name == "X-Signature" ? ($0.name, signature) : $0 }
        return request
    }

    @Test func aFullNonceMemoryRefusesRatherThanForgets() throws {
        let mock = try shandong(.init(nonceMemoryBytes: 300))
        let path = "/items/v1/items/{itemCode}", body = #"{"itemCode":"00010600300037010000002"}"#
        var statuses: [Int] = []
        for _ in 0..<4 { statuses.append(mock.respond(to: try request("GET", path, body, now: Self.now), now: Self.now).status) }
        #expect(statuses.prefix(2).allSatisfy { $0 == 200 })
        #expect(statuses.last == 503)
    }

    @Test func checksFieldsAgainstTheRequestType() throws {
        let mock = try shandong()
        // getDownloadAddress, its example with the licence id's check character changed.
        let operation = try #require(mock.platform.areas.allOperations.first { $0.id == "getDownloadAddress" })
        guard case .object(var fields)? = operation.examples.first?.request, case .string(let id)? = fields["certIdentifier"] else {
            Issue.record("the example has no certIdentifier")
            return
        }
        fields["certIdentifier"] = .string(String(id.dropLast()) + (id.last == "0" ? "1" : "0"))
        let body = String(decoding: try JSONEncoder().encode(JSONValue.object(fields)), as: UTF8.self)
        let answer = mock.respond(to: try request("POST", operation.path, body, now: Self.now), now: Self.now)
        #expect(answer.status == 400)
        let json = try json(answer.body)
        #expect(json["code"] as? Int == 40001)
        #expect((json["detail"] as? String)?.contains("request.certIdentifier") == true, "\(json)")
        #expect((json["detail"] as? String)?.contains("MOD 37,36") == true, "\(json)")
    }

    @Test func answersOutsideTheContractWith404And405() throws {
        let mock = try shandong()
        #expect(mock.respond(to: try request("GET", "/nowhere", "{}", now: Self.now), now: Self.now).status == 404)
        #expect(mock.respond(to: try request("DELETE", "/identity/v1/token", "{}", now: Self.now), now: Self.now).status == 405)
    }

    @Test func failsTheRequestedShareWithTheUnavailableError() throws {
        let all = try shandong(.init(failureRate: 1))
        let answer = all.respond(to: try request("GET", "/items/v1/items/{itemCode}", #"{"itemCode":"00010600300037010000002"}"#, now: Self.now), now: Self.now)
        #expect(answer.status == 503)
        #expect(try json(answer.body)["code"] as? Int == 50301)

        let half = try shandong(.init(failureRate: 0.5, seed: 7))
        var failed = 0
        for _ in 0..<200 {
            let answer = half.respond(to: try request("GET", "/items/v1/items/{itemCode}", #"{"itemCode":"00010600300037010000002"}"#, now: Self.now), now: Self.now)
            if answer.status == 503 { failed += 1 }
        }
        #expect((60...140).contains(failed), "\(failed) of 200 failed at --fail-rate 0.5")
    }

    @Test func enforcesTheOperationsRateLimitPerCaller() throws {
        let ir = try Workspace.ir()
        let national = try #require(ir.platforms.first { $0.id == "national" })
        let limited = try #require(national.areas.allOperations.first { $0.rateLimit?.per == .second && $0.method == .GET && $0.examples.first?.request != nil })
        let limit = try #require(limited.rateLimit).requests
        // An unsigned copy of the platform, so that plain requests reach the limiter.
        var platform = national
        platform.areas.security?.settings.signing = nil
        let mock = try MockPlatform(platform: platform, settings: ir.settings, verificationKey: nil)
        let body = String(decoding: try JSONEncoder().encode(limited.examples[0].request!), as: UTF8.self)
        var statuses: [Int] = []
        for _ in 0...limit {
            statuses.append(mock.respond(to: try request("GET", limited.path, body, now: Self.now), now: Self.now).status)
        }
        #expect(statuses.dropLast().allSatisfy { $0 == 200 }, "\(statuses)")
        let refused = mock.respond(to: try request("GET", limited.path, body, now: Self.now), now: Self.now)
        #expect(refused.status == 429)
        #expect(try json(refused.body)["code"] as? Int == 42901)
        // The next second opens a new window.
        #expect(mock.respond(to: try request("GET", limited.path, body, now: Self.now + 1000), now: Self.now + 1000).status == 200)
        let unlimited = try MockPlatform(platform: platform, settings: ir.settings, verificationKey: nil, options: .init(rateLimits: false))
        for _ in 0...(limit + 1) {
            #expect(unlimited.respond(to: try request("GET", limited.path, body, now: Self.now), now: Self.now).status == 200)
        }
    }

    @Test func refusesToStartWithoutTheVerificationKey() throws {
        let ir = try Workspace.ir()
        #expect(throws: MockError.self) {
            try MockPlatform(platform: ir.platforms.first { $0.id == "shandong" }!, settings: ir.settings, verificationKey: nil)
        }
    }
}

enum Workspace {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let specs = repository.appendingPathComponent("specs").path

    static func ir() throws -> WorkspaceIR {
        try #require(compiled)
    }

    private static let compiled: WorkspaceIR? = Compiler.compile(workspaceAt: specs).ir
}
