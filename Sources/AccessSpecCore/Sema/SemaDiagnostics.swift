import AccessSpecSyntax

/// Codes for contracts that are well-formed but do not hang together.
public enum SemaDiagnostics {
    public static let duplicatePlatform: DiagnosticCode = "S001"
    public static let unknownType: DiagnosticCode = "S002"
    public static let unknownError: DiagnosticCode = "S003"
    public static let badImport: DiagnosticCode = "S004"
    public static let importCycle: DiagnosticCode = "S005"
    public static let duplicateName: DiagnosticCode = "S006"
    public static let unknownPlatform: DiagnosticCode = "S007"
    public static let duplicateOperation: DiagnosticCode = "S008"
    public static let duplicateRoute: DiagnosticCode = "S009"
    public static let undeclaredPathParameter: DiagnosticCode = "S010"
    public static let exampleMismatch: DiagnosticCode = "S011"
    public static let duplicateErrorCode: DiagnosticCode = "S012"
    public static let badConnection: DiagnosticCode = "S013"
    public static let invalidIdentifier: DiagnosticCode = "S014"
    public static let constraintViolated: DiagnosticCode = "S015"
    public static let identifierCollision: DiagnosticCode = "S016"
    public static let duplicateErrorCondition: DiagnosticCode = "S017"
    public static let untransportableRequest: DiagnosticCode = "S018"

