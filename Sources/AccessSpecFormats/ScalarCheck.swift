/// The checks of one scalar value against its format and constraints (docs/values.md): the one
/// implementation behind the compiler's example check, the mock's request validation and the
/// Swift runtime's field checks. Each returns what is wrong, empty when the value is valid.
public enum ScalarCheck {
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public var text: LocalizedText
        /// A format's shape or check (check characters, the calendar), rather than a constraint.
        public var isFormat: Bool

        /// The English text, as the runtime reports it and tests match on.
        public var message: String { text.en }
        public var description: String { message }

        /// A constraint's phrase completing "value ...".
        static func value(_ phrase: LocalizedText) -> Problem {
            Problem(text: LocalizedText(en: "value \(phrase.en)", zh: "值\(phrase.zh)"), isFormat: false)
        }
    }

    public static func text(_ text: String, format: ValueFormat?, itemCodePattern: String = ValueFormat.defaultItemCodePattern,
                            _ constraints: ValueConstraints) -> [Problem] {
        if let format, let problem = format.problem(with: text, itemCodePattern: itemCodePattern) {
            return [Problem(text: LocalizedText(en: "'\(text)' is not a valid \(format.rawValue): \(problem.en)", zh: "“\(text)”不是有效的 \(format.rawValue)：\(problem.zh)"), isFormat: true)]
        }
        return constraints.textProblems(text).map(Problem.value)
    }

    public static func integer(_ value: Int, _ constraints: ValueConstraints) -> [Problem] {
        guard IntegerRange.contains(value) else { return [Problem(text: LocalizedText(en: "value \(value) is outside the integer range ±(2^53-1)", zh: "值 \(value) 超出整数范围 ±(2^53-1)"), isFormat: false)] }
        return constraints.numberProblems(Double(value)).map(Problem.value)
    }

    public static func number(_ value: Double, _ constraints: ValueConstraints) -> [Problem] {
        guard value.isFinite else { return [Problem(text: LocalizedText(en: "value is not a finite number", zh: "值不是有限数"), isFormat: false)] }
        return constraints.numberProblems(value).map(Problem.value)
    }
}
