/// A sentence for people in both languages accessc speaks. There is deliberately no string
/// literal conversion: a message without its Chinese does not compile.
public struct LocalizedText: Sendable, Hashable {
    public var en: String
    public var zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    public func text(in language: Language) -> String {
        switch language {
        case .en: en
        case .zh: zh
        }
    }

    /// Both sentences joined to both of `other`'s with the separator each language uses.
    public func joined(_ other: LocalizedText, en enSeparator: String = " ", zh zhSeparator: String = "") -> LocalizedText {
        LocalizedText(en: en + enSeparator + other.en, zh: zh + zhSeparator + other.zh)
    }

    /// Lists in each language: "a, b" and "a、b".
    public static func list(_ items: [String], en enSeparator: String = ", ", zh zhSeparator: String = "、") -> LocalizedText {
        LocalizedText(en: items.joined(separator: enSeparator), zh: items.joined(separator: zhSeparator))
    }
}
