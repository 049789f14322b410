import Foundation
import AccessSpecCore
import AccessSpecSyntax

/// What the server knows of the language's keys, for key completion, value completion and
/// hover on a key. Paths are the mapping keys as written from the root of a contract: list
/// items are transparent and a free-keyed map (type names, error names, environments) takes
/// one element, so a record field's type is at `["types", "Holder", "fields", "name", "type"]`.
public struct KeyDocumentation: Sendable {
    public struct Key: Sendable {
        public var name: String
        public var required: Bool
        public var documentation: LocalizedText?

        public init(name: String, required: Bool, documentation: LocalizedText?) {
            self.name = name
            self.required = required
            self.documentation = documentation
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

    /// The language's own key tables, the ones the decoders read (`ContractSchema`).
    public static let contractSchema = KeyDocumentation(
        keys: { path in
            guard case .mapping(let mapping)? = ContractSchema.shape(at: path) else { return [] }
            return mapping.keys.map { Key(name: $0.name, required: $0.required, documentation: $0.doc) }
        },
        choices: { path in
            guard case .choice(let words)? = ContractSchema.shape(at: path) else { return [] }
            return words
        })

    /// The key at the end of a path, with its documentation.
    func key(at path: [String]) -> Key? {
        guard let name = path.last else { return nil }
        return keys(Array(path.dropLast())).first { $0.name == name }
    }
}

/// The language diagnostics, code actions, hover texts and completion details are written in:
/// Chinese when the client's locale is Chinese ("zh-cn", "zh-CN"), English for any other; without
/// a locale, the server's environment decides as it does for the command line.
extension Language {
    init(locale: String?, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let locale {
            self = locale.lowercased().hasPrefix("zh") ? .zh : .en
        } else {
            self = Language.fromLocale(environment)
        }
    }

    func pick(_ text: LocalizedText) -> String { text.text(in: self) }

    func pick(en: String, zh: String) -> String { self == .zh && !zh.isEmpty ? zh : en }

    /// A diagnostic code's summary and explanation in this language.
    func texts(of descriptor: DiagnosticDescriptor) -> (summary: String, explanation: String) {
        (descriptor.summary(in: self), descriptor.explanation(in: self))
    }
}
