import AccessRuntime
import Foundation
import HostileClients
import Testing

/// The client generated from Tests/HostileFixture/specs/hostile.yaml compiles (it is a
/// target of this package) and means exactly what the contract says.
@Suite(.serialized)
struct HostileClientTests {
    @Test func enumValuesKeepTheirContractText() {
        #expect(Hostile.Tricky.declaredCases.map(\.rawValue) == ["a\"b", "\\(boom)", "\"\"\"", "default", "emoji 😀", "1st", "一级", "line\nbreak"])
        #expect(Hostile.Tricky(rawValue: "\\(boom)") == .boom)
        #expect(Hostile.Tricky(rawValue: "not listed") == .unrecognized("not listed"))
    }

    @Test func errorMessagesAndHeadersKeepTheirContractText() {
        #expect(Hostile.ContractError(code: 40001, message: "m").declaredMessage == "错误 \"1\" \\ \\(x) */")
        #expect(Hostile.ContractError(code: 40002, message: "m").declaredMessage == "\"\"\"\n#\"raw\"#")
        #expect(Hostile.profile.signing?.header == "X-Sign'ature|~")
    }

    @Test func keywordFieldsEncodeUnderTheirContractNames() throws {
        let value = Hostile.Weird(default: "d", class: "c", protocol: "p", _x: 1, Type: "t", tricky: .lineBreak)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) == ["default", "class", "protocol", "_x", "Type", "tricky"])
        #expect(object?["tricky"] as? String == "line\nbreak")
    }

    @Test func keywordOperationsCallTheirPaths() async throws {
        let server = try LoopbackServer { _ in .json(#"{"default": "a", "class": "b", "protocol": "c", "_x": 2, "Type": "d", "tricky": "\"\"\""}"#) }
        defer { server.shutdown() }
        let configuration = AccessClientConfiguration(
            baseURL: server.baseURL, accessId: "x", secrets: SecretResolver(environment: ["HOSTILE_SECRET": "s"]), allowInsecureLoopback: true)
        let client = Hostile.Client(configuration: configuration)
        let answer = try await client.identity.default(Hostile.Weird(default: "ok", class: "c", protocol: "p", _x: 1, Type: "t"))
        #expect(answer.tricky == ._222222)
        try await client.identity.`init`(Hostile.Weird(default: "a b", class: "c", protocol: "p", _x: 1, Type: "t"))
        #expect(server.requests.map(\.uri) == ["/identity/v1/it's/(x)*+,;=@$&!~", "/identity/v1/init/a%20b?Type=t&_x=1&class=c&protocol=p"])
        #expect(server.requests.first?.header("X-Sign'ature|~") != nil)
    }

    @Test func constraintsFromTheContractAreChecked() async throws {
        let client = Hostile.Client(configuration: AccessClientConfiguration(baseURL: URL(string: "https://hostile.example.gov.cn")!, accessId: "x"))
        await #expect(throws: AccessRuntimeError.invalidField(path: "request.default", reason: "value is 11 characters long, more than maxLength 10")) {
            _ = try await client.identity.default(Hostile.Weird(default: "01234567890", class: "c", protocol: "p", _x: 1, Type: "t"))
        }
    }
}
