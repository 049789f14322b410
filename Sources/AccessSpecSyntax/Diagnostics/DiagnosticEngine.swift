/// The one place every stage reports to. Stages never throw on a bad contract: they emit
/// and carry on, so a single run shows every problem in every file.
public final class DiagnosticEngine: @unchecked Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    /// Severity per code chosen by the workspace; `nil` turns the code off.
    public var severityOverrides: [DiagnosticCode: Severity?] = [:]
    private var seen: Set<Diagnostic> = []

    public init() {}

    public func emit(_ diagnostic: Diagnostic) {
        var diagnostic = diagnostic
        if let override = severityOverrides[diagnostic.code] {
            guard let severity = override else { return }
            diagnostic.severity = severity
        }
        // Shared files are seen from several importers; say each thing once.
        guard seen.insert(diagnostic).inserted else { return }
        diagnostics.append(diagnostic)
    }

    public func error(
        _ code: DiagnosticCode, _ text: LocalizedText, at span: SourceSpan?,
        notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
    ) {
        emit(Diagnostic(.error, code, text, at: span, notes: notes, fixIts: fixIts))
    }

    public func error(
        _ code: DiagnosticCode, en: String, zh: String, at span: SourceSpan?,
        notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
    ) {
        error(code, LocalizedText(en: en, zh: zh), at: span, notes: notes, fixIts: fixIts)
    }

    public func warning(
        _ code: DiagnosticCode, _ text: LocalizedText, at span: SourceSpan?,
        notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
    ) {
        emit(Diagnostic(.warning, code, text, at: span, notes: notes, fixIts: fixIts))
    }

    public func warning(
        _ code: DiagnosticCode, en: String, zh: String, at span: SourceSpan?,
        notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
    ) {
        warning(code, LocalizedText(en: en, zh: zh), at: span, notes: notes, fixIts: fixIts)
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Diagnostics in reading order: by file path, then position, then code. Output never
    /// depends on the order files were found or checked in.
    public var sorted: [Diagnostic] {
        diagnostics.sorted { lhs, rhs in
            let l = (lhs.span?.file.path ?? "", lhs.span?.start.line ?? 0, lhs.span?.start.column ?? 0)
            let r = (rhs.span?.file.path ?? "", rhs.span?.start.line ?? 0, rhs.span?.start.column ?? 0)
            if l != r { return l < r }
            if lhs.code != rhs.code { return lhs.code < rhs.code }
            return lhs.message < rhs.message
        }
    }
}
