@_exported import AccessSpecFormats
import Foundation

/// The conformance vectors of one platform: `generated/tests/<platform>/vectors.json`.
///
/// Language-neutral on purpose (docs/conformance.md describes every field): a vector is a
/// logical request (a JSON object of the operation's fields), how to send it (credentials,
/// signature, timestamp) and what the platform must answer. Runners serialise the request the
/// way clients do: path parameters into the path, the other fields into the query for GET and
/// DELETE, into the body (in the platform's envelope) otherwise.
public struct VectorFile: Codable, Equatable, Sendable {
    public static let formatName = "accessspec-conformance-vectors"
    public static let currentVersion = 2

    public var format = VectorFile.formatName
    public var formatVersion = VectorFile.currentVersion
    public var platform: String
    /// The contract, relative to the workspace root.
    public var source: String
    public var security: Security
    /// The error the platform answers for each standard condition, keyed by condition.
    public var conditions: [String: ExpectedError]
    /// Checks left out, with the reason (a condition no error reports, a type no value fits).
    public var uncovered: [String]
    public var operations: [Operation]
    /// The platform's types, as the IR writes them, for checking response shapes.
    public var types: JSONValue

    public init(platform: String, source: String, security: Security, conditions: [String: ExpectedError], uncovered: [String], operations: [Operation], types: JSONValue) {
        self.platform = platform
        self.source = source
        self.security = security
        self.conditions = conditions
        self.uncovered = uncovered
        self.operations = operations
        self.types = types
    }

    public struct Security: Codable, Equatable, Sendable {
        /// `plain` or `head-data`.
        public var envelope: String
        public var signing: Signing?
        public var accessIdHeader: String
        public var tokenHeader: String
        public var timestampHeader: String
        public var nonceHeader: String

        public init(envelope: String, signing: Signing?, accessIdHeader: String, tokenHeader: String, timestampHeader: String, nonceHeader: String) {
            self.envelope = envelope
            self.signing = signing
            self.accessIdHeader = accessIdHeader
            self.tokenHeader = tokenHeader
            self.timestampHeader = timestampHeader
            self.nonceHeader = nonceHeader
        }
    }

    public struct Signing: Codable, Equatable, Sendable {
        /// `hmac-sm3`, `hmac-sha256` or `sm2-sm3`.
        public var algorithm: String
        public var header: String
        /// The contract's secret reference, e.g. `${env:SHANDONG_APP_SECRET}`; never a secret.
        public var key: String

        public init(algorithm: String, header: String, key: String) {
            self.algorithm = algorithm
            self.header = header
            self.key = key
        }
    }

    public struct ExpectedError: Codable, Equatable, Sendable {
        public var error: String
        public var code: Int
        public var status: Int

        public init(error: String, code: Int, status: Int) {
            self.error = error
            self.code = code
            self.status = status
        }
    }

    public struct Operation: Codable, Equatable, Sendable {
        public var id: String
        public var area: String
        public var method: String
        /// `/license/v1/verify/{certNo}`
        public var path: String
        public var idempotent: Bool
        /// The operation lists the error of condition `invalid-token`, so it needs a token.
        public var requiresToken: Bool
        /// Type references as the IR writes them (`{"kind": "named", "name": "..."}`).
        public var request: JSONValue?
        public var response: JSONValue?
        public var vectors: [Vector]

        public init(id: String, area: String, method: String, path: String, idempotent: Bool, requiresToken: Bool, request: JSONValue?, response: JSONValue?, vectors: [Vector]) {
            self.id = id
            self.area = area
            self.method = method
            self.path = path
            self.idempotent = idempotent
            self.requiresToken = requiresToken
            self.request = request
            self.response = response
            self.vectors = vectors
        }

        /// The request of the operation's first valid vector: what the others start from.
        public var validRequest: JSONValue? { vectors.first { $0.check == .validRequest }?.request }
    }

    public struct Vector: Codable, Equatable, Sendable, CustomStringConvertible {
        public var name: String
        public var check: Check
        /// The standard's rule the check enforces, when there is one.
        public var rule: String?
        /// The field the vector breaks, as `request.holder.uscc`.
        public var field: String?
        public var request: JSONValue
        public var send: Sending
        public var expect: Expectation

