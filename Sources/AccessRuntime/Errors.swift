/// What can go wrong in a call, apart from the contract's own errors (which each generated
/// client throws as its platform's `ContractError`).
public enum AccessRuntimeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The configuration cannot be used: a non-https base URL, a secret that is not set.
    case invalidConfiguration(String)
    /// A request field fails its format or constraint; nothing was sent.
    case invalidField(path: String, reason: String)
    case transport(String)
    case timedOut
    case responseTooLarge(limit: Int)
    /// A status or body the contract does not describe.
    case unexpectedResponse(status: Int, body: String)
    case decoding(String)

    public var description: String {
        switch self {
        case .invalidConfiguration(let reason): "invalid client configuration: \(reason)"
        case .invalidField(let path, let reason): "request field '\(path)' is invalid: \(reason); nothing was sent"
        case .transport(let reason): "transport failed: \(reason)"
        case .timedOut: "the call timed out"
        case .responseTooLarge(let limit): "the response is larger than \(limit) bytes"
        case .unexpectedResponse(let status, let body): "unexpected response \(status): \(body.prefix(200))"
        case .decoding(let reason): "the response does not match the contract: \(reason)"
        }
    }
}

/// Implemented by every generated contract error enum.
public protocol AccessContractError: Error, Sendable {
    init(code: Int, message: String)
    /// The catalogue code the platform answered with.
    var code: Int { get }
}
