/// Each access area's own settings, as written in a contract and as carried by the IR.
/// Optional where the language lets the author leave a value out; the rules decide
/// whether leaving it out is acceptable.

public struct ItemsSettings: Codable, Equatable, Sendable {
    public enum Catalog: String, Codable, CaseIterable, Sendable { case base, implementation }
    public enum SyncMode: String, Codable, CaseIterable, Sendable { case push, pull }
    public enum Frequency: String, Codable, CaseIterable, Sendable { case realtime, hourly, daily, weekly }
    public struct Sync: Codable, Equatable, Sendable {
        public var mode: SyncMode?
        public var frequency: Frequency?
    }

    public var catalogs: [Catalog] = []
    public var sync: Sync?
}

public struct PortalSettings: Codable, Equatable, Sendable {
    public enum Feature: String, Codable, CaseIterable, Sendable {
        case rating, complaint, search
        case unifiedService = "unified-service"
    }
    public struct Channel: Codable, Equatable, Sendable {
        public var name: String
        public var url: String
    }

    public var channels: [Channel] = []
    public var sso = false
    public var features: [Feature] = []
}

public struct IdentitySettings: Codable, Equatable, Sendable {
    public enum AuthProtocol: String, Codable, CaseIterable, Sendable { case ticket, oauth2, oidc, saml }
    public enum Subject: String, Codable, CaseIterable, Sendable {
        case naturalPerson = "natural-person"
        case legalPerson = "legal-person"
    }
    public enum Level: String, Codable, CaseIterable, Sendable { case L1, L2, L3, L4, L5 }

    public var `protocol`: AuthProtocol = .ticket
    public var subjects: [Subject] = []
    public var levels: [Level] = []
    public var loginUrl: String?
    public var tokenTtlSeconds: Int?
}

public struct SealSettings: Codable, Equatable, Sendable {
    public enum Algorithm: String, Codable, CaseIterable, Sendable {
        case sm2sm3 = "sm2-sm3"
        case rsaSha256 = "rsa-sha256"
    }
    public enum Format: String, Codable, CaseIterable, Sendable {
        case gbt38540 = "gb-t-38540"
        case other
    }

    public var algorithm: Algorithm = .sm2sm3
    public var format: Format = .gbt38540
    public var timestamp = false
}

public struct LicenseSettings: Codable, Equatable, Sendable {
    public enum Grade: String, Codable, CaseIterable, Sendable { case A, B, C, D }
    public struct CatalogEntry: Codable, Equatable, Sendable {
        public var code: String
        public var name: String
        public var grade: Grade
    }
    public struct UseCause: Codable, Equatable, Sendable {
        public var field = "useCause"
        public var maxLength = 200
    }

    public var catalog: [CatalogEntry] = []
    public var useCause = UseCause()
}

public struct OperationsSettings: Codable, Equatable, Sendable {
    /// The availability target in percent, e.g. 99.9 for "99.9%".
    public var availability: Double?
    public var p95LatencyMs: Int?
    public var health: String?
    public var reportIntervalMinutes: Int?
    public var incidentReportMinutes: Int?
}

public struct SecuritySettings: Codable, Equatable, Sendable {
    public enum TLSVersion: String, Codable, CaseIterable, Sendable {
        case v1_0 = "1.0", v1_1 = "1.1", v1_2 = "1.2", v1_3 = "1.3"
    }
    public enum Algorithm: String, Codable, CaseIterable, Sendable { case sm2, sm3, sm4, rsa, sha256, aes }
    public enum SigningAlgorithm: String, Codable, CaseIterable, Sendable {
        case hmacSM3 = "hmac-sm3"
        case hmacSHA256 = "hmac-sha256"
        case sm2SM3 = "sm2-sm3"
    }
    public struct Transport: Codable, Equatable, Sendable {
        public var minTls: TLSVersion = .v1_2
        public var gm = false
    }
    public struct Signing: Codable, Equatable, Sendable {
        public var algorithm: SigningAlgorithm
        public var header = "X-Signature"
        /// A secret reference such as `${env:NAME}`; the IR never holds a secret.
        public var key: String
    }
    public struct Auth: Codable, Equatable, Sendable {
        public var accessIdHeader = "X-Access-Id"
        public var tokenHeader = "X-Access-Token"

        public init() {}
    }
    /// How bodies travel. `headData` is the national platforms' `{head: {...}, data: {...}}`:
    /// the access id and token go in the request's head, the result code in the response's.
    public enum Envelope: String, Codable, CaseIterable, Sendable {
        case plain
        case headData = "head-data"
    }

    public var transport = Transport()
    public var envelope = Envelope.plain
    public var algorithms: [Algorithm] = []
    public var signing: Signing?
    public var auth = Auth()
    public var ipAllowList: [String] = []
    public var protectionLevel: Int?
    public var auditRetentionDays: Int?
}

public struct ThirdPartySettings: Codable, Equatable, Sendable {
    public enum Authorization: String, Codable, CaseIterable, Sendable {
        case userConsent = "user-consent"
        case agreement, statute
    }

    public var via: String?
    public var purpose: String?
    public var dataScope: [String] = []
    public var authorization: Authorization?
    /// Operations of other platforms it calls, as `platform.area.operationId`.
    public var uses: [String] = []
}

/// One area's settings, whichever area it is.
public enum AreaSettings: Equatable, Sendable {
    case items(ItemsSettings)
    case portal(PortalSettings)
    case identity(IdentitySettings)
    case seal(SealSettings)
    case license(LicenseSettings)
    case operations(OperationsSettings)
    case security(SecuritySettings)
    case thirdParty(ThirdPartySettings)
}
