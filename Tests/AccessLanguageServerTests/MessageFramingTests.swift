import AccessLanguageServer
import Testing

/// Bytes handed out a few at a time, as a pipe may deliver them.
struct ChunkedSource: ByteSource {
    var bytes: [UInt8]
    var chunk: Int

    mutating func read(atMost count: Int) -> [UInt8] {
        let taken = Array(bytes.prefix(min(count, chunk)))
        bytes.removeFirst(taken.count)
        return taken
    }
}

private func reader(_ text: String, chunk: Int = 1 << 16) -> MessageReader<ChunkedSource> {
    MessageReader(ChunkedSource(bytes: Array(text.utf8), chunk: chunk))
}

private func body(_ bytes: [UInt8]?) -> String? { bytes.map { String(decoding: $0, as: UTF8.self) } }

@Suite struct MessageFramingTests {
    @Test func messagesSplitAcrossReadsAndPackedIntoOneAreReadWhole() throws {
        let stream = "Content-Length: 7\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"a\":1}" + "content-length:2\r\n\r\n[]"
        for chunk in [1, 3, 1 << 16] {
            var frames = reader(stream, chunk: chunk)
            #expect(body(try frames.next()) == "{\"a\":1}")
            #expect(body(try frames.next()) == "[]")
            #expect(try frames.next() == nil)
        }
    }

    @Test func aLengthCountsBytesNotCharacters() throws {
        let json = "{\"t\":\"政务😀\"}"
        var frames = reader("Content-Length: \(json.utf8.count)\r\n\r\n\(json)", chunk: 5)
        #expect(body(try frames.next()) == json)
    }

    @Test func twoLengthsAreABadHeader() {
        var frames = reader("Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}")
        #expect(throws: FramingError.badHeader("the header has two Content-Length fields")) { try frames.next() }
    }

    @Test func aHeaderWithoutALengthIsReportedAndReadingGoesOn() throws {
        var frames = reader("Content-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}")
        #expect(throws: FramingError.badHeader("the header has no Content-Length")) { try frames.next() }
        #expect(body(try frames.next()) == "{}")
    }

    @Test(arguments: ["-1", "+5", "12a", "", "0x10", "1 2"])
    func aLengthThatIsNotDigitsIsABadHeader(_ length: String) {
        var frames = reader("Content-Length: \(length)\r\n\r\n{}")
        #expect {
            try frames.next()
        } throws: { error in
            (error as? FramingError)?.isRecoverable == true
        }
    }

    @Test func aHeaderLineWithoutAColonIsABadHeader() {
        var frames = reader("garbage\r\n\r\n")
        #expect { try frames.next() } throws: { ($0 as? FramingError)?.isRecoverable == true }
    }

    @Test(arguments: ["99999999999999999999999", "9223372036854775807", "\(MessageFraming.maximumContentLength + 1)"])
    func aHugeLengthIsRefusedBeforeAnythingIsAllocated(_ length: String) {
        var frames = reader("Content-Length: \(length)\r\n\r\n{}")
        #expect { try frames.next() } throws: { ($0 as? FramingError)?.isRecoverable == false }
    }

    @Test func aHeaderThatNeverEndsIsRefused() {
        var frames = reader("X-Padding: " + String(repeating: "a", count: MessageFraming.maximumHeaderLength + 10), chunk: 100)
        #expect { try frames.next() } throws: { ($0 as? FramingError)?.isRecoverable == false }
    }

    @Test func aStreamEndingInsideABodyIsTruncated() {
        var frames = reader("Content-Length: 10\r\n\r\n{}")
        #expect(throws: FramingError.truncated) { try frames.next() }
    }

    @Test func framingWritesTheByteLength() {
        let framed = MessageFraming.frame(Array("\"中\"".utf8))
        #expect(String(decoding: framed, as: UTF8.self) == "Content-Length: 5\r\n\r\n\"中\"")
    }
}
