import AccessRuntime
import Foundation

/// The server a conformance run talks to, and as whom.
public struct ConformanceTarget: Sendable {
    public var baseURL: URL
    public var accessId: String
    public var accessToken: String
    /// Resolves the contract's signing-key reference, as a client would.
    public var secrets: SecretResolver

    public init(baseURL: URL, accessId: String = ConformanceTarget.defaultAccessId, accessToken: String = ConformanceTarget.defaultAccessToken, secrets: SecretResolver = SecretResolver()) {
        self.baseURL = baseURL
        self.accessId = accessId
        self.accessToken = accessToken
        self.secrets = secrets
    }

    public static let defaultAccessId = "accessspec-conformance"
    public static let defaultAccessToken = "accessspec-conformance-token"

    /// `ACCESSSPEC_BASE_URL` (required), `ACCESSSPEC_ACCESS_ID`, `ACCESSSPEC_ACCESS_TOKEN`, and
    /// the signing secret under the name the contract gives.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ConformanceTarget? {
        guard let text = environment["ACCESSSPEC_BASE_URL"], !text.isEmpty, let url = URL(string: text) else { return nil }
        return ConformanceTarget(baseURL: url, accessId: environment["ACCESSSPEC_ACCESS_ID"] ?? defaultAccessId,
                                 accessToken: environment["ACCESSSPEC_ACCESS_TOKEN"] ?? defaultAccessToken,
                                 secrets: SecretResolver(environment: environment))
    }
}

extension VectorFile {
    /// The runtime's view of the platform's security section.
    public var profile: PlatformProfile {
        PlatformProfile(
            envelope: security.envelope == "head-data" ? .headData : .plain,
            signing: security.signing.flatMap { signing in
                PlatformProfile.SigningAlgorithm(rawValue: signing.algorithm).map { .init(algorithm: $0, header: signing.header, keyReference: signing.key) }
            },
            accessIdHeader: security.accessIdHeader, tokenHeader: security.tokenHeader)
    }

    /// Reads the vectors.json of `platform` in the folder of `file` (a suite's `#filePath`), or
    /// nil with the reason when it cannot.
    public static func load(nextTo file: String) -> Result<VectorFile, VectorFormatError> {
        let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("vectors.json")
        do {
            return .success(try load(from: Data(contentsOf: url)))
        } catch let error as VectorFormatError {
            return .failure(error)
        } catch {
            return .failure(VectorFormatError(message: "cannot read \(url.path): \(error)"))
        }
    }

    public func operation(_ id: String) -> Operation? { operations.first { $0.id == id } }
}

extension VectorFile.Operation {
    public var descriptor: OperationDescriptor {
        OperationDescriptor(id: id, method: method, path: path, idempotent: idempotent)
    }
}
