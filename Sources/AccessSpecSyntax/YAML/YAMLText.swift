/// Text written into YAML that people then edit (`accessc init`): the one escaper for it.
public enum YAMLText {
    /// A double-quoted YAML scalar that reads back as exactly `text`.
    public static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                // Controls, and the invisible characters the terminal renderer escapes too.
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || [0x061C, 0xFEFF].contains(scalar.value)
                    || (0x200B...0x200F).contains(scalar.value) || (0x2028...0x202E).contains(scalar.value) || (0x2060...0x2069).contains(scalar.value) {
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - String(scalar.value, radix: 16).count)) + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
