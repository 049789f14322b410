import AccessSpecCore
import AccessSpecSyntax

/// Go to definition, find references and the outline of a file, read from the compiled
/// workspace's symbol index.
struct Navigation {
    let document: DocumentContext

    private var symbols: SymbolIndex? { document.compiled.symbols }

    private func declaration(at position: TextPosition) -> Int? {
        symbols?.declaration(at: document.location(position), in: document.file)
    }

    func definition(at position: TextPosition) -> JSONValue {
        guard let symbols, let index = declaration(at: position) else { return .null }
        return document.compiled.locationJSON(of: symbols.declarations[index].span) ?? .null
    }

    func references(at position: TextPosition, includeDeclaration: Bool) -> JSONValue {
        guard let symbols, let index = declaration(at: position) else { return .null }
        let spans = (includeDeclaration ? [symbols.declarations[index].span] : []) + symbols.references(to: index)
        return .array(spans.compactMap(document.compiled.locationJSON))
    }

    /// Platform, areas with their operations, types and errors, in the order of the file.
    func documentSymbols() -> JSONValue {
        guard let contract = document.compiled.compilation.workspace?.contracts.first(where: { $0.file === document.file }) else { return .array([]) }
        var symbols: [(SourceLocation, JSONValue)] = []
        if let platform = contract.platform {
            symbols.append((platform.spans.section.start, symbol(platform.identity.id, detail: platform.identity.name, kind: .module, range: platform.spans.section, selection: platform.spans["id"])))
        }
        for area in AccessArea.allCases {
            guard let decl = contract.areas[area] else { continue }
            let operations = decl.operations.map { operation in
                symbol(operation.id.value, detail: "\(operation.method.value.rawValue) \(operation.path.value)", kind: .method, range: operation.span, selection: operation.id.span)
            }
            let end = decl.operations.map(\.span.end).max().map { max($0, decl.keySpan.end) } ?? decl.keySpan.end
            let range = SourceSpan(file: decl.keySpan.file, start: decl.keySpan.start, end: end)
            symbols.append((decl.keySpan.start, symbol(area.rawValue, detail: area.chineseName, kind: .namespace, range: range, selection: decl.keySpan, children: operations)))
        }
        for decl in contract.types {
            let kind: SymbolKind = switch decl.kind {
            case .record: .structure
            case .enumeration: .enumeration
            case .scalar: .typeParameter
            }
            symbols.append((decl.name.span.start, symbol(decl.name.value, detail: decl.description, kind: kind, range: decl.name.span, selection: decl.name.span)))
        }
        for decl in contract.errors {
            symbols.append((decl.name.span.start, symbol(decl.name.value, detail: "\(decl.code.value) \(decl.message)", kind: .constant, range: decl.name.span, selection: decl.name.span)))
        }
        return .array(symbols.sorted { $0.0 < $1.0 }.map(\.1))
    }

    private enum SymbolKind: Int {
        case module = 2, namespace = 3, method = 6, enumeration = 10, constant = 14, structure = 23, typeParameter = 26
    }

    private func symbol(_ name: String, detail: String?, kind: SymbolKind, range: SourceSpan, selection: SourceSpan, children: [JSONValue] = []) -> JSONValue {
        let lines = document.lines
        // The selection must lie within the range, as LSP requires.
        let start = min(range.start, selection.start)
        let end = max(range.end, selection.end)
        var object: [String: JSONValue] = [
            "name": .string(name.isEmpty ? "?" : name),
            "kind": .integer(kind.rawValue),
            "range": .range(lines.position(of: start), lines.position(of: end)),
            "selectionRange": .range(lines.position(of: selection.start), lines.position(of: selection.end)),
        ]
        if let detail, !detail.isEmpty { object["detail"] = .string(detail) }
        if !children.isEmpty { object["children"] = .array(children) }
        return .object(object)
    }
}
