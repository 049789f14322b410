/// Writes a parsed pattern back in the portable form: every set spelt out as explicit ranges
/// (so `\d` cannot widen to other scripts' digits in Python or ICU), controls as `\uXXXX`,
/// and only syntax characters escaped (ECMA-262's `u` mode refuses other identity escapes).
enum PatternRenderer {
    static func render(_ syntax: PatternSyntax) -> String {
        switch syntax {
        case .empty: return ""
        case .set(let set): return render(set)
        case .sequence(let items):
            return items.map { item in
                if case .alternatives = item { return "(?:" + render(item) + ")" }
                return render(item)
            }.joined()
        case .alternatives(let options): return options.map(render).joined(separator: "|")
        case .group(let inner): return "(?:" + render(inner) + ")"
        case .repeated(let inner, let min, let max):
            let operand: String
            switch inner {
            case .set, .group: operand = render(inner)
            default: operand = "(?:" + render(inner) + ")"
            }
            let quantifier = switch (min, max) {
            case (0, nil): "*"
            case (1, nil): "+"
            case (0, 1?): "?"
            case (let low, nil): "{\(low),}"
            case (let low, let high?) where low == high: "{\(low)}"
            case (let low, let high?): "{\(low),\(high)}"
            }
            return operand + quantifier
        }
    }

    private static let syntaxCharacters: Set<UInt32> = Set("^$\\.*+?()[]{}|/".unicodeScalars.map(\.value))
    private static let classSyntax: Set<UInt32> = Set("\\]^-[".unicodeScalars.map(\.value))

    static func render(_ set: ScalarSet) -> String {
        if let scalar = set.singleScalar {
            return syntaxCharacters.contains(scalar) ? "\\" + String(Unicode.Scalar(scalar)!) : literal(scalar)
        }
        // Whichever of the set and its complement is shorter to write.
        let inverted = set.inverted
        let (ranges, prefix) = inverted.ranges.count < set.ranges.count ? (inverted.ranges, "[^") : (set.ranges, "[")
        var out = prefix
        for range in ranges {
            out += member(range.lowerBound)
            if range.upperBound > range.lowerBound {
                if range.upperBound > range.lowerBound + 1 { out += "-" }
                out += member(range.upperBound)
            }
        }
        return out + "]"
    }

    private static func member(_ scalar: UInt32) -> String {
        classSyntax.contains(scalar) ? "\\" + String(Unicode.Scalar(scalar)!) : literal(scalar)
    }

    /// A scalar as itself, or as `\uXXXX` when it is invisible, a control, a line or paragraph
    /// separator, or a surrogate-free BMP format character a reader could not see.
    private static func literal(_ value: UInt32) -> String {
        guard let scalar = Unicode.Scalar(value) else { return "" }
        let category = scalar.properties.generalCategory
        let invisible = category == .control || category == .format || category == .lineSeparator
            || category == .paragraphSeparator || category == .unassigned || category == .privateUse
            || (category == .spaceSeparator && value != 32)
        guard invisible else { return String(scalar) }
        guard value <= 0xFFFF else { return String(scalar) }  // no portable escape beyond the BMP
        let hex = String(value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
