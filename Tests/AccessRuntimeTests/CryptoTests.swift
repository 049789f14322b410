import AccessRuntime
import Foundation
import Testing

/// The national algorithms against the vectors of GB/T 32905 and GB/T 32907.
struct CryptoTests {
    static func bytes(hex: String) -> [UInt8] {
        stride(from: 0, to: hex.count, by: 2).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)!
        }
    }

    @Test func sm3OfAbc() throws {
        #expect(AccessCrypto.hex(try AccessCrypto.digest(Array("abc".utf8), .sm3))
            == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")
    }

    @Test func sm3OfSixtyFourBytes() throws {
        let input = Array(String(repeating: "abcd", count: 16).utf8)
        #expect(AccessCrypto.hex(try AccessCrypto.digest(input, .sm3))
            == "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")
    }

    @Test func sm4EncryptsTheStandardBlock() throws {
        let key = Self.bytes(hex: "0123456789abcdeffedcba9876543210")
        #expect(AccessCrypto.hex(try AccessCrypto.sm4EncryptBlocks(key, key: key)) == "681edf34d206965e86b3e94f536e4246")
    }

    @Test func sm2SignaturesVerifyAndRejectTampering() throws {
        let key = try AccessCrypto.SM2Key.generate()
        let message = Array("POST\n/license/v1/verify\n1700000000000\nnonce\nbody".utf8)
        let signature = try AccessCrypto.sm2Sign(message, key: key)
        let publicKey = try AccessCrypto.SM2Key(pem: key.publicKeyPEM())
        #expect(try AccessCrypto.sm2Verify(signature, over: message, key: publicKey))
        #expect(try !AccessCrypto.sm2Verify(signature, over: message + [0x21], key: publicKey))
        let reread = try AccessCrypto.SM2Key(pem: key.privateKeyPEM())
        #expect(try AccessCrypto.sm2Verify(try AccessCrypto.sm2Sign(message, key: reread), over: message, key: publicKey))
    }

    @Test func hmacSM3AndSHA256() throws {
        // RFC 4231 test case 2 for HMAC-SHA256.
        #expect(AccessCrypto.hex(try AccessCrypto.hmac(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8), .sha256))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // As `echo -n abc | openssl dgst -sm3 -hmac key` prints it.
        #expect(AccessCrypto.hex(try AccessCrypto.hmac(Array("abc".utf8), key: Array("key".utf8), .sm3))
            == "28e63256e7c5a087b1f073265dc53092163f7b82729735d06f28f10af9d52393")
    }
}
