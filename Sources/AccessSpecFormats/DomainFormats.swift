import Foundation

/// The national identifier formats and their check algorithms (GB 32100, GB 11643, GB/T 2260, GB/T 36904), in one place.
/// Each check returns nil when the value is valid, or a sentence saying what is wrong.
public enum DomainFormats {
    // MARK: Unified social credit code, GB 32100

    static let usccAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The check character a 17-character USCC body should end with, or nil if a character
    /// is outside the code's alphabet.
    public static func usccCheckCharacter(_ body: some Sequence<Character>) -> Character? {
        var sum = 0
        for (character, weight) in zip(body, usccWeights) {
            guard let value = usccAlphabet.firstIndex(of: character) else { return nil }
            sum += value * weight
        }
        return usccAlphabet[(31 - sum % 31) % 31]
    }

    public static func checkUSCC(_ value: String) -> String? {
        let characters = Array(value)
        guard characters.count == 18 else { return "a unified social credit code has 18 characters, not \(characters.count)" }
        if let bad = characters.first(where: { !usccAlphabet.contains($0) }) {
            return "'\(bad)' is not allowed in a unified social credit code (digits and capitals except I, O, S, V, Z)"
        }
        let expected = usccCheckCharacter(characters.prefix(17))!
        guard characters[17] == expected else {
            return "check character is '\(characters[17])' but GB 32100 gives '\(expected)'"
        }
        return nil
    }

    // MARK: Resident identity number, GB 11643

    static let residentWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    static let residentChecks = Array("10X98765432")

    public static func residentCheckCharacter(_ body: some Sequence<Character>) -> Character? {
        var sum = 0
        for (character, weight) in zip(body, residentWeights) {
            guard let digit = character.wholeNumberValue, character.isASCII else { return nil }
            sum += digit * weight
        }
        return residentChecks[sum % 11]
    }

