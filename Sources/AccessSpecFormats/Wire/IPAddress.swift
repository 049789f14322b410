import Foundation

/// IP addresses and CIDR blocks in their text forms, parsed strictly: dotted-quad IPv4 with no
/// leading zeros, RFC 4291 IPv6. Used for `security.ipAllowList` and to decide whether a URL's
/// host is a loopback address by what it is, not by how it is spelt.
public enum IPAddress: Equatable, Sendable {
    case v4([UInt8])
    case v6([UInt16])

    public init?(_ text: some StringProtocol) {
        if text.contains(":") {
            guard let groups = Self.ipv6(Substring(text)) else { return nil }
            self = .v6(groups)
        } else {
            guard let octets = Self.ipv4(Substring(text)) else { return nil }
            self = .v4(octets)
        }
    }

    /// 127.0.0.0/8, ::1, and IPv4-mapped loopback (::ffff:127.x.y.z).
    public var isLoopback: Bool {
        switch self {
        case .v4(let octets): octets[0] == 127
        case .v6(let groups):
            groups == [0, 0, 0, 0, 0, 0, 0, 1] || (groups.prefix(6) == [0, 0, 0, 0, 0, 0xFFFF] && groups[6] >> 8 == 127)
        }
    }

    /// Whether the host of a URL (`127.0.0.1`, `[::1]`) is a loopback address literal. Names,
    /// `localhost` included, are not: what a name resolves to is up to the resolver.
    public static func isLoopbackHost(_ host: String) -> Bool {
        var text = Substring(host)
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        return IPAddress(text)?.isLoopback ?? false
    }

    /// `10.1.0.0/16`, `2001:db8::/32`.
    public static func isCIDR(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPAddress(parts[0]), let bits = decimal(parts[1], max: 128) else { return false }
        if case .v4 = address { return bits <= 32 }
        return true
    }

    private static func ipv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var octets: [UInt8] = []
        for part in parts {
            guard let value = decimal(part, max: 255) else { return nil }
            octets.append(UInt8(value))
        }
        return octets
    }

    /// 1 to 3 digits without a leading zero (so `010` cannot be read as octal somewhere else).
    private static func decimal(_ text: Substring, max: Int) -> Int? {
        let bytes = Array(text.utf8)
        guard (1...3).contains(bytes.count), bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }), bytes.count == 1 || bytes[0] != 48 else { return nil }
        let value = bytes.reduce(0) { $0 * 10 + Int($1) - 48 }
        return value <= max ? value : nil
    }

    private static func ipv6(_ text: Substring) -> [UInt16]? {
        var text = text
        var tail: [UInt16] = []
        // A trailing dotted IPv4 stands for the last two groups.
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard let octets = ipv4(text[text.index(after: lastColon)...]) else { return nil }
            tail = [UInt16(octets[0]) << 8 | UInt16(octets[1]), UInt16(octets[2]) << 8 | UInt16(octets[3])]
            text = text[...lastColon]
            if text.hasSuffix("::") { } else { text = text.dropLast() }
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ half: String) -> [UInt16]? {
            guard !half.isEmpty else { return [] }
            var result: [UInt16] = []
            for group in half.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.utf8.count), group.allSatisfy(\.isHexDigit), group.allSatisfy(\.isASCII),
                      let value = UInt16(group, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 {
            let all = head + tail
            return all.count == 8 ? all : nil
        }
        guard let rest = groups(halves[1]) else { return nil }
        let known = head.count + rest.count + tail.count
        guard known <= 7 else { return nil }
        return head + Array(repeating: 0, count: 8 - known) + rest + tail
    }
}
