package org.accessspec.runtime;

/** {@code security.signing.algorithm} of a contract. */
public enum SigningAlgorithm {
    HMAC_SM3("hmac-sm3"), HMAC_SHA256("hmac-sha256"), SM2_SM3("sm2-sm3");

    private final String wireName;

    SigningAlgorithm(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    public static SigningAlgorithm fromWireName(String name) {
        for (SigningAlgorithm algorithm : values()) if (algorithm.wireName.equals(name)) return algorithm;
        throw new IllegalArgumentException("unknown signing algorithm '" + name + "'");
    }

    Crypto.DigestKind digest() { return this == HMAC_SHA256 ? Crypto.DigestKind.SHA256 : Crypto.DigestKind.SM3; }
}
