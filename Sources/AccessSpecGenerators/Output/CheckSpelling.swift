import AccessSpecCore

/// The checks a value of a resolved type needs before a client sends it, decided once for every
/// client language: the walk below says which checks apply (the value semantics' own, with the
/// constraints in force), and each language spells them. Swift and Java clients both check
/// through here, so they cannot come to check different things.
protocol CheckSpelling {
    func text(_ value: String, format: ValueFormat?, _ constraints: ValueConstraints, path: String) -> String
    func integer(_ value: String, _ constraints: ValueConstraints, path: String) -> String
    func number(_ value: String, _ constraints: ValueConstraints, path: String) -> String
    func declared(_ value: String, path: String) -> String
    func record(_ value: String, path: String) -> String
    func count(_ value: String, _ constraints: ValueConstraints, path: String) -> String
    /// A loop over a list's elements or a map's values: its first and last line, and the
    /// element's expression and path inside it.
    func eachElement(of value: String, path: String, depth: Int) -> CheckLoop
    func eachValue(of value: String, path: String, depth: Int) -> CheckLoop
}

struct CheckLoop {
    var open: String
    var element: String
    var path: String
    var close = "}"
}

extension CheckSpelling {
    /// Statements that check `value` (an expression of the field's type, present) before it is
    /// sent. `path` names the value in the language's spelling of a path expression.
    func checks(_ value: String, _ type: ResolvedTypeIR, path: String, depth: Int = 0) -> [String] {
        switch type {
        case .scalar(let builtin, let constraints):
            switch builtin {
            case .boolean: return []
            case .integer: return [integer(value, constraints, path: path)]
            case .number: return [number(value, constraints, path: path)]
            default:
                guard builtin.format != nil || !constraints.isEmpty else { return [] }
                return [text(value, format: builtin.format, constraints, path: path)]
            }
        case .enumeration:
            return [declared(value, path: path)]
        case .record:
            return [record(value, path: path)]
        case .list(let element, let constraints):
            var statements: [String] = []
            if constraints.minItems != nil || constraints.maxItems != nil { statements.append(count(value, constraints, path: path)) }
            let loop = eachElement(of: value, path: path, depth: depth)
            let inner = checks(loop.element, element, path: loop.path, depth: depth + 1)
            if !inner.isEmpty { statements += [loop.open] + inner.map { "    " + $0 } + [loop.close] }
            return statements
        case .map(let valueType):
            let loop = eachValue(of: value, path: path, depth: depth)
            let inner = checks(loop.element, valueType, path: loop.path, depth: depth + 1)
            return inner.isEmpty ? [] : [loop.open] + inner.map { "    " + $0 } + [loop.close]
        }
    }
}
