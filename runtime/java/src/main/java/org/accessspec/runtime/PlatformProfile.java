package org.accessspec.runtime;

/** How a platform expects requests: envelope, credentials and signature (its contract's security section). */
public record PlatformProfile(Envelope envelope, Signing signing, String accessIdHeader, String tokenHeader) {
    public enum Envelope { PLAIN, HEAD_DATA }

    /** {@code keyReference} is the contract's secret reference, e.g. {@code ${env:SHANDONG_APP_SECRET}}. */
    public record Signing(SigningAlgorithm algorithm, String header, String keyReference) {}
}
