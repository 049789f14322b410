import AccessRuntime
import Foundation
import NationalClient
import Testing

/// The team's own test: the plugin-generated client of the national hub, called against
/// `accessc mock` of the hub's contract on loopback, signing with SM2 as the contract says.
/// ACCESSC names the accessc executable (`.ci/run` sets it); without it the test is skipped.
struct NationalClientTests {
    static let accessc = ProcessInfo.processInfo.environment["ACCESSC"]
    static let specs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../../specs").standardizedFileURL.path

    @Test(.enabled(if: accessc != nil, "set ACCESSC to an accessc executable (with accessc-serve beside it) to run against its mock"))
    func verifiesLicenceDataAgainstTheMock() async throws {
        let key = try AccessCrypto.SM2Key.generate()
        let environment = ["NATIONAL_SIGNING_KEY": try key.privateKeyPEM()]
        let (mock, port) = try Self.startMock(environment: environment)
        defer { mock.interrupt(); mock.waitUntilExit() }

        let configuration = AccessClientConfiguration(
            baseURL: URL(string: "http://127.0.0.1:\(port)")!, accessId: "AH-340000-0001", accessToken: "3f9c2a7e8b1d4c6f",
            secrets: SecretResolver(environment: environment), allowInsecureLoopback: true)
        let client = National.Client(configuration: configuration)
        let result = try await client.license.verifyLicenseData(.init(
            head: .init(accessId: "AH-340000-0001", accessToken: "3f9c2a7e8b1d4c6f"),
            certTypeCode: "11100000000013338W011", holder: "山东云启科技有限公司", holderCode: "91370100MA3C5K7X2A",
            certNo: "91370100MA3C5K7X2A", useCause: "企业跨省设立分支机构, 核验总公司营业执照"))
        #expect(result.matched)
        #expect(result.status == .valid)

        // The client checks identifiers before anything is sent.
        await #expect(throws: AccessRuntimeError.self) {
            _ = try await client.license.verifyLicenseData(.init(
                head: .init(accessId: "AH-340000-0001", accessToken: "3f9c2a7e8b1d4c6f"),
                certTypeCode: "not-a-type-code", holder: "x", holderCode: "91370100MA3C5K7X2A", certNo: "1", useCause: "核验"))
        }
    }

    /// Starts `accessc mock` on a free port and reads the port it announces.
    static func startMock(environment: [String: String]) throws -> (Process, Int) {
        let mock = Process()
        mock.executableURL = URL(fileURLWithPath: accessc!)
        mock.arguments = ["mock", specs, "--platform", "national", "--port", "0"]
        mock.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let err = Pipe()
        mock.standardError = err
        mock.standardOutput = FileHandle.nullDevice
        try mock.run()
        var announced = ""
        while !announced.contains("; Ctrl-C") {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            announced += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = announced.range(of: #"127\.0\.0\.1:([0-9]+)"#, options: .regularExpression),
              let port = Int(announced[range].split(separator: ":").last ?? "") else {
            mock.terminate()
            throw MockDidNotStart(output: announced)
        }
        return (mock, port)
    }

    struct MockDidNotStart: Error { var output: String }
}
