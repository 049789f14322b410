import AccessSpecCore
import AccessSpecSyntax

/// Completion of keys and of values: type names where a type is written, error names in an
/// operation's `errors`, platform ids in `to:` and `via:`, operations in `uses`, and the
/// values of keys that take one of a fixed set.
struct Completion {
    let document: DocumentContext
    let keys: KeyDocumentation

    private enum ItemKind: Int {
        case property = 10, value = 12, enumMember = 20, constant = 21, structure = 22, reference = 18, module = 9
    }

    func items(at position: TextPosition) -> JSONValue {
        let context = CursorContext(lines: document.lines, position: position)
        let range = JSONValue.range(TextPosition(line: position.line, character: context.wordStart), position)
        var items: [JSONValue] = []
        func add(_ label: String, _ kind: ItemKind, detail: String? = nil, documentation: String? = nil) {
            var item: [String: JSONValue] = ["label": .string(label), "kind": .integer(kind.rawValue),
                                             "textEdit": .object(["range": range, "newText": .string(label)])]
            if let detail { item["detail"] = .string(detail) }
            if let documentation { item["documentation"] = .markdown(documentation) }
            items.append(.object(item))
        }
        switch context.place {
        case .key:
            offerKeys(at: context.parents, add)
        case .value(let key):
            offerValues(for: key, parents: context.parents, typedBefore: context.word, add)
        case .listItem(let key):
            offerValues(for: key, parents: context.parents, typedBefore: context.word, add)
            offerKeys(at: context.parents + [key], add)
        }
        return .object(["isIncomplete": .bool(false), "items": .array(items)])
    }

    private func offerKeys(at path: [String], _ add: (String, ItemKind, String?, String?) -> Void) {
        for key in keys.keys(path) {
            add(key.name, .property, key.required ? "required" : nil, key.documentation.map(document.language.pick))
        }
    }

    private func offerValues(for key: String, parents: [String], typedBefore word: String, _ add: (String, ItemKind, String?, String?) -> Void) {
        let scope = visibleNames
        if Self.takesType(key: key, parents: parents) {
            BuiltinType.allCases.forEach { add($0.rawValue, .value, "built-in", nil) }
            for (name, decl) in scope.types.sorted(by: { $0.key < $1.key }) {
                add(name, decl.kindIsEnumeration ? .enumMember : .structure, decl.source, decl.description)
            }
        } else if key == "errors", !parents.isEmpty {
            for (name, decl) in scope.errors.sorted(by: { $0.key < $1.key }) {
                add(name, .constant, "\(decl.code.value) · HTTP \(decl.http.value)", decl.message)
            }
        } else if (key == "to" && parents.last == "connections") || (key == "via" && parents.last == "thirdParty") {
            for (id, contract) in (workspace?.platforms ?? [:]).sorted(by: { $0.key < $1.key }) {
                add(id, .module, contract.platform?.identity.name, nil)
            }
        } else if key == "uses", parents.last == "thirdParty" {
            for (id, contract) in (workspace?.platforms ?? [:]).sorted(by: { $0.key < $1.key }) where contract.file !== document.file {
                for operation in contract.operations {
                    add("\(id).\(operation.area.rawValue).\(operation.id.value)", .reference, "\(operation.method.value.rawValue) \(operation.path.value)", operation.summary)
                }
            }
        } else {
            keys.choices(parents + [key]).forEach { add($0, .enumMember, nil, nil) }
        }
    }

    /// Whether a type expression is written here: a `type`, a `request` or `response`, or a
    /// field in short form (`fields: { certNo: license-id }`).
    static func takesType(key: String, parents: [String]) -> Bool {
        if key == "request" || key == "response" { return parents.last == "operations" }
        if key == "type" { return parents.first == "types" }
        return parents.count == 3 && parents[0] == "types" && parents[2] == "fields"
    }

    private var workspace: SemanticWorkspace? { document.compiled.compilation.workspace }

    /// The names this file can use; when the file itself did not decode, every name of the workspace.
    private var visibleNames: (types: [String: TypeDecl], errors: [String: ErrorDecl]) {
        guard let workspace else { return ([:], [:]) }
        if let scope = workspace.scopes[document.path] { return (scope.types, scope.errors) }
        var names: (types: [String: TypeDecl], errors: [String: ErrorDecl]) = ([:], [:])
        for contract in workspace.contracts {
            contract.types.forEach { names.types[$0.name.value] = names.types[$0.name.value] ?? $0 }
            contract.errors.forEach { names.errors[$0.name.value] = names.errors[$0.name.value] ?? $0 }
        }
        return names
    }
}

private extension TypeDecl {
    var kindIsEnumeration: Bool {
        if case .enumeration = kind { true } else { false }
    }
}
