import AccessSpecCore
@testable import AccessSpecGenerators
import Foundation
import Testing

/// The OpenAPI 3.1 generator and its YAML emitter. Documents are checked the way their users
/// read them: validated by `openapi-spec-validator` and parsed back by PyYAML (both from PyPI;
/// a missing tool fails these tests rather than skipping them).
struct OpenAPIGeneratorTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func bundledIR() throws -> WorkspaceIR {
        try #require(Compiler.compile(workspaceAt: repository.appendingPathComponent("specs").path).ir)
    }

    static func document(_ platform: String, in ir: WorkspaceIR) throws -> ParsedDocument {
        let files = try OpenAPIGenerator().generate(ir)
        let file = try #require(files.first { $0.path == "openapi/\(platform).yaml" })
        return try ParsedDocument(yaml: file.contents)
    }

    // MARK: Validity

    @Test func bundledDocumentsPassTheOpenAPIValidator() throws {
        let ir = try Self.bundledIR()
        let files = try OpenAPIGenerator().generate(ir)
        #expect(files.map(\.path) == ir.platforms.map { "openapi/\($0.id).yaml" })
        try Self.expectValid(files)
    }

    @Test func hostileContractTextStaysTextAndTheDocumentStaysValid() throws {
        var ir = try Self.bundledIR()
        let index = try #require(ir.platforms.firstIndex { $0.id == "national" })
        let hostile = "yes: no # not a comment\n- \"quoted\" 'single' \\ back\u{0}slash\t<script>alert(1)</script> ${env:X} \u{202E}rtl"
        ir.platforms[index].description = hostile
        ir.platforms[index].region = "0123"
        ir.platforms[index].errors[0].message = "  leading and trailing  "
        let enumIndex = try #require(ir.platforms[index].types.firstIndex { $0.kind == .enumeration })
        let template = try #require(ir.platforms[index].types[enumIndex].values?.first)
        ir.platforms[index].types[enumIndex].values = ["yes", "no", "on", "null", "1", "0x1F", "2024-11-01", "", "-", "`tick`"].map { text in
            var value = template
            value.value = text
            value.description = "\(text)\n#"
            return value
        }
        let recordIndex = try #require(ir.platforms[index].types.firstIndex { $0.kind == .record && $0.fields?.isEmpty == false })
        ir.platforms[index].types[recordIndex].fields![0].description = hostile
        ir.platforms[index].types[recordIndex].fields![0].constraints = { var c = Constraints(); c.pattern = "^[a-z]+: #x$"; return c }()
        ir.platforms[index].types = TypeTable.lowered(ir.platforms[index].types)

        let files = try OpenAPIGenerator().generate(ir)
        try Self.expectValid(files)
        let document = try ParsedDocument(yaml: try #require(files.first { $0.path == "openapi/national.yaml" }).contents)
        #expect(document["info"]["x-accessspec"]["region"].string == "0123")
        #expect(document["info"]["description"].string?.hasPrefix(hostile + "\n\n") == true)
        let enumSchema = document["components"]["schemas"][ir.platforms[index].types[enumIndex].name]
        #expect(enumSchema["enum"].array?.map(\.string) == ["yes", "no", "on", "null", "1", "0x1F", "2024-11-01", "", "-", "`tick`"])
        let record = ir.platforms[index].types[recordIndex]
        let field = document["components"]["schemas"][record.name]["properties"][record.fields![0].name]
        #expect(field["description"].string == hostile)
        let portable = "^(?:[a-z]+: #x)(?![\\s\\S])"
        #expect(field["pattern"].string == portable || field["allOf"][0]["pattern"].string == portable, "\(field)")
        let conflict = document["paths"]["/items/v1/catalogues"]["post"]["responses"]["409"]["content"]["application/json"]["examples"]
        #expect(conflict[ir.platforms[index].errors[0].name]["value"]["message"].string == "  leading and trailing  ")
    }

    // MARK: Content

    @Test func domainFormatFieldsCarryFormatAndPattern() throws {
        let ir = try Self.bundledIR()
        let entry = try Self.document("national", in: ir)["components"]["schemas"]["ItemEntry"]["properties"]
        #expect(entry["departmentUscc"]["format"].string == "uscc")
        #expect(entry["departmentUscc"]["pattern"].string == "^(?:[0-9A-HJ-NP-RTUW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10})(?![\\s\\S])")
        #expect(entry["region"]["format"].string == "division-code")
        #expect(entry["region"]["pattern"].string == BuiltinSchemas.portable(ValueFormat.divisionCode.shape))
        #expect(entry["region"]["pattern"].string?.contains("|71|8[12])") == true, "the province codes are in the pattern")
        #expect(entry["itemCode"]["format"].string == "item-code")
        #expect(entry["itemCode"]["pattern"].string == BuiltinSchemas.portable(ir.settings.itemCodePattern))
        #expect(entry["onlineUrl"]["format"].string == "uri")
        #expect(entry["updatedAt"]["format"].string == "date-time")

        let schemas = try Self.document("national", in: ir)["components"]["schemas"]
        #expect(schemas["UserInfo"]["properties"]["idNumber"]["format"].string == "resident-id")
        #expect(schemas["UserInfo"]["properties"]["idNumber"]["pattern"].string == BuiltinSchemas.portable(ValueFormat.residentId.shape))
        let licence = schemas["DownloadAddressRequest"]["properties"]["certIdentifier"]
        #expect(licence["format"].string == "license-id")
        #expect(licence["pattern"].string?.hasPrefix("^(?:1\\.2\\.156\\.3005\\.2\\.") == true)
        #expect(schemas["SealVerifyRequest"]["properties"]["signedDocument"]["contentEncoding"].string == "base64")
        #expect(schemas["UserInfo"]["properties"]["mobile"]["pattern"].string != nil)
        // A contract's own pattern on a domain format must hold as well: it does not replace the format's.
        var constrained = ir
        let national = try #require(constrained.platforms.firstIndex { $0.id == "national" })
        let itemEntry = try #require(constrained.platforms[national].types.firstIndex { $0.name == "ItemEntry" })
        let uscc = try #require(constrained.platforms[national].types[itemEntry].fields?.firstIndex { $0.name == "departmentUscc" })
        constrained.platforms[national].types[itemEntry].fields![uscc].constraints = { var c = Constraints(); c.pattern = "^11"; return c }()
        constrained.platforms[national].types = TypeTable.lowered(constrained.platforms[national].types)
        let both = try Self.document("national", in: constrained)["components"]["schemas"]["ItemEntry"]["properties"]["departmentUscc"]
        #expect(both["pattern"].string == BuiltinSchemas.portable(ValueFormat.uscc.shape))
        #expect(both["allOf"][0]["pattern"].string == "^(?:11)(?![\\s\\S])")

        // The portable patterns accept the published valid identifiers, as a whole-value match.
        for (format, value) in [(ValueFormat.uscc, "91350100M000100Y43"), (.residentId, "11010519491231002X"),
                                (.licenseId, "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S"),
                                (.phone, "0531-88887777"), (.base64, "UEsDBBQAAAAIAA==")] {
            let pattern = BuiltinSchemas.portable(format.shape)
            #expect(value.firstMatch(of: try Regex(pattern)) != nil, "\(pattern) rejects \(value)")
            #expect((value + "\n").firstMatch(of: try Regex(pattern)) == nil, "\(pattern) accepts a final line break")
        }
    }

    @Test func operationErrorsBecomeOneResponsePerStatus() throws {
        let operation = try Self.document("national", in: try Self.bundledIR())["paths"]["/license/v1/verify/data"]["post"]
        #expect(operation["operationId"].string == "verifyLicenseData")
        #expect(operation["tags"].array?.map(\.string) == ["license"])
        let responses = operation["responses"]
        // Its errors, and every status a receiver may answer it with: a body too large (413), the
        // rate limit it declares (429), a stale or replayed request (401).
        #expect(responses.keys == ["200", "400", "401", "404", "413", "429", "503"])
        #expect(operation["security"][0].keys == ["AccessId", "AccessToken", "Nonce", "Signature", "Timestamp"])
        #expect(responses["400"]["content"]["application/json"]["schema"]["$ref"].string == "#/components/schemas/AccessError")
        #expect(responses["200"]["content"]["application/json"]["schema"]["$ref"].string == "#/components/schemas/LicenseVerifyResult")
        #expect(responses["200"]["content"]["application/json"]["examples"].keys == ["安徽核验山东营业执照"])
        let unauthorized = responses["401"]
        #expect(unauthorized["content"]["application/json"]["schema"]["$ref"].string == "#/components/schemas/AccessError")
        #expect(unauthorized["content"]["application/json"]["examples"].keys == ["INVALID_SIGNATURE", "INVALID_TOKEN", "REQUEST_EXPIRED"])
        #expect(unauthorized["content"]["application/json"]["examples"]["INVALID_TOKEN"]["value"]["code"].int == 40101)
        let description = try #require(unauthorized["description"].string)
        #expect(description.contains("INVALID_TOKEN") && description.contains("40102") && description.contains("请求签名验证失败"))
        let requestBody = operation["requestBody"]["content"]["application/json"]
        #expect(requestBody["schema"]["$ref"].string == "#/components/schemas/VerifyLicenseDataRequest")
        #expect(requestBody["examples"]["安徽核验山东营业执照"]["value"]["useCause"].string != nil)
    }

    @Test func getRequestFieldsBecomePathAndQueryParameters() throws {
        let operation = try Self.document("shandong", in: try Self.bundledIR())["paths"]["/items/v1/implementation-lists"]["get"]
        #expect(operation["requestBody"].isMissing)
        let parameters = try #require(operation["parameters"].array)
        #expect(parameters.map { $0["name"].string } == ["region", "updatedSince", "page"])
        #expect(parameters.allSatisfy { $0["in"].string == "query" })
        #expect(parameters.map { $0["required"].bool } == [true, false, true])
        #expect(parameters[2]["style"].string == "deepObject")
        #expect(parameters[2]["schema"]["$ref"].string == "#/components/schemas/PageRequest")

        let detail = try Self.document("hefei", in: try Self.bundledIR())["paths"]["/items/v1/items/{itemCode}"]["get"]
        let path = try #require(detail["parameters"].array?.first)
        #expect(path["in"].string == "path" && path["required"].bool == true)
        #expect(path["schema"]["format"].string == "item-code")
    }

    @Test func securitySchemesNameTheHeadersAndNoSecret() throws {
        let ir = try Self.bundledIR()
        for platform in ir.platforms {
            let security = try #require(platform.areas.security?.settings)
            let document = try Self.document(platform.id, in: ir)
            let schemes = document["components"]["securitySchemes"]
            #expect(schemes["AccessId"]["name"].string == security.auth.accessIdHeader)
            #expect(schemes["AccessToken"]["name"].string == security.auth.tokenHeader)
            #expect(schemes["AccessId"]["in"].string == "header" && schemes["AccessId"]["type"].string == "apiKey")
            if let signing = security.signing {
                #expect(schemes["Signature"]["name"].string == signing.header)
                let text = try #require(try OpenAPIGenerator().generate(ir).first { $0.path == "openapi/\(platform.id).yaml" })
                #expect(!String(decoding: text.contents, as: UTF8.self).contains(signing.key), "the signing key reference is never written")
            }
            // Every operation states what it requires; a token only where the operation needs one.
            for (path, item) in document["paths"].entries {
                for (_, operation) in item.entries {
                    let required = Set(operation["security"][0].keys)
                    #expect(required.isSubset(of: Set(schemes.keys)), "\(path)")
                    #expect(required.contains("Signature") == (security.signing != nil), "\(path)")
                }
            }
            #expect(document["servers"].array?.map { $0["url"].string } == platform.environments.map(\.url))
        }
    }

    @Test func headDataEnvelopeWrapsBodiesAndMovesCredentialsIntoTheHead() throws {
        var ir = try Self.bundledIR()
        let index = try #require(ir.platforms.firstIndex { $0.id == "national" })
        ir.platforms[index].areas.security?.settings.envelope = .headData
        let files = try OpenAPIGenerator().generate(ir)
        try Self.expectValid(files)
        let document = try ParsedDocument(yaml: try #require(files.first { $0.path == "openapi/national.yaml" }).contents)

        let operation = document["paths"]["/license/v1/verify/data"]["post"]
        let request = operation["requestBody"]["content"]["application/json"]["schema"]
        #expect(request["properties"]["head"]["$ref"].string == "#/components/schemas/AccessRequestHead")
        #expect(request["properties"]["data"]["$ref"].string == "#/components/schemas/VerifyLicenseDataRequest")
        #expect(request["properties"]["data"]["examples"][0]["certTypeCode"].string == "11100000000013338W011")
        #expect(request["required"].array?.map(\.string) == ["head", "data"])
        let success = operation["responses"]["200"]["content"]["application/json"]["schema"]
        #expect(success["properties"]["head"]["$ref"].string == "#/components/schemas/AccessResponseHead")
        #expect(success["properties"]["data"]["$ref"].string == "#/components/schemas/LicenseVerifyResult")
        let failure = operation["responses"]["401"]["content"]["application/json"]
        #expect(failure["schema"]["properties"]["head"]["$ref"].string == "#/components/schemas/AccessResponseHead")
        #expect(failure["examples"]["INVALID_TOKEN"]["value"]["head"]["code"].int == 40101)

        #expect(operation["security"][0].keys == ["Nonce", "Signature", "Timestamp"], "a body's head carries the access id and token")
        #expect(document["paths"]["/ops/v1/health"]["get"]["security"][0].keys == ["AccessId", "Nonce", "Signature", "Timestamp"], "GET has no body: headers")
        #expect(document["components"]["schemas"].keys.contains("AccessRequestHead"))
        #expect(!document["components"]["schemas"].keys.contains("AccessError"))
    }

    // MARK: Determinism and names

    @Test func outputIsDeterministicAndPathsAreSorted() throws {
        let ir = try Self.bundledIR()
        let first = try OpenAPIGenerator().generate(ir)
        #expect(first == (try OpenAPIGenerator().generate(ir)))
        let reloaded = try JSONDecoder().decode(WorkspaceIR.self, from: try ir.canonicalJSON())
        #expect(first == (try OpenAPIGenerator().generate(reloaded)), "the IR's JSON form gives the same bytes")
        for file in first {
            let paths = try ParsedDocument(yaml: file.contents)["paths"].keys
            #expect(paths == paths.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }, "\(file.path)")
            #expect(String(decoding: file.contents, as: UTF8.self).hasPrefix("# "), "a header names the source")
        }
    }

    @Test func aTypeNamedLikeTheGeneratorsOwnSchemasIsAnError() throws {
        let ir = try Self.bundledIR()
        for reserved in ["AccessError", "AccessRequestHead", "AccessResponseHead"] {
            var clashing = ir
            clashing.platforms[0].types[0].name = reserved
            #expect(throws: OpenAPIGenerator.Failure.self) { try OpenAPIGenerator().generate(clashing) }
        }
    }

    // MARK: The YAML emitter

    static let hostileStrings: [String] = [
        "", " ", "  leading", "trailing ", "true", "False", "TRUE", "yes", "No", "on", "OFF", "y", "n", "null", "Null", "~",
        "123", "-1", "+1", "0x1F", "0o17", "017", "1_000", "1:20", "1.5", ".5", "1e3", "1.0e+3", ".inf", "-.inf", ".nan", "NaN",
        "2024-11-01", "2024-11-01T08:00:00+08:00", "a: b", "a:", ":a", "a:b", "a #b", "a#b", "#comment", "- item", "-", "--", "---",
        "...", "?", "? x", "!tag", "!!str", "&anchor", "*alias", "|", ">", "'single'", "\"double\"", "%YAML 1.2", "@at", "`tick",
        "{a: 1}", "[1, 2]", "a, b", "<<", "=", "line\nbreak", "\n", "trailing newline\n", "tab\there", "\t", "\r\n", "back\\slash",
        "quote\"inside", "nul\u{0}byte", "bell\u{7}", "esc\u{1B}", "del\u{7F}", "nel\u{85}", "csi\u{9B}", "nbsp\u{A0}", "\u{A0}lead",
        "ls\u{2028}ps\u{2029}", "bom\u{FEFF}", "\u{FEFF}", "rtl\u{202E}override", "zero\u{200B}width", "\u{FFFE}", "\u{FFFF}",
        "\u{10FFFF}", "emoji 🏛️ 👨‍👩‍👧", "中文：全角冒号", "中文: 半角", "a:\u{301} combining", "a \u{301}#", "<script>alert(1)</script>",
        "${env:SECRET}", "$ref", "/items/{id}", "https://example.gov.cn/a?b=c#d", "国家政务服务平台", "x\u{3000}y", "a\u{2009}b",
        String(repeating: "长", count: 1500),
    ]

    @Test func emitterRoundTripsHostileStrings() throws {
        var mapping = YAMLMapping()
        for (index, text) in Self.hostileStrings.enumerated() {
            mapping[text] = .string(text)
            mapping["seq-\(index)"] = [.string(text), [.string(text)], [text: .string(text)], [], [:]]
        }
        mapping["numbers"] = [.integer(0), .integer(-42), .integer(Int.max), .number(0.5), .number(-1.25e-7), .number(1.5e300), .number(1e20), .bool(true), .null]
        let value = YAMLValue.mapping(mapping)
        let text = YAMLEmitter.render(value, comments: ["a comment\nwith a break \u{0} and \u{85}", "# second"])
        let parsed = try ParsedDocument(yaml: Data(text.utf8))
        let roundTrips = Self.equivalent(parsed.value, Self.json(value))
        #expect(roundTrips, "PyYAML reads back something else than was emitted")
        if !roundTrips {
            for text in Self.hostileStrings where !Self.equivalent(parsed[text].value, .string(text)) {
                Issue.record("did not round-trip: \(text.debugDescription) as \(YAMLScalarEscaper.string(text))")
            }
        }
    }

    @Test func scalarsStayPlainOnlyWhenNothingCanMisreadThem() {
        for plain in ["国家政务服务平台", "/items/v1/{baseCode}", "$ref", "https://api.gjzwfw.gov.cn/access", "application/json", "x-accessspec", "a:b"] {
            #expect(YAMLScalarEscaper.string(plain) == plain)
        }
        #expect(YAMLScalarEscaper.string("") == "\"\"")
        #expect(YAMLScalarEscaper.string("200") == "\"200\"")
        #expect(YAMLScalarEscaper.string("yes") == "\"yes\"")
        #expect(YAMLScalarEscaper.string("#/components/schemas/Ack") == "\"#/components/schemas/Ack\"")
        #expect(YAMLScalarEscaper.string("a\"b\\c\nd\u{0}\u{202E}") == "\"a\\\"b\\\\c\\nd\\0\\u202E\"")
        #expect(YAMLScalarEscaper.number(1e20) == "1.0e+20")
    }

    // MARK: Helpers

    static func expectValid(_ files: [GeneratedFile], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = try TemporaryFolder()
        let paths = try files.map { try folder.write($0) }
        let result = try Python.run(["-m", "openapi_spec_validator"] + paths)
        #expect(result.status == 0, "openapi-spec-validator failed:\n\(result.output)\(result.errors)", sourceLocation: sourceLocation)
        for path in paths {
            #expect(result.output.contains("\(path): OK"), "\(path) not validated:\n\(result.output)", sourceLocation: sourceLocation)
        }
    }

    static func json(_ value: YAMLValue) -> JSONValue {
        switch value {
        case .null: .null
        case .bool(let value): .bool(value)
        case .integer(let value): .integer(value)
        case .number(let value): .number(value)
        case .string(let value): .string(value)
        case .sequence(let items): .array(items.map(json))
        case .mapping(let mapping): .object(Dictionary(mapping.pairs.map { ($0.key, json($0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// Equal as JSON: 1 and 1.0 are the same number.
    static func equivalent(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.integer(let x), .number(let y)), (.number(let y), .integer(let x)): Double(x) == y
        case (.array(let x), .array(let y)): x.count == y.count && zip(x, y).allSatisfy { equivalent($0, $1) }
        case (.object(let x), .object(let y)): x.keys == y.keys && x.allSatisfy { key, value in equivalent(value, y[key]!) }
        default: a == b
        }
    }
}

// Helpers nested in the suite so that their names cannot clash with other test files.
extension OpenAPIGeneratorTests {
    /// A YAML document as PyYAML reads it, navigated without ceremony: a missing key or index
    /// gives a missing value instead of a crash, so one `#expect` says what was wrong.
    struct ParsedDocument {
        let value: JSONValue

        init(_ value: JSONValue) {
            self.value = value
        }

        /// Parses with `python3 -c 'import yaml,json,sys; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))'`.
        init(yaml: Data) throws {
            let folder = try TemporaryFolder()
            let path = try folder.write(GeneratedFile(path: "document.yaml", contents: yaml))
            let result = try Python.run(["-c", "import yaml,json,sys; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))", path])
            guard result.status == 0 else { throw Python.Failure(message: result.errors) }
            value = try JSONDecoder().decode(JSONValue.self, from: Data(result.output.utf8))
        }

        subscript(key: String) -> ParsedDocument {
            if case .object(let object) = value, let child = object[key] { return ParsedDocument(child) }
            return ParsedDocument(.null)
        }

        subscript(index: Int) -> ParsedDocument {
            if case .array(let items) = value, items.indices.contains(index) { return ParsedDocument(items[index]) }
            return ParsedDocument(.null)
        }

        var isMissing: Bool { value == .null }
        var string: String? { if case .string(let text) = value { text } else { nil } }
        var int: Int? { if case .integer(let number) = value { number } else { nil } }
        var bool: Bool? { if case .bool(let flag) = value { flag } else { nil } }
        var array: [ParsedDocument]? { if case .array(let items) = value { items.map { ParsedDocument($0) } } else { nil } }
        /// Sorted: PyYAML keeps the document's order but JSONValue does not.
        var keys: [String] { if case .object(let object) = value { object.keys.sorted() } else { [] } }
        var entries: [(String, ParsedDocument)] { keys.map { ($0, self[$0]) } }
    }

    /// Runs `python3` with the given arguments, reading text as UTF-8 whatever the locale.
    enum Python {
        struct Failure: Error, CustomStringConvertible {
            var message: String
            var description: String { message }
        }

        static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3"] + arguments
            process.environment = ProcessInfo.processInfo.environment.merging(["PYTHONUTF8": "1"]) { _, new in new }
            let folder = try TemporaryFolder()
            let errorsURL = folder.url.appendingPathComponent("stderr")
            FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
            let errors = try FileHandle(forWritingTo: errorsURL)
            let output = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            try errors.close()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self),
                    String(decoding: FileManager.default.contents(atPath: errorsURL.path) ?? Data(), as: UTF8.self))
        }
    }

    /// A folder under the system's temporary folder, removed when the value goes away.
    final class TemporaryFolder {
        let url: URL

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("accessspec-openapi-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        /// Writes the file under the folder and returns its path.
        func write(_ file: GeneratedFile) throws -> String {
            let target = url.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.contents.write(to: target)
            return target.path
        }

        deinit { try? FileManager.default.removeItem(at: url) }
    }
}
