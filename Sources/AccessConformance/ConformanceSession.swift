import AccessRuntime
import AccessSpecText
import Foundation

/// One vector run through a generated client, as the generated Swift Testing suites do it:
///
///     let session = try ConformanceSession(file, operation: "exchangeTicket", vector: vector, target: target)
///     let client = Shandong.Client(configuration: session.configuration, transport: session.transport)
///     let outcome = await session.run { try await client.identity.exchangeTicket(session.request(TicketExchangeRequest.self)) }
///     #expect(outcome.passed, "\(outcome)")
public struct ConformanceSession: Sendable {
    public let vectorRequest: VectorRequest

    public init(_ file: VectorFile, operation id: String, vector: VectorFile.Vector, target: ConformanceTarget) throws {
        guard let operation = file.operation(id) else {
            throw VectorFormatError(message: "vectors.json of \(file.platform) has no operation '\(id)'")
        }
        vectorRequest = VectorRequest(file: file, operation: operation, vector: vector, target: target)
    }

    public var configuration: AccessClientConfiguration { vectorRequest.configuration }
    public var transport: any AccessTransport { VectorTransport(vectorRequest) }

    /// The typed request the client sends (the vector's fault, if any, goes in on the way out).
    public func request<Request: Decodable>(_ type: Request.Type) throws -> Request {
        try JSONDecoder().decode(Request.self, from: vectorRequest.clientRequest.encoded())
    }

    /// Calls the operation and judges what happened against the vector's expectation: a
    /// decoded response for a valid request, else the contract error with the expected code.
    public func run(_ call: () async throws -> Void) async -> VectorOutcome {
        let vector = vectorRequest.vector
        let expected = VectorOutcome.describe(vector.expect)
        do {
            try await call()
            return vector.expect.outcome == .success
                ? .passed(vector)
                : .failed(vector, LocalizedText(en: "expected \(expected.en), but the call succeeded", zh: "应为\(expected.zh)，但调用成功了"))
        } catch let error as any AccessContractError {
            if vector.expect.outcome == .error, error.code == vector.expect.code { return .passed(vector) }
            return .failed(vector, LocalizedText(en: "expected \(expected.en), got contract error \(error.code) (\(error))",
                                                 zh: "应为\(expected.zh)，实际为契约错误 \(error.code)（\(error)）"))
        } catch {
            return .failed(vector, LocalizedText(en: "expected \(expected.en), got \(error)", zh: "应为\(expected.zh)，实际为 \(error)"))
        }
    }
}

/// What one vector came to.
public struct VectorOutcome: Sendable, CustomStringConvertible {
    public var vector: VectorFile.Vector
    public var passed: Bool
    /// Why it failed; empty when it passed.
    public var reason: LocalizedText

    public static func passed(_ vector: VectorFile.Vector) -> VectorOutcome { VectorOutcome(vector: vector, passed: true, reason: LocalizedText(en: "", zh: "")) }
    public static func failed(_ vector: VectorFile.Vector, _ reason: LocalizedText) -> VectorOutcome { VectorOutcome(vector: vector, passed: false, reason: reason) }

    public var description: String { passed ? "\(vector.name): passed" : "\(vector.name): \(reason.en)" }

    static func describe(_ expectation: VectorFile.Expectation) -> LocalizedText {
        switch expectation.outcome {
        case .success: return LocalizedText(en: "a successful response", zh: "成功的响应")
        case .error:
            let error = expectation.error ?? "?", code = expectation.code.map(String.init) ?? "?"
            return LocalizedText(en: "error \(error) (code \(code), HTTP \(expectation.status))", zh: "错误 \(error)（错误编码 \(code)，HTTP \(expectation.status)）")
        }
    }
}
