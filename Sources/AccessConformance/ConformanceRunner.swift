import AccessRuntime
import Foundation

/// Runs a platform's vectors against a live server without a generated client, judging each
/// raw response: what `accessc conform` does.
public struct ConformanceRunner: Sendable {
    /// What a response body breaks of the operation's declared response type; empty when it
    /// fits. Given by the caller, who has the contract's types.
    public typealias ShapeCheck = @Sendable (_ operation: VectorFile.Operation, _ body: JSONValue) -> [String]

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
        var results: [OperationResult] = []
        for operation in file.operations where selected.isEmpty || selected.contains(operation.id) {
            var outcomes: [TimedOutcome] = []
            for vector in operation.vectors {
                let started = ContinuousClock.now
                let outcome = await run(vector, of: operation)
                outcomes.append(TimedOutcome(outcome: outcome, duration: ContinuousClock.now - started))
            }
            results.append(OperationResult(operation: operation, outcomes: outcomes))
        }
        return results
    }

    private func run(_ vector: VectorFile.Vector, of operation: VectorFile.Operation) async -> VectorOutcome {
        let request = VectorRequest(file: file, operation: operation, vector: vector, target: target)
        let response: HTTPResponseData
        do {
            response = try await transport.send(request.build(), timeout: timeout, maxResponseBytes: 8 << 20)
        } catch {
            return .failed(vector, "the request failed: \(error)")
        }
        return judge(response, vector, operation)
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
                return .failed(vector, "expected \(expected), got \(got)")
            }
            guard operation.response != nil else { return .passed(vector) }
            guard let data = headData ? body?["data"] : body else {
                return .failed(vector, "expected a JSON body of the declared response type, got \(got)")
            }
            let problems = shapeCheck(operation, data)
            return problems.isEmpty ? .passed(vector) : .failed(vector, "the response does not match the contract: \(problems.prefix(3).joined(separator: "; "))")
        case .error:
            guard response.status == vector.expect.status, answer == vector.expect.code else {
                return .failed(vector, "expected \(expected), got \(got)")
            }
            return .passed(vector)
        }
    }

    private static func describe(_ response: HTTPResponseData, code: Int?, body: JSONValue?) -> String {
        if let code, code != 0 { return "HTTP \(response.status) with code \(code)" }
        if body == nil, !response.body.isEmpty {
            let text = String(decoding: response.body.prefix(80), as: UTF8.self)
            return "HTTP \(response.status) with a body that is not JSON (\(text.debugDescription))"
        }
        return "HTTP \(response.status)"
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
