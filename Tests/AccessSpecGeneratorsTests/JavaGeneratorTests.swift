@testable import AccessSpecGenerators
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
