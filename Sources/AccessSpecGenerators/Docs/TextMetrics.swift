/// Estimated text widths and line wrapping for the SVG drawings, which cannot measure text: CJK
/// characters one em, Latin letters about half, generously, so text stays inside its box.
enum TextMetrics {
    /// An estimate of the advance of `text` at `size`, on the wide side.
    static func textWidth(_ text: String, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + advance($1) } * size
    }

    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar.value {
        case 0x2E80...: 1.0
        case 0x2190...0x21FF: 1.0
        case 0x4D, 0x57: 0.9
        case 0x41...0x5A: 0.7
        case 0x30...0x39: 0.58
        case 0x20, 0x2C, 0x2E, 0x3A, 0x3B, 0x21, 0x27, 0x7C, 0x69, 0x6A, 0x6C: 0.32
        case 0x6D, 0x77: 0.85
        case 0x00...0x7F: 0.58
        default: 0.75
        }
    }

    private static func isWide(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x2E80 }

    /// Greedy wrapping at spaces and between CJK characters; a word too long for a line is
    /// broken; past `maxLines` the last line ends in an ellipsis.
    static func wrap(_ text: String, size: Double, width: Double, maxLines: Int) -> [String] {
        var tokens: [(text: String, spaceBefore: Bool)] = []
        var word = ""
        var pendingSpace = false
        func flush() {
            if !word.isEmpty { tokens.append((word, pendingSpace)); pendingSpace = false; word = "" }
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                flush()
                pendingSpace = !tokens.isEmpty
            } else if isWide(scalar) {
                flush()
                tokens.append((String(scalar), pendingSpace))
                pendingSpace = false
            } else {
                word.unicodeScalars.append(scalar)
            }
        }
        flush()

        var lines: [String] = []
        var line = ""
        func fits(_ candidate: String) -> Bool { textWidth(candidate, size: size) <= width }
        for token in tokens {
            let candidate = line.isEmpty ? token.text : line + (token.spaceBefore ? " " : "") + token.text
            if fits(candidate) {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            for character in token.text {
                if !line.isEmpty && !fits(line + String(character)) {
                    lines.append(line)
                    line = ""
                }
                line.append(character)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        guard lines.count > maxLines else { return lines }
        var last = lines[maxLines - 1]
        while !last.isEmpty && !fits(last + "…") { last.removeLast() }
        return Array(lines.prefix(maxLines - 1)) + [last + "…"]
    }
}
