import AccessSpecCore
import AccessSpecGenerators
import Foundation
import SeededRandom
import Testing

/// The digest of a value's encoding, which the build cache fingerprints units with. Judged
/// against the canonical JSON: different JSON must always give different digests, and an
/// equal value the same digest however it was built.
struct ValueDigestTests {
    /// Random JSON values over tiny alphabets, so that near misses are common: `{"a":{"b":1},"c":2}`
    /// beside `{"a":{"b":1,"c":2}}`, `["a","b"]` beside `["ab"]`, `""` beside `[]`.
    @Test func differentJSONGivesDifferentDigests() throws {
        var random = SplitMix(seed: 20261202)
        let values = (0..<700).map { _ in Self.value(depth: 3, &random) }
        let texts = try values.map { String(decoding: try CanonicalJSON.encode($0), as: UTF8.self) }
        let digests = try values.map { try ContentDigest.hex(encoding: $0) }
        var distinctTexts = 0
        for i in values.indices {
            for j in values.indices where j > i {
                if texts[i] != texts[j] {
                    distinctTexts += 1
                    #expect(digests[i] != digests[j], "\(texts[i]) and \(texts[j])")
                }
                if values[i] == values[j] { #expect(digests[i] == digests[j], "\(texts[i])") }
            }
        }
        #expect(distinctTexts > 100_000, "the cases must mostly differ")
        #expect(Set(texts).count < values.count, "and some must be equal")
    }

    /// A dictionary's own order depends on its history and the process; the digest must not.
    @Test func anObjectsDigestIgnoresTheOrderItsKeysWereAdded() throws {
        let keys = (0..<40).map { "key\($0)" }
        var forward: [String: JSONValue] = [:]
        for (index, key) in keys.enumerated() { forward[key] = .integer(index) }
        var backward = [String: JSONValue](minimumCapacity: 500)
        for (index, key) in keys.enumerated().reversed() { backward[key] = .integer(index) }
        #expect(Array(forward.keys) != Array(backward.keys), "the two orders must differ for the test to mean anything")
        #expect(try ContentDigest.hex(encoding: JSONValue.object(forward)) == ContentDigest.hex(encoding: JSONValue.object(backward)))
    }

    /// Every platform of the example workspace: its IR and the IR read back from its own file
    /// (every dictionary built again) give one digest; any two platforms give two.
    @Test func aPlatformsIRHasOneDigestHoweverItWasBuilt() throws {
        let ir = try DocsGeneratorTests.compile(DocsGeneratorTests.specs)
        var seen: [String: String] = [:]
        for platform in ir.platforms {
            let read = try JSONDecoder().decode(PlatformIR.self, from: platform.canonicalJSON())
            let digest = try ContentDigest.hex(encoding: platform)
            #expect(try ContentDigest.hex(encoding: read) == digest, "\(platform.id)")
            #expect(seen.updateValue(platform.id, forKey: digest) == nil, "\(platform.id) shares a digest")
        }
        var reordered = try #require(ir.platforms.first { $0.types.count > 1 })
        let digest = try ContentDigest.hex(encoding: reordered)
        reordered.types.reverse()
        #expect(try ContentDigest.hex(encoding: reordered) != digest, "order in a list counts")
    }

    /// A value that asks for a nested container cannot be bracketed in the stream, so its
    /// digest is the canonical JSON's.
    @Test func aNestedContainerFallsBackToTheCanonicalJSON() throws {
        struct Nested: Encodable {
            var inner: Int
            enum Keys: String, CodingKey { case outer, inner }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .outer)
                try nested.encode(inner, forKey: .inner)
            }
        }
        let value = Nested(inner: 7)
        #expect(try ContentDigest.hex(encoding: value) == ContentDigest.hex(try CanonicalJSON.encode(value)))
        #expect(try ContentDigest.hex(encoding: value) != ContentDigest.hex(encoding: Nested(inner: 8)))
    }

    private static func value(depth: Int, _ random: inout SplitMix) -> JSONValue {
        let strings = ["", "a", "b", "ab"]
        switch random.below(depth == 0 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(random.chance(50))
        case 2: return .integer(random.below(3) - 1)
        case 3: return .number([0.5, -0.5, 1e300][random.below(3)])
        case 4: return .string(random.pick(strings))
        case 5: return .array((0..<random.below(3)).map { _ in value(depth: depth - 1, &random) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<random.below(3) { members[random.pick(strings)] = value(depth: depth - 1, &random) }
            return .object(members)
        }
    }
}
