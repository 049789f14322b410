import AccessSpecCore
import AccessSpecGenerators
import Foundation
import Testing

/// `JSONValue(encoding:)` against what it replaces: Foundation's JSONEncoder, then JSONDecoder.
struct JSONValueEncoderTests {
    private func throughText(_ value: some Encodable) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    @Test func everyTypeAndOperationOfTheWorkspacesEncodesAsThroughText() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for workspace in ["specs", "Tests/HostileFixture/specs", "Tests/NameTorture/specs"] {
            let ir = try #require(Compiler.compile(workspaceAt: root.appendingPathComponent(workspace).path).ir, "\(workspace) compiles")
            for platform in ir.platforms {
                #expect(try JSONValue(encoding: platform.types) == throughText(platform.types), "\(platform.id) types")
                #expect(try JSONValue(encoding: platform) == throughText(platform), "\(platform.id)")
            }
        }
    }

    @Test func numbersAsJSONEncoderWritesThem() throws {
        let doubles: [Double] = [0, -0.0, 1, 100, 99.5, 0.1, 3e-5, 1e15, 9_007_199_254_740_992, 1e16, 1e17, 1e20, -1e16, .greatestFiniteMagnitude, .leastNonzeroMagnitude]
        for number in doubles {
            #expect(try JSONValue(encoding: number) == throughText(number), "\(number)")
        }
        let integers: [Int64] = [.min, -1, 0, 1, .max]
        #expect(try JSONValue(encoding: integers) == throughText(integers))
        let unsigned: [UInt64] = [0, UInt64(Int64.max), .max]
        #expect(try JSONValue(encoding: unsigned) == throughText(unsigned))
        let optionals: [String: Int?] = ["a": 1, "b": nil]
        #expect(try JSONValue(encoding: optionals) == throughText(optionals))
        #expect(try JSONValue(encoding: URL(string: "https://example.cn/a?b=c")!) == throughText(URL(string: "https://example.cn/a?b=c")!))
    }
}
