package org.accessspec.runtime;

/**
 * What can go wrong in a call apart from the contract's own errors (which each generated client
 * throws as its platform's {@code ContractError}). Unchecked, like Jackson's and HttpClient's.
 */
public abstract class AccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AccessException(String message) { super(message); }

    AccessException(String message, Throwable cause) { super(message, cause); }

    /** Whether another attempt of an idempotent operation is worth making. */
    public boolean isTransient() { return false; }

    /** The configuration cannot be used: a non-https base URL, a secret that is not set. */
    public static final class InvalidConfiguration extends AccessException {
        private static final long serialVersionUID = 1L;

        public InvalidConfiguration(String reason) { super("invalid client configuration: " + reason); }
    }

    /** A request field fails its format or constraint; nothing was sent. */
    public static final class InvalidField extends AccessException {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final String reason;

        public InvalidField(String path, String reason) {
            super("request field '" + path + "' is invalid: " + reason + "; nothing was sent");
            this.path = path;
            this.reason = reason;
        }

        public String path() { return path; }

        public String reason() { return reason; }
    }

    public static final class Transport extends AccessException {
        private static final long serialVersionUID = 1L;

        public Transport(String reason, Throwable cause) { super("transport failed: " + reason, cause); }

        @Override public boolean isTransient() { return true; }
    }

    /** The whole exchange, body included, did not finish within the configured timeout. */
    public static final class TimedOut extends AccessException {
        private static final long serialVersionUID = 1L;

        public TimedOut() { super("the call timed out"); }

        @Override public boolean isTransient() { return true; }
    }

    /** A 3xx answer, never followed: the signature binds the target, and credentials go to no other server. */
    public static final class Redirected extends AccessException {
        private static final long serialVersionUID = 1L;

        public Redirected(int status, String location) {
            super("the server answered " + status + " redirecting to " + (location == null ? "no Location" : location) + "; redirects are not followed");
        }
    }

    public static final class ResponseTooLarge extends AccessException {
        private static final long serialVersionUID = 1L;

        public ResponseTooLarge(long limit) { super("the response is larger than " + limit + " bytes"); }
    }

    /** A status or body the contract does not describe. */
    public static final class UnexpectedResponse extends AccessException {
        private static final long serialVersionUID = 1L;
        private final int status;

        public UnexpectedResponse(int status, String body) {
            super("unexpected response " + status + ": " + (body.length() > 200 ? body.substring(0, 200) : body));
            this.status = status;
        }

        public int status() { return status; }
    }

    public static final class Decoding extends AccessException {
        private static final long serialVersionUID = 1L;

        public Decoding(String reason, Throwable cause) { super("the response does not match the contract: " + reason, cause); }
    }
}
