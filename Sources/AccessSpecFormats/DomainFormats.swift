/// The national identifier formats' check algorithms (GB 32100, GB 11643, GB/T 2260,
/// GB/T 36904) and the calendar, over ASCII bytes. `ValueFormat` says which applies where;
/// docs/values.md is the normative text. Each check returns nil when the value is valid, or a
/// sentence saying what is wrong. The shape (which characters stand where) is the format's
/// pattern, checked first, so these run on ASCII text of the right shape only.
public enum DomainFormats {
    // MARK: Unified social credit code, GB 32100

    static let usccAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
    static let usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The check character a 17-character USCC body should end with, or nil if a character
    /// is outside the code's alphabet.
    public static func usccCheckCharacter(_ body: some StringProtocol) -> Character? {
        var sum = 0
        for (byte, weight) in zip(body.utf8, usccWeights) {
            guard let value = usccAlphabet.firstIndex(of: byte) else { return nil }
            sum += value * weight
        }
        return Character(Unicode.Scalar(usccAlphabet[(31 - sum % 31) % 31]))
    }

    static func checkUSCC(_ value: String) -> LocalizedText? {
        let bytes = Array(value.utf8)
        guard bytes.count == 18, let expected = usccCheckCharacter(value.prefix(17)) else {
            return LocalizedText(en: "a unified social credit code is 18 characters of 0-9 and capitals other than I, O, S, V, Z", zh: "统一社会信用代码由 18 个字符组成：数字 0-9 及除 I、O、S、V、Z 以外的大写字母")
        }
        guard Character(Unicode.Scalar(bytes[17])) == expected else {
            return LocalizedText(en: "check character is '\(Character(Unicode.Scalar(bytes[17])))' but GB 32100 gives '\(expected)'",
                                 zh: "校验码为“\(Character(Unicode.Scalar(bytes[17])))”，而按 GB 32100 应为“\(expected)”")
        }
        return nil
    }

    // MARK: Resident identity number, GB 11643

    static let residentWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let residentChecks = Array("10X98765432")

    public static func residentCheckCharacter(_ body: some StringProtocol) -> Character? {
        var sum = 0
        for (byte, weight) in zip(body.utf8, residentWeights) {
            guard isDigit(byte) else { return nil }
            sum += Int(byte - 48) * weight
        }
        return residentChecks[sum % 11]
    }

    static func checkResidentID(_ value: String) -> LocalizedText? {
        let bytes = Array(value.utf8)
        guard bytes.count == 18, let expected = residentCheckCharacter(value.prefix(17)) else {
            return LocalizedText(en: "a resident identity number is 17 digits and a check character", zh: "公民身份号码由 17 位数字和 1 位校验码组成")
        }
        guard isCalendarDate(bytes[6..<10], bytes[10..<12], bytes[12..<14]) else {
            let birth = String(decoding: bytes[6..<14], as: UTF8.self)
            return LocalizedText(en: "'\(birth)' is not a valid birth date (YYYYMMDD)", zh: "“\(birth)”不是有效的出生日期（YYYYMMDD）")
        }
        let check = Character(Unicode.Scalar(bytes[17]))
        guard check == expected else {
            return LocalizedText(en: "check character is '\(check)' but ISO 7064 MOD 11-2 gives '\(expected)'",
                                 zh: "校验码为“\(check)”，而按 ISO 7064 MOD 11-2 应为“\(expected)”")
        }
        return nil
    }

    // MARK: Electronic licence identifier, GB/T 36904

    public static let licenseRoot = "1.2.156.3005.2."

    /// ISO/IEC 7064 MOD 37,36 check character over the given characters (digits and capitals).
    public static func mod3736CheckCharacter(_ text: some StringProtocol) -> Character? {
        var p = 36
        for byte in text.utf8 {
            guard let value = alphanumericValue(byte) else { return nil }
            var s = (p + value) % 36
            if s == 0 { s = 36 }
            p = (2 * s) % 37
        }
        for check in 0..<36 where (p + check) % 36 == 1 {
            return character(forValue: check)
        }
        return nil
    }

