import AccessMock
import AccessRuntime
import AccessSpecCore
import Foundation

// Shared by the libFuzzer harness Fuzz/Sources/fuzz-mock (through a symbolic link) and the
// regression tests of its findings, so that a reproducer goes through exactly the fuzzed path.

/// One fuzz input for the mock: a byte choosing the platform, a byte of flags, then a raw
/// HTTP/1.1 request (request line, header lines, an empty line, the body), parsed tolerantly.
struct MockFuzzInput {
    struct Flags: OptionSet {
        let rawValue: UInt8
        /// Sign the parsed request with the platform's key (replacing any signature header),
        /// so that the fuzzer gets past the signature to replay, fields and answers.
        static let sign = Flags(rawValue: 1)
        /// Set X-Timestamp to the harness's clock.
        static let stampNow = Flags(rawValue: 2)
        /// Add an X-Nonce when the request has none.
        static let addNonce = Flags(rawValue: 4)
        /// Send the request twice to one mock: the second must not pass a signing platform's replay check.
        static let sendTwice = Flags(rawValue: 8)
    }

    var platformChoice: UInt8
    var flags: Flags
    var request: MockPlatform.Request

    init(_ bytes: [UInt8]) {
        platformChoice = bytes.first ?? 0
        flags = Flags(rawValue: bytes.count > 1 ? bytes[1] : 0)
        let raw = Array(bytes.dropFirst(2))
        // The head ends at the first empty line (CRLF or bare LF); without one, all is head.
        var headEnd = raw.count, bodyStart = raw.count
        var index = 0
        while index < raw.count {
            if raw[index] == 0x0A {
                if index + 1 < raw.count, raw[index + 1] == 0x0A { headEnd = index; bodyStart = index + 2; break }
                if index + 2 < raw.count, raw[index + 1] == 0x0D, raw[index + 2] == 0x0A { headEnd = index; bodyStart = index + 3; break }
            }
            index += 1
        }
        // Split on the bytes: as Characters, "\r\n" is one grapheme and never equals "\n".
        let lines = raw[..<headEnd].split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { String(decoding: $0.last == 0x0D ? $0.dropLast() : $0, as: UTF8.self)[...] }
        let requestLine = lines.first.map { $0.split(separator: " ", omittingEmptySubsequences: true) } ?? []
        let method = requestLine.first.map(String.init) ?? "GET"
        let target = requestLine.count > 1 ? String(requestLine[1]) : "/"
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                            String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
        }
        request = MockPlatform.Request(method: method, target: target, headers: headers, body: Data(raw[bodyStart...]))
    }
}

/// The platforms the mock harness serves, built from the committed IR with fixed keys.
struct MockFuzzPlatforms {
    /// The harness's clock: 2026-01-01T00:00:00Z in milliseconds.
    static let now: Int64 = 1_767_225_600_000
    static let hmacSecret = "fuzz-hmac-secret"
    static let nonce = "fuzz-nonce-0001-abcdef"

    struct Subject {
        var name: String
        var platform: PlatformIR
        /// The HMAC secret, or the SM2 private key PEM (the mock reduces it to its public half).
        var key: String?
        var signer: RequestSigner?
    }

    let settings: WorkspaceSettings
    let subjects: [Subject]

    /// hefei and shandong sign with HMAC-SM3, national and anhui with SM2; hefei and national
    /// also in the national head-data envelope, which no contract of specs/ uses yet.
    static let choices: [(name: String, platform: String, headData: Bool)] = [
        ("hefei", "hefei", false), ("shandong", "shandong", false), ("national", "national", false),
        ("anhui", "anhui", false), ("hefei-head-data", "hefei", true), ("national-head-data", "national", true),
    ]

    /// `root` is the repository: it reads the IR in generated/ir and the SM2 test key.
    init(root: String) throws {
        let ir = try WorkspaceIR.read(from: URL(fileURLWithPath: "\(root)/generated/ir"))
        let sm2Key = try String(contentsOfFile: "\(root)/Tests/FuzzRegressions/sm2-test-key.pem", encoding: .utf8)
        settings = ir.settings
        subjects = try Self.choices.map { choice in
            guard var platform = ir.platforms.first(where: { $0.id == choice.platform }) else {
                throw MockFuzzError("no platform \(choice.platform) in generated/ir")
            }
            if choice.headData { platform.areas.security?.settings.envelope = .headData }
            var subject = Subject(name: choice.name, platform: platform)
            if let signing = platform.areas.security?.settings.signing,
               let algorithm = PlatformProfile.SigningAlgorithm(rawValue: signing.algorithm.rawValue) {
                subject.key = algorithm == .sm2SM3 ? sm2Key : Self.hmacSecret
                subject.signer = RequestSigner(algorithm: algorithm, secret: subject.key!)
            }
            return subject
        }
    }

    /// The platform and the request the input stands for, with its flags applied.
    func prepare(_ input: MockFuzzInput) -> (Subject, MockPlatform.Request) {
        let subject = subjects[Int(input.platformChoice) % subjects.count]
        var request = input.request
        func replace(_ name: String, with value: String) {
            request.headers.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
            request.headers.append((name, value))
        }
        func header(_ name: String) -> String? {
            request.headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        if input.flags.contains(.stampNow) { replace(ReplayHeaders.timestamp, with: String(Self.now)) }
        if input.flags.contains(.addNonce), header(ReplayHeaders.nonce) == nil { replace(ReplayHeaders.nonce, with: Self.nonce) }
        let auth = subject.platform.areas.security?.settings.auth ?? SecuritySettings.Auth()
        if input.flags.contains(.sign), let signer = subject.signer, let signing = subject.platform.areas.security?.settings.signing,
           let signature = try? signer.signature(SignedParts(
               method: request.method, target: request.target, accessId: header(auth.accessIdHeader) ?? "", token: header(auth.tokenHeader) ?? "",
               timestamp: header(ReplayHeaders.timestamp) ?? "", nonce: header(ReplayHeaders.nonce) ?? "", body: request.body)) {
            replace(signing.header, with: signature)
        }
        return (subject, request)
    }

    /// Serves the input to a new mock (so that nonces and rate limits do not carry over from
    /// other inputs) and returns its answers and any broken promise about them.
    func run(_ bytes: [UInt8]) throws -> (responses: [MockPlatform.Response], problems: [String]) {
        let input = MockFuzzInput(bytes)
        let (subject, request) = prepare(input)
        let mock = try MockPlatform(platform: subject.platform, settings: settings, verificationKey: subject.key)
        var responses = [mock.respond(to: request, now: Self.now)]
        if input.flags.contains(.sendTwice) { responses.append(mock.respond(to: request, now: Self.now)) }
        var problems: [String] = []
        for response in responses {
            if !(100...599).contains(response.status) { problems.append("HTTP status \(response.status)") }
            if (try? JSONSerialization.jsonObject(with: response.body, options: [.fragmentsAllowed])) == nil {
                problems.append("HTTP \(response.status) with a body that is not JSON: \(String(decoding: response.body, as: UTF8.self))")
            }
        }
        if responses.count == 2, subject.signer != nil, responses[0].status == 200, responses[1].status == 200 {
            problems.append("\(subject.name) accepted the same signed request twice: \(responses[1].summary)")
        }
        return (responses, problems)
    }
}

struct MockFuzzError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
