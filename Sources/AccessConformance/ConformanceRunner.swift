import AccessRuntime
import AccessSpecText
import Foundation

/// Runs a platform's vectors against a live server without a generated client, judging each
/// raw response: what `accessc conform` does.
public struct ConformanceRunner: Sendable {
    /// What a response body breaks of the operation's declared response type; empty when it
    /// fits. Given by the caller, who has the contract's types.
    public typealias ShapeCheck = @Sendable (_ operation: VectorFile.Operation, _ body: JSONValue) -> [LocalizedText]

    public let file: VectorFile
    public let target: ConformanceTarget
    public let transport: any AccessTransport
    public let timeout: Duration
    public let shapeCheck: ShapeCheck

    public init(file: VectorFile, target: ConformanceTarget, transport: any AccessTransport = HTTPClientTransport(), timeout: Duration = .seconds(10), shapeCheck: @escaping ShapeCheck) {
        self.file = file
        self.target = target
        self.transport = transport
        self.timeout = timeout
        self.shapeCheck = shapeCheck
    }

    /// Every vector of the selected operations (all when `operations` is empty), in file order.
    public func run(operations selected: Set<String> = []) async -> [OperationResult] {
        let ownCheck = Self.verifier(for: file, target: target)
        var results: [OperationResult] = []
        for operation in file.operations where selected.isEmpty || selected.contains(operation.id) {
            var outcomes: [TimedOutcome] = []
            for vector in operation.vectors {
                let started = ContinuousClock.now
                let outcome = await run(vector, of: operation, ownCheck: ownCheck)
                outcomes.append(TimedOutcome(outcome: outcome, duration: ContinuousClock.now - started))
            }
            results.append(OperationResult(operation: operation, outcomes: outcomes))
        }
        return results
    }

    private func run(_ vector: VectorFile.Vector, of operation: VectorFile.Operation, ownCheck: RequestVerifier?) async -> VectorOutcome {
        let request = VectorRequest(file: file, operation: operation, vector: vector, target: target)
        let response: HTTPResponseData
        do {
            let built = try request.build()
            if let ownCheck, let problem = Self.carriesItsFault(built, vector, ownCheck) {
                return .failed(vector, LocalizedText(en: "the runner's own request does not mean what the vector says: \(problem.en)",
                                                     zh: "运行器自己构造的请求与测试向量的意图不符：\(problem.zh)"))
            }
            if vector.send.replay { _ = try await transport.send(built, timeout: timeout, maxResponseBytes: 8 << 20) }
            response = try await transport.send(built, timeout: timeout, maxResponseBytes: 8 << 20)
        } catch {
            return .failed(vector, LocalizedText(en: "the request failed: \(error)", zh: "请求失败：\(error)"))
        }
        return judge(response, vector, operation)
    }

    /// The receiver's verifier (the mock's own), keyed as the target: the runner checks each
    /// request with it before sending, so a fault it failed to put in cannot pass for the
    /// server's failure to notice it. Nil when the platform does not sign or the key is unusable.
    static func verifier(for file: VectorFile, target: ConformanceTarget) -> RequestVerifier? {
        guard let signing = file.security.signing, let algorithm = PlatformProfile.SigningAlgorithm(rawValue: signing.algorithm),
              var secret = try? target.secrets.resolve(signing.key) else { return nil }
        if algorithm == .sm2SM3 {
            guard let publicKey = try? AccessCrypto.SM2Key(pem: secret).publicKeyPEM() else { return nil }
            secret = publicKey
        }
        return RequestVerifier(signer: RequestSigner(algorithm: algorithm, secret: secret), signatureHeader: signing.header,
                               accessIdHeader: file.security.accessIdHeader, tokenHeader: file.security.tokenHeader)
    }

