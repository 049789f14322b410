import AccessSpecCore
import Foundation
import Testing

/// The places where contract names still meet the generated Java code (GeneratedJavaNames) are
/// refused where they are written; everything else is spelt safely by the generator.
struct JavaNameTests {
    static let hostile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("HostileFixture/specs/hostile.yaml")

    /// The hostile fixture with `extra` added at the start of its types.
    static func compile(adding extra: String) throws -> Compilation {
        let text = try String(contentsOf: hostile, encoding: .utf8).replacingOccurrences(of: "\ntypes:\n", with: "\ntypes:\n" + extra)
        return NameTortureTests.compile(["accessspec.yaml": "accessSpecWorkspace: 1\n", "hostile.yaml": text])
    }

    @Test func theFixtureItselfIsClean() throws {
        #expect(try Self.compile(adding: "").diagnostics.isEmpty)
    }

    @Test func javaCollisionsAreLocatedErrors() throws {
        let extra = """
          Error1Exception:
            fields: { text: string }
          UndeclaredException:
            fields: { text: string }
          CONTRACTERROR:
            fields: { text: string }
          Javafields:
            fields: { text: string }
          JavaFields:
            fields:
              org: string
              java: string
              class: string
              class_: string

        """
        let diagnostics = try Self.compile(adding: extra).diagnostics
        let messages = diagnostics.map { "\($0.code.rawValue) \($0.span.map { "\($0.start.line)" } ?? "?"): \($0.message)" }
        #expect(diagnostics.allSatisfy { $0.code.rawValue == "S016" && $0.severity == .error && $0.span != nil }, "\(messages)")
        #expect(messages.contains { $0.contains("'Error1Exception' is the exception class the generated Java client declares") }, "\(messages)")
        #expect(messages.contains { $0.contains("'UndeclaredException' is the exception class") }, "\(messages)")
        #expect(messages.contains { $0.contains("'org' would hide the Java package") }, "\(messages)")
        #expect(messages.contains { $0.contains("'java' would hide the Java package") }, "\(messages)")
        #expect(messages.contains { $0.contains("'class_' and 'class' both become 'class_'") }, "\(messages)")
        #expect(messages.contains { $0.contains("'CONTRACTERROR' differs only in case from a class the generated Java client declares") }, "\(messages)")
        #expect(messages.contains { $0.contains("'JavaFields' and 'Javafields' differ only in case") }, "\(messages)")
        #expect(diagnostics.count == 7, "\(messages)")
    }
}
