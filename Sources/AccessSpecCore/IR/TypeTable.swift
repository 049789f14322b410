/// A platform's types by name, and aliases followed to the type a value is checked against:
/// what the value checker, the synthesizer, the vector builder and the mock all look up.
public struct TypeTable: Sendable {
    private let types: [String: TypeIR]

    public init(_ types: [TypeIR]) {
        self.types = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(name: String) -> TypeIR? { types[name] }

    /// `type` with aliases followed, their constraints merged under `constraints` (the field's,
    /// which win), and the kind of the named type reached (nil for builtins, lists and maps).
    public func resolved(_ type: TypeRefIR, constraints: Constraints = Constraints()) -> (type: TypeRefIR, constraints: Constraints, kind: TypeIR.Kind?) {
        var current = type
        var merged = constraints
        // Aliases cannot form cycles in a checked workspace; the bound is for hostile IR.
        for _ in 0..<16 {
            guard case .named(let name) = current, let decl = types[name] else { break }
            guard decl.kind == .alias, let base = decl.aliasOf else { return (current, merged, decl.kind) }
            merged = (decl.constraints ?? Constraints()).merged(with: merged)
            current = base
        }
        return (current, merged, nil)
    }

    /// The declared type of field `name` of the record `record` is (after aliases).
    public func fieldType(_ name: String, of record: TypeRefIR) -> TypeRefIR? {
        guard case .named(let recordName) = resolved(record).type else { return nil }
        return types[recordName]?.fields?.first { $0.name == name }?.type
    }
}
