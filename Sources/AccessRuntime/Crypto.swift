import COpenSSL
import Foundation

/// The national algorithms (SM2, SM3, SM4) and HMAC, through OpenSSL 3's libcrypto rather
/// than a hand-written implementation.
public enum AccessCrypto {
    public enum Digest: String, Sendable {
        case sm3, sha256

        var evp: OpaquePointer? {
            switch self {
            case .sm3: EVP_sm3()
            case .sha256: EVP_sha256()
            }
        }
    }

    public struct CryptoError: Error, CustomStringConvertible {
        public let description: String

        init(_ operation: String) {
            let code = ERR_get_error()
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            let reason = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            description = "\(operation) failed" + (code == 0 ? "" : ": \(reason)")
        }
    }

    public static func digest(_ data: some DataProtocol, _ digest: Digest) throws -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw CryptoError("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        let bytes = Array(data)
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_DigestInit_ex(context, digest.evp, nil) == 1,
              EVP_DigestUpdate(context, bytes, bytes.count) == 1,
              EVP_DigestFinal_ex(context, &output, &length) == 1
        else { throw CryptoError("digest \(digest.rawValue)") }
        return Array(output.prefix(Int(length)))
    }

    public static func hmac(_ data: some DataProtocol, key: some DataProtocol, _ digest: Digest) throws -> [UInt8] {
        let bytes = Array(data), keyBytes = Array(key)
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard HMAC(digest.evp, keyBytes, Int32(keyBytes.count), bytes, bytes.count, &output, &length) != nil else {
            throw CryptoError("HMAC-\(digest.rawValue)")
        }
        return Array(output.prefix(Int(length)))
    }

    /// SM4 in ECB mode without padding, block by block (what the GB/T 32907 vector exercises).
    public static func sm4EncryptBlocks(_ plaintext: [UInt8], key: [UInt8]) throws -> [UInt8] {
        guard key.count == 16, plaintext.count % 16 == 0 else { throw CryptoError("SM4 takes a 16-byte key and whole blocks") }
        guard let context = EVP_CIPHER_CTX_new() else { throw CryptoError("EVP_CIPHER_CTX_new") }
        defer { EVP_CIPHER_CTX_free(context) }
        var output = [UInt8](repeating: 0, count: plaintext.count + 16)
        var written: Int32 = 0, final: Int32 = 0
        let ok = output.withUnsafeMutableBufferPointer { buffer -> Bool in
            EVP_EncryptInit_ex(context, EVP_sm4_ecb(), nil, key, nil) == 1
                && EVP_CIPHER_CTX_set_padding(context, 0) == 1
                && EVP_EncryptUpdate(context, buffer.baseAddress, &written, plaintext, Int32(plaintext.count)) == 1
                && EVP_EncryptFinal_ex(context, buffer.baseAddress! + Int(written), &final) == 1
        }
        guard ok else { throw CryptoError("SM4 encryption") }
        return Array(output.prefix(Int(written + final)))
    }

    /// An SM2 key pair, held by libcrypto.
    public final class SM2Key: @unchecked Sendable {
        let key: OpaquePointer

        init(_ key: OpaquePointer) { self.key = key }
        deinit { EVP_PKEY_free(key) }

        public static func generate() throws -> SM2Key {
            guard let context = EVP_PKEY_CTX_new_from_name(nil, "SM2", nil) else { throw CryptoError("SM2 key context") }
            defer { EVP_PKEY_CTX_free(context) }
            var key: OpaquePointer?
            guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_generate(context, &key) == 1, let key else {
                throw CryptoError("SM2 key generation")
            }
            return SM2Key(key)
        }

