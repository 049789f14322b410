/// The one place that turns a scalar into YAML text. Every key, string, number and comment the
/// OpenAPI output holds passes through here, so text from a contract can never change the
/// structure of the document or be read back as anything but the same string.
///
/// A string stays plain only when no YAML 1.1 or 1.2 reader (PyYAML, libyaml, Yams) could take it
/// for something else; everything else is double-quoted, on one line, with escapes.
enum YAMLScalarEscaper {
    /// Words that YAML 1.1 or 1.2 readers resolve to booleans or null (compared lowercased).
    private static let reservedWords: Set<String> = ["null", "~", "true", "false", "yes", "no", "on", "off", "y", "n"]

    static func string(_ text: String) -> String {
        isPlainSafe(text) ? text : doubleQuoted(text)
    }

    static func number(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        // YAML 1.1 floats need a dot and a signed exponent ("1.0e+20"); Swift prints "1e+20".
        var text = "\(value)"
        if !text.contains("."), let exponent = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            text.insert(contentsOf: ".0", at: exponent)
        }
        return text
    }

    static func integer(_ value: Int) -> String { String(value) }

    static func bool(_ value: Bool) -> String { value ? "true" : "false" }

    static let null = "null"

    /// Comment text on one line: line breaks and unprintable characters are shown escaped, since
    /// a raw one would end the comment or make the stream unreadable.
    static func comment(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\t" || isSafeRaw(scalar) { out.unicodeScalars.append(scalar) } else { out += escape(scalar) }
        }
        return out
    }

    // MARK: Deciding

    /// Plain only when it starts with a letter (or `/`, `$`, `_`: paths, `$ref`), holds only
    /// printable characters and ordinary spaces, has no `: ` or ` #`, does not end in a space or
    /// `:`, and is no reserved word. Numbers, dates, indicators, empty and edge-space strings
    /// all fail the first-character test.
    static func isPlainSafe(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return false }
        guard first.properties.isAlphabetic || first == "/" || first == "$" || first == "_" else { return false }
        guard last != " ", last != ":" else { return false }
        var previous: Unicode.Scalar?
        for scalar in scalars {
            guard isSafeRaw(scalar), scalar == " " || !scalar.properties.isWhitespace else { return false }
            // Compared scalar by scalar: a combining mark after the space must not hide the pair.
            if previous == ":" && scalar == " " || previous == " " && scalar == "#" { return false }
            previous = scalar
        }
        return !reservedWords.contains(text.lowercased())
    }

    /// Characters that may appear as they are inside a scalar: YAML's printable set, without
    /// line breaks (NEL, LS, PS), the byte-order mark and invisible format characters (bidi
    /// overrides, zero-width spaces), which are escaped so that a reader sees them.
    private static func isSafeRaw(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: true
        case 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
            scalar.value != 0x2028 && scalar.value != 0x2029 && scalar.properties.generalCategory != .format
        default: false
        }
    }

    // MARK: Quoting

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { out += "\\\"" }
            else if scalar == "\\" { out += "\\\\" }
            else if isSafeRaw(scalar) { out.unicodeScalars.append(scalar) }
            else { out += escape(scalar) }
        }
        return out + "\""
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00: return "\\0"
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0B: return "\\v"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        case 0x85: return "\\N"
        case 0x2028: return "\\L"
        case 0x2029: return "\\P"
        case ...0xFF: return "\\x" + hex(scalar.value, width: 2)
        case ...0xFFFF: return "\\u" + hex(scalar.value, width: 4)
        default: return "\\U" + hex(scalar.value, width: 8)
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
