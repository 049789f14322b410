import AccessSpecCore

/// How bodies travel (`security.envelope`), as OpenAPI media objects.
///
/// - `plain`: the body is the request or response type itself; a contract error is its HTTP
///   status with the body `AccessError {code, message}`.
/// - `head-data`: requests are `{head: AccessRequestHead, data: <request>}` and responses
///   `{head: AccessResponseHead, data: <response>}`; a `head.code` other than 0 names an error.
///   An example then shows the `data` part only (JSON Schema `examples` on it), since its head
///   holds per-call credentials that a contract does not state.
struct BodyEnvelope {
    static let errorSchemaName = "AccessError"
    static let requestHeadName = "AccessRequestHead"
    static let responseHeadName = "AccessResponseHead"
    /// Names the generator gives its own schemas; a platform type may not take them.
    static let reservedNames = [errorSchemaName, requestHeadName, responseHeadName]

    let kind: SecuritySettings.Envelope

    /// The shared schemas this envelope refers to.
    var componentSchemas: [String: YAMLValue] {
        switch kind {
        case .plain:
            return [Self.errorSchemaName: [
                "type": "object",
                "description": "错误响应 (error response): the platform's error code and message",
                "properties": [
                    "code": ["type": "integer", "description": "错误码 (error code)"],
                    "message": ["type": "string", "description": "错误信息 (error message)"],
                    "detail": ["type": "string", "description": "错误详情 (what exactly was wrong, e.g. the field and the check that failed)"],
                ],
                "required": ["code", "message"],
            ]]
        case .headData:
            return [
                Self.requestHeadName: [
                    "type": "object",
                    "description": "请求报文头 (request head): the caller's credentials and replay protection",
                    "properties": [
                        "accessId": ["type": "string", "description": "接入标识 (access id)"],
                        "accessToken": ["type": "string", "description": "接入令牌 (access token)"],
                        "timestamp": ["type": "string", "description": "请求时间 (request time)"],
                        "nonce": ["type": "string", "description": "随机数 (nonce, used once)"],
                    ],
                    "required": ["accessId", "timestamp", "nonce"],
                ],
                Self.responseHeadName: [
                    "type": "object",
                    "description": "响应报文头 (response head): 0 on success, otherwise an error code of the catalogue",
                    "properties": [
                        "code": ["type": "integer", "description": "返回码 (result code), 0 = success"],
                        "message": ["type": "string", "description": "返回信息 (result message)"],
                        "detail": ["type": "string", "description": "错误详情 (what exactly was wrong), with an error"],
                    ],
                    "required": ["code"],
                ],
            ]
        }
    }

    func request(_ schema: YAMLMapping, examples: [(String, JSONValue)]) -> YAMLValue {
        switch kind {
        case .plain: Self.media(schema, examples)
        case .headData: Self.media(Self.wrapped(head: Self.requestHeadName, data: schema, examples: examples), [])
        }
    }

    /// The success body: the response type, if any, in this envelope; nil for a plain
    /// operation without a response type.
    func success(_ schema: YAMLMapping?, examples: [(String, JSONValue)]) -> YAMLValue? {
        switch kind {
        case .plain: schema.map { Self.media($0, examples) }
        case .headData: Self.media(Self.wrapped(head: Self.responseHeadName, data: schema, examples: examples), [])
        }
    }

    /// The body of the errors sharing one status, with one example per error.
    func errors(_ group: [ErrorIR]) -> YAMLValue {
        var examples = YAMLMapping()
        for error in group {
            let body: YAMLValue = ["code": .integer(error.code), "message": .string(error.message)]
            examples[error.name] = [
                "summary": .string(error.messageEn ?? error.message),
                "value": kind == .plain ? body : ["head": body],
            ]
        }
        let schema = kind == .plain ? SchemaTranslator.reference(Self.errorSchemaName) : Self.wrapped(head: Self.responseHeadName, data: nil, examples: [])
        return ["schema": .mapping(schema), "examples": .mapping(examples)]
    }

    private static func wrapped(head: String, data: YAMLMapping?, examples: [(String, JSONValue)]) -> YAMLMapping {
        var properties: YAMLMapping = ["head": .mapping(SchemaTranslator.reference(head))]
        if var data {
            if !examples.isEmpty { data["examples"] = .sequence(examples.map { YAMLValue($0.1) }) }
            properties["data"] = .mapping(data)
        }
        return ["type": "object", "properties": .mapping(properties), "required": .sequence(data == nil ? ["head"] : ["head", "data"])]
    }

    private static func media(_ schema: YAMLMapping, _ examples: [(String, JSONValue)]) -> YAMLValue {
        var values = YAMLMapping()
        for (key, value) in examples { values[key] = ["value": YAMLValue(value)] }
        return ["schema": .mapping(schema), "examples": values.isEmpty ? nil : .mapping(values)]
    }
}
