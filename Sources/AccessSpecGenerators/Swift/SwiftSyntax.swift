/// The one place where contract text becomes Swift source: identifiers, string literals and
/// doc comments. Nothing from a contract reaches generated Swift except through here.
enum SwiftSyntax {
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as",
        "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "async", "some", "any",
        "borrowing", "consuming", "package", "Type", "Protocol",
    ]

    /// An identifier, in backticks when it is a keyword.
    static func identifier(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// A string literal that means exactly `text`: plain when it can be, a raw string with the
    /// fewest `#` when it holds quotes or backslashes, and an escaped literal when it holds
    /// line breaks or other control characters.
    static func stringLiteral(_ text: String) -> String {
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            return escapedLiteral(text)
        }
        guard text.contains("\"") || text.contains("\\") else { return "\"\(text)\"" }
        var hashes = "#"
        while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
        return "\(hashes)\"\(text)\"\(hashes)"
    }

    private static func escapedLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}":
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `///` lines for free text; every kind of line break starts a new comment line.
    static func docComment(_ paragraphs: [String?]) -> [String] {
        CommentText.lines(paragraphs).map { $0.isEmpty ? "///" : "/// " + $0 }
    }
}

/// Free text as the lines of a comment, in any output language: nil paragraphs left out, every
/// kind of line break starting a new line, empty lines at either end dropped.
enum CommentText {
    static func lines(_ paragraphs: [String?]) -> [String] {
        var lines = paragraphs.compactMap { $0 }.flatMap { text in
            text.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }).map(String.init)
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}

/// Collects lines with indentation; the generator's only way to write text.
struct CodeWriter {
    private(set) var text = ""
    private var depth = 0

    mutating func line(_ content: String = "") {
        text += content.isEmpty ? "\n" : String(repeating: "    ", count: depth) + content + "\n"
    }

    mutating func lines(_ contents: [String]) {
        contents.forEach { line($0) }
    }

    /// Another writer's lines, indented to this one's depth.
    mutating func lines(of other: CodeWriter) {
        lines(other.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
    }

    mutating func block(_ header: String, _ body: (inout CodeWriter) -> Void) {
        line(header + " {")
        depth += 1
        body(&self)
        depth -= 1
        line("}")
    }
}
