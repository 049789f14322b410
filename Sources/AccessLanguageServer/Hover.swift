import AccessSpecCore
import AccessSpecSyntax

/// Hover: the explanation of a diagnostic under the cursor, what a name stands for (a type's
/// or an error's declaration as written, a platform, an operation, an imported file), and the
/// documentation of a key.
struct Hover {
    let document: DocumentContext
    let keys: KeyDocumentation

    func hover(at position: TextPosition) -> JSONValue {
        let location = document.location(position)
        var sections: [String] = []
        for diagnostic in document.compiled.diagnosticsByFile[document.path] ?? [] {
            guard let span = diagnostic.span, span.start <= location, location <= span.end else { continue }
            sections.append(explanation(of: diagnostic))
        }
        if let symbols = document.compiled.symbols, let index = symbols.declaration(at: location, in: document.file) {
            sections.append(describe(symbols.declarations[index]))
        } else if let path = CursorContext.key(at: position, in: document.lines), let key = keys.key(at: path), let text = key.documentation {
            sections.append("`\(key.name)`\(key.required ? " (required)" : "")\n\n" + document.language.pick(text))
        }
        guard !sections.isEmpty else { return .null }
        return .object(["contents": .markdown(sections.joined(separator: "\n\n---\n\n"))])
    }

    private func explanation(of diagnostic: Diagnostic) -> String {
        var text = "**\(Words.severity(diagnostic.severity, document.language))[\(diagnostic.code.rawValue)]**: \(document.language.pick(diagnostic.text))"
        if let descriptor = DiagnosticCatalog.descriptor(for: diagnostic.code.rawValue) {
            let texts = document.language.texts(of: descriptor)
            text += "\n\n*\(texts.summary)*\n\n\(texts.explanation)"
            if let bad = descriptor.badExample { text += "\n\n```yaml\n\(bad)\n```" }
            if let good = descriptor.goodExample { text += "\n\n```yaml\n\(good)\n```" }
        }
        return text
    }

    private func describe(_ declaration: SymbolIndex.Declaration) -> String {
        switch declaration.target {
        case .type(let decl):
            return "```yaml\n\(excerpt(at: decl.name.span))\n```\n\ntype `\(decl.name.value)`, declared in `\(decl.source)`"
        case .error(let decl):
            return "```yaml\n\(excerpt(at: decl.name.span))\n```\n\nerror `\(decl.name.value)`, declared in `\(decl.source)`"
        case .platform(let decl):
            let identity = decl.identity
            return "platform `\(identity.id)`: \(identity.name) (\(identity.nameEn))\n\n\(identity.level.rawValue), region \(identity.region)"
        case .operation(let reference, let operation):
            let summary = document.language.pick(en: operation.summaryEn ?? operation.summary, zh: operation.summary)
            return "operation `\(reference)`: \(operation.method.value.rawValue) `\(operation.path.value)`\n\n\(summary)"
        case .file(let path):
            return "file `\(path)` of the workspace"
        }
    }

    /// The lines a declaration was written on: its name's line and the more indented lines
    /// below it, as far as 40 lines.
    private func excerpt(at span: SourceSpan) -> String {
        guard let path = document.compiled.relativePath(of: span.file), let table = document.compiled.lines(of: path) else { return "" }
        let indent = span.start.column - 1
        var lines = [table.lineText(span.start.line - 1)]
        var line = span.start.line
        while lines.count < 40, line < table.lineCount {
            let text = table.lineText(line)
            let leading = text.prefix { $0 == " " }.count
            guard text.allSatisfy({ $0 == " " }) || leading > indent else { break }
            lines.append(text)
            line += 1
        }
        while lines.last?.allSatisfy({ $0 == " " }) == true { lines.removeLast() }
        return lines.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n")
    }
}