    public static let descriptors: [DiagnosticDescriptor] = [
        .init(duplicatePlatform, "two contracts declare the same platform id", explanation: """
            A platform id names one platform across the workspace: connections, generated \
            file names and IR entries all use it.
            """),
        .init(unknownType, "a type name refers to no declared type", explanation: """
            Every type used by a field or an operation must be declared in the contract's \
            `types`, or in a file it imports. A type that failed to decode is not reported again.
            """, bad: "request: TiketRequest", good: "request: TicketRequest"),
        .init(unknownError, "an operation lists an error not in the catalogue", explanation: """
            An operation's `errors` name entries of the error catalogue (`errors:` in the \
            contract or an imported file), so clients can map each one to a typed error.
            """, bad: "errors: [INVALID_TIKET]", good: "errors: [INVALID_TICKET]"),
        .init(badImport, "an import names no file of the workspace", explanation: """
            Imports are paths relative to the importing file and must stay inside the workspace \
            folder; the imported file must be a shared file (no `platform:`).
            """, bad: "imports: [../outside.yaml]", good: "imports: [common/types.yaml]"),
        .init(importCycle, "files import each other in a cycle", explanation: """
            A cycle of imports has no first file to read. Move the shared declarations into a \
            file that the others import.
            """),
        .init(duplicateName, "a type or error name is declared twice in one scope", explanation: """
            Within a contract and the files it imports, each type name and error name is \
            declared once; otherwise which one a reference means is a guess.
            """),
        .init(unknownPlatform, "a connection or reference names no platform of the workspace", explanation: """
            Connections, `thirdParty.via` and `thirdParty.uses` name platforms by their id; \
            each must be a platform contract in the workspace.
            """, bad: "connections:\n  - to: natinal", good: "connections:\n  - to: national"),
        .init(duplicateOperation, "two operations of a platform share an id", explanation: """
            Operation ids become method names of generated clients and must be unique within \
            a platform, across all its areas.
            """),
        .init(duplicateRoute, "two operations of a platform share a method and path", explanation: """
            A server cannot tell two operations apart when both have the same method and path.
            """),
        .init(undeclaredPathParameter, "a path parameter is not a field of the request", explanation: """
            Each `{name}` in a path must be a field of the operation's request record, so \
            clients know where to take its value from.
            """, bad: "path: /licenses/{certNo}\nrequest: Empty", good: "path: /licenses/{certNo}\nrequest: LicenseQuery   # has field certNo"),
        .init(exampleMismatch, "an example does not match its type", explanation: """
            Examples become test vectors and documentation, so each is checked against the \
            operation's request or response type: fields, kinds and enum values.
            """),
        .init(duplicateErrorCode, "two errors of a platform share a numeric code", explanation: """
            Clients map the numeric code of a response to an error of the catalogue; two \
            errors with one code cannot be told apart.
            """),
        .init(badConnection, "a connection is to the platform itself or repeated", explanation: """
            A platform lists each platform it connects to once, and never itself.
            """),
        .init(invalidIdentifier, "a value fails its domain format or check character", explanation: """
            Values of the domain formats (uscc, resident-id, division-code, license-id, \
            item-code) and of date, datetime, url, email, phone and base64 are checked \
            wherever they are written, including examples: a made-up identifier with a wrong \
            check character would fail at the real platform.
            """, bad: "holderCode: \"110105194912310021\"", good: "holderCode: \"11010519491231002X\""),
        .init(constraintViolated, "a value breaks a length, pattern, range or count constraint", explanation: """
            Examples must respect their type's constraints (minLength, maxLength, pattern, \
            minimum, maximum, minItems, maxItems).
            """),
        .init(identifierCollision, "two names become the same identifier in generated code", explanation: """
            Generated clients turn names into identifiers: platform ids and type names into \
            UpperCamelCase, operation ids, error names and enum values into lowerCamelCase \
            (`verify-license` and `verifyLicense` both become `verifyLicense`). Two names that \
            fold to one identifier, or a type named like a generated declaration (`Client`, \
            `ContractError`), are rejected here rather than renamed or overwritten later. So are \
            names that differ only in case where each names a file or folder (platform ids, \
            Java classes): on a case-insensitive file system (macOS, Windows) they would be one.
            """, bad: "errors:\n  INVALID_TOKEN: {...}\n  INVALID__TOKEN: {...}", good: "errors:\n  INVALID_TOKEN: {...}\n  EXPIRED_TOKEN: {...}"),
        .init(duplicateErrorCondition, "two errors of a platform report the same condition", explanation: """
            A condition (`invalid-request`, `invalid-token`, `invalid-signature`, \
            `expired-request`, `rate-limited`, `unavailable`) names the one error a platform \
            answers when it happens; the mock server sends it and conformance vectors expect it. \
            Two errors with one condition leave that answer undecided.
            """, bad: "INVALID_TOKEN: { condition: invalid-token, ... }\nTOKEN_EXPIRED: { condition: invalid-token, ... }",
            good: "INVALID_TOKEN: { condition: invalid-token, ... }\nTOKEN_EXPIRED: { ... }"),
        .init(untransportableRequest, "a request cannot travel the way its method sends it", explanation: """
            GET and DELETE requests have no body: their request is a record whose fields travel \
            as the path and the query string (scalars and enum values as `name=value`, lists of \
            them as repeated names, records of them as `name[field]=value`). A path parameter is \
            one required scalar or enum value. Anything else could not be sent, so generated \
            clients and the mock could not agree on it.
            """, bad: "method: GET\nrequest: list<string>", good: "method: GET\nrequest: ItemQuery   # a record of scalars"),
    ]
}

extension DiagnosticNote {
    /// The notes many diagnostics share.
    static func declaredHere(_ name: String, at span: SourceSpan) -> DiagnosticNote {
        DiagnosticNote(en: "'\(name)' is declared here", zh: "“\(name)”在这里声明", at: span)
    }

    static func firstListedHere(at span: SourceSpan) -> DiagnosticNote {
        DiagnosticNote(en: "first listed here", zh: "第一次列出在这里", at: span)
    }

    static func requestTypeGivenHere(at span: SourceSpan) -> DiagnosticNote {
        DiagnosticNote(en: "request type is given here", zh: "请求类型在这里给出", at: span)
    }
}

extension DiagnosticNote {
    static func firstDeclaredHere(at span: SourceSpan) -> DiagnosticNote {
        DiagnosticNote(en: "first declared here", zh: "第一次声明在这里", at: span)
    }
}
