import Foundation

extension URL {
    /// What goes on the HTTP request line for this URL (origin form): the path and query as
    /// sent, percent-encoding kept, which is what a signature covers.
    public var requestTarget: String {
        let components = URLComponents(url: self, resolvingAgainstBaseURL: true)
        let path = components?.percentEncodedPath ?? ""
        let query = components?.percentEncodedQuery.map { "?" + $0 } ?? ""
        return (path.isEmpty ? "/" : path) + query
    }
}
