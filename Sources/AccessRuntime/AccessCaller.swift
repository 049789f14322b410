import Foundation

/// Makes one contract call: validates the request, builds the URL, wraps the body in the
/// platform's envelope, adds credentials, replay protection and the signature, sends it with
/// a deadline (retrying only idempotent operations), and maps the response to the declared
/// type or to the platform's contract error.
public struct AccessCaller: Sendable {
    public let configuration: AccessClientConfiguration
    public let profile: PlatformProfile
    public let transport: any AccessTransport

    public init(configuration: AccessClientConfiguration, profile: PlatformProfile, transport: any AccessTransport = HTTPClientTransport()) {
        self.configuration = configuration
        self.profile = profile
        self.transport = transport
    }

    public func call<Request: Encodable & AccessValidatable, Response: Decodable, Failure: AccessContractError>(
        _ operation: OperationDescriptor, _ request: Request, returning: Response.Type, errors: Failure.Type
    ) async throws -> Response {
        try configuration.checkBaseURL()
        try request.accessValidate(at: "request")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(request)
        let builder = try RequestBuilder(configuration: configuration, profile: profile)

        let attempts = operation.idempotent ? configuration.retry.maxAttempts : 1
        var backoff = configuration.retry.initialBackoff
        for attempt in 1...attempts {
            let outgoing = try builder.build(operation, json: json, timestamp: String(configuration.now()), nonce: configuration.nonce())
            do {
                let response = try await transport.send(outgoing, timeout: configuration.timeout, maxResponseBytes: configuration.maxResponseBytes)
                if attempt < attempts, response.status >= 500 || response.status == 429 {
                    try await Task.sleep(for: backoff)
                    backoff *= 2
                    continue
                }
                return try decode(response, as: Response.self, errors: Failure.self)
            } catch let error as AccessRuntimeError where attempt < attempts && error.isTransient {
                try await Task.sleep(for: backoff)
                backoff *= 2
            }
        }
        throw AccessRuntimeError.transport("no attempt was made")
    }

    private func decode<Response: Decodable, Failure: AccessContractError>(_ response: HTTPResponseData, as: Response.Type, errors: Failure.Type) throws -> Response {
        let decoder = JSONDecoder()
        let bodyText = String(decoding: response.body, as: UTF8.self)
        switch profile.envelope {
        case .plain:
            if (200..<300).contains(response.status) {
                if Response.self == NoContent.self { return NoContent() as! Response }
                do {
                    return try decoder.decode(Response.self, from: response.body)
                } catch {
                    throw AccessRuntimeError.decoding(String(describing: error))
                }
            }
            if let failure = try? decoder.decode(ErrorBody.self, from: response.body) {
                throw Failure(code: failure.code, message: failure.message)
            }
            throw AccessRuntimeError.unexpectedResponse(status: response.status, body: bodyText)
        case .headData:
            guard let envelope = try? decoder.decode(ResponseHeadOnly.self, from: response.body) else {
                throw AccessRuntimeError.unexpectedResponse(status: response.status, body: bodyText)
            }
            guard envelope.head.code == 0 else { throw Failure(code: envelope.head.code, message: envelope.head.message ?? "") }
            if Response.self == NoContent.self { return NoContent() as! Response }
            do {
                return try decoder.decode(ResponseEnvelope<Response>.self, from: response.body).data
            } catch {
                throw AccessRuntimeError.decoding(String(describing: error))
            }
        }
    }

}

/// A request field as it goes into a path or a query string.
enum QueryValue: Decodable {
    case scalar(String)
    case list([QueryValue])
    case record([String: QueryValue])
    case absent

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .absent }
        else if let flag = try? container.decode(Bool.self) { self = .scalar(flag ? "true" : "false") }
        else if let number = try? container.decode(Int.self) { self = .scalar(String(number)) }
        else if let number = try? container.decode(Double.self) { self = .scalar(String(number)) }
        else if let string = try? container.decode(String.self) { self = .scalar(string) }
        else if let list = try? container.decode([QueryValue].self) { self = .list(list) }
        else if let record = try? container.decode([String: QueryValue].self) { self = .record(record) }
        else { self = .absent }
    }

    func queryItems(named name: String) -> [(name: String, value: String)] {
        switch self {
        case .scalar(let text): [(name, text)]
        case .list(let items): items.flatMap { $0.queryItems(named: name) }
        case .record(let fields): fields.keys.sorted().flatMap { fields[$0]!.queryItems(named: "\(name)[\($0)]") }
        case .absent: []
        }
    }
}

/// Turns a request's JSON into the HTTP request the platform expects: path and query, the body
/// in the platform's envelope, credentials, replay protection and the signature. Generated
/// clients and conformance runners build requests here and nowhere else.
public struct RequestBuilder: Sendable {
    public let configuration: AccessClientConfiguration
    public let profile: PlatformProfile
    public let signer: RequestSigner?

