import Foundation

/// The one place where contract text becomes Java source: string literals and Javadoc.
/// Identifiers come from `GeneratedJavaNames`, which the checker knows. Nothing from a contract
/// reaches generated Java except through here and there.
///
/// Java turns `\uXXXX` into its character before it reads a token, anywhere in a file, so a
/// contract's backslash must never stand where it could start one: in literals it is doubled, in
/// Javadoc it is written as an HTML character reference.
enum JavaSyntax {
    /// A string literal that means exactly `text`.
    static func stringLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                // Octal, not \u: a \u000a would become a line break before the literal is read.
                let octal = String(scalar.value, radix: 8)
                out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            case _ where isInvisible(scalar):
                // Safe as \u: none of these is a line terminator, a quote or a backslash.
                out += String(scalar).utf16.map { "\\u" + hex4($0) }.joined()
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A Javadoc comment of the paragraphs (nil ones left out), each line break starting a new
    /// line; nothing in the text can end the comment, start a tag or an escape.
    static func docComment(_ paragraphs: [String?]) -> [String] {
        let lines = CommentText.lines(paragraphs).map(docText)
        guard !lines.isEmpty else { return [] }
        // An empty line ends a Javadoc paragraph; <p> starts the next, as Javadoc renders it.
        return ["/**"] + lines.map { $0.isEmpty ? " * <p>" : " * " + $0 } + [" */"]
    }

    private static func docText(_ line: String) -> String {
        var out = ""
        for scalar in line.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "@": out += "&#64;"
            case "\\": out += "&#92;"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || isInvisible(scalar):
                out += "&#x\(String(scalar.value, radix: 16));"
            default: out.unicodeScalars.append(scalar)
            }
        }
        // `*/` would end the comment.
        return out.replacingOccurrences(of: "*/", with: "*&#47;").trimmingTrailingSpaces()
    }

    /// Text for a `//` comment: one line, and no backslash that could start a `\u` escape.
    static func lineComment(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.isWhitespace && scalar != " " ? "_" : scalar
        }))
    }

    /// Format characters (bidirectional controls among them) and separators that would make the
    /// source read otherwise than it compiles.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned, .surrogate: true
        default: scalar.value == 0x85
        }
    }

    private static func hex4(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
