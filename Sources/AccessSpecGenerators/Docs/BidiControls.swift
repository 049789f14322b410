/// Directional formatting characters (U+202A-U+202E, U+2066-U+2069) reorder the text around
/// them without being seen, so contract text could show a reviewer something other than what it
/// says. Both escapers write them visibly instead, as `[U+202E]`.
enum BidiControls {
    /// The code point's name (`U+202E`) for a directional control, nil for anything else.
    static func name(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069: "U+\(String(scalar.value, radix: 16, uppercase: true))"
        default: nil
        }
    }
}
