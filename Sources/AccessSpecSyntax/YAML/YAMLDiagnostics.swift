/// The codes the YAML frontend reports, with their explanations.
public enum YAMLDiagnostics {
    public static let syntax: DiagnosticCode = "Y001"
    public static let encoding: DiagnosticCode = "Y002"
    public static let controlCharacter: DiagnosticCode = "Y003"
    public static let tabIndentation: DiagnosticCode = "Y004"
    public static let duplicateKey: DiagnosticCode = "Y005"
    public static let multipleDocuments: DiagnosticCode = "Y006"
    public static let unsupportedTag: DiagnosticCode = "Y007"
    public static let unknownAlias: DiagnosticCode = "Y008"
    public static let aliasExpansion: DiagnosticCode = "Y009"
    public static let tooDeep: DiagnosticCode = "Y010"
    public static let fileTooLarge: DiagnosticCode = "Y011"
    public static let scalarTooLong: DiagnosticCode = "Y012"
    public static let emptyFile: DiagnosticCode = "Y013"
    public static let unreadable: DiagnosticCode = "Y014"

    public static let descriptors: [DiagnosticDescriptor] = [
        .init(syntax, "the file is not well-formed YAML", explanation: """
            libyaml could not parse the file. The message says what it expected and where; \
            nothing after that point of the file is checked until it parses.
            """, bad: "platform: {id: shandong", good: "platform: {id: shandong}"),
        .init(encoding, "the file is not valid UTF-8", explanation: """
            Contracts are UTF-8 text. Files saved as GBK/GB18030 or UTF-16 by a word processor \
            must be re-saved as UTF-8 (without a byte-order mark is best).
            """),
        .init(controlCharacter, "the file holds a control character such as NUL", explanation: """
            YAML allows no control characters other than tab, line feed and carriage return. \
            A NUL byte usually means a binary or UTF-16 file was saved under a .yaml name.
            """),
        .init(tabIndentation, "a tab is used for indentation", explanation: """
            YAML indents with spaces only; a tab at the start of a line is an error in YAML, \
            and editors show tabs at different widths, so the structure would be ambiguous.
            """, bad: "platform:\n\tid: shandong", good: "platform:\n  id: shandong"),
        .init(duplicateKey, "a mapping has the same key twice", explanation: """
            Most YAML loaders silently keep the last of two equal keys, so half of what the \
            author wrote is lost. AccessSpec rejects the second key and points at the first.
            """, bad: "platform:\n  id: a\n  id: b", good: "platform:\n  id: a"),
        .init(multipleDocuments, "a file holds more than one YAML document", explanation: """
            Each file is one contract. Put a second platform into a file of its own.
            """, bad: "accessSpec: 1\n---\naccessSpec: 1", good: "accessSpec: 1"),
        .init(unsupportedTag, "a node has a tag outside the YAML core schema", explanation: """
            Only the core schema tags (!!str, !!int, !!float, !!bool, !!null, !!map, !!seq) are \
            allowed. Custom tags ask a loader to build arbitrary objects, which contracts never need.
            """, bad: "region: !!python/object 370000", good: "region: !!str 370000"),
        .init(unknownAlias, "an alias names no anchor defined before it", explanation: """
            An alias `*name` must follow an anchor `&name` in the same file.
            """, bad: "a: *base", good: "base: &base {x: 1}\na: *base"),
        .init(aliasExpansion, "aliases expand to too many nodes", explanation: """
            Aliases may repeat a subtree, but the nodes they add are counted and bounded \
            (100,000 per file) so that nested aliases cannot expand into billions of nodes.
            """),
        .init(tooDeep, "nodes are nested too deeply", explanation: """
            Nesting is bounded (64 levels) so that hostile input cannot exhaust the stack. Real \
            contracts need fewer than ten levels.
            """),
        .init(fileTooLarge, "the file is larger than the limit", explanation: """
            A single contract file is bounded (16 MiB). Split a very large workspace into files \
            per platform and shared type libraries.
            """),
        .init(scalarTooLong, "a scalar is longer than the limit", explanation: """
            A single value is bounded (1 MiB). Large examples such as file contents belong in \
            test fixtures, not in the contract.
            """),
        .init(emptyFile, "the file holds no YAML document", explanation: """
            A contract file must hold one document with a mapping at its root. Remove empty \
            files from the workspace or fill them in.
            """, bad: "# nothing here", good: "accessSpec: 1\ntypes: {}"),
        .init(unreadable, "a file cannot be read", explanation: """
            The file could not be opened or read: check that it exists and is readable.
            """),
    ]
}