        public init(name: String, check: Check, rule: String? = nil, field: String? = nil, request: JSONValue, send: Sending = Sending(), expect: Expectation) {
            self.name = name
            self.check = check
            self.rule = rule
            self.field = field
            self.request = request
            self.send = send
            self.expect = expect
        }

        public var description: String { name }
    }

    public enum Check: String, Codable, CaseIterable, Sendable {
        case validRequest = "valid-request"
        case missingRequiredField = "missing-required-field"
        case wrongType = "wrong-type"
        case overLongString = "over-long-string"
        case unknownEnumValue = "unknown-enum-value"
        case failedCheckDigit = "failed-check-digit"
        case missingSignature = "missing-signature"
        case wrongSignature = "wrong-signature"
        case staleTimestamp = "stale-timestamp"
        case futureTimestamp = "future-timestamp"
        case extremeTimestamp = "extreme-timestamp"
        case replayedNonce = "replayed-nonce"
        case tamperedAccessId = "tampered-access-id"
        case missingToken = "missing-token"
    }

    /// How to send a vector's request; the defaults are a correct request.
    public struct Sending: Codable, Equatable, Sendable {
        public enum Signature: String, Codable, Sendable { case valid, missing, wrong }
        /// What is changed after the request was signed.
        public enum Tampering: String, Codable, Sendable { case accessId = "access-id" }
        public var token: Bool
        public var signature: Signature
        /// Added to the current time for the timestamp header (negative: in the past).
        public var timestampOffsetSeconds: Int
        /// The timestamp header's exact text, signed as it is, instead of the current time.
        public var timestamp: String?
        /// Send the same request twice and judge the second answer: a replay.
        public var replay: Bool
        public var tamper: Tampering?

        public init(token: Bool = true, signature: Signature = .valid, timestampOffsetSeconds: Int = 0, timestamp: String? = nil,
                    replay: Bool = false, tamper: Tampering? = nil) {
            self.token = token
            self.signature = signature
            self.timestampOffsetSeconds = timestampOffsetSeconds
            self.timestamp = timestamp
            self.replay = replay
            self.tamper = tamper
        }

        private enum CodingKeys: String, CodingKey { case token, signature, timestampOffsetSeconds, timestamp, replay, tamper }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            token = try container.decodeIfPresent(Bool.self, forKey: .token) ?? true
            signature = try container.decodeIfPresent(Signature.self, forKey: .signature) ?? .valid
            timestampOffsetSeconds = try container.decodeIfPresent(Int.self, forKey: .timestampOffsetSeconds) ?? 0
            timestamp = try container.decodeIfPresent(String.self, forKey: .timestamp)
            replay = try container.decodeIfPresent(Bool.self, forKey: .replay) ?? false
            tamper = try container.decodeIfPresent(Tampering.self, forKey: .tamper)
        }
    }

    public struct Expectation: Codable, Equatable, Sendable {
        public enum Outcome: String, Codable, Sendable { case success, error }

        public var outcome: Outcome
        /// The HTTP status: the error's, or 200 for success (any 2xx is accepted).
        public var status: Int
        public var error: String?
        public var code: Int?

        public static let success = Expectation(outcome: .success, status: 200, error: nil, code: nil)

        public static func failure(_ error: ExpectedError) -> Expectation {
            Expectation(outcome: .error, status: error.status, error: error.error, code: error.code)
        }
    }
}

extension VectorFile {
    /// Reads a vectors.json, refusing a format it does not know.
    public static func load(from data: Data) throws -> VectorFile {
        let file = try JSONDecoder().decode(VectorFile.self, from: data)
        guard file.format == formatName, file.formatVersion == currentVersion else {
            throw VectorFormatError(message: "not a \(formatName) file of version \(currentVersion) (format '\(file.format)', version \(file.formatVersion))")
        }
        return file
    }

    /// The canonical text: sorted keys, two-space indentation, a final newline.
    public func canonicalJSON() throws -> Data { try CanonicalJSON.encode(self) }
}

public struct VectorFormatError: Error, CustomStringConvertible {
    public var message: String

    public init(message: String) { self.message = message }
    public var description: String { message }
}
