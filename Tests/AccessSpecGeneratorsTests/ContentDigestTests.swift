@testable import AccessSpecGenerators
import Foundation
import Testing

/// The build cache's SHA-256, judged by the standard's vectors and by coreutils' sha256sum
/// (on this processor's fast path where it has one), and the two paths held to each other.
struct ContentDigestTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func publishedVectors(_ text: String, _ expected: String) {
        #expect(ContentDigest.hex(Data(text.utf8)) == expected)
    }

    /// Lengths around every block boundary, fed whole and in ragged pieces, against sha256sum.
    @Test func agreesWithSha256sum() throws {
        var generator = SystemRandomNumberGenerator()
        for length in [1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 65_537] {
            let data = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString)")
            try data.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["sha256sum", file.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let expected = String(output.prefix(64))
            #expect(ContentDigest.hex(data) == expected, "length \(length)")
            var pieces = ContentDigest()
            var offset = 0
            while offset < data.count {
                let size = min(Int.random(in: 1...150, using: &generator), data.count - offset)
                if size % 2 == 0 { pieces.update(data[offset..<offset + size]) } else { pieces.update(Array(data[offset..<offset + size])) }
                offset += size
            }
            #expect(pieces.hex() == expected, "length \(length) in pieces")
        }
    }

    /// The SHA instructions and the portable code agree on every length up to a few blocks and
    /// on large buffers, whole and in random pieces.
    @Test func theFastPathAgreesWithThePortableOne() {
        var generator = SystemRandomNumberGenerator()
        let lengths = Array(0...300) + [1000, 4096, 65_536, 1_000_003]
        for length in lengths {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var portable = ContentDigest()
            portable.accelerated = false
            portable.update(bytes)
            let expected = portable.hex()
            var fast = ContentDigest()
            var offset = 0
            while offset < bytes.count {
                let size = min(Int.random(in: 1...200, using: &generator), bytes.count - offset)
                bytes[offset..<offset + size].withUnsafeBytes { fast.update($0) }
                offset += size
            }
            #expect(fast.hex() == expected, "length \(length)")
        }
    }

    /// On a processor with SHA-NI the fast path is the one taken, so the tests above judge it.
    @Test func theFastPathIsTakenWhereTheProcessorHasIt() throws {
        guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8), cpuinfo.contains(" sha_ni") else { return }
        #expect(ContentDigest.isAccelerated)
    }
}
