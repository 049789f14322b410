import AccessSpecCore
import AccessSpecSyntax
import Foundation
import SeededRandom
import Testing

/// The formats of docs/values.md against the published valid and invalid examples of each
/// standard, and the edges where implementations usually differ.
struct DomainFormatsTests {
    private func valid(_ format: ValueFormat, _ text: String) -> Bool { format.problem(with: text) == nil }

    @Test(arguments: ["91110000600037341L", "91350100M000100Y43", "11100000000013338W"])
    func validUnifiedSocialCreditCodesPass(_ code: String) {
        #expect(valid(.uscc, code))
    }

    @Test func wrongUnifiedSocialCreditCodesFail() {
        #expect(ValueFormat.uscc.problem(with: "11370000MB28449441")?.en.contains("check character") == true)
        #expect(!valid(.uscc, "9111000060003734IL"))  // I is not in the alphabet
        #expect(!valid(.uscc, "91A10000600037341L"))  // positions 3-8 are the division code's digits
        #expect(!valid(.uscc, "123"))
        #expect(!valid(.uscc, "91110000600037341L\n"))
    }

    @Test(arguments: ["11010519491231002X", "440524188001010014"])
    func validResidentIdentityNumbersPass(_ id: String) {
        #expect(valid(.residentId, id))
    }

    @Test func wrongResidentIdentityNumbersFail() {
        #expect(ValueFormat.residentId.problem(with: "110105194912310021")?.en.contains("'X'") == true)
        #expect(ValueFormat.residentId.problem(with: "110105194902300020")?.en.contains("birth date") == true)
        #expect(ValueFormat.residentId.problem(with: "990105194912310021")?.en.contains("province") == true)
        #expect(!valid(.residentId, "11010519491231002x"))
    }

    @Test(arguments: [
        "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S",
        "1.2.156.3005.2.11100000000013338W087.11370800MB28559184.37080001202411010001.001.3",
    ])
    func validLicenceIdentifiersPass(_ id: String) {
        #expect(valid(.licenseId, id))
    }

    @Test func wrongLicenceIdentifiersFail() {
        #expect(!valid(.licenseId, "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.T"))
        #expect(!valid(.licenseId, "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.S"))
        #expect(!valid(.licenseId, "2.2.156.3005.2.x"))
    }

    @Test func divisionCodesStartWithAProvince() {
        #expect(valid(.divisionCode, "370000"))
        #expect(valid(.divisionCode, "511602000000"))
        #expect(valid(.divisionCode, "100000"))
        #expect(!valid(.divisionCode, "37000"))
        #expect(!valid(.divisionCode, "990000"))
        #expect(!valid(.divisionCode, "160000"))
        #expect(!valid(.divisionCode, "101000"))
    }

    @Test func datesAreDaysOfTheCalendar() {
        #expect(valid(.date, "2024-02-29"))
        #expect(valid(.date, "2000-02-29"))
        #expect(!valid(.date, "1900-02-29"))
        #expect(!valid(.date, "2023-02-29"))
        #expect(!valid(.date, "2024-04-31"))
        #expect(!valid(.date, "2024-13-01"))
        #expect(!valid(.date, "2024-1-01"))
    }

    @Test func dateTimesAreRFC3339() {
        #expect(valid(.datetime, "2024-05-01T08:30:00+08:00"))
        #expect(valid(.datetime, "2024-05-01t08:30:00.123z"))
        #expect(!valid(.datetime, "2024-05-01 08:30:00Z"))
        #expect(!valid(.datetime, "2024-05-01T24:00:00Z"))
        #expect(!valid(.datetime, "2024-05-01T23:59:60Z"))
        #expect(!valid(.datetime, "2024-05-01T08:30:00+24:00"))
        #expect(!valid(.datetime, "2024-05-01T08:30:00Z\n"))
    }

    @Test func generalFormats() {
        #expect(valid(.phone, "13800138000"))
        #expect(valid(.phone, "+8613800138000"))
        #expect(valid(.phone, "0531-88888888"))
        #expect(!valid(.phone, "12345"))
        #expect(valid(.url, "https://a.example.gov.cn/x?y=1#z"))
        #expect(!valid(.url, "http://[::1]:8080/"))
        #expect(valid(.url, "http://a:65535/"))
        #expect(!valid(.url, "http://a:65536/"))
        #expect(!valid(.url, "ftp://a"))
        #expect(!valid(.url, "https://a b"))
        #expect(!valid(.url, "https://例子.cn/"))
        #expect(valid(.email, "service@gov.cn"))
        #expect(!valid(.email, "service@localhost"))
        #expect(!valid(.email, ".service@gov.cn"))
        #expect(!valid(.email, "ser..vice@gov.cn"))
        #expect(valid(.base64, "aGVsbG8="))
        #expect(!valid(.base64, "aGVsbG8"))
        #expect(!valid(.base64, "not base64!"))
        #expect(DomainFormats.checkLicenseTypeCode("11100000000013338W011") == nil)
    }

