import AccessSpecSyntax

/// Every rule of the access standard that accessc checks, in code order.
public enum RuleCatalog {
    public static let all: [Rule] = TopologyRules.all + ServiceRules.all + PlatformRules.all

    public static let byCode: [DiagnosticCode: Rule] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })
}

/// Every code accessc can report, for `accessc explain`.
public enum DiagnosticCatalog {
    public static let all: [DiagnosticDescriptor] =
        YAMLDiagnostics.descriptors + LanguageDiagnostics.descriptors + SemaDiagnostics.descriptors + RuleCatalog.all.map(\.descriptor)

    public static func descriptor(for code: String) -> DiagnosticDescriptor? {
        all.first { $0.code.rawValue.caseInsensitiveCompare(code) == .orderedSame }
    }
}
