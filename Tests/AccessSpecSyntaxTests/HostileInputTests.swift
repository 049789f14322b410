import AccessSpecSyntax
import Foundation
import Testing

/// Hostile and broken YAML: every input gets a located diagnostic with the expected code,
/// and none crashes, hangs or exhausts memory.
struct HostileInputTests {
    static let corpus: [(name: String, bytes: [UInt8], code: String)] = [
        ("billion laughs", Array(billionLaughs.utf8), "Y009"),
        ("deep flow nesting", Array(("a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8), "Y010"),
        ("deep block nesting", Array((0..<200).map { String(repeating: "  ", count: $0) + "k\($0):\n" }.joined().utf8), "Y010"),
        ("NUL byte", Array("a: 1\n\u{0}\n".utf8), "Y003"),
        ("invalid UTF-8", [0x61, 0x3A, 0x20, 0xC3, 0x28, 0x0A], "Y002"),
        ("UTF-16 with BOM", [0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00], "Y002"),
        ("tab indentation", Array("a:\n\tb: 1\n".utf8), "Y004"),
        ("duplicate key", Array("a: 1\nb: 2\na: 3\n".utf8), "Y005"),
        ("two documents", Array("a: 1\n---\nb: 2\n".utf8), "Y006"),
        ("python tag", Array("a: !!python/object/apply:os.system [ls]\n".utf8), "Y007"),
        ("local tag", Array("a: !secret x\n".utf8), "Y007"),
        ("undefined alias", Array("a: *nowhere\n".utf8), "Y008"),
        ("unclosed quote", Array("a: \"never closed\n".utf8), "Y001"),
        ("unclosed flow", Array("a: {b: 1\n".utf8), "Y001"),
        ("empty file", [], "Y013"),
        ("only comments", Array("# nothing\n# here\n".utf8), "Y013"),
        ("huge scalar", Array(("a: " + String(repeating: "x", count: 2 << 20) + "\n").utf8), "Y012"),
        ("huge file", Array(repeating: UInt8(ascii: "#"), count: 17 << 20), "Y011"),
        ("many wide keys with duplicates", Array(((0..<5000).map { "k\($0 % 4000): \($0)\n" }).joined().utf8), "Y005"),
    ]

    static let billionLaughs = """
        a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
        i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
        """

    @Test(arguments: corpus.indices)
    func hostileInputGetsALocatedDiagnostic(_ index: Int) {
        let entry = Self.corpus[index]
        let diagnostics = DiagnosticEngine()
        let file = SourceFile(path: "hostile.yaml", bytes: entry.bytes)
        _ = YAMLLoader().load(file, diagnostics: diagnostics)
        let codes = diagnostics.diagnostics.map(\.code.rawValue)
        #expect(codes.contains(entry.code), "\(entry.name): expected \(entry.code), got \(codes)")
        for diagnostic in diagnostics.diagnostics {
            #expect(diagnostic.span != nil && diagnostic.span!.start.line >= 1 && diagnostic.span!.start.column >= 1, "\(entry.name) is not located")
        }
        // Rendering never traps, whatever the bytes.
        _ = DiagnosticRenderer().render(diagnostics.diagnostics)
    }

    @Test func aliasesWithinTheBoundAreExpanded() {
        let diagnostics = DiagnosticEngine()
        let file = SourceFile(path: "ok.yaml", text: "base: &base {x: 1}\nuse: *base\n")
        let root = YAMLLoader().load(file, diagnostics: diagnostics)
        #expect(diagnostics.diagnostics.isEmpty)
        guard case .mapping(let pairs)? = root?.content, case .mapping(let inner) = pairs[1].value.content else {
            Issue.record("expected the alias to expand to a mapping")
            return
        }
        #expect(inner.first?.key.scalar?.text == "x")
        #expect(pairs[1].value.span.start == SourceLocation(line: 2, column: 6))
    }

    @Test func positionsAreOneBasedAndCountCharacters() {
        let diagnostics = DiagnosticEngine()
        let file = SourceFile(path: "cjk.yaml", text: "名称: 山东\n值: x\n")
        let root = YAMLLoader().load(file, diagnostics: diagnostics)
        guard case .mapping(let pairs)? = root?.content else {
            Issue.record("expected a mapping")
            return
        }
        #expect(pairs[0].value.span.start == SourceLocation(line: 1, column: 5))
        #expect(pairs[1].key.span.start == SourceLocation(line: 2, column: 1))
    }

    @Test func coreSchemaResolvesPlainScalarsOnly() {
        #expect(YAMLScalar(text: "370000", style: .plain).resolved() == .integer(370000))
        #expect(YAMLScalar(text: "370000", style: .doubleQuoted).resolved() == .string("370000"))
        #expect(YAMLScalar(text: "yes", style: .plain).resolved() == .string("yes"))
        #expect(YAMLScalar(text: "~", style: .plain).resolved() == .null)
        #expect(YAMLScalar(text: "1.5e3", style: .plain).resolved() == .float(1500))
        #expect(YAMLScalar(text: "0x1F", style: .plain).resolved() == .integer(31))
        #expect(YAMLScalar(text: "TRUE", style: .plain).resolved() == .bool(true))
    }
}
