import AccessLanguageServer
import Foundation
import Testing

/// A server fed message bodies directly, with what it sends collected.
final class Harness {
    var sent: [[String: Any]] = []
    lazy var server = LanguageServer { [unowned self] body in
        sent.append(try! JSONSerialization.jsonObject(with: Data(body)) as! [String: Any])
    }

    @discardableResult
    func receive(_ json: String) -> Int32? { server.receive(Array(json.utf8)) }

    var lastErrorCode: Int? { (sent.last?["error"] as? [String: Any])?["code"] as? Int }
}

@Suite struct LanguageServerTests {
    @Test func aRequestBeforeInitializeIsRefusedWithServerNotInitialized() {
        let harness = Harness()
        harness.receive(#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}"#)
        #expect(harness.lastErrorCode == ErrorCode.serverNotInitialized)
        #expect(harness.sent.last?["id"] as? Int == 1)
    }

    @Test func invalidJSONIsAParseErrorWithANullID() {
        let harness = Harness()
        harness.receive(#"{"jsonrpc":"2.0","id":1,"#)
        #expect(harness.lastErrorCode == ErrorCode.parseError)
        #expect(harness.sent.last?["id"] is NSNull)
    }

    @Test(arguments: [#"[1,2]"#, #"{"id":1,"method":"x"}"#, #"{"jsonrpc":"2.0","id":[1],"method":"x"}"#, #"{"jsonrpc":"2.0","id":3}"#])
    func aMessageThatIsNotJSONRPCIsAnInvalidRequest(_ json: String) {
        let harness = Harness()
        harness.receive(json)
        #expect(harness.lastErrorCode == ErrorCode.invalidRequest)
    }

    @Test func anUnknownMethodIsMethodNotFoundAndAnUnknownNotificationIsIgnored() {
        let harness = Harness()
        harness.receive(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
        harness.receive(#"{"jsonrpc":"2.0","method":"$/unknownNotification","params":{}}"#)
        #expect(harness.sent.count == 1)
        harness.receive(#"{"jsonrpc":"2.0","id":"two","method":"textDocument/unheardOf","params":{}}"#)
        #expect(harness.lastErrorCode == ErrorCode.methodNotFound)
        #expect(harness.sent.last?["id"] as? String == "two")
    }

    @Test func malformedParamsAreInvalidParams() {
        let harness = Harness()
        harness.receive(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#)
        harness.receive(#"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.yaml"},"position":{"line":-1}}}"#)
        #expect(harness.lastErrorCode == ErrorCode.invalidParams)
    }

    @Test func exitIsZeroAfterShutdownAndOneWithout() {
        let clean = Harness()
        clean.receive(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#)
        clean.receive(#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#)
        clean.receive(#"{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{}}"#)
        #expect(clean.lastErrorCode == ErrorCode.invalidRequest)
        #expect(clean.receive(#"{"jsonrpc":"2.0","method":"exit"}"#) == 0)
        #expect(Harness().receive(#"{"jsonrpc":"2.0","method":"exit"}"#) == 1)
    }
}
