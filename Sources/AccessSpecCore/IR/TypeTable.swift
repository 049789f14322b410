/// A platform's types by name, and the one resolution of a type reference: aliases followed,
/// their constraints combined with the ones written where the type is used (all hold).
public struct TypeTable: Sendable {
    private let types: [String: TypeIR]

    public init(_ types: [TypeIR]) {
        self.types = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(name: String) -> TypeIR? { types[name] }

    /// What a value of `type` must be when `constraints` are written where it is used. A name
    /// the table does not hold resolves to a record of that name, which checkers report.
    public func resolve(_ type: TypeRefIR, constraints: ValueConstraints = ValueConstraints()) -> ResolvedTypeIR {
        resolve(type, constraints, depth: 0)
    }

    private func resolve(_ type: TypeRefIR, _ constraints: ValueConstraints, depth: Int) -> ResolvedTypeIR {
        switch type {
        case .builtin(let builtin): return .scalar(builtin, constraints)
        case .list(let element): return .list(resolve(element, ValueConstraints(), depth: depth + 1), constraints)
        case .map(let value): return .map(resolve(value, ValueConstraints(), depth: depth + 1))
        case .named(let name):
            guard let decl = types[name] else { return .record(name) }
            switch decl.kind {
            case .record: return .record(name)
            case .enumeration: return .enumeration(name)
            case .alias:
                // Aliases cannot form cycles in a checked workspace; the bound is for hostile IR.
                guard depth < 32, let base = decl.aliasOf else { return .record(name) }
                return resolve(base, (decl.constraints?.inForce ?? ValueConstraints()).and(constraints), depth: depth + 1)
            }
        }
    }

    /// The fields of the record `type` resolves to, or nil when it is not a record.
    public func fields(of type: TypeRefIR) -> [FieldIR]? {
        guard case .record(let name) = resolve(type) else { return nil }
        return types[name]?.fields
    }

    /// The types of a platform as the IR holds them, each field and alias resolved.
    public static func lowered(_ declared: [TypeIR]) -> [TypeIR] {
        let table = TypeTable(declared)
        return declared.map { type in
            var type = type
            type.fields = type.fields?.map { field in
                var field = field
                field.resolved = table.resolve(field.type, constraints: field.constraints?.inForce ?? ValueConstraints())
                return field
            }
            if type.kind == .alias { type.resolved = table.resolve(.named(type.name)) }
            return type
        }
    }
}
