import AccessMock
import Foundation
import Testing

/// The mock's fuzz harness (Fuzz/Sources/fuzz-mock) reads its input through MockFuzzInput.swift,
/// which these tests share: that its flags do get a request past the signature, and the inputs
/// it found breaking the mock (Tests/FuzzRegressions/mock/), fed through the same path.
struct MockFuzzRegressionTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = repository.appendingPathComponent("Tests/FuzzRegressions/mock")

    static func input(_ choice: Int, _ flags: MockFuzzInput.Flags, _ request: String) -> [UInt8] {
        [UInt8(choice), flags.rawValue] + Array(request.utf8)
    }

    static let health = "GET /ops/v1/health HTTP/1.1\r\nX-Access-Id: fuzz-access-id\r\nX-Access-Token: fuzz-access-token\r\n\r\n"

    @Test func theSignFlagGetsARequestPastTheSignatureOnEveryPlatform() throws {
        let platforms = try MockFuzzPlatforms(root: Self.repository.path)
        for choice in MockFuzzPlatforms.choices.indices {
            let (responses, problems) = try platforms.run(Self.input(choice, [.sign, .stampNow, .addNonce, .sendTwice], Self.health))
            let name = MockFuzzPlatforms.choices[choice].name
            #expect(problems.isEmpty, "\(name): \(problems)")
            #expect(responses.map(\.status) == [200, 401], "\(name): \(responses.map(\.summary))")
            #expect(responses.last?.summary.contains("was used before") == true, "\(name): \(responses.map(\.summary))")
        }
    }

    @Test func withoutTheSignFlagTheSignatureIsChecked() throws {
        let platforms = try MockFuzzPlatforms(root: Self.repository.path)
        let (responses, _) = try platforms.run(Self.input(2, [.stampNow, .addNonce], Self.health + "X-Signature: AAAA\r\n"))
        #expect(responses.map(\.status) == [401])
    }

    static var reproducers: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Every kept input gets an answer the contract allows, in the process itself; the inputs
    /// that still crash the mock are tested below, in a process of their own.
    @Test(arguments: reproducers.filter { !$0.hasPrefix("crash-") })
    func reproducerIsAnsweredWithinTheContract(_ name: String) throws {
        let platforms = try MockFuzzPlatforms(root: Self.repository.path)
        let (responses, problems) = try platforms.run([UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name))))
        #expect(problems.isEmpty, "\(name): \(problems)")
        #expect(!responses.isEmpty)
    }

    /// MockPlatform.respond checks the replay window with `abs(now - sent)`, which overflows for
    /// an X-Timestamp near Int64.min. The fuzzer has not reached it through a verified signature
    /// yet, so whether it traps is unproven: the request runs in a child process, and a failure
    /// is a known, intermittent issue until the mock (being rewritten elsewhere) checks the
    /// window without overflow. The answer must be REQUEST_EXPIRED (HTTP 401).
    @Test func anExtremeTimestampIsAnsweredNotTrapped() async {
        await withKnownIssue("MockPlatform.swift: abs(now - sent) may overflow for an X-Timestamp near Int64.min", isIntermittent: true) {
            await #expect(processExitsWith: .success) {
                let platforms = try MockFuzzPlatforms(root: MockFuzzRegressionTests.repository.path)
                let bytes = try [UInt8](Data(contentsOf: MockFuzzRegressionTests.folder.appendingPathComponent("crash-extreme-timestamp")))
                let (responses, problems) = try platforms.run(bytes)
                guard problems.isEmpty, responses.map(\.status) == [401] else { exit(1) }
            }
        }
    }
}
