/// What `accessc explain CODE` knows about a code: a one-line summary, why it exists, and
/// for the standard's rules a bad and a good example; the texts in Chinese and English.
public struct DiagnosticDescriptor: Sendable {
    public var code: DiagnosticCode
    public var summary: String
    public var explanation: String
    /// The Chinese texts; empty until the catalogue adds them (`DiagnosticCatalog.all` has both).
    public var summaryZh: String = ""
    public var explanationZh: String = ""
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

    /// The summary in `language`, English where no Chinese is known.
    public func summary(in language: Language) -> String {
        language == .zh && !summaryZh.isEmpty ? summaryZh : summary
    }

    public func explanation(in language: Language) -> String {
        language == .zh && !explanationZh.isEmpty ? explanationZh : explanation
    }
}
