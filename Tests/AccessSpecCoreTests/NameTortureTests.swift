import AccessSpecCore
import AccessSpecSyntax
import Foundation
import SeededRandom
import Testing

/// The name-torture workspace, Tests/NameTorture/specs: every name below used as a platform id,
/// a type name, a field name, an enum value, an operation id and an error name. Each use is
/// either accepted, and then its generated client (the NameTortureClients target) and its
/// conformance suite (NameTortureSuites) compile, or refused by the checker at the line that
/// wrote it. The refusals are listed in Tests/NameTorture/refused.txt.
/// Re-record both with `RECORD_GOLDEN=1 swift test`, then rebuild the outputs with
/// `swift run accessc build Tests/NameTorture/specs --out Tests/NameTorture/generated`.
enum NameTorture {
    static let swiftKeywords = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "as",
        "await", "false", "is", "nil", "self", "super", "throws", "true", "try", "async", "some", "any",
        "borrowing", "consuming", "package",
        // Contextual keywords.
        "actor", "macro", "isolated", "nonisolated", "get", "set", "willSet", "didSet", "lazy", "mutating",
        "nonmutating", "override", "required", "convenience", "dynamic", "final", "indirect", "optional", "weak",
        "unowned", "infix", "prefix", "postfix", "left", "right", "none", "sending", "consume", "copy", "discard",
        "each", "then", "unsafe",
    ]
    static let standardLibrary = [
        "String", "Int", "Double", "Float", "Bool", "Array", "Dictionary", "Optional", "Result", "Error", "Never",
        "Codable", "Decodable", "Encodable", "Decoder", "Encoder", "CodingKey", "CodingKeys", "Sendable", "Hashable",
        "Equatable", "Comparable", "Identifiable", "Set", "Character", "Substring", "Void", "Any", "AnyObject", "Type",
        "Self", "Protocol", "hash", "hashValue", "encode", "description",
    ]
    static let foundation = ["Data", "Date", "URL", "UUID", "Decimal", "JSONDecoder", "JSONEncoder", "NSObject"]
    static let testing = ["Test", "Suite", "Issue", "Tag", "Trait", "expect", "require"]
    /// What generated code declares or names, from the one list, and the names its bodies use.
    static var generated: [String] {
        let declared = GeneratedNames.modules.sorted() + GeneratedNames.namespaceTypes.sorted() + [
            GeneratedNames.platformID, GeneratedNames.environments, GeneratedNames.profile, GeneratedNames.clientCaller,
            GeneratedNames.areaCaller, GeneratedNames.areaDescriptors, GeneratedNames.accessValidate,
        ] + GeneratedNames.enumMembers.sorted() + GeneratedNames.errorMembers.sorted() + GeneratedNames.recordMembers.sorted()
        let used = [
            "configuration", "transport", "request", "path", "value", "element0", "index0", "key0", "decoder", "encoder",
            "container", "FieldCheck", "ValueConstraints", "NoRequest", "NoContent", "AccessCaller", "OperationDescriptor",
            "PlatformProfile", "session", "client", "outcome", "vector", "file", "target", "ir", "mockWhenNoBaseURL",
            "VectorFile", "Vector", "ConformanceSession", "ConformanceTarget", "MockHost", "VectorFormatError",
            "items", "license", "thirdParty",
        ]
        return declared + used
    }

    static var names: [String] {
        var seen: Set<String> = []
        return (swiftKeywords + standardLibrary + foundation + testing + generated).filter { seen.insert($0).inserted }
    }

    enum Role: String, CaseIterable, Comparable {
        case platform, type, field, enumValue = "enum value", operation, error

        static func < (lhs: Role, rhs: Role) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }

        /// How a name is written in this role, or nil when the role's form cannot hold it.
        func spelling(_ name: String) -> String? {
            let ascii = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            guard ascii, let first = name.first else { return nil }
            let noUnderscore = !name.contains("_")
            switch self {
            case .platform, .operation:
                return noUnderscore && first.isLetter ? first.lowercased() + name.dropFirst() : nil
            case .type:
                return noUnderscore && first.isLetter ? first.uppercased() + name.dropFirst() : nil
            case .field, .enumValue:
                return first.isNumber ? nil : name
            case .error:
                guard noUnderscore, first.isLetter else { return nil }
                var snake = ""
                var previous: Character?
                for character in name {
                    if character.isUppercase, let previous, previous.isLowercase || previous.isNumber { snake += "_" }
                    snake += character.uppercased()
                    previous = character
                }
                return snake
            }
        }

        /// The identifier generated code makes of the spelling.
        func identifier(_ spelling: String) -> String {
            switch self {
            case .platform: IdentifierFolding.upperCamel(spelling)
            case .type, .field: spelling
            case .enumValue, .operation, .error: IdentifierFolding.lowerCamel(spelling)
            }
        }
    }

    /// One name in one role, and the line of the workspace that writes it.
    struct Use: Hashable, Comparable {
        var role: Role
        var spelling: String
        var file = ""
        var line = 0

        var key: Key { Key(role: role, spelling: spelling) }
        struct Key: Hashable { var role: Role; var spelling: String }

        static func < (lhs: Use, rhs: Use) -> Bool { (lhs.role, lhs.spelling) < (rhs.role, rhs.spelling) }
    }

    /// Every use of every name, each spelling once per role and each identifier once per role
    /// (`Self` and `self` both make the enum case `self`; only the first is written).
    static var uses: [Use] {
        Role.allCases.flatMap { role in
            var identifiers: Set<String> = []
            return names.compactMap { name -> Use? in
                guard let spelling = role.spelling(name), identifiers.insert(role.identifier(spelling)).inserted else { return nil }
                return Use(role: role, spelling: spelling)
            }
        }
    }

    /// The workspace's files by relative path, leaving out `refused`, with where each use is written.
    static func workspace(refusing refused: Set<Use.Key>) -> (files: [String: String], uses: [Use]) {
        let all = uses.filter { !refused.contains($0.key) }
        func spellings(_ role: Role) -> [String] { all.filter { $0.role == role }.map(\.spelling) }
        var placed: [Use] = []
        var files: [String: String] = [
            "accessspec.yaml": """
            # The name-torture fixture's clients compile as their own module beside AccessClients.
            accessSpecWorkspace: 1
            generate:
              ir: {}
              docs: {}
              openapi: {}
              swift:
                module: NameTortureClients
              tests: {}
              java: {}

            """,
        ]

        var hub = Self.hubHeader
        func write(_ line: String, _ role: Role? = nil, _ spelling: String = "") {
            hub.append(line)
            if let role { placed.append(Use(role: role, spelling: spelling, file: "name-torture.yaml", line: hub.count)) }
        }
        let types = Set(spellings(.type))
        write("  operations:")
        for id in spellings(.operation) {
            write("    - id: \(quoted(id))", .operation, id)
            write("      summary: 名称测试")
            write("      method: POST")
            write("      path: /torture/\(id)")
            // The operation's request is the type of its name, when that name may be a type.
            if let type = Role.type.spelling(id), types.contains(type) { write("      request: \(type)") }
        }
        write("types:")
        write("  TortureFields:")
        write("    fields:")
        for field in spellings(.field) { write("      \(quoted(field)): { type: string, maxLength: 64 }", .field, field) }
        write("  TortureValues:")
        write("    values:")
        for value in spellings(.enumValue) { write("      \(quoted(value)): 名称测试", .enumValue, value) }
        for type in spellings(.type) {
            write("  \(type):", .type, type)
            write("    fields: { text: string, value: TortureValues? }")
        }
        write("errors:")
        for (index, error) in spellings(.error).enumerated() {
            write("  \(error): { code: \(41000 + index), http: 400, message: 名称测试 }", .error, error)
        }
        files["name-torture.yaml"] = hub.joined(separator: "\n") + "\n"

        for (index, id) in spellings(.platform).enumerated() {
            let file = "platforms/\(id).yaml"
            files[file] = province(id, index)
            placed.append(Use(role: .platform, spelling: id, file: file, line: 3))
        }
        return (files, placed)
    }

    private static func quoted(_ text: String) -> String { "\"\(text)\"" }

    private static func province(_ id: String, _ index: Int) -> String {
        """
        accessSpec: 1
        platform:
          id: \(quoted(id))
          name: 名称测试平台
          nameEn: Name torture platform
          level: provincial
          region: "370000"
          operator: { name: 名称测试, uscc: "11370000MB2844944J" }
          environments: { production: "https://p\(index).example.gov.cn/api" }
        connections:
          - to: name-torture
            areas: { operations: up, security: up }
        operations: { health: /health, availability: "99.9%", p95LatencyMs: 800, incidentReportMinutes: 30 }
        security:
          transport: { minTls: "1.2" }
          signing: { algorithm: hmac-sm3, key: "${env:TORTURE_SECRET}" }
          protectionLevel: 3
          auditRetentionDays: 180

        """
    }

    private static let hubHeader = """
        # DO NOT EDIT. Written by NameTortureTests.swift from its lists of names; re-record with RECORD_GOLDEN=1.
        # The hub holds every name as a type, a field, an enum value, an operation and an error. It is
        # not called national: the suites of specs/ run in the same process, and its mock is found by id.
        accessSpec: 1
        platform:
          id: name-torture
          name: 国家政务服务平台
          nameEn: National Government Service Platform
          level: national
          region: "100000"
          operator: { name: 国务院办公厅, uscc: "11100000000013338W" }
          environments: { production: "https://gjzwfw.example.gov.cn/api" }
        portal:
          channels: { web: "https://gjzwfw.example.gov.cn" }
          features: [rating, complaint]
        identity:
          protocol: ticket
          subjects: [natural-person, legal-person]
          levels: [L2, L3]
          tokenTtlSeconds: 3600
        seal: { algorithm: sm2-sm3, timestamp: true }
        license:
          catalog:
            - { code: "11100000000013338W011", name: 营业执照 }
        operations: { health: /health, availability: "99.9%", p95LatencyMs: 800, incidentReportMinutes: 30 }
        security:
          transport: { minTls: "1.2", gm: true }
          signing: { algorithm: hmac-sm3, key: "${env:TORTURE_SECRET}" }
          protectionLevel: 3
          auditRetentionDays: 180
        items:
          catalogs: [base, implementation]
        """.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

