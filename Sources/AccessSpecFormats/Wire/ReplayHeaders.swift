/// The headers of replay protection that every signed request carries (docs/signing.md), named
/// once for the runtime, the mock, the vectors and the OpenAPI export.
public enum ReplayHeaders {
    public static let timestamp = "X-Timestamp"
    public static let nonce = "X-Nonce"
}
