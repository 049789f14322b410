package org.accessspec.runtime;

/** The replay-protection headers of docs/signing.md. */
public final class ReplayHeaders {
    private ReplayHeaders() {}

    public static final String TIMESTAMP = "X-Timestamp";
    public static final String NONCE = "X-Nonce";

    public static boolean isNonce(String text) {
        if (text.length() < 16 || text.length() > 64) return false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-';
            if (!allowed) return false;
        }
        return true;
    }
}
