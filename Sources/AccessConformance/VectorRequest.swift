import AccessRuntime
import Foundation

/// How one vector is sent: the client configuration it implies (token, clock) and the faults
/// it puts into an outgoing request (a substituted request, a missing or wrong signature).
public struct VectorRequest: Sendable {
    public let file: VectorFile
    public let operation: VectorFile.Operation
    public let vector: VectorFile.Vector
    public let target: ConformanceTarget

    public init(file: VectorFile, operation: VectorFile.Operation, vector: VectorFile.Vector, target: ConformanceTarget) {
        self.file = file
        self.operation = operation
        self.vector = vector
        self.target = target
    }

    /// A client configuration that sends the vector's credentials and timestamp.
    public var configuration: AccessClientConfiguration {
        let offset = Int64(vector.send.timestampOffsetSeconds) * 1000
        return AccessClientConfiguration(
            baseURL: target.baseURL, accessId: target.accessId, accessToken: vector.send.token ? target.accessToken : nil,
            // A verdict, not a latency target: generous, so a loaded machine does not fail a vector.
            secrets: target.secrets, timeout: .seconds(30), retry: .init(maxAttempts: 1), allowInsecureLoopback: true,
            now: { Int64(Date().timeIntervalSince1970 * 1000) + offset })
    }

    /// The request whose fields a typed client sends: the vector's own when it is valid,
    /// else the operation's valid request, which the fault then replaces.
    public var clientRequest: JSONValue { vector.check == .validRequest ? vector.request : (operation.validRequest ?? vector.request) }

    /// The vector's request built from scratch, as a runner without a typed client sends it.
    public func build() throws -> HTTPRequestData {
        let configuration = configuration
        let builder = try RequestBuilder(configuration: configuration, profile: file.profile)
        let timestamp = vector.send.timestamp ?? String(configuration.now())
        let request = try builder.build(operation.descriptor, json: vector.request.encoded(), timestamp: timestamp, nonce: configuration.nonce())
        return try tampered(request)
    }

    /// Puts the vector's fault into a request a client built: its fields replaced by the
    /// vector's, or its timestamp by the vector's text (signed again, same nonce), then the
    /// changes made after signing.
    public func apply(to outgoing: HTTPRequestData) throws -> HTTPRequestData {
        var request = outgoing
        if vector.request != clientRequest || vector.send.timestamp != nil {
            let builder = try RequestBuilder(configuration: configuration, profile: file.profile)
            request = try builder.build(operation.descriptor, json: vector.request.encoded(),
                                        timestamp: vector.send.timestamp ?? outgoing.header(ReplayHeaders.timestamp) ?? "",
                                        nonce: outgoing.header(ReplayHeaders.nonce) ?? "")
        }
        return try tampered(request)
    }

    /// The changes made after signing: the signature removed or spoiled, the access id changed.
    private func tampered(_ request: HTTPRequestData) throws -> HTTPRequestData {
        var tampered = request
        if vector.send.tamper == .accessId {
            let header = file.security.accessIdHeader
            if tampered.header(header) != nil {
                tampered.headers = tampered.headers.map { $0.name.caseInsensitiveCompare(header) == .orderedSame ? ($0.name, $0.value + "-tampered") : $0 }
            } else if let body = tampered.body, case .object(var envelope) = try JSONDecoder().decode(JSONValue.self, from: body), case .object(var head)? = envelope["head"] {
                // Under head-data the access id travels in the body's head.
                head["accessId"] = .string((head["accessId"]?.stringValue ?? "") + "-tampered")
                envelope["head"] = .object(head)
                tampered.body = JSONValue.object(envelope).encoded()
            }
        }
        guard let header = file.security.signing?.header, vector.send.signature != .valid else { return tampered }
        let original = request.header(header) ?? ""
        tampered.headers.removeAll { $0.name.caseInsensitiveCompare(header) == .orderedSame }
        if vector.send.signature == .wrong {
            tampered.headers.append((header, Self.spoiled(original)))
        }
        return tampered
    }

    /// A signature of the right form that does not verify: hex with its first digit changed,
    /// or base64 (an SM2 DER signature) with one bit of its last byte flipped.
    static func spoiled(_ signature: String) -> String {
        if let bytes = Data(base64Encoded: signature), !bytes.isEmpty, !signature.allSatisfy(\.isHexDigit) {
            var flipped = bytes
            flipped[flipped.count - 1] ^= 0x01
            return flipped.base64EncodedString()
        }
        guard let first = signature.first else { return "00" }
        return (first == "0" ? "1" : "0") + signature.dropFirst()
    }
}

/// A transport that sends what a typed client built with the vector's fault put in.
public struct VectorTransport: AccessTransport {
    public let request: VectorRequest
    public let base: any AccessTransport

    public init(_ request: VectorRequest, base: any AccessTransport = HTTPClientTransport()) {
        self.request = request
        self.base = base
    }

    public func send(_ outgoing: HTTPRequestData, timeout: Duration, maxResponseBytes: Int) async throws -> HTTPResponseData {
        let faulty = try request.apply(to: outgoing)
        // A replay: the same bytes twice; the second answer is the one judged.
        if request.vector.send.replay { _ = try await base.send(faulty, timeout: timeout, maxResponseBytes: maxResponseBytes) }
        return try await base.send(faulty, timeout: timeout, maxResponseBytes: maxResponseBytes)
    }
}
