/// The one escaper for the documentation site's Markdown (CommonMark with GitHub's tables).
///
/// Text from a contract must come out as the same plain text, never as Markdown or HTML:
/// - every inline marker (`\` `` ` `` `*` `_` `[` `]` `|` `#` `~` `$` `!`) is backslash-escaped,
///   so no emphasis, code, link (`](javascript:...)`), image, table cell or heading closer forms;
/// - `<`, `>` and `&` become entities, so neither raw HTML (`<script>`), an autolink nor an
///   entity reference written in a contract can take effect;
/// - text that begins a line and would begin a block there (`-`, `+`, `=`, `1.`, `1)`,
///   indentation) is escaped at its start;
/// - line breaks become `<br>` (the only HTML this escaper emits), so text never ends a table row
///   or a list item early;
/// - control characters become U+FFFD, and directional formatting characters a visible
///   `[U+202E]` (`BidiControls`).
enum MarkdownEscaper {
    /// Text in a paragraph, heading, list item, link label or table cell. `atLineStart` says the
    /// text may begin a line (or follow a list marker), where block syntax is recognised.
    static func text(_ text: String, atLineStart: Bool = true) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        var atStart = atLineStart
        var leadingDigits = false
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            if scalar == "\n" || scalar == "\r" {
                if !(scalar == "\n" && previousWasCR) { escaped += "<br>" }
                continue
            }
            if atStart {
                switch scalar {
                case " ": escaped += "&#32;"; continue
                case "\t": escaped += "&#9;"; continue
                case "-", "+", "=": escaped += "\\"; escaped.unicodeScalars.append(scalar); atStart = false; continue
                case "0"..."9": leadingDigits = true
                default: break
                }
                atStart = false
            } else if leadingDigits {
                switch scalar {
                case "0"..."9": break
                case ".", ")": escaped += "\\"; escaped.unicodeScalars.append(scalar); leadingDigits = false; continue
                default: leadingDigits = false
                }
            }
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "$", "!":
                escaped += "\\"
                escaped.unicodeScalars.append(scalar)
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case _ where BidiControls.name(scalar) != nil: escaped += "\\[\(BidiControls.name(scalar)!)\\]"
            default:
                escaped.unicodeScalars.append(isControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return escaped
    }

    /// A code span: delimited by one more backtick than the longest run inside, padded when the
    /// content starts or ends with a backtick or a space. Line breaks become spaces (a code span
    /// cannot hold one inside a table row); in a table cell every `|` is escaped, which GitHub's
    /// table parser honours inside code spans too.
    static func code(_ text: String, inTable: Bool) -> String {
        guard !text.isEmpty else { return "" }
        var content = ""
        var longestRun = 0
        var run = 0
        for scalar in text.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
            switch scalar {
            case "\n", "\r": content += " "
            case "|" where inTable: content += "\\|"
            default: content.unicodeScalars.append(isControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let padded = content.first == "`" || content.last == "`" || content.first == " " || content.last == " "
        return padded ? "\(fence) \(content) \(fence)" : "\(fence)\(content)\(fence)"
    }

    /// A fenced code block whose fence is longer than any run of backticks in the code, so the
    /// code cannot close it.
    static func codeBlock(_ code: String, language: String) -> String {
        var longestRun = 0
        var run = 0
        var content = ""
        for scalar in code.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
            content.unicodeScalars.append(isControl(scalar) && scalar != "\n" && scalar != "\t" ? "\u{FFFD}" : scalar)
        }
        let fence = String(repeating: "`", count: max(3, longestRun + 1))
        let info = language.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "-" } ? language : ""
        return "\(fence)\(info)\n\(content)\n\(fence)"
    }

    /// A link destination: a relative path the generator made; anything outside a safe set is
    /// percent-encoded so it cannot end the destination.
    static func destination(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "#"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(value)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