struct NameTortureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../NameTorture").standardized
    static let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"

    static func compile(_ files: [String: String]) -> Compilation {
        func entry(_ path: String) -> WorkspaceSources.Entry {
            WorkspaceSources.Entry(relativePath: path, file: SourceFile(path: path, bytes: Array(files[path]!.utf8)))
        }
        let contracts = files.keys.filter { $0 != "accessspec.yaml" }.sorted().map(entry)
        return Compiler.compile(WorkspaceSources(contracts: contracts, config: entry("accessspec.yaml")))
    }

    /// Two platform ids that differ only in case would share every output folder on macOS or
    /// Windows: the second is refused where it is written, with a note at the first.
    @Test func platformIDsThatDifferOnlyInCaseAreOneLocatedError() throws {
        let specs = Self.folder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("specs")
        let diagnostics = DiagnosticEngine()
        var sources = WorkspaceLoader.load(root: specs.path, diagnostics: diagnostics)
        let hefei = try String(contentsOf: specs.appendingPathComponent("hefei.yaml"), encoding: .utf8)
        let twin = hefei.replacingOccurrences(of: "\n  id: hefei\n", with: "\n  id: heFei\n")
        #expect(twin != hefei)
        sources.contracts.append(.init(relativePath: "twin/heFei.yaml", file: SourceFile(path: "twin/heFei.yaml", bytes: Array(twin.utf8))))
        let collisions = Compiler.compile(sources).diagnostics.filter { $0.code == SemaDiagnostics.identifierCollision }
        let rendered = DiagnosticRenderer().render(collisions)
        #expect(collisions.count == 1, "\(rendered)")
        #expect(rendered.contains("twin/heFei.yaml:10:7: error[S016]: platform ids 'heFei' and 'hefei' differ only in case"), "\(rendered)")
        #expect(rendered.contains("hefei.yaml:10:7: note: 'hefei' is declared here"), "\(rendered)")
        #expect(collisions.first?.text.zh.contains("只有大小写不同") == true)
    }

    @Test func everyNameIsAcceptedOrRefusedWhereItIsWritten() throws {
        let candidates = NameTorture.workspace(refusing: [])
        var refusals: [NameTorture.Use: Diagnostic] = [:]
        for diagnostic in Self.compile(candidates.files).diagnostics {
            // (b) every refusal is an error with a code, at the line writing the name, naming it.
            let use = diagnostic.span.flatMap { span in candidates.uses.first { $0.file == span.file.path && $0.line == span.start.line } }
            guard let use else {
                Issue.record("a diagnostic at no torture name: \(DiagnosticRenderer().render([diagnostic]))")
                continue
            }
            #expect(diagnostic.severity == .error && !diagnostic.code.rawValue.isEmpty)
            #expect(diagnostic.message.contains("'\(use.spelling)'"), "\(diagnostic.message)")
            #expect(refusals[use] == nil, "\(use.role.rawValue) '\(use.spelling)' is refused twice")
            refusals[use] = diagnostic
        }
        // (c) what is left compiles without a single diagnostic.
        let accepted = NameTorture.workspace(refusing: Set(refusals.keys.map(\.key)))
        let compilation = Self.compile(accepted.files)
        #expect(compilation.diagnostics.isEmpty, "\(DiagnosticRenderer().render(compilation.diagnostics))")

        // (a) the committed workspace is the one the lists make, and so are the refusals.
        let listing = refusals.sorted { $0.key < $1.key }.map { use, diagnostic in
            let location = diagnostic.span.map { "\($0.file.path):\($0.start)" } ?? ""
            return "\(use.role.rawValue) \(use.spelling): \(location): error[\(diagnostic.code.rawValue)]: \(diagnostic.message)\n"
        }.joined()
        try expectCommitted(accepted.files.mapValues { $0 }, under: "specs")
        try expectCommitted(["refused.txt": listing], under: "")
    }

    private func expectCommitted(_ files: [String: String], under folder: String) throws {
        let root = Self.folder.appendingPathComponent(folder)
        if Self.recording {
            if !folder.isEmpty { try? FileManager.default.removeItem(at: root) }
            for (path, text) in files {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            return
        }
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let committed = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            #expect(committed == text, "Tests/NameTorture/\(folder)/\(path) is stale; re-record with RECORD_GOLDEN=1")
        }
        if !folder.isEmpty {
            let onDisk = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") } ?? []
            #expect(Set(onDisk) == Set(files.keys), "Tests/NameTorture/\(folder) holds files the lists do not make")
        }
    }
}

