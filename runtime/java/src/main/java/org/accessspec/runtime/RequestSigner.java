package org.accessspec.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** The canonical signed text ACCESSSPEC-SIGN-1 and its signatures (docs/signing.md, sections 2 and 3). */
public final class RequestSigner {
    private final SigningAlgorithm algorithm;
    private final String secret;
    private final Crypto.SM2Key sm2Key;

    /** {@code secret}: the shared key for HMAC; for SM2 the signer's private key PEM, or the sender's public key PEM to verify with. */
    public RequestSigner(SigningAlgorithm algorithm, String secret) {
        this.algorithm = algorithm;
        this.secret = secret;
        this.sm2Key = algorithm == SigningAlgorithm.SM2_SM3 ? Crypto.SM2Key.fromPem(secret) : null;
    }

    public SigningAlgorithm algorithm() { return algorithm; }

    /** The eight lines joined by LF, no final LF, in UTF-8. */
    public byte[] canonicalText(SignedParts parts) {
        String bodyDigest = Crypto.hex(Crypto.digest(parts.body(), algorithm.digest()));
        String text = String.join("\n", SignedParts.VERSION, parts.method(), parts.target(), parts.accessId(), parts.token(),
                parts.timestamp(), parts.nonce(), bodyDigest);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public String signature(SignedParts parts) {
        if (!parts.isWellFormed()) throw new AccessException.InvalidConfiguration("a signed value holds a control character");
        byte[] text = canonicalText(parts);
        return switch (algorithm) {
            case HMAC_SM3, HMAC_SHA256 -> Crypto.hex(Crypto.hmac(text, secret.getBytes(StandardCharsets.UTF_8), algorithm.digest()));
            case SM2_SM3 -> Base64.getEncoder().encodeToString(Crypto.sm2Sign(text, sm2Key));
        };
    }

    /** What a receiver does: recompute and compare in constant time (HMAC), or verify with the sender's public key (SM2). */
    public boolean verify(String signature, SignedParts parts) {
        if (!parts.isWellFormed()) return false;
        switch (algorithm) {
            case HMAC_SM3, HMAC_SHA256: {
                byte[] expected = signature(parts).getBytes(StandardCharsets.US_ASCII);
                return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
            }
            default: {
                byte[] der;
                try {
                    der = Base64.getDecoder().decode(signature);
                } catch (IllegalArgumentException e) {
                    return false;
                }
                // Canonical base64 only: padded, and the padding bits zero.
                if (!Base64.getEncoder().encodeToString(der).equals(signature)) return false;
                return Crypto.sm2Verify(der, canonicalText(parts), sm2Key);
            }
        }
    }
}
