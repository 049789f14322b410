@_exported import AccessSpecFormats
import Foundation

/// Generated models check their fields before anything is sent, with the same format checks
/// the compiler applies to examples (AccessSpecFormats).
public protocol AccessValidatable {
    /// Throws `AccessRuntimeError.invalidField` naming the first field that is wrong.
    func accessValidate(at path: String) throws
}

/// The checks generated `accessValidate` methods call: one per kind of Swift value, each the
/// value semantics' own check (AccessSpecFormats' `ScalarCheck`), with the constraints in force
/// that the IR resolved for the field. A check names its value by the record's path and the
/// field's name, which are joined only when the check fails.
public enum FieldCheck {
    public static func text(_ value: String, _ format: ValueFormat?, _ constraints: ValueConstraints = ValueConstraints(),
                            itemCodePattern: String = ValueFormat.defaultItemCodePattern, at path: String, _ field: String? = nil) throws {
        try raise(ScalarCheck.text(value, format: format, itemCodePattern: itemCodePattern, constraints), at: path, field)
    }

    public static func integer(_ value: Int, _ constraints: ValueConstraints = ValueConstraints(), at path: String, _ field: String? = nil) throws {
        try raise(ScalarCheck.integer(value, constraints), at: path, field)
    }

    public static func number(_ value: Double, _ constraints: ValueConstraints = ValueConstraints(), at path: String, _ field: String? = nil) throws {
        try raise(ScalarCheck.number(value, constraints), at: path, field)
    }

    public static func count(_ count: Int, _ constraints: ValueConstraints, at path: String, _ field: String? = nil) throws {
        if let problem = constraints.countProblems(count).first {
            throw AccessRuntimeError.invalidField(path: Self.path(path, field), reason: "value \(problem.en)")
        }
    }

    /// An enum value the contract declares: a client sends no value its peer would refuse.
    public static func declared<Value: AccessEnumeration>(_ value: Value, at path: String, _ field: String? = nil) throws {
        let raw = value.rawValue.unicodeScalars
        guard Value.declaredCases.contains(where: { $0.rawValue.unicodeScalars.elementsEqual(raw) }) else {
            throw AccessRuntimeError.invalidField(path: Self.path(path, field), reason: "'\(value.rawValue)' is not a value the contract declares")
        }
    }

    /// A record inside a record: its own checks, under the field's path.
    public static func record(_ value: some AccessValidatable, at path: String, _ field: String? = nil) throws {
        try value.accessValidate(at: Self.path(path, field))
    }

    /// `request.holders`: a record's path and a field's name.
    public static func path(_ base: String, _ field: String? = nil) -> String {
        field.map { base + "." + $0 } ?? base
    }

    /// `request.holders[2]`.
    public static func index(_ base: String, _ index: Int) -> String {
        base + "[" + String(index) + "]"
    }

    private static func raise(_ problems: [ScalarCheck.Problem], at path: String, _ field: String?) throws {
        if let problem = problems.first { throw AccessRuntimeError.invalidField(path: Self.path(path, field), reason: problem.message) }
    }
}

/// What generated enums are: their raw text, and the values the contract lists.
public protocol AccessEnumeration: RawRepresentable where RawValue == String {
    static var declaredCases: [Self] { get }
}

extension Array: AccessValidatable where Element: AccessValidatable {
    public func accessValidate(at path: String) throws {
        for (index, element) in enumerated() { try element.accessValidate(at: "\(path)[\(index)]") }
    }
}

extension Dictionary: AccessValidatable where Key == String, Value: AccessValidatable {
    public func accessValidate(at path: String) throws {
        for key in keys.sorted() { try self[key]!.accessValidate(at: "\(path).\(key)") }
    }
}

extension Optional: AccessValidatable where Wrapped: AccessValidatable {
    public func accessValidate(at path: String) throws {
        try self?.accessValidate(at: path)
    }
}
