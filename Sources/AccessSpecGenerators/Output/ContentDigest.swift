import CSHA256
import Foundation

/// SHA-256 (FIPS 180-4), for the build cache: it tells whether an input or an output changed.
/// A cryptographic hash, so that no crafted contract can make two different inputs look alike
/// and leave a stale output in place. `accessc` links no crypto library, so it is written out:
/// here portably, and in CSHA256 with the processor's SHA instructions where it has them
/// (several times faster; a national build hashes hundreds of megabytes).
public struct ContentDigest: Sendable {
    private var state: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    private var pending: [UInt8] = []
    private var length: UInt64 = 0
    /// Whether blocks go to the SHA instructions; tests turn it off to hold the two paths to each other.
    var accelerated = ContentDigest.isAccelerated

    /// Whether this processor has the SHA instructions the fast path uses.
    public static let isAccelerated = accessspec_sha256_accelerated() != 0

    public init() {
        pending.reserveCapacity(64)
    }

    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            pending.append(byte)
            if pending.count == 64 {
                compress(pending)
                pending.removeAll(keepingCapacity: true)
            }
            length &+= 1
        }
    }

    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { update(UnsafeRawBufferPointer($0)) }
    }

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        update(CollectionOfOne(0))
    }

    /// Whole blocks straight from the buffer; only the ragged ends are copied.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, buffer.count)
            pending.append(contentsOf: buffer[0..<take])
            offset = take
            if pending.count == 64 {
                compress(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        let whole = (buffer.count - offset) / 64
        if whole > 0 {
            compress(UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + whole * 64]))
            offset += whole * 64
        }
        pending.append(contentsOf: buffer[offset...])
        length &+= UInt64(buffer.count)
    }

    /// The digest as 64 lower-case hex digits.
    public consuming func hex() -> String {
        let bitLength = length &* 8
        var tail = pending + [0x80]
        while tail.count % 64 != 56 { tail.append(0) }
        tail += (0..<8).reversed().map { UInt8(truncatingIfNeeded: bitLength >> ($0 * 8)) }
        for start in stride(from: 0, to: tail.count, by: 64) { compress(tail[start..<start + 64]) }
        return state.map { word in
            let digits = String(word, radix: 16)
            return String(repeating: "0", count: 8 - digits.count) + digits
        }.joined()
    }

    public static func hex(_ data: Data) -> String {
        var digest = ContentDigest()
        digest.update(data)
        return digest.hex()
    }

    /// Shared with the fast path; read-only.
    nonisolated(unsafe) private static let k = UnsafeBufferPointer(start: accessspec_sha256_round_constants(), count: 64)

    private mutating func compress<Block: Collection>(_ block: Block) where Block.Element == UInt8 {
        Array(block).withUnsafeBytes { compress($0) }
    }

    /// Whole 64-byte blocks.
    private mutating func compress(_ blocks: UnsafeRawBufferPointer) {
        if accelerated, let base = blocks.baseAddress {
            state.withUnsafeMutableBufferPointer { accessspec_sha256_blocks($0.baseAddress!, base.assumingMemoryBound(to: UInt8.self), blocks.count / 64) }
            return
        }
        for start in stride(from: 0, to: blocks.count, by: 64) {
            compressPortably(UnsafeRawBufferPointer(rebasing: blocks[start..<start + 64]))
        }
    }

    /// One 64-byte block; the message schedule lives on the stack.
    private mutating func compressPortably(_ block: UnsafeRawBufferPointer) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for t in 0..<16 {
                w[t] = UInt32(block[t * 4]) << 24 | UInt32(block[t * 4 + 1]) << 16 | UInt32(block[t * 4 + 2]) << 8 | UInt32(block[t * 4 + 3])
            }
            for t in 16..<64 {
                let s0 = w[t - 15].rotatedRight(7) ^ w[t - 15].rotatedRight(18) ^ (w[t - 15] >> 3)
                let s1 = w[t - 2].rotatedRight(17) ^ w[t - 2].rotatedRight(19) ^ (w[t - 2] >> 10)
                w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
            let k = Self.k
            for t in 0..<64 {
                let t1 = h &+ (e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)) &+ ((e & f) ^ (~e & g)) &+ k[t] &+ w[t]
                let t2 = (a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)) &+ ((a & b) ^ (a & c) ^ (b & c))
                (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
            }
            state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
            state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
        }
    }
}

private extension UInt32 {
    func rotatedRight(_ count: UInt32) -> UInt32 { self >> count | self << (32 - count) }
}
