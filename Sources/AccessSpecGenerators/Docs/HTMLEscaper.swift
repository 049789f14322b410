/// The one escaper for the documentation site's HTML and SVG (XML) text.
///
/// Every piece of text that reaches a page or the topology SVG, whether it came from a
/// contract, the rule catalogue or a label, passes through `escape`, in element content and in
/// attribute values alike (all five XML-special characters are replaced, so a quote cannot
/// end an attribute). Characters that XML 1.0 forbids and HTML reports as parse errors (C0 and
/// C1 controls other than tab, line feed and carriage return; U+FFFE, U+FFFF) become U+FFFD, so
/// the standalone SVG stays well-formed whatever a contract holds. Directional formatting
/// characters are written visibly (`BidiControls`).
enum HTMLEscaper {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            case _ where BidiControls.name(scalar) != nil: escaped += "[\(BidiControls.name(scalar)!)]"
            default:
                escaped.unicodeScalars.append(isForbidden(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return escaped
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
    }
}