/// The folding's byte path for ASCII names against its rule as written with Swift's Unicode
/// character properties, on random names of letters, digits and separators.
struct IdentifierFoldingTests {
    static func capitalized(_ word: String) -> String {
        let body = word.allSatisfy { !$0.isLowercase } ? word.lowercased() : word
        return body.prefix(1).uppercased() + body.dropFirst()
    }

    static func words(_ text: String) -> [String] { text.split { !($0.isLetter || $0.isNumber) }.map(String.init) }

    static func upperCamel(_ text: String) -> String {
        let joined = words(text).map(capitalized).joined()
        return joined.first?.isNumber == true ? "_" + joined : joined
    }

    static func lowerCamel(_ text: String) -> String {
        let parts = words(text)
        guard let first = parts.first else { return "_" + text.utf8.prefix(16).map { String($0, radix: 16) }.joined() }
        let head = first.allSatisfy { !$0.isLowercase } ? first.lowercased() : first.prefix(1).lowercased() + first.dropFirst()
        let joined = head + parts.dropFirst().map(capitalized).joined()
        return joined.first?.isNumber == true ? "_" + joined : joined
    }

    @Test func asciiNamesFoldAsTheUnicodeRuleSays() {
        var random = SplitMix(seed: 0xf01d)
        let alphabet = Array("aZbY09_-. xQ")
        for _ in 0..<5000 {
            let name = String((0..<random.below(12)).map { _ in alphabet[random.below(alphabet.count)] })
            #expect(IdentifierFolding.upperCamel(name) == Self.upperCamel(name), "\(name)")
            #expect(IdentifierFolding.lowerCamel(name) == Self.lowerCamel(name), "\(name)")
        }
    }
}
