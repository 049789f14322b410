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
        var descriptor = DiagnosticDescriptor(
            code, summary,
            explanation: """
            A change `accessc diff` reports between two versions of a workspace. Category: \(category.rawValue) \
            (\(category.chineseName)): \(category.meaning). `--fail-on breaking` stops on wire- and source-breaking \
            changes, `--fail-on dangerous` on dangerous ones too. A reviewed change can be accepted in \
            accessspec.yaml under `diff: ignore:` with its platform, this code and a reason; it is then reported as ignored.
            """)
        descriptor.summaryZh = summaryZh
        descriptor.explanationZh = """
            `accessc diff` 在工作区的两个版本之间报告的一项变更。类别：\(category.chineseName)（\(category.rawValue)）。\
            `--fail-on breaking` 遇到破坏线上兼容或源码兼容的变更即失败，`--fail-on dangerous` 遇到有风险的变更也失败。\
            经评审接受的变更可以写在 accessspec.yaml 的 `diff: ignore:` 下（平台、本代码和理由），此后报告为已忽略。
            """
        return descriptor
    }
}
