import AccessSpecCore

/// Where each page lives under `docs/`, and the relative links between them. Every path and
/// fragment is made only of `[A-Za-z0-9._-]`, whatever an id holds, so links need no quoting.
enum SitePaths {
    static let stylesheet = "style.css"
    static let topology = "topology.svg"
    static let searchScript = "search.js"
    static let searchIndex = "search-index.js"

    /// A province's drawing, beside its region page.
    static func regionDrawing(_ id: String) -> String { "regions/\(token(id)).svg" }

    static func html(_ page: SitePage) -> String {
        switch page {
        case .index: "index.html"
        case .platform(let id): "platforms/\(token(id)).html"
        case .platformPart(let id, let part): "platforms/\(token(id))/\(part.fileName).html"
        case .area(let area): "areas/\(area.rawValue).html"
        case .region(let id): "regions/\(token(id)).html"
        case .search: "search.html"
        case .changes: "changes.html"
        }
    }

    /// The Markdown form of a page; the search page has none (it needs script) and links to it
    /// from Markdown go to the index instead.
    static func markdown(_ page: SitePage) -> String {
        switch page {
        case .index: "md/index.md"
        case .platform(let id): "md/platforms/\(token(id)).md"
        case .platformPart(let id, let part): "md/platforms/\(token(id))/\(part.fileName).md"
        case .area(let area): "md/areas/\(area.rawValue).md"
        case .region(let id): "md/regions/\(token(id)).md"
        case .search: "md/index.md"
        case .changes: "md/changes.md"
        }
    }

    /// An id as a file name or fragment: ids of the contract language are kept as they are;
    /// anything else (an IR from elsewhere) is spelled out in hex so no two ids meet.
    static func token(_ id: String) -> String {
        let safe = !id.isEmpty && id.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"):
                true
            default:
                false
            }
        }
        if safe && !id.hasPrefix("x--") { return id }
        return "x--" + id.utf8.map { byte in (byte < 0x10 ? "0" : "") + String(byte, radix: 16) }.joined()
    }

    static func operationFragment(_ id: String) -> String { "op-" + token(id) }
    static func typeFragment(_ name: String) -> String { "type-" + token(name) }
    static func errorFragment(_ name: String) -> String { "error-" + token(name) }
    static func areaFragment(_ area: AccessArea) -> String { "area-" + area.rawValue }
}
