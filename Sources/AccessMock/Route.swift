import AccessSpecCore
import Foundation

/// An operation's path template, matched segment by segment, and the way its fields come back
/// from the path and the query string as the JSON the contract's types describe.
struct Route: Sendable {
    let operation: OperationIR
    private let segments: [Substring]

    init(_ operation: OperationIR) {
        self.operation = operation
        segments = operation.path.split(separator: "/", omittingEmptySubsequences: false)
    }

    /// The path parameters (percent-decoded) when `path` fits the template.
    func match(_ path: String) -> [String: String]? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == segments.count else { return nil }
        var values: [String: String] = [:]
        for (template, part) in zip(segments, parts) {
            if template.hasPrefix("{"), template.hasSuffix("}") {
                guard !part.isEmpty, let decoded = String(part).removingPercentEncoding else { return nil }
                values[String(template.dropFirst().dropLast())] = decoded
            } else if template != part {
                return nil
            }
        }
        return values
    }

    /// The request of a GET or DELETE: path parameters and query items, as clients write them
    /// (`key=value`, lists as repeated keys, records as `key[field]=value`), typed by the
    /// request record so that `page=2` is the integer 2 and `page=x` stays text (and fails).
    func fields(query: String, pathValues: [String: String], types: TypeTable) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for item in query.split(separator: "&") where !item.isEmpty {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let rawKey = String(pair[0]).removingPercentEncoding ?? String(pair[0])
            let value = pair.count > 1 ? (String(pair[1]).removingPercentEncoding ?? String(pair[1])) : ""
            if let open = rawKey.firstIndex(of: "["), rawKey.hasSuffix("]") {
                let name = String(rawKey[..<open])
                let member = String(rawKey[rawKey.index(after: open)..<rawKey.index(before: rawKey.endIndex)])
                var record: [String: JSONValue] = [:]
                if case .object(let existing)? = object[name] { record = existing }
                record[member] = typed(value, member: member, of: name, types: types)
                object[name] = .object(record)
            } else if isList(rawKey, types: types) {
                var items: [JSONValue] = []
                if case .array(let existing)? = object[rawKey] { items = existing }
                items.append(typed(value, field: rawKey, types: types, element: true))
                object[rawKey] = .array(items)
            } else {
                object[rawKey] = typed(value, field: rawKey, types: types)
            }
        }
        for (name, value) in pathValues { object[name] = typed(value, field: name, types: types) }
        return .object(object)
    }

    /// A path or query value as JSON of the field's type.
    func typed(_ text: String, field: String, types: TypeTable, element: Bool = false) -> JSONValue {
        guard let request = operation.request, let type = types.fieldType(field, of: request) else { return .string(text) }
        let resolved = types.resolved(type).type
        if element, case .list(let item) = resolved { return Self.scalar(text, types.resolved(item).type) }
        return Self.scalar(text, resolved)
    }

    private func typed(_ text: String, member: String, of field: String, types: TypeTable) -> JSONValue {
        guard let request = operation.request, let type = types.fieldType(field, of: request),
              let memberType = types.fieldType(member, of: type) else { return .string(text) }
        return Self.scalar(text, types.resolved(memberType).type)
    }

    private func isList(_ field: String, types: TypeTable) -> Bool {
        guard let request = operation.request, let type = types.fieldType(field, of: request), case .list = types.resolved(type).type else { return false }
        return true
    }

    private static func scalar(_ text: String, _ type: TypeRefIR) -> JSONValue {
        guard case .builtin(let builtin) = type else { return .string(text) }
        switch builtin {
        case .integer: return Int(text).map(JSONValue.integer) ?? .string(text)
        case .number: return Int(text).map(JSONValue.integer) ?? Double(text).map(JSONValue.number) ?? .string(text)
        case .boolean: return text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
        default: return .string(text)
        }
    }
}
