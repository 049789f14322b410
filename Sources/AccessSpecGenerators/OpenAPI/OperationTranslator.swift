import AccessSpecCore

/// A platform's operations as OpenAPI `paths`: parameters, request body, the success response
/// with the operation's examples, and one response per HTTP status of its errors.
struct OperationTranslator {
    static let jsonMediaType = "application/json"

    let schemas: SchemaTranslator
    let envelope: BodyEnvelope
    let security: SecurityTranslator
    let errors: [String: ErrorIR]
    let platform: PlatformIR

    init(platform: PlatformIR, schemas: SchemaTranslator, envelope: BodyEnvelope, security: SecurityTranslator) {
        self.schemas = schemas
        self.envelope = envelope
        self.security = security
        self.platform = platform
        errors = Dictionary(platform.errors.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Paths sorted by path (code-point order), each path's operations in the order of
    /// `HTTPMethod` (GET, POST, PUT, PATCH, DELETE).
    func paths(_ operations: [OperationIR]) -> YAMLMapping {
        let byPath = Dictionary(grouping: operations, by: \.path)
        var paths = YAMLMapping()
        for path in byPath.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
            var item = YAMLMapping()
            let methods = HTTPMethod.allCases
            for operation in byPath[path]!.sorted(by: { methods.firstIndex(of: $0.method)! < methods.firstIndex(of: $1.method)! }) {
                item[operation.method.rawValue.lowercased()] = .mapping(self.operation(operation))
            }
            paths[path] = .mapping(item)
        }
        return paths
    }

    func operation(_ operation: OperationIR) -> YAMLMapping {
        let exampleKeys = Self.exampleKeys(operation.examples)
        let record = operation.request.flatMap(schemas.record)
        let fields = record?.fields ?? []
        var parameters: [YAMLValue] = operation.pathParameters.map { name in
            parameter(name, in: "path", field: fields.first { $0.name == name }, operation, exampleKeys)
        }
        var requestBody: YAMLValue?
        if let request = operation.request {
            // GET and DELETE carry no body: the request record's other fields become the query.
            if !Self.sendsBody(operation), record != nil {
                for field in fields where !operation.pathParameters.contains(field.name) {
                    parameters.append(parameter(field.name, in: "query", field: field, operation, exampleKeys))
                }
            } else {
                let examples = zip(exampleKeys, operation.examples).compactMap { key, example in example.request.map { (key, $0) } }
                requestBody = [
                    "required": true,
                    "content": [Self.jsonMediaType: envelope.request(schemas.schema(for: request), examples: examples)],
                ]
            }
        }
        var extensions: YAMLMapping = ["idempotent": .bool(operation.idempotent)]
        if let rateLimit = operation.rateLimit {
            extensions["rateLimit"] = ["requests": .integer(rateLimit.requests), "per": .string(rateLimit.per.rawValue)]
        }
        return [
            "tags": [.string(operation.area.rawValue)],
            "summary": .string(operation.summary),
            "description": operation.summaryEn.map(YAMLValue.string),
            "operationId": .string(operation.id),
            "deprecated": operation.deprecated ? true : nil,
            "security": security.requirement(sendsBody: Self.sendsBody(operation), requiresToken: platform.requiresToken(operation)),
            "parameters": parameters.isEmpty ? nil : .sequence(parameters),
            "requestBody": requestBody,
            "responses": .mapping(responses(operation, exampleKeys)),
            "x-accessspec": .mapping(extensions),
        ]
    }

    // MARK: Parameters

    private func parameter(_ name: String, in location: String, field: FieldIR?, _ operation: OperationIR, _ exampleKeys: [String]) -> YAMLValue {
        var schema = field.map(schemas.schema(for:)) ?? ["type": "string"]
        schema["description"] = nil
        let isObject = field.map { schemas.isObject($0.type) } ?? false
        var examples = YAMLMapping()
        for (key, example) in zip(exampleKeys, operation.examples) {
            if case .object(let values)? = example.request, let value = values[name] {
                examples[key] = ["value": YAMLValue(value)]
            }
        }
        return [
            "name": .string(name),
            "in": .string(location),
            "description": field?.description.map(YAMLValue.string),
            "required": .bool(location == "path" || field?.required == true),
            // An object in the query is sent as name[key]=value.
            "style": isObject && location == "query" ? "deepObject" : nil,
            "explode": isObject && location == "query" ? true : nil,
            "schema": .mapping(schema),
            "examples": examples.isEmpty ? nil : .mapping(examples),
        ]
    }

    // MARK: Responses

    /// 200 with the response type and examples, then one response per status the operation can
    /// answer, in ascending order: its declared errors, the errors of the conditions a receiver
    /// may answer it with (docs/signing.md, docs/language.md), and 413 for a body too large.
    private func responses(_ operation: OperationIR, _ exampleKeys: [String]) -> YAMLMapping {
        var responses = YAMLMapping()
        let examples = zip(exampleKeys, operation.examples).compactMap { key, example in example.response.map { (key, $0) } }
        let body = envelope.success(operation.response.map(schemas.schema(for:)), examples: examples)
        responses["200"] = ["description": "成功 (success)", "content": body.map { [Self.jsonMediaType: $0] }]
        var declared = operation.errors.compactMap { errors[$0] }
        var undeclared: [Int: [ErrorCondition]] = [:]
        for condition in platform.conditions(of: operation) {
            if let error = platform.error(for: condition) {
                if !declared.contains(where: { $0.name == error.name }) { declared.append(error) }
            } else {
                undeclared[condition.defaultStatus, default: []].append(condition)
            }
        }
        var byStatus = Dictionary(grouping: declared, by: \.http).mapValues { group in group.sorted { ($0.code, $0.name) < ($1.code, $1.name) } }
        if Self.sendsBody(operation) { byStatus[413] = byStatus[413] ?? [] }
        for status in Set(byStatus.keys).union(undeclared.keys).sorted() {
            responses[String(status)] = .mapping(errorResponse(byStatus[status] ?? [], undeclared: undeclared[status] ?? [], status: status))
        }
        return responses
    }

    /// Errors sharing a status share a response: its description lists each code, name and
    /// message, and each error is an example of the envelope's error body.
    private func errorResponse(_ group: [ErrorIR], undeclared: [ErrorCondition], status: Int) -> YAMLMapping {
        var lines = group.map { error in
            "- \(SchemaTranslator.codeSpan(error.name)) (\(error.code)): \(error.message)" + (error.messageEn.map { " — \($0)" } ?? "")
        }
        lines += undeclared.map { "- \($0.rawValue): the contract declares no error for it; the code is the HTTP status" }
        if status == 413 { lines.append("- the body is larger than the receiver accepts; the body is the invalid-request error's") }
        return [
            "description": .string(lines.joined(separator: "\n")),
            "content": [Self.jsonMediaType: envelope.errors(group)],
        ]
    }

    // MARK: Pieces

    static func sendsBody(_ operation: OperationIR) -> Bool {
        operation.method != .GET && operation.method != .DELETE
    }

    /// One key per example, by its name; a repeated name gets " (2)", " (3)"... so that no
    /// example is lost.
    static func exampleKeys(_ examples: [ExampleIR]) -> [String] {
        var used: Set<String> = []
        return examples.map { example in
            var key = example.name
            var counter = 2
            while !used.insert(key).inserted {
                key = "\(example.name) (\(counter))"
                counter += 1
            }
            return key
        }
    }
}
