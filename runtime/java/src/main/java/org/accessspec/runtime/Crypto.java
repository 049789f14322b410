package org.accessspec.runtime;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/** SM2, SM3, SM4 and HMAC through Bouncy Castle's lightweight API, as docs/signing.md uses them. */
public final class Crypto {
    private Crypto() {}

    /** The SM2 user id of docs/signing.md (GM/T 0009's default). */
    public static final byte[] SM2_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The body digest of a signing algorithm: SHA-256 for hmac-sha256, SM3 otherwise. */
    public enum DigestKind {
        SM3, SHA256;

        Digest create() { return this == SM3 ? new SM3Digest() : new SHA256Digest(); }
    }

    public static byte[] digest(byte[] data, DigestKind kind) {
        Digest digest = kind.create();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    public static byte[] sm3(byte[] data) { return digest(data, DigestKind.SM3); }

    public static byte[] hmac(byte[] message, byte[] key, DigestKind kind) {
        HMac mac = new HMac(kind.create());
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    public static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        return out.toString();
    }

    public static byte[] unhex(String text) {
        if (text.length() % 2 != 0) throw new IllegalArgumentException("odd number of hex digits");
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int high = Character.digit(text.charAt(2 * i), 16), low = Character.digit(text.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) throw new IllegalArgumentException("not a hex digit");
            out[i] = (byte) ((high << 4) | low);
        }
        return out;
    }

    public static byte[] randomBytes(int count) {
        byte[] out = new byte[count];
        RANDOM.nextBytes(out);
        return out;
    }

    // SM2

    /** An SM2 key read from PEM: a PKCS#8 private key (which also gives its public half) or a SubjectPublicKeyInfo. */
    public static final class SM2Key {
        final ECPrivateKeyParameters privateKey;
        final ECPublicKeyParameters publicKey;

        private SM2Key(ECPrivateKeyParameters privateKey, ECPublicKeyParameters publicKey) {
            this.privateKey = privateKey;
            this.publicKey = publicKey;
        }

        public static SM2Key fromPem(String pem) {
            try {
                if (pem.contains("-----BEGIN PRIVATE KEY-----")) {
                    AsymmetricKeyParameter key = PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(pemBody(pem, "PRIVATE KEY")));
                    if (!(key instanceof ECPrivateKeyParameters ec)) throw new AccessException.InvalidConfiguration("the PEM private key is not an EC (SM2) key");
                    ECPublicKeyParameters pub = new ECPublicKeyParameters(ec.getParameters().getG().multiply(ec.getD()).normalize(), ec.getParameters());
                    return new SM2Key(ec, pub);
                }
                if (pem.contains("-----BEGIN PUBLIC KEY-----")) {
                    AsymmetricKeyParameter key = PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(pemBody(pem, "PUBLIC KEY")));
                    if (!(key instanceof ECPublicKeyParameters ec)) throw new AccessException.InvalidConfiguration("the PEM public key is not an EC (SM2) key");
                    return new SM2Key(null, ec);
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new AccessException.InvalidConfiguration("cannot read the SM2 key PEM: " + e.getMessage());
            }
            throw new AccessException.InvalidConfiguration("the SM2 key is neither a PKCS#8 private key nor a public key PEM");
        }

        public boolean hasPrivateKey() { return privateKey != null; }

        /** The uncompressed public point, 04 || x || y, in hex. */
        public String publicKeyHex() { return hex(publicKey.getQ().getEncoded(false)); }
    }

    private static byte[] pemBody(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----", end = "-----END " + label + "-----";
        int from = pem.indexOf(begin), to = pem.indexOf(end);
        if (from < 0 || to < from) throw new IllegalArgumentException("no " + label + " block");
        return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    /** DER SEQUENCE { r, s } of the SM2 signature with SM3 and the default user id. */
    public static byte[] sm2Sign(byte[] message, SM2Key key) {
        if (!key.hasPrivateKey()) throw new AccessException.InvalidConfiguration("signing with SM2 needs the private key");
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithID(new ParametersWithRandom(key.privateKey, RANDOM), SM2_USER_ID));
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /** Whether `signature` (strict DER, r and s in 1..n-1) verifies over `message`. */
    public static boolean sm2Verify(byte[] signature, byte[] message, SM2Key key) {
        SM2Signer signer = new SM2Signer();
        signer.init(false, new ParametersWithID(key.publicKey, SM2_USER_ID));
        signer.update(message, 0, message.length);
        try {
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Z = SM3(ENTL || ID || a || b || xG || yG || xA || yA), for checking against the vectors. */
    public static byte[] sm2Z(SM2Key key) {
        var parameters = key.publicKey.getParameters();
        SM3Digest digest = new SM3Digest();
        int bits = SM2_USER_ID.length * 8;
        digest.update((byte) (bits >> 8));
        digest.update((byte) bits);
        digest.update(SM2_USER_ID, 0, SM2_USER_ID.length);
        for (BigInteger value : new BigInteger[] {
            parameters.getCurve().getA().toBigInteger(), parameters.getCurve().getB().toBigInteger(),
            parameters.getG().getAffineXCoord().toBigInteger(), parameters.getG().getAffineYCoord().toBigInteger(),
            key.publicKey.getQ().getAffineXCoord().toBigInteger(), key.publicKey.getQ().getAffineYCoord().toBigInteger() }) {
            byte[] field = fixed32(value);
            digest.update(field, 0, field.length);
        }
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    private static byte[] fixed32(BigInteger value) {
        byte[] raw = value.toByteArray(), out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    // SM4

    /** SM4-CBC with PKCS#7 padding; the key and the IV are 16 bytes. */
    public static byte[] sm4CbcEncrypt(byte[] key, byte[] iv, byte[] plaintext) { return sm4Cbc(true, key, iv, plaintext); }

    public static byte[] sm4CbcDecrypt(byte[] key, byte[] iv, byte[] ciphertext) { return sm4Cbc(false, key, iv, ciphertext); }

    private static byte[] sm4Cbc(boolean encrypt, byte[] key, byte[] iv, byte[] input) {
        if (key.length != 16 || iv.length != 16) throw new IllegalArgumentException("SM4 keys and IVs are 16 bytes");
        PaddedBufferedBlockCipher cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new SM4Engine()), new PKCS7Padding());
        cipher.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int length = cipher.processBytes(input, 0, input.length, out, 0);
        try {
            length += cipher.doFinal(out, length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException("SM4 ciphertext is not correctly padded", e);
        }
        return java.util.Arrays.copyOf(out, length);
    }
}
