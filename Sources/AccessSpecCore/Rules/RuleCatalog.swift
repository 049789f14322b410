import AccessSpecSyntax

/// Every rule of the access standard that accessc checks, in code order.
public enum RuleCatalog {
    public static let all: [Rule] = TopologyRules.all + ServiceRules.all + PlatformRules.all

    public static let byCode: [DiagnosticCode: Rule] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })
}

/// Every code accessc can report, in English and Chinese, for `accessc explain`, the docs,
/// SARIF and the editor.
public enum DiagnosticCatalog {
    /// Each code's descriptor with its Chinese texts from `ChineseCatalogue`.
    public static let all: [DiagnosticDescriptor] = english.map { descriptor in
        var descriptor = descriptor
        if let chinese = ChineseCatalogue.texts[descriptor.code] {
            descriptor.summaryZh = chinese.summary
            descriptor.explanationZh = chinese.explanation
        }
        return descriptor
    }

    static let english: [DiagnosticDescriptor] =
        YAMLDiagnostics.descriptors + LanguageDiagnostics.descriptors + SemaDiagnostics.descriptors + RuleCatalog.all.map(\.descriptor)

    public static let byCode: [DiagnosticCode: DiagnosticDescriptor] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// The renderer's source of localised summaries.
    public static let summary: @Sendable (DiagnosticCode) -> String? = { byCode[$0]?.summaryZh }

    public static func descriptor(for code: String) -> DiagnosticDescriptor? {
        all.first { $0.code.rawValue.caseInsensitiveCompare(code) == .orderedSame }
    }
}
