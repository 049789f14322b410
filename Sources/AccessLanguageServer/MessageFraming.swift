import AccessSpecSyntax
import Foundation

/// The base protocol's framing: each message is `Content-Length: N\r\n` (other headers such as
/// `Content-Type` allowed and ignored), an empty line, then N bytes of JSON.
public enum MessageFraming {
    /// Larger bodies are refused before anything is allocated for them. A whole 1 MB contract
    /// sent as JSON text stays far below this.
    public static let maximumContentLength = 64 << 20
    /// A header block longer than this is not a header block.
    public static let maximumHeaderLength = 8 << 10

    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

public enum FramingError: Error, Equatable, CustomStringConvertible {
    /// A header block without a valid `Content-Length`; the block was consumed, so reading
    /// can go on with whatever follows.
    case badHeader(String)
    /// The stream can no longer be read in step: the length is too large to accept, or the
    /// header never ends.
    case unrecoverable(String)
    /// The stream ended inside a message.
    case truncated

    public var isRecoverable: Bool {
        if case .badHeader = self { true } else { false }
    }

    public var description: String {
        switch self {
        case .badHeader(let why), .unrecoverable(let why): why
        case .truncated: "the input ended inside a message"
        }
    }
}

/// Where frames are read from. `read` blocks until some bytes are there and returns an empty
/// array only at the end of the stream.
public protocol ByteSource {
    mutating func read(atMost count: Int) -> [UInt8]
}

/// A file descriptor (the server's standard input).
public struct FileDescriptorSource: ByteSource {
    public let descriptor: Int32

    public init(descriptor: Int32) { self.descriptor = descriptor }

    public mutating func read(atMost count: Int) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let got = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, count) }
            if got >= 0 { return Array(buffer.prefix(got)) }
            if errno != EINTR { return [] }
        }
    }
}

/// Reads one message body at a time, however the bytes arrive (a header split over reads,
/// several messages in one read).
public struct MessageReader<Source: ByteSource> {
    private var source: Source
    private var buffer: [UInt8] = []
    private var position = 0

    public init(_ source: Source) { self.source = source }

    /// The next body, or nil at a clean end of the stream (between messages).
    public mutating func next() throws(FramingError) -> [UInt8]? {
        guard let header = try readHeaderBlock() else { return nil }
        let length = try Self.contentLength(in: header)
        while buffer.count - position < length {
            guard fill() else { throw .truncated }
        }
        let body = Array(buffer[position..<position + length])
        position += length
        return body
    }

    /// The bytes before the next `\r\n\r\n`, which are consumed with it.
    private mutating func readHeaderBlock() throws(FramingError) -> [UInt8]? {
        // How far past `position` the search has already looked (`fill` may move the bytes).
        var searched = 0
        while true {
            if let end = Self.blankLine(in: buffer, from: position + searched) {
                let header = Array(buffer[position..<end])
                position = end + 4
                return header
            }
            if buffer.count - position > MessageFraming.maximumHeaderLength {
                throw .unrecoverable("no end of header within \(MessageFraming.maximumHeaderLength) bytes")
            }
            searched = max(0, buffer.count - position - 3)
            guard fill() else {
                if buffer.count == position { return nil }
                throw .truncated
            }
        }
    }

    private static func blankLine(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 3 < bytes.count {
            if bytes[index] == 0x0D, bytes[index + 1] == 0x0A, bytes[index + 2] == 0x0D, bytes[index + 3] == 0x0A { return index }
            index += 1
        }
        return nil
    }

    static func contentLength(in header: [UInt8]) throws(FramingError) -> Int {
        guard let text = String(validating: header, as: UTF8.self) else { throw .badHeader("the header is not UTF-8") }
        var length: Int?
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else { throw .badHeader("header line '\(line.prefix(80))' has no ':'") }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard name.caseInsensitiveCompare("Content-Length") == .orderedSame else { continue }
            // Digits only: no sign, no spaces inside; more than nine digits is over the limit anyway.
            guard !value.isEmpty, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                throw .badHeader("Content-Length '\(value.prefix(40))' is not a length")
            }
            guard value.utf8.count <= 9, let parsed = Int(value), parsed <= MessageFraming.maximumContentLength else {
                throw .unrecoverable("Content-Length \(value.prefix(40)) is over the limit of \(MessageFraming.maximumContentLength) bytes")
            }
            // Two lengths: which one frames the body cannot be known.
            guard length == nil else { throw .badHeader("the header has two Content-Length fields") }
            length = parsed
        }
        guard let length else { throw .badHeader("the header has no Content-Length") }
        return length
    }

    /// Reads more bytes; false at the end of the stream.
    private mutating func fill() -> Bool {
        if position > 0, position >= buffer.count / 2 {
            buffer.removeFirst(position)
            position = 0
        }
        let chunk = source.read(atMost: 64 << 10)
        buffer += chunk
        return !chunk.isEmpty
    }
}