    @Test func cidrBlocksAreStrict() {
        #expect(IPAddress.isCIDR("10.1.0.0/16"))
        #expect(IPAddress.isCIDR("2001:db8::/32"))
        #expect(IPAddress.isCIDR("::ffff:10.0.0.0/104"))
        #expect(!IPAddress.isCIDR("10.01.0.0/16"))
        #expect(!IPAddress.isCIDR("10.1.0.0/33"))
        #expect(!IPAddress.isCIDR("10.1.0/16"))
        #expect(!IPAddress.isCIDR("2001:db8:::/32"))
        #expect(!IPAddress.isCIDR("+1::/8"))
    }

    @Test func loopbackIsDecidedByTheAddress() {
        #expect(IPAddress.isLoopbackHost("127.0.0.1"))
        #expect(IPAddress.isLoopbackHost("127.8.9.10"))
        #expect(IPAddress.isLoopbackHost("[::1]"))
        #expect(IPAddress.isLoopbackHost("::ffff:127.0.0.1"))
        #expect(!IPAddress.isLoopbackHost("127.0.0.1.example.com"))
        #expect(!IPAddress.isLoopbackHost("localhost"))
        #expect(!IPAddress.isLoopbackHost("0177.0.0.1"))
        #expect(!IPAddress.isLoopbackHost("10.0.0.1"))
    }
}

/// The regular expression dialect: whole-value matching, what it refuses, and the portable form.
struct PatternTests {
    private func matches(_ pattern: String, _ text: String) throws -> Bool { try Pattern(pattern).matches(text) }

    @Test func patternsMatchTheWholeValue() throws {
        #expect(try matches("abc", "abc"))
        #expect(try !matches("abc", "xabc"))
        #expect(try !matches("abc", "abc\n"))
        #expect(try matches("^a+$", "aaa"))
        #expect(try matches("a|b", "b"))
        #expect(try matches("[0-9]{2,3}", "123"))
        #expect(try !matches("[0-9]{2,3}", "1234"))
        #expect(try matches("(?:ab)*c", "ababc"))
        #expect(try matches("[^a-c]", "d"))
        #expect(try !matches(".", "\n"))
        #expect(try matches("\\d", "7"))
        #expect(try !matches("\\d", "٣"))  // Arabic-Indic digit: \d is ASCII
        #expect(try matches("é", "é"))
        #expect(try !matches("é", "e\u{301}"))  // scalars, not canonical equivalence
        #expect(try matches("..", "e\u{301}"))
    }

    /// The matcher against ICU (NSRegularExpression, anchored at both ends) on random patterns
    /// of the dialect's common core and random values over a small alphabet, so that states,
    /// alternatives, repetitions and their empty paths meet often.
    @Test func randomPatternsMatchAsICUMatchesThem() throws {
        var random = SplitMix(seed: 0x5eed_0a77)
        func atom(_ depth: Int) -> String {
            switch random.below(depth > 2 ? 4 : 7) {
            case 0: return "a"
            case 1: return "b"
            case 2: return "[ab]"
            case 3: return "[^a]"
            case 4: return "(?:\(pattern(depth + 1)))"
            case 5: return "(?:\(pattern(depth + 1))|\(pattern(depth + 1)))"
            default: return "(?:)"
            }
        }
        func pattern(_ depth: Int) -> String {
            (0..<(1 + random.below(3))).map { _ in
                let quantifiers = ["", "", "?", "*", "+", "{2}", "{0,2}", "{1,3}"]
                return atom(depth) + quantifiers[random.below(quantifiers.count)]
            }.joined()
        }
        var compared = 0
        for _ in 0..<400 {
            let source = pattern(0)
            let ours = try Pattern(source)
            let icu = try NSRegularExpression(pattern: "^(?:\(source))$")
            for _ in 0..<12 {
                let value = String((0..<random.below(7)).map { _ in "abc".randomElement(using: &random)! })
                let range = NSRange(value.startIndex..., in: value)
                let expected = icu.firstMatch(in: value, range: range) != nil
                #expect(ours.matches(value) == expected, "/\(source)/ on '\(value)'")
                compared += 1
            }
        }
        #expect(compared == 4800)
    }

