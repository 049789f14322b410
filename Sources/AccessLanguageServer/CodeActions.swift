import AccessSpecCore
import AccessSpecSyntax

/// Quick fixes: the compiler's fix-its for the diagnostics that touch the requested range.
struct CodeActions {
    let document: DocumentContext

    func actions(in range: (start: TextPosition, end: TextPosition)) -> JSONValue {
        let start = document.location(range.start)
        let end = document.location(range.end)
        var actions: [JSONValue] = []
        for diagnostic in document.compiled.diagnosticsByFile[document.path] ?? [] {
            guard let span = diagnostic.span, span.start <= end, start <= span.end, let json = document.compiled.json(diagnostic, in: document.language) else { continue }
            for fixIt in diagnostic.fixIts {
                guard let location = document.compiled.location(of: fixIt.span) else { continue }
                let edit = JSONValue.object(["range": location.range, "newText": .string(fixIt.replacement)])
                actions.append(.object([
                    "title": .string(fixIt.text.text(in: document.language)),
                    "kind": .string("quickfix"),
                    "diagnostics": .array([json]),
                    "isPreferred": .bool(diagnostic.fixIts.count == 1),
                    "edit": .object(["changes": .object([location.uri: .array([edit])])]),
                ]))
            }
        }
        return .array(actions)
    }
}
