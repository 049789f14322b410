import AccessSpecSyntax

/// How a change reaches the platforms that call a contract, most severe first.
public enum ChangeCategory: String, CaseIterable, Codable, Sendable, Comparable {
    /// A running client or server built on the old contract now fails.
    case wireBreaking = "wire-breaking"
    /// Code generated from the old contract, that callers compile against, changes incompatibly.
    case sourceBreaking = "source-breaking"
    /// Compatible on the wire, but likely to surprise a caller.
    case dangerous
    case compatible

    public var isBreaking: Bool { self == .wireBreaking || self == .sourceBreaking }

    public var chineseName: String {
        switch self {
        case .wireBreaking: "协议不兼容"
        case .sourceBreaking: "代码不兼容"
        case .dangerous: "需关注"
        case .compatible: "兼容"
        }
    }

    public var meaning: String {
        switch self {
        case .wireBreaking: "a running client or server built on the old contract now fails"
        case .sourceBreaking: "code generated from the old contract, that callers compile against, changes incompatibly"
        case .dangerous: "compatible on the wire, but likely to surprise a caller"
        case .compatible: "nothing built on the old contract is affected"
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// One kind of contract change: a stable code (`D001`...), never reused for another meaning.
public struct ChangeKind: Hashable, Sendable {
    public let code: DiagnosticCode
    public let category: ChangeCategory
    public let summary: String
    /// The summary in simplified Chinese, in the standard's terms.
    public let summaryZh: String

    init(_ code: DiagnosticCode, _ category: ChangeCategory, _ summary: String, _ summaryZh: String) {
        self.code = code
        self.category = category
        self.summary = summary
        self.summaryZh = summaryZh
    }

    public static let byCode: [DiagnosticCode: ChangeKind] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// For `accessc explain`: the summary in both languages and what the category means.
    public var descriptor: DiagnosticDescriptor {
        DiagnosticDescriptor(
            code, "\(summary) (\(summaryZh))",
            explanation: """
            A change `accessc diff` reports between two versions of a workspace. Category: \(category.rawValue) \
            (\(category.chineseName)): \(category.meaning). `--fail-on breaking` stops on wire- and source-breaking \
            changes, `--fail-on dangerous` on dangerous ones too. A reviewed change can be accepted in \
            accessspec.yaml under `diff: ignore:` with its platform, this code and a reason; it is then reported as ignored.
            中文: \(summaryZh)。类别: \(category.chineseName)。
            """)
    }
}
