package org.accessspec.runtime;

import java.util.List;

/**
 * What a signature covers (docs/signing.md): the method, the target as sent on the request line,
 * the access-id and token headers as sent (empty when absent), timestamp, nonce and the body bytes.
 */
public record SignedParts(String method, String target, String accessId, String token, String timestamp, String nonce, byte[] body) {
    /** The tag that starts the canonical text. */
    public static final String VERSION = "ACCESSSPEC-SIGN-1";

    /** No control characters (one line could pass for two) and no U+FFFD (what bytes that are not UTF-8 become). */
    public boolean isWellFormed() {
        for (String line : List.of(method, target, accessId, token, timestamp, nonce)) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c < 0x20 || c == 0x7F || c == '\uFFFD') return false;
            }
        }
        return true;
    }
}
