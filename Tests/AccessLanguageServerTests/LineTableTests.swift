import AccessLanguageServer
import AccessSpecSyntax
import Testing

@Suite struct LineTableTests {
    // "政务" is two UTF-16 units and two scalars; "😀" is two UTF-16 units and one scalar.
    let lines = LineTable(Array("a: 1\r\nname: 政务😀Holder\n".utf8))

    @Test func sourceLocationsAndLSPPositionsCountDifferentlyAfterAnEmoji() {
        // `H` is the 10th scalar of line 2 (1-based column 10) and at UTF-16 offset 10; the
        // emoji before it is column 9 and offset 8.
        let location = SourceLocation(line: 2, column: 10)
        #expect(lines.position(of: location) == TextPosition(line: 1, character: 10))
        #expect(lines.location(of: TextPosition(line: 1, character: 10)) == location)
        #expect(lines.position(of: SourceLocation(line: 2, column: 9)) == TextPosition(line: 1, character: 8))
    }

    @Test func chineseTextCountsOneUnitPerCharacter() {
        #expect(lines.position(of: SourceLocation(line: 2, column: 8)) == TextPosition(line: 1, character: 7))
        #expect(lines.location(of: TextPosition(line: 1, character: 7)) == SourceLocation(line: 2, column: 8))
    }

    @Test func positionsPastTheEndClamp() {
        #expect(lines.byteOffset(of: TextPosition(line: 0, character: 99)) == 4)  // before "\r\n"
        #expect(lines.byteOffset(of: TextPosition(line: 99, character: 0)) == lines.bytes.count)
        #expect(lines.position(of: SourceLocation(line: 1, column: 50)) == TextPosition(line: 0, character: 4))
    }

    @Test func byteOffsetsRoundTrip() {
        for offset in [0, 3, 6, 12, 18, 22, 28] {
            #expect(lines.byteOffset(of: lines.position(ofByteOffset: offset)) == offset)
        }
    }
}
