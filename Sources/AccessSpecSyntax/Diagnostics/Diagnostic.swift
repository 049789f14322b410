/// A stable identifier for a kind of problem, such as `Y004` or `SEC003`.
///
/// Codes never change meaning once published: users suppress, tune and search for them.
public struct DiagnosticCode: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// Extra context attached to a diagnostic, optionally pointing somewhere else in the sources.
public struct DiagnosticNote: Sendable, Hashable {
    public var text: LocalizedText
    public var span: SourceSpan?

    /// The English text: the stable form tests and tools match on.
    public var message: String { text.en }

    public init(_ text: LocalizedText, at span: SourceSpan? = nil) {
        self.text = text
        self.span = span
    }

    public init(en: String, zh: String, at span: SourceSpan? = nil) {
        self.init(LocalizedText(en: en, zh: zh), at: span)
    }
}

/// A concrete edit that would fix the problem: replace the text of `span` with `replacement`.
public struct FixIt: Sendable, Hashable {
    public var text: LocalizedText
    public var span: SourceSpan
    public var replacement: String

    /// The English text: the stable form tests and tools match on.
    public var message: String { text.en }

    public init(_ text: LocalizedText, replacing span: SourceSpan, with replacement: String) {
        self.text = text
        self.span = span
        self.replacement = replacement
    }

    public init(en: String, zh: String, replacing span: SourceSpan, with replacement: String) {
        self.init(LocalizedText(en: en, zh: zh), replacing: span, with: replacement)
    }
}

public struct Diagnostic: Sendable, Hashable {
    public var code: DiagnosticCode
    public var severity: Severity
    public var text: LocalizedText
    /// Where the problem is; nil only for problems that belong to no file (an empty workspace).
    public var span: SourceSpan?
    public var notes: [DiagnosticNote]
    public var fixIts: [FixIt]

    /// The English text: the stable form tests and tools match on; people see `text` in their language.
    public var message: String { text.en }

    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ text: LocalizedText, at span: SourceSpan?,
        notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
    ) {
        self.code = code
        self.severity = severity
        self.text = text
        self.span = span
        self.notes = notes
        self.fixIts = fixIts
    }

    public init(
        _ severity: Severity, _ code: DiagnosticCode, en: String, zh: String, at span: SourceSpan?,
        notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
    ) {
        self.init(severity, code, LocalizedText(en: en, zh: zh), at: span, notes: notes, fixIts: fixIts)
    }
}
