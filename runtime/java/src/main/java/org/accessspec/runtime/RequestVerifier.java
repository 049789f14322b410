package org.accessspec.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a receiving platform does with a signed request before it reads the body (docs/signing.md,
 * section 5): header shapes, the signature over the bytes as received, freshness, the nonce unseen.
 */
public final class RequestVerifier {
    public static final int MAX_SIGNATURE_BYTES = 1024;

    /** Why a request is refused, in the standard's conditions. */
    public enum Condition { INVALID_REQUEST, INVALID_SIGNATURE, EXPIRED_REQUEST }

    public record Refusal(Condition condition, String reason) {}

    public record Header(String name, String value) {}

    public record Incoming(String method, String target, List<Header> headers, byte[] body) {
        public String header(String name) {
            for (Header header : headers) if (header.name().equalsIgnoreCase(name)) return header.value();
            return null;
        }

        int count(String name) {
            int count = 0;
            for (Header header : headers) if (header.name().equalsIgnoreCase(name)) count++;
            return count;
        }
    }

    private final RequestSigner signer;
    private final String signatureHeader, accessIdHeader, tokenHeader;
    private final long windowMillis, futureSkewMillis;
    private final Map<String, Long> nonces = new HashMap<>();

    public RequestVerifier(RequestSigner signer, String signatureHeader, String accessIdHeader, String tokenHeader) {
        this(signer, signatureHeader, accessIdHeader, tokenHeader, 300_000, 60_000);
    }

    public RequestVerifier(RequestSigner signer, String signatureHeader, String accessIdHeader, String tokenHeader, long windowMillis, long futureSkewMillis) {
        this.signer = signer;
        this.signatureHeader = signatureHeader;
        this.accessIdHeader = accessIdHeader;
        this.tokenHeader = tokenHeader;
        this.windowMillis = windowMillis;
        this.futureSkewMillis = futureSkewMillis;
    }

    /** Null when the request may go on (its nonce is then remembered), else the first failure in the normative order. */
    public synchronized Refusal verify(Incoming request, long now) {
        for (String name : List.of(signatureHeader, ReplayHeaders.TIMESTAMP, ReplayHeaders.NONCE, accessIdHeader, tokenHeader)) {
            if (request.count(name) > 1) return new Refusal(Condition.INVALID_REQUEST, "the " + name + " header is sent more than once");
        }
        String signature = request.header(signatureHeader);
        if (signature == null || signature.isEmpty()) return new Refusal(Condition.INVALID_SIGNATURE, "no " + signatureHeader + " header");
        if (signature.length() > MAX_SIGNATURE_BYTES) return new Refusal(Condition.INVALID_SIGNATURE, "the signature header is too long");
        String timestamp = orEmpty(request.header(ReplayHeaders.TIMESTAMP));
        String nonce = orEmpty(request.header(ReplayHeaders.NONCE));
        if (!timestamp.matches("[0-9]{1,15}")) return new Refusal(Condition.EXPIRED_REQUEST, "X-Timestamp is not milliseconds since 1970 (1 to 15 digits)");
        if (!ReplayHeaders.isNonce(nonce)) return new Refusal(Condition.EXPIRED_REQUEST, "X-Nonce is not 16 to 64 characters of A-Z, a-z, 0-9, '_' and '-'");
        SignedParts parts = new SignedParts(request.method(), request.target(), orEmpty(request.header(accessIdHeader)),
                orEmpty(request.header(tokenHeader)), timestamp, nonce, request.body());
        if (!parts.isWellFormed()) return new Refusal(Condition.INVALID_REQUEST, "a signed value holds a control character");
        if (!signer.verify(signature, parts)) return new Refusal(Condition.INVALID_SIGNATURE, "the signature does not verify");
        long sent = Long.parseLong(timestamp);
        if (sent < now - windowMillis) return new Refusal(Condition.EXPIRED_REQUEST, "timestamp " + sent + " is more than " + windowMillis / 1000 + " s old");
        if (sent > now + futureSkewMillis) return new Refusal(Condition.EXPIRED_REQUEST, "timestamp " + sent + " is ahead of the receiver's clock");
        nonces.values().removeIf(expiry -> expiry < now);
        Long known = nonces.get(nonce);
        if (known != null) return new Refusal(Condition.EXPIRED_REQUEST, "nonce '" + nonce + "' was used before");
        nonces.put(nonce, sent + windowMillis);
        return null;
    }

    private static String orEmpty(String text) { return text == null ? "" : text; }
}
