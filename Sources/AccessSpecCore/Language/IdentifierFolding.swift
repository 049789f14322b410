/// How contract names become identifiers in generated code. The rule is the language's, not
/// one generator's: the checker rejects two names that fold to the same identifier, with their
/// positions, so no generator ever has to overwrite or rename one silently. The names generated
/// code declares itself are in `GeneratedNames`.
public enum IdentifierFolding {
    /// `icbc-mobile` -> `IcbcMobile`, `INVALID_TOKEN` -> `InvalidToken`.
    public static func upperCamel(_ text: String) -> String {
        let joined = words(text).map(capitalized).joined()
        return startsWithDigit(joined) ? "_" + joined : joined
    }

    /// `verify-license-data` -> `verifyLicenseData`, `INVALID_TOKEN` -> `invalidToken`,
    /// `L2` -> `l2`, `一级` -> `一级`, `2fa` -> `_2fa`, and `*/` -> `_2a2f`.
    public static func lowerCamel(_ text: String) -> String {
        let parts = words(text)
        // A name with no letters or digits (`"""`, `*/`) is spelt by its bytes.
        guard let first = parts.first else { return "_" + text.utf8.prefix(16).map { String($0, radix: 16) }.joined() }
        let head = ascii(first, firstUpper: false) ?? (first.allSatisfy { !$0.isLowercase } ? first.lowercased() : lowercasedFirst(first))
        let joined = head + parts.dropFirst().map(capitalized).joined()
        return startsWithDigit(joined) ? "_" + joined : joined
    }

    /// Runs of letters and digits; everything else separates words.
    static func words(_ text: String) -> [String] {
        // Most names are ASCII, where a byte test says the same as the Unicode properties.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.split { byte in
                !((byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")))
            }.map { String(decoding: $0, as: UTF8.self) }
        }
        return text.split { !($0.isLetter || $0.isNumber) || !$0.isIdentifierSafe }.map(String.init)
    }

    private static func capitalized(_ word: String) -> String {
        if let ascii = ascii(word, firstUpper: true) { return ascii }
        let body = word.allSatisfy { !$0.isLowercase } ? word.lowercased() : word
        return body.prefix(1).uppercased() + body.dropFirst()
    }

    /// What `capitalized` (or, with `firstUpper` false, the head of `lowerCamel`) makes of an
    /// ASCII word, by bytes: a word without a lower-case letter is lower-cased first
    /// (`TOKEN` -> `Token`). Nil for other words, which take the Unicode path.
    private static func ascii(_ word: String, firstUpper: Bool) -> String? {
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        let lower = UInt8(ascii: "a")...UInt8(ascii: "z"), upper = UInt8(ascii: "A")...UInt8(ascii: "Z")
        var bytes = Array(word.utf8)
        if !bytes.contains(where: { lower.contains($0) }) {
            for index in bytes.indices where upper.contains(bytes[index]) { bytes[index] += 32 }
        }
        if let first = bytes.first {
            if firstUpper, lower.contains(first) { bytes[0] -= 32 }
            if !firstUpper, upper.contains(first) { bytes[0] += 32 }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func lowercasedFirst(_ word: String) -> String {
        word.prefix(1).lowercased() + word.dropFirst()
    }

    private static func startsWithDigit(_ text: String) -> Bool {
        text.first?.isNumber ?? false
    }
}

private extension Character {
    /// Letters and digits Swift accepts in identifiers: ASCII, and the CJK ideographs and
    /// other letters contracts use; emoji and symbols are separators.
    var isIdentifierSafe: Bool {
        unicodeScalars.count == 1 && !(unicodeScalars.first!.properties.isEmoji && !isASCII)
    }
}
