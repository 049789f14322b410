import AccessSpecSyntax

/// Every name a resolved workspace declares and every place that names one, with spans: what
/// an editor needs for go to definition, find references and hover. References are resolved
/// through each file's scope, as the checker resolves them, so a name means here what it means
/// to the compiler.
public struct SymbolIndex: Sendable {
    public enum Target: Sendable {
        case type(TypeDecl)
        case error(ErrorDecl)
        case platform(PlatformDecl)
        /// An operation, named as `uses:` names it: `platform.area.operationId`.
        case operation(String, OperationDecl)
        /// A file of the workspace, by its relative path (what `imports:` names).
        case file(String)
    }

    public struct Declaration: Sendable {
        public var target: Target
        /// Where the name is declared; a file's is its first character.
        public var span: SourceSpan

        public var name: String {
            switch target {
            case .type(let decl): decl.name.value
            case .error(let decl): decl.name.value
            case .platform(let decl): decl.identity.id
            case .operation(let reference, _): reference
            case .file(let path): path
            }
        }
    }

    public struct Reference: Sendable {
        /// Index into `declarations`.
        public var declaration: Int
        public var span: SourceSpan
    }

    public private(set) var declarations: [Declaration] = []
    public private(set) var references: [Reference] = []

    public init(_ workspace: SemanticWorkspace) {
        var bySpan: [SourceSpan: Int] = [:]
        var files: [String: Int] = [:]
        var platforms: [String: Int] = [:]
        var operations: [String: Int] = [:]
        func declare(_ target: Target, at span: SourceSpan) -> Int {
            declarations.append(Declaration(target: target, span: span))
            bySpan[span] = declarations.count - 1
            return declarations.count - 1
        }
        for contract in workspace.contracts {
            files[contract.relativePath] = declare(.file(contract.relativePath), at: SourceSpan(file: contract.file, at: SourceLocation(line: 1, column: 1)))
            contract.types.forEach { _ = declare(.type($0), at: $0.name.span) }
            contract.errors.forEach { _ = declare(.error($0), at: $0.name.span) }
            guard let platform = contract.platform, workspace.platforms[platform.identity.id]?.file === contract.file else { continue }
            platforms[platform.identity.id] = declare(.platform(platform), at: platform.spans["id"])
            for operation in contract.operations {
                let reference = "\(platform.identity.id).\(operation.area.rawValue).\(operation.id.value)"
                operations[reference] = operations[reference] ?? declare(.operation(reference, operation), at: operation.id.span)
            }
        }

        for contract in workspace.contracts {
            let scope = workspace.scope(of: contract)
            let lines = LineTable(contract.file.bytes)
            func refer(_ declaration: Int?, at span: SourceSpan) {
                if let declaration { references.append(Reference(declaration: declaration, span: span)) }
            }
            func referToTypes(in expression: Located<TypeExpression>) {
                for name in Set(expression.value.namedReferences).sorted() {
                    refer(scope.types[name].flatMap { bySpan[$0.name.span] }, at: Self.narrow(expression.span, to: name, lines: lines))
                }
            }
            for entry in contract.imports {
                refer(Resolver.join(contract.relativePath, entry.value).flatMap { files[$0] }, at: entry.span)
            }
            for decl in contract.types {
                switch decl.kind {
                case .record(let fields): fields.forEach { referToTypes(in: $0.type) }
                case .scalar(let base, _): referToTypes(in: base)
                case .enumeration: break
                }
            }
            for operation in contract.operations {
                [operation.request, operation.response].compactMap { $0 }.forEach(referToTypes)
                for error in operation.errors {
                    refer(scope.errors[error.value].flatMap { bySpan[$0.name.span] }, at: error.span)
                }
            }
            for connection in contract.connections {
                refer(platforms[connection.to.value], at: connection.to.span)
            }
            if let area = contract.areas[.thirdParty], case .thirdParty(let settings) = area.settings {
                if let via = settings.via, area.spans.has("via") { refer(platforms[via], at: area.spans["via"]) }
                for (index, use) in settings.uses.enumerated() where area.spans.has("uses.\(index)") {
                    refer(operations[use], at: area.spans["uses.\(index)"])
                }
            }
        }
    }

    /// The declaration named at a place, whether by a reference or by the declaration itself.
    /// A place at either end of a name counts, as a cursor just after a word names it.
    public func declaration(at location: SourceLocation, in file: SourceFile) -> Int? {
        func holds(_ span: SourceSpan) -> Bool { span.file === file && span.start <= location && location <= span.end }
        if let reference = references.first(where: { holds($0.span) }) { return reference.declaration }
        return declarations.indices.first { holds(declarations[$0].span) && !isFile($0) }
    }

    /// Every place that names the declaration, in source order of the workspace.
    public func references(to declaration: Int) -> [SourceSpan] {
        references.filter { $0.declaration == declaration }.map(\.span)
    }

    private func isFile(_ index: Int) -> Bool {
        if case .file = declarations[index].target { true } else { false }
    }

    /// The part of a one-line span where `name` stands as a whole word (a type expression such
    /// as `list<Holder>?` names `Holder` inside it); the whole span when it cannot tell.
    static func narrow(_ span: SourceSpan, to name: String, lines: LineTable) -> SourceSpan {
        guard span.start.line == span.end.line, let line = lines.text(ofLine: span.start.line) else { return span }
        let scalars = Array(line.unicodeScalars)
        let target = Array(name.unicodeScalars)
        let lower = max(0, span.start.column - 1)
        let upper = min(scalars.count, span.end.column - 1)
        guard upper - lower >= target.count else { return span }
        func isWordScalar(_ index: Int) -> Bool {
            index >= 0 && index < scalars.count && (scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]))
        }
        for start in lower...(upper - target.count) where Array(scalars[start..<start + target.count]) == target {
            if !isWordScalar(start - 1) && !isWordScalar(start + target.count) {
                return SourceSpan(file: span.file, start: SourceLocation(line: span.start.line, column: start + 1),
                                  end: SourceLocation(line: span.start.line, column: start + target.count + 1))
            }
        }
        return span
    }
}
