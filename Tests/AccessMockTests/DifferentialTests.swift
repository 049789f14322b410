import AccessMock
import AccessRuntime
import AccessSpecCore
import AccessSpecGenerators
import AccessSpecSyntax
import Foundation
import SeededRandom
import Testing

/// One contract, one meaning: seeded random types (constraint combinations, aliases a field
/// narrows, every format, enums, lists, optional fields) and values at their edges, judged by
/// four parts that must agree — the compiler's example check, the mock's request validation,
/// the Swift runtime's field checks (on values decoded as the generated clients decode them)
/// and the exported OpenAPI schema under Python's jsonschema. Any disagreement fails with the
/// case printed. `ACCESSSPEC_DIFF_SEED` picks another seed; `ACCESSSPEC_DIFF_TYPES` the size.
struct DifferentialTests {
    static let seed = UInt64(ProcessInfo.processInfo.environment["ACCESSSPEC_DIFF_SEED"] ?? "") ?? 20_261_201
    static let typeCount = Int(ProcessInfo.processInfo.environment["ACCESSSPEC_DIFF_TYPES"] ?? "") ?? 1_400
    static let secret = "differential-secret"

    @Test func everyPartGivesTheSameVerdict() throws {
        var random = SplitMix(seed: Self.seed)
        let types = (0..<Self.typeCount).map { GeneratedType.random(index: $0, using: &random) }
        var cases: [Case] = []
        for type in types {
            for value in type.values(using: &random) { cases.append(Case(type: type.index, body: value)) }
        }

        // The IR of the contract without its examples (they may be invalid, which would stop
        // the compile), then the compiler's verdict on each example in a second compile.
        let ir = try #require(Self.compile(types, examples: nil).ir, "the differential contract does not compile")
        let platform = try #require(ir.platforms.first)
        // The synthesizer's value for each type must be valid everywhere too.
        let synthesizer = ValueSynthesizer(types: platform.types, settings: ir.settings)
        for type in types {
            if let made = synthesizer.value(of: .named(type.recordName)) { cases.append(Case(type: type.index, body: DiffValue(made), made: true)) }
        }
        let clock = ContinuousClock()
        var started = clock.now
        func lap(_ name: String) { print("differential: \(name) took \(clock.now - started)"); started = clock.now }
        lap("the IR")
        let compiler = Self.compilerVerdicts(types, cases)
        lap("the compiler")
        let mock = try Self.mockVerdicts(platform, ir.settings, cases)
        lap("the mock")
        let runtime = Self.runtimeVerdicts(platform, cases, types: types)
        lap("the runtime")
        let schema = try Self.schemaVerdicts(ir, platform, cases)
        lap("the OpenAPI schema")

        var disagreements: [String] = []
        var judged = 0
        for (index, item) in cases.enumerated() {
            let verdicts: [(String, Verdict?)] = [("compiler", compiler[index]), ("mock", mock[index]), ("runtime", runtime[index]), ("openapi", schema[index])]
            let given = verdicts.compactMap { name, verdict in verdict.map { (name, $0) } }
            judged += given.count
            guard Set(given.map(\.1.valid)).count > 1 || (item.made && given.contains { !$0.1.valid }) else { continue }
            let type = types[item.type]
            disagreements.append("""
                type \(type.recordName) \(type.summary)
                  value \(item.body.yaml)
                \(given.map { "  \($0.0): \($0.1.valid ? "valid" : "invalid")\($0.1.reason.map { " (\($0))" } ?? "")" }.joined(separator: "\n"))
                """)
        }
        print("differential: \(cases.count) cases over \(types.count) types, \(judged) verdicts, \(disagreements.count) disagreements (seed \(Self.seed))")
        #expect(cases.count >= 10_000)
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements (seed \(Self.seed)); the first:\n\(disagreements.prefix(8).joined(separator: "\n"))")
    }

    // MARK: The four judges

    struct Verdict {
        var valid: Bool
        var reason: String?
    }

    static func compile(_ types: [GeneratedType], examples: [[Case]]?) -> Compilation {
        let text = contract(types, examples: examples)
        return Compiler.compile(WorkspaceSources(contracts: [.init(relativePath: "diff.yaml", file: SourceFile(path: "diff.yaml", bytes: Array(text.utf8)))]))
    }

