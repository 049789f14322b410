/// What can go wrong in a call, apart from the contract's own errors (which each generated
/// client throws as its platform's `ContractError`).
public enum AccessRuntimeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The configuration cannot be used: a non-https base URL, a secret that is not set.
    case invalidConfiguration(String)
    /// A request field fails its format or constraint; nothing was sent.
    case invalidField(path: String, reason: String)
    case transport(String)
    /// The whole exchange, body included, did not finish within the configured timeout.
    case timedOut
    /// The server answered with a redirect (3xx), which is never followed: the signature binds
    /// the request's target, and the credentials must reach no other server.
    case redirected(status: Int, location: String?)
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
        case .redirected(let status, let location):
            "the server answered \(status) redirecting to \(location ?? "no Location"); redirects are not followed"
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
