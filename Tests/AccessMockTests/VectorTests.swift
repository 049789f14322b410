import AccessConformance
import AccessRuntime
import AccessSpecCore
import AccessSpecGenerators
import Foundation
import Testing

/// Every vector must be what it says: valid requests fit the request type, and each invalid one
/// breaks it at the field it names (and nowhere else it was not meant to).
struct VectorTests {
    @Test(arguments: ["anhui", "hefei", "icbc-mobile", "national", "samr", "shandong"])
    func vectorsAgreeWithTheContract(_ id: String) throws {
        let ir = try Workspace.ir()
        let platform = try #require(ir.platforms.first { $0.id == id })
        let file = try ConformanceVectors.vectors(for: platform, settings: ir.settings)
        let checker = IRValueChecker(types: platform.types, settings: ir.settings)
        #expect(file.uncovered.isEmpty, "\(file.uncovered)")
        for operation in platform.areas.allOperations {
            let vectors = try #require(file.operation(operation.id)).vectors
            #expect(Set(vectors.map(\.name)).count == vectors.count, "vector names repeat in \(operation.id)")
            let valid = try #require(vectors.first { $0.check == .validRequest }, "\(operation.id) has no valid vector")
            for vector in vectors {
                guard let type = operation.request else { continue }
                let violations = checker.check(vector.request, against: type, at: "request")
                switch vector.check {
                case .validRequest:
                    #expect(violations.isEmpty, "\(operation.id) \(vector.name): \(violations)")
                case .missingRequiredField, .wrongType, .overLongString, .unknownEnumValue, .failedCheckDigit:
                    let field = try #require(vector.field)
                    let indexed = field.split(separator: ".").map { Int($0) != nil ? "[\($0)]" : ".\($0)" }.joined().dropFirst()
                    #expect(!violations.isEmpty && violations.allSatisfy { $0.location == String(indexed) },
                            "\(operation.id) \(vector.name): \(violations)")
                    #expect(vector.expect.error == "INVALID_PARAMETER")
                case .missingSignature, .wrongSignature, .staleTimestamp, .futureTimestamp, .extremeTimestamp, .replayedNonce, .tamperedAccessId, .missingToken:
                    #expect(vector.request == valid.request)
                    #expect(vector.expect.outcome == .error)
                }
            }
        }
    }

    @Test func theBundledSpecsExerciseEveryCheck() throws {
        let ir = try Workspace.ir()
        let checks = try ir.platforms.flatMap { platform in
            try ConformanceVectors.vectors(for: platform, settings: ir.settings).operations.flatMap { $0.vectors.map(\.check) }
        }
        #expect(Set(checks) == Set(VectorFile.Check.allCases))
    }

    /// Field names are matched byte for byte: a key written with the Kelvin sign (U+212A), which
    /// Swift's strings hold equal to "K", is another field, and the real one is still missing.
    @Test func aFieldNameIsMatchedByItsBytes() throws {
        let ir = try Workspace.ir()
        let candidates = ir.platforms.flatMap { platform in
            platform.types.flatMap { type in (type.fields ?? []).filter { $0.name.contains("K") && $0.required }.map { (platform, type, $0) } }
        }
        let (platform, type, field) = try #require(candidates.first)
        let synthesizer = ValueSynthesizer(types: platform.types, settings: ir.settings)
        let checker = IRValueChecker(types: platform.types, settings: ir.settings)
        guard case .object(var entries) = try #require(synthesizer.value(of: .named(type.name))) else { Issue.record("not an object"); return }
        let removed = entries.removeValue(forKey: field.name)
        let value = try #require(removed)
        var bytes = Array(field.name.utf8)
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "K")))
        bytes.replaceSubrange(index...index, with: Array("\u{212A}".utf8))
        let key = String(decoding: bytes, as: UTF8.self)
        #expect(key == field.name, "Swift holds the two spellings equal")
        entries[key] = value
        let kinds = checker.check(.object(entries), against: .named(type.name), at: "value").map(\.kind)
        #expect(kinds.contains(.missingField(record: type.name, field: field.name)), "\(kinds)")
    }

    @Test func synthesisedValuesFitTheirTypes() throws {
        let ir = try Workspace.ir()
        for platform in ir.platforms {
            let synthesizer = ValueSynthesizer(types: platform.types, settings: ir.settings)
            let checker = IRValueChecker(types: platform.types, settings: ir.settings)
            for type in platform.types {
                guard let value = synthesizer.value(of: .named(type.name)) else {
                    Issue.record("no value made for \(platform.id).\(type.name)")
                    continue
                }
                #expect(checker.check(value, against: .named(type.name), at: "value").isEmpty)
            }
        }
    }
}

/// How a generated suite judges a call: the verdicts the suites rest on.
struct SessionVerdictTests {
    struct Answered: AccessContractError {
        var code: Int
        init(code: Int, message: String) { self.code = code }
    }

    func session(_ check: VectorFile.Check) throws -> ConformanceSession {
        let ir = try Workspace.ir()
        let platform = try #require(ir.platforms.first { $0.id == "hefei" })
        let file = try ConformanceVectors.vectors(for: platform, settings: ir.settings)
        let operation = try #require(file.operations.first { $0.vectors.contains { $0.check == check } })
        let vector = try #require(operation.vectors.first { $0.check == check })
        return try ConformanceSession(file, operation: operation.id, vector: vector, target: ConformanceTarget(baseURL: URL(string: "http://127.0.0.1:1")!))
    }

    @Test func aValidVectorPassesOnlyWhenTheCallSucceeds() async throws {
        let valid = try session(.validRequest)
        #expect(await valid.run {}.passed)
        let refused = await valid.run { throw Answered(code: 40001, message: "") }
        #expect(!refused.passed && refused.reason.en.contains("expected a successful response"))
    }

    @Test func anInvalidVectorPassesOnlyWithTheExpectedCode() async throws {
        let unsigned = try session(.missingSignature)
        let code = try #require(unsigned.vectorRequest.vector.expect.code)
        #expect(await unsigned.run { throw Answered(code: code, message: "") }.passed)
        #expect(await !unsigned.run {}.passed)
        let wrongCode = await unsigned.run { throw Answered(code: 40001, message: "") }
        #expect(!wrongCode.passed && wrongCode.reason.en.contains("got contract error 40001"))
        #expect(await !unsigned.run { throw AccessRuntimeError.timedOut }.passed)
    }
}
