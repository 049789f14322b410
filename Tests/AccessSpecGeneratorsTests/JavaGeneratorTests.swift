import AccessSpecCore
@testable import AccessSpecGenerators
import Foundation
import Testing

/// Contract text reaches generated Java only through JavaSyntax. javac itself judges the
/// hostile fixture's client in scripts/java.sh; these pin the spellings that matter.
struct JavaGeneratorTests {
    @Test func literalsMeanTheirText() {
        #expect(JavaSyntax.stringLiteral(#"a"b\c"#) == #""a\"b\\c""#)
        // A backslash-u in contract text must not become a Unicode escape for javac.
        #expect(JavaSyntax.stringLiteral(#"\u000a"#) == #""\\u000a""#)
        #expect(JavaSyntax.stringLiteral("x\ny\u{1}") == #""x\ny\001""#)
        #expect(JavaSyntax.stringLiteral("r\u{202E}l") == #""r\u202el""#)
        #expect(JavaSyntax.stringLiteral("证照") == "\"证照\"")
    }

    @Test func javadocCannotBeEndedOrTagged() {
        let lines = JavaSyntax.docComment(["ends */ here", #"\u002a/ too"#, "@param x {@code y} <b>&", nil, "line\u{2028}break"])
        #expect(lines == [
            "/**", " * ends *&#47; here", " * &#92;u002a/ too", " * &#64;param x {&#64;code y} &lt;b&gt;&amp;", " * line", " * break", " */",
        ])
    }

    @Test func headerCommentsStayOneLine() {
        #expect(JavaSyntax.lineComment("a\\u000a\nb.yaml") == "a_u000a_b.yaml")
    }
}

/// The Java runtime reads each format's shape from `value-formats.json`, which is the value
/// semantics' own `ValueFormat.shape` in the portable form: one meaning of a format, not two.
/// Re-record with `RECORD_GOLDEN=1 swift test --filter JavaRuntimeShapes`.
struct JavaRuntimeShapes {
    static let file = GeneratorTests.repository.appendingPathComponent("runtime/java/src/main/resources/org/accessspec/runtime/value-formats.json")

    static var expected: String {
        let shapes = ValueFormat.allCases.map { format in
            let shape = format == .itemCode ? ValueFormat.defaultItemCodePattern : format.shape
            return "  \(JSONText.string(format.rawValue)): \(JSONText.string(JavaTypes.portable(shape)))"
        }
        return "{\n" + shapes.joined(separator: ",\n") + "\n}\n"
    }

    @Test func theJavaRuntimesShapesAreTheValueSemantics() throws {
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try Data(Self.expected.utf8).write(to: Self.file)
        }
        let committed = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(committed == Self.expected, "runtime/java/.../value-formats.json is stale; re-record with RECORD_GOLDEN=1")
    }
}

/// JSON string literals for the golden file.
enum JSONText {
    static func string(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