    /// The compiler judges each example; an example is one line, so its diagnostics are found
    /// by line. A non-text JSON scalar under a text type has no YAML spelling (YAML reads a
    /// scalar under a text type as text, by design), so the compiler does not judge those.
    static func compilerVerdicts(_ types: [GeneratedType], _ cases: [Case]) -> [Verdict?] {
        var byType = Array(repeating: [Case](), count: types.count)
        var lines: [Int: Int] = [:]  // example line -> case index
        for (index, item) in cases.enumerated() { byType[item.type].append(item) }
        let text = contract(types, examples: byType)
        var line = 1
        var next = Array(repeating: 0, count: types.count)
        var caseIndexByType = Array(repeating: [Int](), count: types.count)
        for (index, item) in cases.enumerated() { caseIndexByType[item.type].append(index) }
        for row in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if row.hasPrefix("        - { name: \"c"), let typeIndex = Int(row.dropFirst("        - { name: \"c".count).prefix { $0 != "-" }) {
                lines[line] = caseIndexByType[typeIndex][next[typeIndex]]
                next[typeIndex] += 1
            }
            line += 1
        }
        let compilation = Compiler.compile(WorkspaceSources(contracts: [.init(relativePath: "diff.yaml", file: SourceFile(path: "diff.yaml", bytes: Array(text.utf8)))]))
        var reasons: [Int: String] = [:]
        for diagnostic in compilation.diagnostics where diagnostic.severity == .error {
            if let line = diagnostic.span?.start.line, let index = lines[line] { reasons[index] = reasons[index] ?? "\(diagnostic.code.rawValue) \(diagnostic.message)" }
            else { reasons[-1] = "\(diagnostic.span?.start.line ?? 0): \(diagnostic.message)" }
        }
        if let stray = reasons[-1] { Issue.record("a diagnostic outside the examples: \(stray)") }
        return cases.enumerated().map { index, item in
            guard !types[item.type].hidesFromYAML(item.body) else { return nil }
            return Verdict(valid: reasons[index] == nil, reason: reasons[index])
        }
    }

    /// The mock answers each request as a POST of the case's body, signed as a client signs.
    static func mockVerdicts(_ platform: PlatformIR, _ settings: WorkspaceSettings, _ cases: [Case]) throws -> [Verdict?] {
        let mock = try MockPlatform(platform: platform, settings: settings, verificationKey: secret, options: .init(rateLimits: false))
        let configuration = AccessClientConfiguration(baseURL: URL(string: "https://diff.example.gov.cn")!, accessId: "diff",
                                                      secrets: SecretResolver(environment: ["DIFF_SECRET": secret]))
        let profile = PlatformProfile(envelope: .plain, signing: .init(algorithm: .hmacSM3, header: "X-Signature", keyReference: "${env:DIFF_SECRET}"),
                                      accessIdHeader: "X-Access-Id", tokenHeader: "X-Access-Token")
        let builder = try RequestBuilder(configuration: configuration, profile: profile)
        let now: Int64 = 1_764_547_200_000
        return try cases.enumerated().map { index, item in
            let operation = OperationDescriptor(id: "c\(item.type)", method: "POST", path: "/c/\(item.type)", idempotent: false)
            let built = try builder.build(operation, json: Data(item.body.json.utf8), timestamp: String(now), nonce: "differential-\(index)-nonce")
            let answer = mock.respond(to: MockPlatform.Request(method: "POST", target: built.url.path, headers: built.headers, body: built.body ?? Data()), now: now)
            switch answer.status {
            case 200: return Verdict(valid: true)
            case 400: return Verdict(valid: false, reason: answer.summary)
            default: return Verdict(valid: false, reason: "unexpected HTTP \(answer.status): \(answer.summary)")
            }
        }
    }

    /// The runtime: the field decoded into the Swift type the generated client uses, then the
    /// checks its generated `accessValidate` makes (AccessRuntime.FieldCheck). A client cannot
    /// put an undeclared field into a request, so it does not judge those.
    static func runtimeVerdicts(_ platform: PlatformIR, _ cases: [Case], types: [GeneratedType]) -> [Verdict?] {
        let table = TypeTable(platform.types)
        return cases.map { item in
            guard case .object(let entries) = item.body, entries.allSatisfy({ $0.key == "v" }) else { return nil }
            guard let field = table[types[item.type].recordName]?.fields?.first else { return Verdict(valid: false, reason: "no field") }
            guard let value = entries["v"], value != .null else {
                return field.required ? Verdict(valid: false, reason: "a required field the Swift type cannot leave out") : Verdict(valid: true)
            }
            do {
                try RuntimeJudge(table: table).check(Data(value.json.utf8), field.resolved, at: "request.v")
                return Verdict(valid: true)
            } catch {
                return Verdict(valid: false, reason: "\(error)")
            }
        }
    }

    /// The OpenAPI export under Python's jsonschema, with AccessSpec's formats asserted by the
    /// independent implementation in Tests/Python/values.py.
    static func schemaVerdicts(_ ir: WorkspaceIR, _ platform: PlatformIR, _ cases: [Case]) throws -> [Verdict?] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accessspec-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try #require(try OpenAPIGenerator().generate(ir).first { $0.path == "openapi/\(platform.id).yaml" })
        try document.contents.write(to: folder.appendingPathComponent("openapi.yaml"))
        let input = "[" + cases.map { #"{"schema":"\#(GeneratedType.recordName($0.type))","instance":\#($0.body.json)}"# }.joined(separator: ",\n") + "]"
        try Data(input.utf8).write(to: folder.appendingPathComponent("cases.json"))
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Python/jsonschema_verdicts.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, folder.appendingPathComponent("openapi.yaml").path, folder.appendingPathComponent("cases.json").path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "jsonschema_verdicts.py failed: \(errorText)")
        struct Answer: Decodable { var valid: Bool; var error: String? }
        let answers = try JSONDecoder().decode([Answer].self, from: data)
        try #require(answers.count == cases.count)
        return answers.map { Verdict(valid: $0.valid, reason: $0.error) }
    }

    // MARK: The contract

    static func contract(_ types: [GeneratedType], examples: [[Case]]?) -> String {
        var out = """
            accessSpec: 1
            platform:
              id: diff
              name: 差异测试平台
              nameEn: Differential test platform
              level: national
              region: "100000"
              operator: { name: 国务院办公厅, uscc: "11100000000013338W" }
              environments: { production: "https://diff.example.gov.cn" }
            operations: { health: /health, availability: "99.9%", p95LatencyMs: 800, incidentReportMinutes: 30 }
            security:
              transport: { minTls: "1.2", gm: true }
              signing: { algorithm: hmac-sm3, key: "${env:DIFF_SECRET}" }
              protectionLevel: 3
              auditRetentionDays: 180
            errors:
              INVALID_PARAMETER: { code: 40001, http: 400, message: 参数错误, condition: invalid-request }
            items:
              catalogs: [base, implementation]
              operations:

            """
        for type in types {
            out += """
                    - id: c\(type.index)
                      summary: 用例 \(type.index)
                      method: POST
                      path: /c/\(type.index)
                      request: \(type.recordName)
                      errors: [INVALID_PARAMETER]

                """
            if let cases = examples?[type.index], !cases.isEmpty {
                out += "      examples:\n"
                for (position, item) in cases.enumerated() {
                    out += "        - { name: \"c\(type.index)-\(position)\", request: \(item.body.yaml) }\n"
                }
            }
        }
        out += "types:\n"
        for type in types { out += type.declarations }
        return out
    }

    struct Case {
        var type: Int
        var body: DiffValue
        /// Made by the value synthesizer: every part must accept it.
        var made = false
    }
}

