/// The formats a text value can have (docs/values.md). Each is a pattern of AccessSpec's
/// dialect (the shape, which the OpenAPI export also writes) and, where the standard has one,
/// a check beyond the shape (check characters, the calendar, province codes). This is the one
/// place that says what a format means: the compiler, the mock, the vectors, the synthesizer
/// and the Swift runtime all ask `problem(with:)`.
public enum ValueFormat: String, CaseIterable, Codable, Sendable {
    case date, datetime, url, email, phone, base64
    case uscc
    case residentId = "resident-id"
    case divisionCode = "division-code"
    case licenseId = "license-id"
    /// The workspace's `itemCodePattern` (GB/T 39554.1 is not public, so the pattern is the
    /// workspace's to set); callers pass it to `problem(with:itemCodePattern:)`.
    case itemCode = "item-code"

    static let usccSymbol = "[0-9A-HJ-NPQRTUWXY]"
    static let uscc18 = "\(usccSymbol){2}[0-9]{6}\(usccSymbol){10}"
    static let urlCharacter = "(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|%[0-9A-Fa-f]{2})"
    static let hostLabel = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    /// 0 to 65535.
    static let port = "(?:[0-9]{1,4}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])"
    /// An RFC 5322 dot-atom's atom: an email's local part is atoms joined by single dots.
    static let atom = "[A-Za-z0-9!#$%&'*+/=?^_`\\{|\\}~-]+"
    /// The province-level codes of GB/T 2260: provinces, autonomous regions, municipalities,
    /// Taiwan, Hong Kong and Macao. In the shape, so that every JSON Schema validator knows them.
    static let province = "(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])"

    /// The shape every value of the format has.
    public var shape: String {
        switch self {
        case .date: "[0-9]{4}-[0-9]{2}-[0-9]{2}"
        case .datetime: "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:[Zz]|[+\\-][0-9]{2}:[0-9]{2})"
        case .url:
            "[Hh][Tt][Tt][Pp][Ss]?://\(Self.hostLabel)(?:\\.\(Self.hostLabel))*(?::\(Self.port))?"
                + "(?:/\(Self.urlCharacter)*)*(?:\\?(?:\(Self.urlCharacter)|[/?])*)?(?:#(?:\(Self.urlCharacter)|[/?])*)?"
        case .email: "\(Self.atom)(?:\\.\(Self.atom))*@\(Self.hostLabel)(?:\\.\(Self.hostLabel))+"
        case .phone: "(?:\\+86)?1[3-9][0-9]{9}|0[0-9]{9,11}|0[0-9]{2,3}-[0-9]{7,8}"
        case .base64: "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?"
        case .uscc: Self.uscc18
        case .residentId: "\(Self.province)[0-9]{4}[0-9]{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]"
        // The whole country (100000) is what the national hub and ministries give as region.
        case .divisionCode: "\(Self.province)[0-9]{4}(?:[0-9]{6})?|100000(?:000000)?"
        case .licenseId: "1\\.2\\.156\\.3005\\.2\\.\(Self.uscc18)[0-9]{3}\\.\(Self.uscc18)\\.[0-9A-Z]+\\.[0-9]{3}\\.[0-9A-Z]"
        case .itemCode: Self.defaultItemCodePattern
        }
    }

    public static let defaultItemCodePattern = "[0-9]{12}(?:[0-9A-Z]{0,30})?"

    /// The name JSON Schema and OpenAPI know the format by, where there is one.
    public var schemaFormat: String? {
        switch self {
        case .date: "date"
        case .datetime: "date-time"
        case .url: "uri"
        case .email: "email"
        case .phone, .base64: nil
        case .uscc, .residentId, .divisionCode, .licenseId, .itemCode: rawValue
        }
    }

    /// What the shape says in words, for messages.
    var shapeDescription: LocalizedText {
        switch self {
        case .date: LocalizedText(en: "a date YYYY-MM-DD", zh: "日期 YYYY-MM-DD")
        case .datetime: LocalizedText(en: "an RFC 3339 date-time such as 2024-05-01T08:30:00+08:00", zh: "RFC 3339 日期时间，如 2024-05-01T08:30:00+08:00")
        case .url: LocalizedText(en: "an absolute http(s) URL of ASCII characters with a host name (no IP literal in brackets) and a port up to 65535",
                                 zh: "由 ASCII 字符组成、带主机名（不用方括号中的 IP 地址）、端口不超过 65535 的绝对 http(s) URL")
        case .email: LocalizedText(en: "an email address", zh: "电子邮件地址")
        case .phone: LocalizedText(en: "a mainland mobile (1XXXXXXXXXX, optionally +86) or landline (0XXX-XXXXXXX) number",
                                   zh: "大陆手机号码（1XXXXXXXXXX，可带 +86）或固定电话号码（0XXX-XXXXXXX）")
        case .base64: LocalizedText(en: "standard base64 with padding", zh: "带填充的标准 base64")
        case .uscc: LocalizedText(en: "a unified social credit code: 18 characters of 0-9 and capitals other than I, O, S, V, Z, the 3rd to 8th digits",
                                  zh: "统一社会信用代码：18 个字符，为数字 0-9 及除 I、O、S、V、Z 以外的大写字母，第 3 至 8 位为数字")
        case .residentId: LocalizedText(en: "a resident identity number: a province-level code, 4 more digits of the address, a birth date YYYYMMDD, 3 digits and a check character 0-9 or X",
                                        zh: "公民身份号码：省级代码、另外 4 位地址码、出生日期 YYYYMMDD、3 位顺序码和校验码 0-9 或 X")
        case .divisionCode: LocalizedText(en: "a division code: 6 digits (or 12 in the service-system form) starting with a province-level code of GB/T 2260, or 100000 for the whole country",
                                          zh: "行政区划代码：以 GB/T 2260 省级代码开头的 6 位数字（服务系统形式为 12 位），全国为 100000")
        case .licenseId: LocalizedText(en: "an electronic licence identifier 1.2.156.3005.2.<type>.<issuer>.<number>.<version>.<check>",
                                       zh: "电子证照标识 1.2.156.3005.2.<类型>.<颁发机构>.<编号>.<版本>.<校验码>")
        case .itemCode: LocalizedText(en: "an item code", zh: "事项编码")
        }
    }

    /// Each format's shape, compiled once (the item code's is the workspace's, so it is not here).
    private static let shapes: [ValueFormat: Pattern] = Dictionary(uniqueKeysWithValues: allCases.compactMap { format in
        format == .itemCode ? nil : (try? Pattern(format.shape)).map { (format, $0) }
    })

    /// Why `text` is not a value of the format, or nil when it is.
    public func problem(with text: String, itemCodePattern: String = ValueFormat.defaultItemCodePattern) -> LocalizedText? {
        let matched = self == .itemCode ? Pattern.matches(itemCodePattern, text) : Self.shapes[self]?.matches(text) ?? false
        guard matched else {
            return self == .itemCode
                ? LocalizedText(en: "it does not match the workspace's item code pattern \(itemCodePattern)", zh: "它不符合工作区的事项编码模式 \(itemCodePattern)")
                : LocalizedText(en: "it is not \(shapeDescription.en)", zh: "它不是\(shapeDescription.zh)")
        }
        switch self {
        case .date: return DomainFormats.checkDate(text)
        case .datetime: return DomainFormats.checkDateTime(text)
        case .uscc: return DomainFormats.checkUSCC(text)
        case .residentId: return DomainFormats.checkResidentID(text)
        case .licenseId: return DomainFormats.checkLicenseID(text)
        case .url, .email, .phone, .base64, .itemCode, .divisionCode: return nil
        }
    }
}