    public static func checkResidentID(_ value: String) -> String? {
        let characters = Array(value)
        guard characters.count == 18 else { return "a resident identity number has 18 characters, not \(characters.count)" }
        guard characters.prefix(17).allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return "the first 17 characters of a resident identity number are digits"
        }
        let birth = String(characters[6..<14])
        guard isCalendarDate(year: birth.prefix(4), month: birth.dropFirst(4).prefix(2), day: birth.suffix(2)) else {
            return "'\(birth)' is not a valid birth date (YYYYMMDD)"
        }
        let expected = residentCheckCharacter(characters.prefix(17))!
        guard characters[17] == expected else {
            return "check character is '\(characters[17])' but ISO 7064 MOD 11-2 gives '\(expected)'"
        }
        return nil
    }

    // MARK: Administrative division code, GB/T 2260

    public static func checkDivisionCode(_ value: String) -> String? {
        guard value.count == 6 || value.count == 12, value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return "a division code is 6 digits (or 12 in the service-system form)"
        }
        guard let province = Int(value.prefix(2)), (10...82).contains(province) else {
            return "'\(value.prefix(2))' is not a province-level prefix of GB/T 2260"
        }
        return nil
    }

    // MARK: Electronic licence identifier, GB/T 36904

    public static let licenseRoot = "1.2.156.3005.2."

    /// ISO/IEC 7064 MOD 37,36 check character over the given characters (digits and capitals).
    public static func mod3736CheckCharacter(_ text: some Sequence<Character>) -> Character? {
        var p = 36
        for character in text {
            guard let value = alphanumericValue(character) else { return nil }
            var s = (p + value) % 36
            if s == 0 { s = 36 }
            p = (2 * s) % 37
        }
        for check in 0..<36 where (p + check) % 36 == 1 {
            return character(forValue: check)
        }
        return nil
    }

    public static func checkLicenseID(_ value: String) -> String? {
        guard value.hasPrefix(licenseRoot) else { return "an electronic licence identifier starts with '\(licenseRoot)'" }
        let parts = value.dropFirst(licenseRoot.count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 5 else {
            return "an electronic licence identifier has five parts after the root: type code, issuer, number, version, check"
        }
        let (type, issuer, number, version, check) = (parts[0], parts[1], parts[2], parts[3], parts[4])
        guard type.count == 21, checkUSCC(String(type.prefix(18))) == nil, type.suffix(3).allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return "licence type code '\(type)' is not an issuing ministry's USCC followed by 3 digits"
        }
        if let problem = checkUSCC(String(issuer)) { return "issuer '\(issuer)': \(problem)" }
        guard !number.isEmpty, number.allSatisfy({ alphanumericValue($0) != nil }) else {
            return "licence number '\(number)' must be digits and capital letters"
        }
        guard version.count == 3, version.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return "version '\(version)' must be 3 digits"
        }
        let body = type + issuer + number + version
        guard let expected = mod3736CheckCharacter(body) else { return "the identifier holds characters outside 0-9 and A-Z" }
        guard check.count == 1, check.first == expected else {
            return "check character is '\(check)' but ISO/IEC 7064 MOD 37,36 gives '\(expected)'"
        }
        return nil
    }

    /// A licence type code: the issuing ministry's USCC and a 3-digit number.
    public static func checkLicenseTypeCode(_ value: String) -> String? {
        guard value.count == 21, value.suffix(3).allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return "a licence type code is the issuing ministry's USCC followed by 3 digits (21 characters)"
        }
        return checkUSCC(String(value.prefix(18))).map { "ministry code: \($0)" }
    }

    // MARK: Service item code (pattern set by the workspace)

    public static let defaultItemCodePattern = "^[0-9]{12}([0-9A-Z]{0,30})?$"

    // MARK: General formats

    public static func checkDate(_ value: String) -> String? {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              isCalendarDate(year: parts[0], month: parts[1], day: parts[2])
        else { return "'\(value)' is not a date in the form YYYY-MM-DD" }
        return nil
    }

    public static func checkDateTime(_ value: String) -> String? {
        let problem = "'\(value)' is not an RFC 3339 date-time such as 2024-05-01T08:30:00+08:00"
        // YYYY-MM-DD T hh:mm:ss [.fraction] (Z | ±hh:mm), checked by hand: this runs on every example.
        let bytes = Array(value.utf8)
        guard bytes.count >= 20, checkDate(String(decoding: bytes[0..<10], as: UTF8.self)) == nil,
              [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(bytes[10]),
              digits(bytes[11..<13]), bytes[13] == UInt8(ascii: ":"), digits(bytes[14..<16]),
              bytes[16] == UInt8(ascii: ":"), digits(bytes[17..<19])
        else { return problem }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            let start = index + 1
            index = start
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > start else { return problem }
        }
        let zone = bytes[index...]
        if zone.count == 1, zone.first == UInt8(ascii: "Z") || zone.first == UInt8(ascii: "z") { return nil }
        guard zone.count == 6, zone.first == UInt8(ascii: "+") || zone.first == UInt8(ascii: "-"),
              digits(zone.dropFirst().prefix(2)), zone[zone.startIndex + 3] == UInt8(ascii: ":"), digits(zone.suffix(2))
        else { return problem }
        return nil
    }

    public static func checkURL(_ value: String) -> String? {
        guard let components = URLComponents(string: value), let scheme = components.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = components.host, !host.isEmpty
        else { return "'\(value)' is not an absolute http(s) URL" }
        return nil
    }

    public static func checkEmail(_ value: String) -> String? {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !value.contains(where: \.isWhitespace),
              let dot = parts[1].lastIndex(of: "."), dot != parts[1].startIndex, parts[1].index(after: dot) != parts[1].endIndex
        else { return "'\(value)' is not an email address" }
        return nil
    }

    public static func checkPhone(_ value: String) -> String? {
        var bytes = Array(value.utf8)[...]
        if bytes.starts(with: Array("+86".utf8)) { bytes = bytes.dropFirst(3) }
        let mobile = bytes.count == 11 && bytes.first == UInt8(ascii: "1") && (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(bytes[bytes.startIndex + 1]) && digits(bytes)
        var landline = false
        if value.utf8.first == UInt8(ascii: "0") {
            let groups = value.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
            if groups.count == 1 {
                landline = (10...12).contains(groups[0].count) && digits(groups[0])
            } else if groups.count == 2 {
                landline = (3...4).contains(groups[0].count) && digits(groups[0]) && (7...8).contains(groups[1].count) && digits(groups[1])
            }
        }
        guard mobile || landline else {
            return "'\(value)' is not a mainland mobile (1XXXXXXXXXX) or landline (0XXX-XXXXXXX) number"
        }
        return nil
    }

    public static func checkBase64(_ value: String) -> String? {
        guard Data(base64Encoded: value) != nil else { return "the value is not valid base64" }
        return nil
    }

    // MARK: Helpers

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    static func digits(_ bytes: some Collection<UInt8>) -> Bool { !bytes.isEmpty && bytes.allSatisfy(isDigit) }

    static func alphanumericValue(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue else { return nil }
        switch ascii {
        case 48...57: return Int(ascii) - 48
        case 65...90: return Int(ascii) - 55
        default: return nil
        }
    }

    static func character(forValue value: Int) -> Character {
        value < 10 ? Character(String(value)) : Character(UnicodeScalar(UInt8(55 + value)))
    }

    static func isCalendarDate(year: some StringProtocol, month: some StringProtocol, day: some StringProtocol) -> Bool {
        guard let y = Int(year), let m = Int(month), let d = Int(day), (1...12).contains(m), d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }
}
