@testable import AccessSpecDiff
import AccessSpecCore
import Foundation
import SeededRandom
import Testing


/// Random single mutations anywhere in the bundled workspace (every platform, operation,
/// error, environment and connection, and the golden mutations of the probe): diff must
/// report exactly the mutation's kind. The seed is printed; ACCESSSPEC_DIFF_SEED replays one.
struct RandomMutationTests {
    typealias Generator = @Sendable (inout WorkspaceIR, inout SplitMix) -> ChangeKind?

    static let generators: [(String, Generator)] = [
        ("operation method", { ir, rng in
            let (p, path) = randomOperation(ir, &rng)
            let method = ir.platforms[p].operation(at: path).method
            let other = HTTPMethod.allCases.filter { $0 != method }.randomElement(using: &rng)!
            ir.platforms[p].updateOperation(at: path) { $0.method = other }
            return .operationMethodChanged
        }),
        ("operation path", { ir, rng in
            let (p, path) = randomOperation(ir, &rng)
            ir.platforms[p].updateOperation(at: path) { $0.path += "/v\(Int.random(in: 2...9, using: &rng))" }
            return .operationPathChanged
        }),
        ("operation summary", { ir, rng in
            let (p, path) = randomOperation(ir, &rng)
            ir.platforms[p].updateOperation(at: path) { $0.summary += "（新）" }
            return .operationSummaryChanged
        }),
        ("operation deprecated", { ir, rng in
            let (p, path) = randomOperation(ir, &rng)
            var now = false
            ir.platforms[p].updateOperation(at: path) { $0.deprecated.toggle(); now = $0.deprecated }
            return now ? .operationDeprecated : .operationUndeprecated
        }),
        ("operation idempotent", { ir, rng in
            let (p, path) = randomOperation(ir, &rng)
            var now = false
            ir.platforms[p].updateOperation(at: path) { $0.idempotent.toggle(); now = $0.idempotent }
            return now ? .operationNowIdempotent : .operationNoLongerIdempotent
        }),
        ("operation removed", { ir, rng in
            let (p, path) = randomOperation(ir, &rng)
            ir.platforms[p].removeOperation(at: path)
            return .operationRemoved
        }),
        ("error code", { ir, rng in
            let p = Int.random(in: 0..<ir.platforms.count, using: &rng)
            guard !ir.platforms[p].errors.isEmpty else { return nil }
            let e = Int.random(in: 0..<ir.platforms[p].errors.count, using: &rng)
            ir.platforms[p].errors[e].code += 100_000
            return .errorCodeChanged
        }),
        ("error status", { ir, rng in
            let p = Int.random(in: 0..<ir.platforms.count, using: &rng)
            guard !ir.platforms[p].errors.isEmpty else { return nil }
            let e = Int.random(in: 0..<ir.platforms[p].errors.count, using: &rng)
            ir.platforms[p].errors[e].http = ir.platforms[p].errors[e].http == 500 ? 502 : 500
            return .errorStatusChanged
        }),
        ("environment URL", { ir, rng in
            let p = Int.random(in: 0..<ir.platforms.count, using: &rng)
            let e = Int.random(in: 0..<ir.platforms[p].environments.count, using: &rng)
            ir.platforms[p].environments[e].url += "/v2"
            return .environmentURLChanged
        }),
        ("platform level", { ir, rng in
            let p = Int.random(in: 0..<ir.platforms.count, using: &rng)
            let level = ir.platforms[p].level
            ir.platforms[p].level = PlatformLevel.allCases.filter { $0 != level }.randomElement(using: &rng)!
            return .platformLevelChanged
        }),
        ("connection direction", { ir, rng in
            let c = Int.random(in: 0..<ir.connections.count, using: &rng)
            let a = Int.random(in: 0..<ir.connections[c].areas.count, using: &rng)
            let was = ir.connections[c].areas[a].direction
            let now = Direction.allCases.filter { $0 != was }.randomElement(using: &rng)!
            ir.connections[c].areas[a].direction = now
            return now == .both ? .connectionDirectionWidened : .connectionDirectionNarrowed
        }),
        ("connection removed", { ir, rng in
            ir.connections.remove(at: Int.random(in: 0..<ir.connections.count, using: &rng))
            return .connectionRemoved
        }),
        ("golden mutation", { ir, rng in
            let mutation = mutations.randomElement(using: &rng)!
            guard !mutation.reversed else { return nil }
            mutation.apply(&ir)
            return mutation.kind
        }),
    ]

    static func randomOperation(_ ir: WorkspaceIR, _ rng: inout SplitMix) -> (Int, String) {
        let candidates = ir.platforms.indices.flatMap { p in ir.platforms[p].areas.allOperations.map { (p, $0.id) } }
        return candidates.randomElement(using: &rng)!
    }

    @Test func randomSingleMutationsAreReportedAsExactlyTheirKind() {
        let seed = ProcessInfo.processInfo.environment["ACCESSSPEC_DIFF_SEED"].flatMap { UInt64($0) } ?? 20_261_201
        print("RandomMutationTests seed \(seed) (replay with ACCESSSPEC_DIFF_SEED=\(seed))")
        var rng = SplitMix(seed: seed)
        var tried = 0
        for round in 0..<400 {
            let (name, generator) = Self.generators.randomElement(using: &rng)!
            var mutant = Fixtures.base
            guard let expected = generator(&mutant, &rng) else { continue }
            tried += 1
            let found = Set(ContractDiff.compare(old: Fixtures.base, new: mutant).map(\.kind.code))
            #expect(found == [expected.code], "seed \(seed) round \(round) (\(name)): expected \(expected.code), got \(found.sorted())")
        }
        #expect(tried > 300)
    }
}

extension PlatformIR {
    func operation(at id: String) -> OperationIR { areas.allOperations.first { $0.id == id }! }

    mutating func updateOperation(at id: String, _ change: (inout OperationIR) -> Void) {
        areas.updateOperations { operation in if operation.id == id { change(&operation) } }
    }

    mutating func removeOperation(at id: String) {
        areas.items?.operations.removeAll { $0.id == id }
        areas.portal?.operations.removeAll { $0.id == id }
        areas.identity?.operations.removeAll { $0.id == id }
        areas.seal?.operations.removeAll { $0.id == id }
        areas.license?.operations.removeAll { $0.id == id }
        areas.operations?.operations.removeAll { $0.id == id }
        areas.security?.operations.removeAll { $0.id == id }
        areas.thirdParty?.operations.removeAll { $0.id == id }
    }
}
