import AccessSpecSyntax

/// Codes for contracts that do not follow the language: shape, names and values.
public enum LanguageDiagnostics {
    public static let unknownKey: DiagnosticCode = "L001"
    public static let missingKey: DiagnosticCode = "L002"
    public static let wrongKind: DiagnosticCode = "L003"
    public static let notAChoice: DiagnosticCode = "L004"
    public static let version: DiagnosticCode = "L005"
    public static let badName: DiagnosticCode = "L006"
    public static let badTypeExpression: DiagnosticCode = "L007"
    public static let badConstraint: DiagnosticCode = "L008"
    public static let rootNotMapping: DiagnosticCode = "L009"
    public static let literalSecret: DiagnosticCode = "L010"
    public static let badValue: DiagnosticCode = "L011"
    public static let config: DiagnosticCode = "L012"
    public static let emptyWorkspace: DiagnosticCode = "L013"

    public static let descriptors: [DiagnosticDescriptor] = [
        .init(unknownKey, "a key the language does not define", explanation: """
            Every key of a contract is defined in docs/language.md. An unknown key is usually \
            a typo, and silently ignoring it would drop what the author meant, so it is an \
            error; the closest known key is suggested.
            """, bad: "identiy:\n  protocol: ticket", good: "identity:\n  protocol: ticket"),
        .init(missingKey, "a required key is missing", explanation: """
            Some keys have no sensible default (a platform's id, an operation's path); the \
            language requires them.
            """, bad: "platform:\n  name: 山东省政务服务平台", good: "platform:\n  id: shandong\n  name: 山东省政务服务平台"),
        .init(wrongKind, "a value has the wrong kind (mapping, list, string, number)", explanation: """
            Each key takes one kind of value: a mapping, a list, text, an integer or a boolean. \
            Quote text that looks like a number or a boolean only when a string is wanted; \
            numbers are accepted where text is expected.
            """, bad: "connections:\n  to: national", good: "connections:\n  - to: national"),
        .init(notAChoice, "a value is not one of the allowed words", explanation: """
            Keys such as `level`, `method` or a connection's direction take one of a fixed set \
            of words; the message lists them and suggests the closest.
            """, bad: "level: provinical", good: "level: provincial"),
        .init(version, "the file does not declare a supported language version", explanation: """
            Every contract starts with `accessSpec: 1` so that a later language version can \
            change meaning without silently misreading older files.
            """, bad: "platform:\n  id: shandong", good: "accessSpec: 1\nplatform:\n  id: shandong"),
        .init(badName, "a name does not have the required form", explanation: """
            Names become identifiers in generated code and file names: platform and \
            operation ids are `lowerCamel` or `kebab-case` (`^[a-z][a-zA-Z0-9-]*$`), type names \
            `UpperCamel`, error names `UPPER_SNAKE`, field names `lowerCamel`, paths start with `/`.
            """, bad: "types:\n  ticket-request: {fields: {}}", good: "types:\n  TicketRequest: {fields: {}}"),
        .init(badTypeExpression, "a type expression cannot be read", explanation: """
            A type is a built-in (`string`, `uscc`, `date` ...), a type name, `list<T>` or \
            `map<T>`, optionally followed by `?`.
            """, bad: "holder: List[Holder]", good: "holder: list<Holder>"),
        .init(badConstraint, "a constraint is malformed or does not fit its type", explanation: """
            Length and pattern constraints apply to text, minimum and maximum to numbers, \
            item counts to lists; a lower bound may not exceed its upper bound and a pattern \
            must be a valid regular expression.
            """, bad: "age: {type: integer, maxLength: 3}", good: "age: {type: integer, maximum: 150}"),
        .init(rootNotMapping, "the file's root is not a mapping", explanation: """
            A contract is a mapping from top-level keys (accessSpec, platform, ...) to values.
            """, bad: "- accessSpec: 1", good: "accessSpec: 1"),
        .init(literalSecret, "a secret is written into the contract", explanation: """
            Contracts are committed, reviewed and published; a key written into one is \
            leaked. Secrets are references resolved at run time, such as `${env:NAME}`.
            """, bad: "signing:\n  key: 3f9a6c0b7e", good: "signing:\n  key: ${env:SHANDONG_APP_SECRET}"),
        .init(badValue, "a value is malformed (URL, percentage, identifier, path)", explanation: """
            Values with a format (URLs, availability percentages, division codes, unified \
            social credit codes, resident ids, licence ids, paths) are checked where they are \
            written, including their check characters.
            """, bad: "operator: {name: 某局, uscc: \"11370000MB28449441\"}", good: "operator: {name: 某局, uscc: \"11370000MB2844944J\"}"),
        .init(config, "the workspace config is wrong", explanation: """
            `accessspec.yaml` sets rule severities (error, warning, off) and settings. Only the \
            standard's rules (see `accessc explain`) can be tuned: language errors cannot be \
            turned off.
            """, bad: "rules:\n  L001: off", good: "rules:\n  OPS002: warning"),
        .init(emptyWorkspace, "the workspace holds no contract", explanation: """
            The folder given to accessc holds no `.yaml` or `.yml` file with a platform.
            """),
    ]
}
