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
    static let timestampScheme = "Timestamp"
    static let nonceScheme = "Nonce"

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
                + ", over the canonical text \(SigningFormat.version) of docs/signing.md: method, request target (base path and query included), access id, token, "
                + "timestamp, nonce and the body's digest. Keys are exchanged between the platforms out of band; none appears in this document.")
            schemes[Self.timestampScheme] = Self.header(ReplayHeaders.timestamp, "请求时间 (request time): milliseconds since 1970, 1 to 15 digits; refused when older than the receiver's window or ahead of its clock")
            schemes[Self.nonceScheme] = Self.header(ReplayHeaders.nonce, "随机数 (nonce): 16 to 64 characters of A-Z, a-z, 0-9, '_' and '-', never sent twice")
        }
        return schemes
    }

    /// What `operation` requires, all at once: the access id (and token where the operation
    /// needs one) unless a head-data body carries them, and the signature with its replay
    /// headers where the platform signs.
    func requirement(sendsBody: Bool, requiresToken: Bool) -> YAMLValue? {
        guard let settings else { return nil }
        var names: [String] = []
        if !headData || !sendsBody {
            names.append(Self.accessIdScheme)
            if requiresToken { names.append(Self.accessTokenScheme) }
        }
        if settings.signing != nil { names += [Self.signatureScheme, Self.timestampScheme, Self.nonceScheme] }
        guard !names.isEmpty else { return nil }
        var all = YAMLMapping()
        for name in names { all[name] = .sequence([]) }
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
        case .hmacSM3: "HMAC-SM3 (SM3, GB/T 32905) with a shared secret key, lower-case hex"
        case .hmacSHA256: "HMAC-SHA256 with a shared secret key, lower-case hex"
        case .sm2SM3: "SM2 signature (GB/T 32918) with SM3 and the default user id 1234567812345678, made with the caller's private key, DER in base64"
        }
    }
}
