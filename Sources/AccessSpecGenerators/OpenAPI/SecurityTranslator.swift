import AccessSpecCore

/// The security area as `components.securitySchemes` and requirements: the access id and token
/// headers and, when the platform signs requests, the signature header. Only header names and
/// algorithms appear; the signing key (a `${env:...}` reference in the IR) is never written.
///
/// Under the `head-data` envelope a request with a body carries the access id and token in its
/// head instead: the document then requires only the signature, and GET and DELETE (which have
/// no body) require the headers operation by operation.
struct SecurityTranslator {
    static let accessIdScheme = "AccessId"
    static let accessTokenScheme = "AccessToken"
    static let signatureScheme = "Signature"

    let settings: SecuritySettings?

    private var headData: Bool { settings?.envelope == .headData }

    var schemes: YAMLMapping? {
        guard let settings else { return nil }
        let place = headData ? " (for GET and DELETE; other requests carry it in the body's head)" : ""
        var schemes: YAMLMapping = [
            Self.accessIdScheme: Self.header(settings.auth.accessIdHeader, "接入标识 (access id) issued to the calling platform" + place),
            Self.accessTokenScheme: Self.header(settings.auth.tokenHeader, "接入令牌 (access token) issued to the calling platform" + place),
        ]
        if let signing = settings.signing {
            schemes[Self.signatureScheme] = Self.header(signing.header, "请求签名 (request signature): " + Self.describe(signing.algorithm)
                + ". Keys are exchanged between the platforms out of band; none appears in this document.")
        }
        return schemes
    }

    /// The document-wide requirement: all the schemes together (one requirement object), or
    /// under `head-data` the signature alone.
    var requirement: YAMLValue? {
        guard let schemes else { return nil }
        return Self.requireAll(headData ? schemes.pairs.filter { $0.key == Self.signatureScheme } : schemes.pairs)
    }

    /// An operation's own requirement, where it differs from the document's.
    func operationRequirement(sendsBody: Bool) -> YAMLValue? {
        guard headData, !sendsBody, let schemes else { return nil }
        return Self.requireAll(schemes.pairs)
    }

    private static func requireAll(_ schemes: [YAMLMapping.Pair]) -> YAMLValue? {
        guard !schemes.isEmpty else { return nil }
        var all = YAMLMapping()
        for scheme in schemes { all[scheme.key] = .sequence([]) }
        return [.mapping(all)]
    }

    /// The transport requirement, for the document's description.
    var transport: String? {
        guard let settings else { return nil }
        return "TLS \(settings.transport.minTls.rawValue) or later" + (settings.transport.gm ? "; GM TLS (TLCP) with SM2/SM3/SM4" : "")
    }

    private static func header(_ name: String, _ description: String) -> YAMLValue {
        ["type": "apiKey", "in": "header", "name": .string(name), "description": .string(description)]
    }

    static func describe(_ algorithm: SecuritySettings.SigningAlgorithm) -> String {
        switch algorithm {
        case .hmacSM3: "HMAC-SM3 (SM3, GB/T 32905) over the request with a shared secret key"
        case .hmacSHA256: "HMAC-SHA256 over the request with a shared secret key"
        case .sm2SM3: "SM2 signature (GB/T 32918) with the SM3 digest over the request, made with the caller's private key"
        }
    }
}