    /// Nil when the verifier judges `request` as the vector expects the server to, else why not.
    static func carriesItsFault(_ request: HTTPRequestData, _ vector: VectorFile.Vector, _ verifier: RequestVerifier) -> LocalizedText? {
        let incoming = RequestVerifier.Incoming(method: request.method, target: request.url.requestTarget, headers: request.headers, body: request.body ?? Data())
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var refusal = verifier.verify(incoming, now: now)
        if vector.send.replay, refusal == nil { refusal = verifier.verify(incoming, now: now) }
        switch (vector.check, refusal) {
        case (.missingSignature, .invalidSignature?), (.wrongSignature, .invalidSignature?), (.tamperedAccessId, .invalidSignature?),
             (.staleTimestamp, .expiredRequest?), (.futureTimestamp, .expiredRequest?), (.extremeTimestamp, .expiredRequest?), (.replayedNonce, .expiredRequest?):
            return nil
        case (.missingSignature, _), (.wrongSignature, _), (.tamperedAccessId, _), (.staleTimestamp, _), (.futureTimestamp, _), (.extremeTimestamp, _), (.replayedNonce, _):
            return LocalizedText(en: "the verifier answers \(refusal.map { "\($0)" } ?? "that it is genuine and fresh")",
                                 zh: "校验器的结论是\(refusal.map { " \($0)" } ?? "请求真实且未过期")")
        case (_, nil):
            return nil
        case (_, let refusal?):
            return LocalizedText(en: "the verifier refuses it: \(refusal)", zh: "校验器拒绝了它：\(refusal)")
        }
    }

    func judge(_ response: HTTPResponseData, _ vector: VectorFile.Vector, _ operation: VectorFile.Operation) -> VectorOutcome {
        let expected = VectorOutcome.describe(vector.expect)
        let body = try? JSONDecoder().decode(JSONValue.self, from: response.body)
        let headData = file.security.envelope == "head-data"
        let answer = headData ? body?["head"]?["code"]?.intValue : body?["code"]?.intValue
        let got = Self.describe(response, code: answer, body: body)
        switch vector.expect.outcome {
        case .success:
            guard (200..<300).contains(response.status), !headData || answer == 0 else {
                return .failed(vector, Self.mismatch(expected, got))
            }
            guard operation.response != nil else { return .passed(vector) }
            guard let data = headData ? body?["data"] : body else {
                return .failed(vector, LocalizedText(en: "expected a JSON body of the declared response type, got \(got.en)",
                                                     zh: "应为声明的响应类型的 JSON 报文，实际为 \(got.zh)"))
            }
            let problems = shapeCheck(operation, data)
            let shown = problems.prefix(3)
            return problems.isEmpty ? .passed(vector)
                : .failed(vector, LocalizedText(en: "the response does not match the contract: \(shown.map(\.en).joined(separator: "; "))",
                                                zh: "响应不符合契约：\(shown.map(\.zh).joined(separator: "；"))"))
        case .error:
            guard response.status == vector.expect.status, answer == vector.expect.code else {
                return .failed(vector, Self.mismatch(expected, got))
            }
            return .passed(vector)
        }
    }

    private static func mismatch(_ expected: LocalizedText, _ got: LocalizedText) -> LocalizedText {
        LocalizedText(en: "expected \(expected.en), got \(got.en)", zh: "应为\(expected.zh)，实际为 \(got.zh)")
    }

    private static func describe(_ response: HTTPResponseData, code: Int?, body: JSONValue?) -> LocalizedText {
        if let code, code != 0 { return LocalizedText(en: "HTTP \(response.status) with code \(code)", zh: "HTTP \(response.status)，错误编码 \(code)") }
        if body == nil, !response.body.isEmpty {
            let text = String(decoding: response.body.prefix(80), as: UTF8.self).debugDescription
            return LocalizedText(en: "HTTP \(response.status) with a body that is not JSON (\(text))", zh: "HTTP \(response.status)，报文不是 JSON（\(text)）")
        }
        return LocalizedText(en: "HTTP \(response.status)", zh: "HTTP \(response.status)")
    }
}

public struct TimedOutcome: Sendable {
    public var outcome: VectorOutcome
    public var duration: Duration
}

public struct OperationResult: Sendable {
    public var operation: VectorFile.Operation
    public var outcomes: [TimedOutcome]

    public var passed: Bool { outcomes.allSatisfy(\.outcome.passed) }
}