    static func checkLicenseID(_ value: String) -> LocalizedText? {
        let parts = value.utf8.dropFirst(licenseRoot.utf8.count).split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard parts.count == 5 else { return LocalizedText(
            en: "an electronic licence identifier has five parts after the root: type code, issuer, number, version, check",
            zh: "电子证照标识在根之后有五部分：证照类型代码、颁发机构、编号、版本、校验码") }
        let (type, issuer, number, version, check) = (parts[0], parts[1], parts[2], parts[3], parts[4])
        if let problem = checkUSCC(String(type.prefix(18))) {
            return LocalizedText(en: "licence type code '\(type)': the ministry's code: \(problem.en)", zh: "证照类型代码“\(type)”中的部委代码：\(problem.zh)")
        }
        if let problem = checkUSCC(issuer) { return LocalizedText(en: "issuer '\(issuer)': \(problem.en)", zh: "颁发机构“\(issuer)”：\(problem.zh)") }
        guard let expected = mod3736CheckCharacter(type + issuer + number + version) else {
            return LocalizedText(en: "the identifier holds characters outside 0-9 and A-Z", zh: "标识含有 0-9 和 A-Z 以外的字符")
        }
        guard check == String(expected) else {
            return LocalizedText(en: "check character is '\(check)' but ISO/IEC 7064 MOD 37,36 gives '\(expected)'",
                                 zh: "校验码为“\(check)”，而按 ISO/IEC 7064 MOD 37,36 应为“\(expected)”")
        }
        return nil
    }

    /// A licence type code: the issuing ministry's USCC and a 3-digit number.
    public static func checkLicenseTypeCode(_ value: String) -> LocalizedText? {
        guard value.utf8.count == 21, value.utf8.suffix(3).allSatisfy(isDigit) else {
            return LocalizedText(en: "a licence type code is the issuing ministry's USCC followed by 3 digits (21 characters)", zh: "证照类型代码是颁证部委的统一社会信用代码后接 3 位数字（共 21 个字符）")
        }
        return checkUSCC(String(value.prefix(18))).map { LocalizedText(en: "ministry code: \($0.en)", zh: "部委代码：\($0.zh)") }
    }

    // MARK: Calendar

    /// `YYYY-MM-DD` already matched by shape: a real day of the Gregorian calendar.
    static func checkDate(_ value: String) -> LocalizedText? {
        let bytes = Array(value.utf8)
        guard isCalendarDate(bytes[0..<4], bytes[5..<7], bytes[8..<10]) else {
            return LocalizedText(en: "'\(value)' is not a day of the calendar", zh: "“\(value)”不是日历上存在的日期")
        }
        return nil
    }

    /// An RFC 3339 date-time already matched by shape: a real day, hours, minutes, seconds
    /// and offset within their ranges.
    static func checkDateTime(_ value: String) -> LocalizedText? {
        let bytes = Array(value.utf8)
        guard isCalendarDate(bytes[0..<4], bytes[5..<7], bytes[8..<10]) else {
            return LocalizedText(en: "'\(value)' is not a day of the calendar", zh: "“\(value)”不是日历上存在的日期")
        }
        guard number(bytes[11..<13]) <= 23, number(bytes[14..<16]) <= 59, number(bytes[17..<19]) <= 59 else {
            return LocalizedText(en: "'\(value)' has a time outside 00:00:00-23:59:59", zh: "“\(value)”的时间超出 00:00:00-23:59:59")
        }
        if let sign = bytes.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }), sign > 10 {
            guard number(bytes[(sign + 1)..<(sign + 3)]) <= 23, number(bytes[(sign + 4)..<(sign + 6)]) <= 59 else {
                return LocalizedText(en: "'\(value)' has an offset outside -23:59...+23:59", zh: "“\(value)”的时区偏移超出 -23:59...+23:59")
            }
        }
        return nil
    }

    static func isCalendarDate(_ year: ArraySlice<UInt8>, _ month: ArraySlice<UInt8>, _ day: ArraySlice<UInt8>) -> Bool {
        guard [year, month, day].allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }) else { return false }
        let y = number(year), m = number(month), d = number(day)
        guard (1...12).contains(m), d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    }

    // MARK: Helpers

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1) - 48 }
    }

    static func alphanumericValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 48...57: Int(byte) - 48
        case 65...90: Int(byte) - 55
        default: nil
        }
    }

    static func character(forValue value: Int) -> Character {
        Character(Unicode.Scalar(UInt8(value < 10 ? 48 + value : 55 + value)))
    }
}
