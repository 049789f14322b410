import AccessSpecCore
import AccessSpecSyntax
import Foundation

/// JSON-RPC's and LSP's error codes, as the server answers with them.
public enum ErrorCode {
    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    public static let serverNotInitialized = -32002
}

/// A request the server refuses, answered as a JSON-RPC error.
struct ResponseError: Error {
    var code: Int
    var message: String

    static func invalidParams(_ message: String) -> ResponseError { ResponseError(code: ErrorCode.invalidParams, message: message) }
}

/// One decoded message from the client.
enum IncomingMessage {
    case request(id: JSONValue, method: String, params: JSONValue)
    case notification(method: String, params: JSONValue)
    /// An answer to something the server asked; the server asks nothing, so these are dropped.
    case response

    /// Nil with the error to answer (an id of null when none could be read).
    static func decode(_ body: [UInt8]) -> Result<IncomingMessage, ResponseError> {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(body)) else {
            return .failure(ResponseError(code: ErrorCode.parseError, message: "the message is not JSON"))
        }
        guard case .object(let members) = value, members["jsonrpc"] == .string("2.0") else {
            return .failure(ResponseError(code: ErrorCode.invalidRequest, message: "the message is not a JSON-RPC 2.0 object"))
        }
        let params = members["params"] ?? .null
        switch (members["id"], members["method"]) {
        case (let id?, .string(let method)?):
            guard Self.isValidID(id) else { return .failure(ResponseError(code: ErrorCode.invalidRequest, message: "a request id is a number or a string")) }
            return .success(.request(id: id, method: method, params: params))
        case (nil, .string(let method)?):
            return .success(.notification(method: method, params: params))
        case (.some, nil) where members["result"] != nil || members["error"] != nil:
            return .success(.response)
        default:
            return .failure(ResponseError(code: ErrorCode.invalidRequest, message: "the message has no method"))
        }
    }

    static func isValidID(_ id: JSONValue) -> Bool {
        switch id {
        case .integer, .string: true
        default: false
        }
    }

    /// The id of a message that failed to decode, when it has a usable one.
    static func id(in body: [UInt8]) -> JSONValue {
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(body)), let id = value["id"], isValidID(id) else { return .null }
        return id
    }
}

/// Building and reading the few LSP structures the server speaks.
extension JSONValue {
    static func position(_ position: TextPosition) -> JSONValue {
        .object(["line": .integer(position.line), "character": .integer(position.character)])
    }

    static func range(_ start: TextPosition, _ end: TextPosition) -> JSONValue {
        .object(["start": .position(start), "end": .position(end)])
    }

    static func location(uri: String, range: JSONValue) -> JSONValue {
        .object(["uri": .string(uri), "range": range])
    }

    static func markdown(_ text: String) -> JSONValue {
        .object(["kind": .string("markdown"), "value": .string(text)])
    }

    var textPosition: TextPosition? {
        guard let line = self["line"]?.intValue, let character = self["character"]?.intValue, line >= 0, character >= 0 else { return nil }
        return TextPosition(line: line, character: character)
    }

    var textRange: (start: TextPosition, end: TextPosition)? {
        guard let start = self["start"]?.textPosition, let end = self["end"]?.textPosition else { return nil }
        return (start, end)
    }

    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { items } else { nil }
    }

    func required<T>(_ key: String, _ read: (JSONValue) -> T?) throws(ResponseError) -> T {
        guard let value = self[key], let read = read(value) else { throw .invalidParams("'\(key)' is missing or malformed") }
        return read
    }
}
