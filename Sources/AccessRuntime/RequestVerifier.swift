import Foundation

/// What a receiving platform does with a signed request before it reads the body
/// (docs/signing.md): the signature over the bytes as received, then freshness (the timestamp
/// within the window, not too far ahead), then the nonce unseen. The mock serves through it, and
/// the conformance runner checks its own requests with it before sending them.
public final class RequestVerifier: Sendable {
    public struct Options: Sendable {
        /// How old a timestamp may be, in milliseconds.
        public var window: Int64
        /// How far ahead of the receiver's clock a timestamp may be, in milliseconds.
        public var futureSkew: Int64
        /// The most the nonce memory may hold, in bytes; when it is full, requests are refused
        /// rather than nonces forgotten.
        public var nonceMemoryBytes: Int

        public init(window: Int64 = 300_000, futureSkew: Int64 = 60_000, nonceMemoryBytes: Int = 64 << 20) {
            self.window = max(0, window)
            self.futureSkew = max(0, futureSkew)
            self.nonceMemoryBytes = nonceMemoryBytes
        }
    }

    public struct Incoming: Sendable {
        public var method: String
        public var target: String
        public var headers: [(name: String, value: String)]
        public var body: Data

        public init(method: String, target: String, headers: [(name: String, value: String)], body: Data) {
            self.method = method
            self.target = target
            self.headers = headers
            self.body = body
        }

        public func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    public enum Refusal: Equatable, Sendable {
        case invalidRequest(String)
        case invalidSignature(String)
        case expiredRequest(String)
        /// The receiver cannot take more requests now (its nonce memory is full).
        case unavailable(String)
    }

    public static let maxSignatureBytes = 1024

    private let signer: RequestSigner
    private let signatureHeader: String
    private let accessIdHeader: String
    private let tokenHeader: String
    public let options: Options
    private let nonces: NonceMemory

    public init(signer: RequestSigner, signatureHeader: String, accessIdHeader: String, tokenHeader: String, options: Options = Options()) {
        self.signer = signer
        self.signatureHeader = signatureHeader
        self.accessIdHeader = accessIdHeader
        self.tokenHeader = tokenHeader
        self.options = options
        nonces = NonceMemory(capacityBytes: options.nonceMemoryBytes)
    }

    /// Nil when the request may go on (its nonce is then remembered), else why not, checked in
    /// the order of docs/signing.md: shapes, the signature, freshness, the nonce. `now` is
    /// milliseconds since 1970.
    public func verify(_ request: Incoming, now: Int64) -> Refusal? {
        // A second copy of a signed header could be what another reader of the request takes.
        for name in [signatureHeader, ReplayHeaders.timestamp, ReplayHeaders.nonce, accessIdHeader, tokenHeader]
        where request.headers.count(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) > 1 {
            return .invalidRequest("the \(name) header is sent more than once")
        }
        guard let signature = request.header(signatureHeader), !signature.isEmpty else {
            return .invalidSignature("no \(signatureHeader) header")
        }
        guard signature.utf8.count <= Self.maxSignatureBytes else { return .invalidSignature("the \(signatureHeader) header is longer than \(Self.maxSignatureBytes) bytes") }
        let timestamp = request.header(ReplayHeaders.timestamp) ?? ""
        let nonce = request.header(ReplayHeaders.nonce) ?? ""
        // 1 to 15 digits: no sign, no overflow, nothing to trap on.
        guard (1...15).contains(timestamp.utf8.count), timestamp.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let sent = Int64(timestamp) else {
            return .expiredRequest("\(ReplayHeaders.timestamp) '\(Self.shown(timestamp))' is not milliseconds since 1970 (1 to 15 digits)")
        }
        guard Self.isNonce(nonce) else {
            return .expiredRequest("\(ReplayHeaders.nonce) '\(Self.shown(nonce))' is not 16 to 64 characters of A-Z, a-z, 0-9, '_' and '-'")
        }
        let parts = SignedParts(method: request.method, target: request.target, accessId: request.header(accessIdHeader) ?? "",
                                token: request.header(tokenHeader) ?? "", timestamp: timestamp, nonce: nonce, body: request.body)
        guard parts.isWellFormed else { return .invalidRequest("a signed value holds a control character") }
        guard (try? signer.verify(signature, parts)) == true else { return .invalidSignature("the signature does not verify") }

        let now = min(max(now, 0), 999_999_999_999_999)
        if sent < now - options.window { return .expiredRequest("timestamp \(sent) is more than \(options.window / 1000) s old") }
        if sent > now + options.futureSkew { return .expiredRequest("timestamp \(sent) is more than \(options.futureSkew / 1000) s ahead of the receiver's clock") }
        switch nonces.admit(nonce, until: sent + options.window, now: now) {
        case .admitted: return nil
        case .seen: return .expiredRequest("nonce '\(nonce)' was used before")
        case .full: return .unavailable("the nonce memory is full; try again later")
        }
    }

    public static func isNonce(_ text: String) -> Bool {
        (16...64).contains(text.utf8.count) && text.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 95 || byte == 45
        }
    }

    /// A header value as a message may quote it: short, with no control characters.
    static func shown(_ text: String) -> String {
        let visible = String(String.UnicodeScalarView(text.unicodeScalars.prefix(40).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
        return text.unicodeScalars.count > 40 ? visible + "…" : visible
    }
}

/// Nonces until their timestamps leave the window, bounded in bytes; expired ones are dropped
/// first (a heap by expiry), and when the memory is still full nothing new is admitted.
final class NonceMemory: @unchecked Sendable {
    enum Admission { case admitted, seen, full }

    private let lock = NSLock()
    private let capacityBytes: Int
    private var expiries: [String: Int64] = [:]
    private var heap: [(expiry: Int64, nonce: String)] = []
    private var bytes = 0
    /// What one remembered nonce costs beyond its text: dictionary and heap entries.
    static let overheadBytes = 96

    init(capacityBytes: Int) { self.capacityBytes = capacityBytes }

    func admit(_ nonce: String, until expiry: Int64, now: Int64) -> Admission {
        lock.withLock {
            while let first = heap.first, first.expiry < now { removeFirst() }
            if let known = expiries[nonce], known >= now { return .seen }
            let cost = nonce.utf8.count + Self.overheadBytes
            guard bytes + cost <= capacityBytes else { return .full }
            expiries[nonce] = expiry
            push((expiry, nonce))
            bytes += cost
            return .admitted
        }
    }

    private func push(_ entry: (expiry: Int64, nonce: String)) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].expiry < heap[parent].expiry else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private func removeFirst() {
        let first = heap[0]
        if expiries[first.nonce] == first.expiry {
            expiries[first.nonce] = nil
            bytes -= first.nonce.utf8.count + Self.overheadBytes
        }
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].expiry < heap[smallest].expiry { smallest = left }
            if right < heap.count, heap[right].expiry < heap[smallest].expiry { smallest = right }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
