/// An operation's path template, `/license/v1/files/{certNo}.pdf`: the one parser of templates,
/// used to check them (the compiler), fill them (clients and runners) and match requests
/// against them (the mock). A segment holds at most one parameter, so a request path matches
/// a template in exactly one way.
public struct PathTemplate: Sendable, Equatable {
    public struct Segment: Sendable, Equatable {
        public var prefix: String
        /// The parameter's name, if the segment has one.
        public var parameter: String?
        public var suffix: String
    }

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case unbalancedBraces
        case emptyName
        case twoParametersInOneSegment(String)

        public var description: String { text.en }

        public var text: LocalizedText {
            switch self {
            case .unbalancedBraces: LocalizedText(en: "braces must come in pairs around a parameter name, {name}", zh: "参数名两侧的花括号必须成对，写作 {name}")
            case .emptyName: LocalizedText(en: "a parameter needs a name, {name}", zh: "参数须有名称，写作 {name}")
            case .twoParametersInOneSegment(let segment):
                LocalizedText(en: "segment '\(segment)' holds more than one parameter; a request path could then match in more than one way",
                              zh: "路径段“\(segment)”含有多个参数；这样一个请求路径可能有多种匹配方式")
            }
        }
    }

    public let segments: [Segment]

    public init(_ path: String) throws(Problem) {
        var segments: [Segment] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard let open = raw.firstIndex(of: "{") else {
                guard !raw.contains("}") else { throw .unbalancedBraces }
                segments.append(Segment(prefix: String(raw), parameter: nil, suffix: ""))
                continue
            }
            guard let close = raw[open...].firstIndex(of: "}") else { throw .unbalancedBraces }
            let name = raw[raw.index(after: open)..<close]
            let suffix = raw[raw.index(after: close)...]
            guard !raw[..<open].contains("}"), !name.contains("{") else { throw .unbalancedBraces }
            guard !name.isEmpty else { throw .emptyName }
            guard !suffix.contains("{"), !suffix.contains("}") else {
                throw suffix.contains("{") ? .twoParametersInOneSegment(String(raw)) : .unbalancedBraces
            }
            segments.append(Segment(prefix: String(raw[..<open]), parameter: String(name), suffix: String(suffix)))
        }
        self.segments = segments
    }

    /// The parameter names in order.
    public var parameters: [String] { segments.compactMap(\.parameter) }

    /// The template with every parameter written `{}`: two templates with the same key serve
    /// the same requests.
    public var routeKey: String {
        segments.map { $0.prefix + ($0.parameter == nil ? "" : "{}") + $0.suffix }.joined(separator: "/")
    }

    /// The path with each parameter replaced by `value(name)`, which the caller has already
    /// percent-encoded; nil when a value is missing.
    public func filled(_ value: (String) -> String?) -> String? {
        var parts: [String] = []
        for segment in segments {
            guard let name = segment.parameter else { parts.append(segment.prefix); continue }
            guard let filled = value(name) else { return nil }
            parts.append(segment.prefix + filled + segment.suffix)
        }
        return parts.joined(separator: "/")
    }

    /// The parameters' values, still percent-encoded as received, when `path` (without its
    /// query) fits the template; a parameter's value is never empty.
    public func match(_ path: Substring) -> [String: Substring]? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == segments.count else { return nil }
        var values: [String: Substring] = [:]
        for (segment, part) in zip(segments, parts) {
            guard let name = segment.parameter else {
                guard part.utf8.elementsEqual(segment.prefix.utf8) else { return nil }
                continue
            }
            let (prefix, suffix) = (segment.prefix.utf8, segment.suffix.utf8)
            guard part.utf8.count > prefix.count + suffix.count, part.utf8.starts(with: prefix), part.utf8.reversed().starts(with: suffix.reversed()) else { return nil }
            let start = part.utf8.index(part.utf8.startIndex, offsetBy: prefix.count)
            let end = part.utf8.index(part.utf8.endIndex, offsetBy: -suffix.count)
            values[name] = Substring(part.utf8[start..<end])
        }
        return values
    }
}