    @Test func constructsOutsideTheDialectAreRefused() {
        for pattern in ["(?=a)", "(?<n>a)", "\\1", "a**", "a*+", "\\bword", "\\p{L}", "[[a]]", "[]", "{", "a{2", "(a", "a)", "[a&&b]", "a$b", "\\uD800", "[z-a]"] {
            #expect(throws: PatternError.self, "\(pattern)") { try Pattern(pattern) }
        }
    }

    @Test func repeatsOfEmptyOperandsAreBoundedInWork() {
        // Each level multiplies the expansion; no instruction is added, yet it once hung check.
        let clock = ContinuousClock()
        let started = clock.now
        for pattern in ["((((){1000}){1000}){1000}){1000}", "((((a{0}){1000}){1000}){1000}){1000}"] {
            #expect(throws: PatternError.self, "\(pattern)") { try Pattern(pattern) }
        }
        #expect(clock.now - started < .seconds(10))
    }

    @Test func doubledSetOperatorsInClassesAreRefused() {
        for pattern in ["[+--]", "[--a]", "[a||b]", "[a~~b]", "[||]", "[a&&b]"] {
            #expect(throws: PatternError.self, "\(pattern)") { try Pattern(pattern) }
        }
        #expect((try? Pattern("[+\\-]")) != nil)
    }

    @Test func hostilePatternsRunInLinearTime() throws {
        let pattern = try Pattern("(a*)*b")
        #expect(!pattern.matches(String(repeating: "a", count: 100_000)))
        #expect(throws: PatternError.self) { try Pattern("(a{1000}){1000}") }
    }

    @Test func portableFormIsAnchoredAndSpelledOut() throws {
        #expect(try Pattern("\\d+").portable == "^(?:[0-9]+)(?![\\s\\S])")
        #expect(try Pattern("a.b").portable == "^(?:a[^\\u000A\\u000D\\u2028\\u2029]b)(?![\\s\\S])")
        #expect(try Pattern("x|y\\.").portable == "^(?:x|y\\.)(?![\\s\\S])")
    }

    @Test func exampleIsAShortMatch() throws {
        for source in ["[A-Z]{2}\\d{4}", "(?:ab|cd)+x?", "[^a]", ValueFormat.uscc.shape] {
            let pattern = try Pattern(source)
            #expect(pattern.matches(pattern.example), "\(source)")
        }
    }
}

/// The one path-template parser: what it refuses, how it fills and how a request path matches.
struct PathTemplateTests {
    @Test func aParameterMayStandInsideASegment() throws {
        let template = try PathTemplate("/files/{certNo}.json")
        #expect(template.parameters == ["certNo"])
        #expect(template.match("/files/abc.json") == ["certNo": "abc"])
        #expect(template.match("/files/a.b.json") == ["certNo": "a.b"])
        #expect(template.match("/files/.json") == nil)
        #expect(template.match("/files/abc.xml") == nil)
        #expect(template.match("/files/abc.json/x") == nil)
        #expect(template.filled { _ in "a%2Fb" } == "/files/a%2Fb.json")
        #expect(template.routeKey == "/files/{}.json")
    }

    @Test func ambiguousOrBrokenTemplatesAreRefused() {
        for path in ["/files/{a}{b}", "/files/{a}.{b}", "/files/{a", "/files/a}", "/files/{}", "/files/{{a}}"] {
            #expect(throws: PathTemplate.Problem.self, "\(path)") { try PathTemplate(path) }
        }
    }
}

/// Integer bounds are judged as integers: bounds between which no integer lies are refused
/// where they are written, not exported as a range OpenAPI would read otherwise.
struct IntegerBoundsTests {
    func diagnostics(_ field: String) -> [String] {
        let base = try! String(contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/base/national.yaml").path, encoding: .utf8)
        let text = base.replacingOccurrences(of: "      expiresIn: integer", with: "      expiresIn: \(field)")
        let compilation = Compiler.compile(WorkspaceSources(contracts: [.init(relativePath: "national.yaml", file: SourceFile(path: "national.yaml", bytes: Array(text.utf8)))]))
        return compilation.diagnostics.filter { $0.severity == .error }.map(\.message)
    }

    @Test func boundsWithoutAnIntegerBetweenThemAreErrors() {
        #expect(diagnostics("{ type: integer, minimum: 0.5, maximum: 0.7 }").contains { $0.contains("no integer lies between") })
        #expect(diagnostics("{ type: integer, minimum: 1e308 }").contains { $0.contains("above the largest integer") })
        #expect(diagnostics("{ type: integer, minimum: 1, maximum: 7200 }").isEmpty)
    }
}
