/// The languages accessc speaks to people: simplified Chinese and English.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// The language of the user's locale: `LC_ALL`, then `LC_MESSAGES`, then `LANG` (POSIX
    /// order); Chinese for any `zh` locale, English otherwise.
    public static func fromLocale(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .zh : .en
        }
        return .en
    }
}