/// What generated `accessValidate` code does with a field, on a value decoded the way the
/// generated Codable models decode it.
private struct RuntimeJudge {
    let table: TypeTable

    func check(_ json: Data, _ type: ResolvedTypeIR, at path: String) throws {
        // As an element of a list: JSON text of one value is decoded the way a model's field is.
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try JSONDecoder().decode([T].self, from: Data("[".utf8) + json + Data("]".utf8))[0]
        }
        switch type {
        case .scalar(let builtin, let constraints):
            switch builtin {
            case .integer: try FieldCheck.integer(decode(Int.self), constraints, at: path)
            case .number: try FieldCheck.number(decode(Double.self), constraints, at: path)
            case .boolean: _ = try decode(Bool.self)
            default: try FieldCheck.text(decode(String.self), builtin.format, constraints, at: path)
            }
        case .enumeration(let name):
            DiffEnumeration.declared = (table[name]?.values ?? []).map(\.value)
            try FieldCheck.declared(decode(DiffEnumeration.self), at: path)
        case .list(let element, let constraints):
            let items = try decode([JSONValue].self)
            try FieldCheck.count(items.count, constraints, at: path)
            for (index, item) in items.enumerated() {
                guard item != .null else { throw AccessRuntimeError.invalidField(path: "\(path)[\(index)]", reason: "null") }
                try check(item.encoded(), element, at: "\(path)[\(index)]")
            }
        case .record, .map:
            throw AccessRuntimeError.invalidField(path: path, reason: "the differential generates no nested records or maps")
        }
    }
}

/// A generated enum of the differential's current type (the cases run one at a time).
private struct DiffEnumeration: AccessEnumeration, Decodable {
    nonisolated(unsafe) static var declared: [String] = []
    var rawValue: String
    init(rawValue: String) { self.rawValue = rawValue }
    init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    static var declaredCases: [DiffEnumeration] { declared.map(DiffEnumeration.init(rawValue:)) }
}
