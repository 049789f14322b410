/// What `accessc explain CODE` knows about a code: a one-line summary, why it exists, and
/// for the standard's rules a bad and a good example.
public struct DiagnosticDescriptor: Sendable {
    public var code: DiagnosticCode
    public var summary: String
    public var explanation: String
    public var badExample: String?
    public var goodExample: String?
    /// Rules of the access standard can be tuned per workspace; language errors cannot.
    public var isTunable: Bool

    public init(
        _ code: DiagnosticCode, _ summary: String, explanation: String,
        bad: String? = nil, good: String? = nil, tunable: Bool = false
    ) {
        self.code = code
        self.summary = summary
        self.explanation = explanation
        self.badExample = bad
        self.goodExample = good
        self.isTunable = tunable
    }
}
