package org.accessspec.runtime;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How a client reaches one platform, and as whom. Build with {@link #builder(String, String)}.
 * Secrets come from the environment by the contract's reference ({@code ${env:NAME}}).
 */
public final class ClientConfiguration {
    final URI baseUrl;
    final String accessId;
    final String accessToken;
    final Map<String, String> environment;
    final Duration timeout;
    final int maxAttempts;
    final Duration initialBackoff;
    final long maxResponseBytes;
    final boolean allowInsecureLoopback;
    final LongSupplier clock;
    final Supplier<String> nonces;

    private ClientConfiguration(Builder b) {
        baseUrl = b.baseUrl;
        accessId = b.accessId;
        accessToken = b.accessToken;
        environment = b.environment;
        timeout = b.timeout;
        maxAttempts = Math.max(1, b.maxAttempts);
        initialBackoff = b.initialBackoff;
        maxResponseBytes = b.maxResponseBytes;
        allowInsecureLoopback = b.allowInsecureLoopback;
        clock = b.clock;
        nonces = b.nonces;
    }

    public static Builder builder(String baseUrl, String accessId) { return new Builder(URI.create(baseUrl), accessId); }

    public URI baseUrl() { return baseUrl; }

    public String accessId() { return accessId; }

    public String accessToken() { return accessToken; }

    public Duration timeout() { return timeout; }

    public static final class Builder {
        private final URI baseUrl;
        private final String accessId;
        private String accessToken;
        private Map<String, String> environment = System.getenv();
        private Duration timeout = Duration.ofSeconds(10);
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private long maxResponseBytes = 8L << 20;
        private boolean allowInsecureLoopback;
        private LongSupplier clock = System::currentTimeMillis;
        private Supplier<String> nonces = () -> Crypto.hex(Crypto.randomBytes(16));

        private Builder(URI baseUrl, String accessId) {
            this.baseUrl = baseUrl;
            this.accessId = accessId;
        }

        public Builder accessToken(String token) { accessToken = token; return this; }

        /** Where {@code ${env:NAME}} references are looked up; the process environment by default. */
        public Builder environment(Map<String, String> variables) { environment = Map.copyOf(variables); return this; }

        /** The deadline for the whole exchange of one attempt, response body included. */
        public Builder timeout(Duration value) { timeout = value; return this; }

        /** Attempts for an idempotent operation; other operations are tried once. */
        public Builder retry(int attempts, Duration backoff) { maxAttempts = attempts; initialBackoff = backoff; return this; }

        public Builder maxResponseBytes(long limit) { maxResponseBytes = limit; return this; }

        /** Plain http is refused except to a loopback address literal, and there only when this is set (tests). */
        public Builder allowInsecureLoopback(boolean allow) { allowInsecureLoopback = allow; return this; }

        /** Milliseconds since 1970 for the replay-protection timestamp. */
        public Builder clock(LongSupplier millis) { clock = millis; return this; }

        public Builder nonces(Supplier<String> source) { nonces = source; return this; }

        public ClientConfiguration build() { return new ClientConfiguration(this); }
    }

    /** https anywhere; plain http only to a loopback address literal (127.0.0.0/8, ::1), and only when allowed. */
    public void checkBaseUrl() {
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = baseUrl.getHost();
        if (host == null || host.isEmpty() || !baseUrl.isAbsolute()) throw new AccessException.InvalidConfiguration("base URL " + baseUrl + " is not absolute");
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null || baseUrl.getRawUserInfo() != null) {
            throw new AccessException.InvalidConfiguration("base URL " + baseUrl + " may hold a path but no query, fragment or user");
        }
        if (scheme.equals("https")) return;
        if (!(scheme.equals("http") && allowInsecureLoopback && isLoopbackLiteral(host))) {
            throw new AccessException.InvalidConfiguration("base URL " + baseUrl + " is not https (plain http is allowed only to a loopback address literal such as 127.0.0.1 or [::1], when allowInsecureLoopback is set)");
        }
    }

    static boolean isLoopbackLiteral(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean v4 = literal.matches("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
        boolean v6 = literal.contains(":") && literal.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) return false;
        try {
            // A literal: no name lookup happens.
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** {@code https://host:port}, what every request URL starts with. */
    String origin() {
        String port = baseUrl.getPort() >= 0 ? ":" + baseUrl.getPort() : "";
        return baseUrl.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + baseUrl.getRawAuthority().replaceFirst(":[0-9]*$", "") + port;
    }

    /** The base URL's path as sent, without a final {@code /}. */
    String basePath() {
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        return path;
    }

    String resolveSecret(String reference) {
        if (!reference.startsWith("${env:") || !reference.endsWith("}")) {
            throw new AccessException.InvalidConfiguration("'" + reference + "' is not a secret reference such as ${env:NAME}");
        }
        String name = reference.substring(6, reference.length() - 1);
        String value = environment.get(name);
        if (value == null || value.isEmpty()) throw new AccessException.InvalidConfiguration("environment variable " + name + " (the signing secret) is not set");
        return value;
    }
}