        /// Reads a PEM private key (`-----BEGIN PRIVATE KEY-----`) or public key.
        public convenience init(pem: String) throws {
            // A memory BIO reads the caller's buffer in place, so the buffer must outlive every
            // read: the whole parse runs inside withUnsafeBufferPointer.
            let bytes = Array(pem.utf8)
            guard bytes.count < Int32.max else { throw CryptoError("reading an SM2 PEM key") }
            let key: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
                guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
                defer { BIO_free(bio) }
                return pem.contains("PRIVATE KEY") ? PEM_read_bio_PrivateKey(bio, nil, nil, nil) : PEM_read_bio_PUBKEY(bio, nil, nil, nil)
            }
            guard let key else { throw CryptoError("reading an SM2 PEM key") }
            self.init(key)
        }

        public func privateKeyPEM() throws -> String {
            try pem { PEM_write_bio_PrivateKey($0, key, nil, nil, 0, nil, nil) }
        }

        public func publicKeyPEM() throws -> String {
            try pem { PEM_write_bio_PUBKEY($0, key) }
        }

        private func pem(_ write: (OpaquePointer?) -> Int32) throws -> String {
            guard let bio = BIO_new(BIO_s_mem()) else { throw CryptoError("BIO_new") }
            defer { BIO_free(bio) }
            guard write(bio) == 1 else { throw CryptoError("writing PEM") }
            var pointer: UnsafeMutablePointer<CChar>?
            let length = BIO_ctrl(bio, BIO_CTRL_INFO, 0, &pointer)
            guard let pointer, length > 0 else { throw CryptoError("reading PEM") }
            return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
        }
    }

    /// GB/T 32918's default user id for SM2 signatures.
    public static let defaultSM2ID = Array("1234567812345678".utf8)

    /// An SM2 signature over SM3 (DER-encoded), with the default user id.
    public static func sm2Sign(_ data: some DataProtocol, key: SM2Key) throws -> [UInt8] {
        try withSM2Context(key) { context in
            let bytes = Array(data)
            var length = 0
            guard EVP_DigestSignUpdate(context, bytes, bytes.count) == 1,
                  EVP_DigestSignFinal(context, nil, &length) == 1 else { throw CryptoError("SM2 signing") }
            var signature = [UInt8](repeating: 0, count: length)
            guard EVP_DigestSignFinal(context, &signature, &length) == 1 else { throw CryptoError("SM2 signing") }
            return Array(signature.prefix(length))
        } initialise: { context in
            EVP_DigestSignInit(context, nil, EVP_sm3(), nil, key.key)
        }
    }

    public static func sm2Verify(_ signature: [UInt8], over data: some DataProtocol, key: SM2Key) throws -> Bool {
        try withSM2Context(key) { context in
            let bytes = Array(data)
            guard EVP_DigestVerifyUpdate(context, bytes, bytes.count) == 1 else { throw CryptoError("SM2 verification") }
            return EVP_DigestVerifyFinal(context, signature, signature.count) == 1
        } initialise: { context in
            EVP_DigestVerifyInit(context, nil, EVP_sm3(), nil, key.key)
        }
    }

    /// Runs `body` with a digest context set up for SM2 with the default user id. The key
    /// context is lent to the digest context, which does not free it: it is freed last.
    private static func withSM2Context<T>(
        _ key: SM2Key, _ body: (OpaquePointer) throws -> T, initialise: (OpaquePointer) -> Int32
    ) throws -> T {
        guard let pkeyContext = EVP_PKEY_CTX_new(key.key, nil) else { throw CryptoError("EVP_PKEY_CTX_new") }
        defer { EVP_PKEY_CTX_free(pkeyContext) }
        guard accessspec_pkey_ctx_set_sm2_id(pkeyContext, defaultSM2ID, Int32(defaultSM2ID.count)) > 0 else {
            throw CryptoError("setting the SM2 id")
        }
        guard let context = EVP_MD_CTX_new() else { throw CryptoError("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        EVP_MD_CTX_set_pkey_ctx(context, pkeyContext)
        guard initialise(context) == 1 else { throw CryptoError("SM2 context") }
        return try body(context)
    }

    /// Lower-case hex. Written out by hand: it runs for every digest and signature, and
    /// String(format:) per byte showed in the mock's profile.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func randomBytes(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        if RAND_bytes(&bytes, Int32(count)) != 1 {
            for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
        }
        return bytes
    }
}
