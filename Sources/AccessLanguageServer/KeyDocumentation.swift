import AccessSpecSyntax

/// What the server knows of the language's keys, for key completion, value completion and
/// hover on a key. Paths are the mapping keys as written from the root of a contract: list
/// items are transparent and a free-keyed map (type names, error names, environments) takes
/// one element, so a record field's type is at `["types", "Holder", "fields", "name", "type"]`.
public struct KeyDocumentation: Sendable {
    public struct Key: Sendable {
        public var name: String
        public var required: Bool
        public var documentation: Text?

        public init(name: String, required: Bool, documentation: Text?) {
            self.name = name
            self.required = required
            self.documentation = documentation
        }
    }

    /// A description in both languages of the standard.
    public struct Text: Sendable {
        public var en: String
        public var zh: String

        public init(en: String, zh: String) {
            self.en = en
            self.zh = zh
        }
    }

    /// The keys a mapping at the path takes.
    public var keys: @Sendable (_ mappingPath: [String]) -> [Key]
    /// The values a scalar at the path may take, when it is one of a fixed set.
    public var choices: @Sendable (_ valuePath: [String]) -> [String]

    public init(keys: @escaping @Sendable ([String]) -> [Key], choices: @escaping @Sendable ([String]) -> [String]) {
        self.keys = keys
        self.choices = choices
    }

    /// Knows no keys: key completion and key hover offer nothing.
    public static let unavailable = KeyDocumentation(keys: { _ in [] }, choices: { _ in [] })

    /// The key at the end of a path, with its documentation.
    func key(at path: [String]) -> Key? {
        guard let name = path.last else { return nil }
        return keys(Array(path.dropLast())).first { $0.name == name }
    }
}

/// The language hover texts and completion details are written in: Chinese when the client's
/// locale is Chinese, English otherwise. Every choice between the two goes through here.
enum DisplayLanguage: Sendable {
    case english, chinese

    init(locale: String?) {
        self = locale?.lowercased().hasPrefix("zh") == true ? .chinese : .english
    }

    func pick(_ text: KeyDocumentation.Text) -> String {
        switch self {
        case .english: text.en
        case .chinese: text.zh.isEmpty ? text.en : text.zh
        }
    }

    func pick(en: String, zh: String) -> String { pick(KeyDocumentation.Text(en: en, zh: zh)) }
}

extension DisplayLanguage {
    /// A diagnostic code's summary and explanation. The catalogue is written in English; its
    /// Chinese texts, once it has them, are chosen here.
    func texts(of descriptor: DiagnosticDescriptor) -> (summary: String, explanation: String) {
        (descriptor.summary, descriptor.explanation)
    }
}