    /// Resolves the signing secret now, so that a missing one fails before anything is sent.
    public init(configuration: AccessClientConfiguration, profile: PlatformProfile) throws {
        self.configuration = configuration
        self.profile = profile
        signer = try profile.signing.map { RequestSigner(algorithm: $0.algorithm, secret: try configuration.secrets.resolve($0.keyReference)) }
    }

    /// `json` is the request's fields as a JSON object, keys sorted.
    public func build(_ operation: OperationDescriptor, json: Data, timestamp: String, nonce: String) throws -> HTTPRequestData {
        let fields = (try? JSONDecoder().decode([String: QueryValue].self, from: json)) ?? [:]
        // What goes on the request line: the base URL's path, then the operation's.
        let target = try configuration.basePath + Self.target(for: operation, fields: fields)
        let sendsBody = !["GET", "DELETE"].contains(operation.method)
        let body = sendsBody ? try self.body(json, timestamp: timestamp, nonce: nonce) : nil
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if body != nil { headers.append(("Content-Type", "application/json; charset=utf-8")) }
        // Under head-data a body carries the credentials in its head.
        let credentialHeaders = profile.envelope == .plain || !sendsBody
        if credentialHeaders {
            headers.append((profile.accessIdHeader, configuration.accessId))
            if let token = configuration.accessToken { headers.append((profile.tokenHeader, token)) }
        }
        headers.append((ReplayHeaders.timestamp, timestamp))
        headers.append((ReplayHeaders.nonce, nonce))
        if let signer, let signing = profile.signing {
            let parts = SignedParts(method: operation.method, target: target, accessId: credentialHeaders ? configuration.accessId : "",
                                    token: credentialHeaders ? configuration.accessToken ?? "" : "", timestamp: timestamp, nonce: nonce, body: body ?? Data())
            headers.append((signing.header, try signer.signature(parts)))
        }
        guard let url = URL(string: configuration.origin + target) else {
            throw AccessRuntimeError.invalidConfiguration("cannot form a URL from \(configuration.baseURL) and \(target)")
        }
        return HTTPRequestData(method: operation.method, url: url, headers: headers, body: body)
    }

    /// The path with its parameters filled in, plus, for GET and DELETE, the other fields as a
    /// sorted query string, as OpenAPI's defaults write them: scalars `key=value`, lists
    /// `key=a&key=b` (form, exploded), records `key[field]=value` (deepObject).
    static func target(for operation: OperationDescriptor, fields: [String: QueryValue]) throws -> String {
        let template: PathTemplate
        do { template = try PathTemplate(operation.path) } catch { throw AccessRuntimeError.invalidConfiguration("path \(operation.path): \(error)") }
        var missing: String?
        let path = template.filled { name in
            guard case .scalar(let value)? = fields[name], !value.isEmpty else { missing = name; return nil }
            return percentEncode(value)
        }
        guard let path else {
            throw AccessRuntimeError.invalidField(path: "request.\(missing ?? "")", reason: "the path parameter {\(missing ?? "")} has no value")
        }
        guard ["GET", "DELETE"].contains(operation.method) else { return path }
        let used = Set(template.parameters)
        let query = fields.keys.sorted().filter { !used.contains($0) }.flatMap { key in
            fields[key]!.queryItems(named: key).map { "\(percentEncode($0.name))=\(percentEncode($0.value))" }
        }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    /// The body in the platform's envelope. A head-data body is `{"data":...,"head":{...}}`,
    /// keys sorted, as JSONEncoder writes it, with the request's JSON kept byte for byte.
    private func body(_ json: Data, timestamp: String, nonce: String) throws -> Data {
        switch profile.envelope {
        case .plain:
            return json
        case .headData:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let head = RequestHead(accessId: configuration.accessId, accessToken: configuration.accessToken, timestamp: timestamp, nonce: nonce)
            return Data(#"{"data":"#.utf8) + json + Data(#","head":"#.utf8) + (try encoder.encode(head)) + Data("}".utf8)
        }
    }

    static func percentEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

}

struct RequestHead: Encodable {
    var accessId: String
    var accessToken: String?
    var timestamp: String
    var nonce: String
}

struct ResponseHead: Decodable {
    var code: Int
    var message: String?
}

struct ResponseHeadOnly: Decodable {
    var head: ResponseHead
}

struct ResponseEnvelope<Body: Decodable>: Decodable {
    var data: Body
}

/// The body of a contract error under the plain envelope.
struct ErrorBody: Decodable {
    var code: Int
    var message: String
}

extension AccessRuntimeError {
    /// Worth another attempt of an idempotent operation.
    var isTransient: Bool {
        switch self {
        case .transport, .timedOut: true
        default: false
        }
    }
}
