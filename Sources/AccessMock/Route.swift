import AccessSpecCore
import Foundation

/// An operation's path template (the one `PathTemplate`), and the way its fields come back from
/// the path and the query string as the JSON the contract's types describe.
struct Route: Sendable {
    let operation: OperationIR
    private let template: PathTemplate?

    init(_ operation: OperationIR) {
        self.operation = operation
        template = try? PathTemplate(operation.path)
    }

    /// The path parameters (percent-decoded) when `path` fits the template.
    func match(_ path: Substring) -> [String: String]? {
        guard let raw = template?.match(path) else { return nil }
        var values: [String: String] = [:]
        for (name, value) in raw {
            guard let decoded = String(value).removingPercentEncoding, !decoded.isEmpty else { return nil }
            values[name] = decoded
        }
        return values
    }

    /// The request of a GET or DELETE: path parameters and query items, as clients write them
    /// (`key=value`, lists as repeated keys, records as `key[field]=value`), typed by the
    /// request record so that `page=2` is the integer 2 and `page=x` stays text (and fails).
    /// A query the request record cannot stand for: a name given twice for one value, or a
    /// path parameter given again.
    struct QueryError: Error, CustomStringConvertible {
        var description: String
    }

    func fields(query: Substring, pathValues: [String: String], types: TypeTable) throws(QueryError) -> JSONValue {
        let fields = operation.request.flatMap(types.fields(of:)) ?? []
        func field(_ name: String) -> FieldIR? { fields.first { $0.name == name } }
        var object: [String: JSONValue] = [:]
        var seen: Set<String> = []
        for item in query.split(separator: "&") where !item.isEmpty {
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let rawKey = String(pair[0]).removingPercentEncoding ?? String(pair[0])
            let value = pair.count > 1 ? (String(pair[1]).removingPercentEncoding ?? String(pair[1])) : ""
            if pathValues[rawKey] != nil { throw QueryError(description: "'\(rawKey)' is a path parameter; the query may not give it again") }
            let isList = if case .list? = field(rawKey)?.resolved { true } else { false }
            if !isList, !seen.insert(rawKey).inserted { throw QueryError(description: "'\(rawKey)' is given more than once in the query") }
            if rawKey.contains("["), let open = rawKey.firstIndex(of: "["), seen.contains(String(rawKey[..<open])), object[String(rawKey[..<open])].map({ if case .object = $0 { false } else { true } }) == true {
                throw QueryError(description: "'\(rawKey[..<open])' is given both as a value and as a record")
            }
            if let open = rawKey.firstIndex(of: "["), rawKey.hasSuffix("]") {
                let name = String(rawKey[..<open])
                let member = String(rawKey[rawKey.index(after: open)..<rawKey.index(before: rawKey.endIndex)])
                var record: [String: JSONValue] = [:]
                if case .object(let existing)? = object[name] { record = existing }
                record[member] = Self.scalar(value, memberType(member, of: field(name)?.resolved, types: types))
                object[name] = .object(record)
            } else if case .list(let element, _)? = field(rawKey)?.resolved {
                var items: [JSONValue] = []
                if case .array(let existing)? = object[rawKey] { items = existing }
                items.append(Self.scalar(value, element))
                object[rawKey] = .array(items)
            } else {
                guard object[rawKey] == nil else { throw QueryError(description: "'\(rawKey)' is given both as a value and as a record") }
                object[rawKey] = Self.scalar(value, field(rawKey)?.resolved)
            }
        }
        for (name, value) in pathValues { object[name] = Self.scalar(value, field(name)?.resolved) }
        return .object(object)
    }

    /// A path value of a POST, PUT or PATCH, typed by its field.
    func typed(_ text: String, field name: String, types: TypeTable) -> JSONValue {
        Self.scalar(text, operation.request.flatMap(types.fields(of:))?.first { $0.name == name }?.resolved)
    }

    private func memberType(_ member: String, of type: ResolvedTypeIR?, types: TypeTable) -> ResolvedTypeIR? {
        switch type {
        case .record(let name)?: types[name]?.fields?.first { $0.name == member }?.resolved
        case .map(let value)?: value
        default: nil
        }
    }

    /// Query text as JSON of the type: numbers and booleans read as such when they parse,
    /// everything else stays text (and the value checker says why it is wrong).
    private static func scalar(_ text: String, _ type: ResolvedTypeIR?) -> JSONValue {
        guard case .scalar(let builtin, _)? = type else { return .string(text) }
        switch builtin {
        case .integer, .number:
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else { return .string(text) }
            switch value {
            case .integer, .number: return value
            default: return .string(text)
            }
        case .boolean: return text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
        default: return .string(text)
        }
    }
}

/// The routes of a platform, found without trying every template: paths without parameters by
/// a dictionary, the others by their number of segments.
struct RouteTable: Sendable {
    private var exact: [String: [Route]] = [:]
    private var templated: [Int: [Route]] = [:]

    init(_ operations: [OperationIR]) {
        for operation in operations {
            let route = Route(operation)
            if operation.pathParameters.isEmpty {
                exact[operation.path, default: []].append(route)
            } else {
                templated[operation.path.split(separator: "/", omittingEmptySubsequences: false).count, default: []].append(route)
            }
        }
    }

    /// The routes whose template fits `path`, with the path parameters they read from it.
    func candidates(_ path: Substring) -> [(route: Route, values: [String: String])] {
        // As OpenAPI matches: a path without parameters before any template that also fits.
        if let routes = exact[String(path)] { return routes.map { ($0, [:]) } }
        let count = path.split(separator: "/", omittingEmptySubsequences: false).count
        return (templated[count] ?? []).compactMap { route in route.match(path).map { (route, $0) } }
    }
}
