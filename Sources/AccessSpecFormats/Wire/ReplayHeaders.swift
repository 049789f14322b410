/// The headers of replay protection that every signed request carries (docs/signing.md), named
/// once for the runtime, the mock, the vectors and the OpenAPI export.
public enum ReplayHeaders {
    public static let timestamp = "X-Timestamp"
    public static let nonce = "X-Nonce"
}

/// The canonical signed text's version tag, its first line (docs/signing.md); a new canonical
/// text gets a new tag.
public enum SigningFormat {
    public static let version = "ACCESSSPEC-SIGN-1"
}
