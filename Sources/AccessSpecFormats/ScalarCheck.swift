/// The checks of one scalar value against its format and constraints (docs/values.md): the one
/// implementation behind the compiler's example check, the mock's request validation and the
/// Swift runtime's field checks. Each returns what is wrong, empty when the value is valid.
public enum ScalarCheck {
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public var message: String
        /// A format's shape or check (check characters, the calendar), rather than a constraint.
        public var isFormat: Bool

        public var description: String { message }
    }

    public static func text(_ text: String, format: ValueFormat?, itemCodePattern: String = ValueFormat.defaultItemCodePattern,
                            _ constraints: ValueConstraints) -> [Problem] {
        if let format, let problem = format.problem(with: text, itemCodePattern: itemCodePattern) {
            return [Problem(message: "'\(text)' is not a valid \(format.rawValue): \(problem)", isFormat: true)]
        }
        return constraints.textProblems(text).map { Problem(message: "value \($0)", isFormat: false) }
    }

    public static func integer(_ value: Int, _ constraints: ValueConstraints) -> [Problem] {
        guard IntegerRange.contains(value) else { return [Problem(message: "value \(value) is outside the integer range ±(2^53-1)", isFormat: false)] }
        return constraints.numberProblems(Double(value)).map { Problem(message: "value \($0)", isFormat: false) }
    }

    public static func number(_ value: Double, _ constraints: ValueConstraints) -> [Problem] {
        guard value.isFinite else { return [Problem(message: "value is not a finite number", isFormat: false)] }
        return constraints.numberProblems(value).map { Problem(message: "value \($0)", isFormat: false) }
    }
}
