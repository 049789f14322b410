import AccessSpecText
import Foundation

/// A conformance run written for people (per operation, then per check and rule) and for CI
/// (JUnit XML: one test suite per operation, one test case per vector).
public struct ConformanceReport: Sendable {
    public var platform: String
    public var baseURL: String
    public var results: [OperationResult]

    public init(platform: String, baseURL: String, results: [OperationResult]) {
        self.platform = platform
        self.baseURL = baseURL
        self.results = results
    }

    public var vectorCount: Int { results.reduce(0) { $0 + $1.outcomes.count } }
    public var failureCount: Int { results.reduce(0) { $0 + $1.outcomes.filter { !$0.outcome.passed }.count } }
    public var passed: Bool { failureCount == 0 }

    public func text(language: Language = .en) -> String {
        let zh = language == .zh
        // 通过 and 失败 are as wide on a terminal as PASS and FAIL.
        let verdict = { (passed: Bool) in passed ? (zh ? "通过" : "PASS") : (zh ? "失败" : "FAIL") }
        var lines = [zh ? "\(platform) 在 \(baseURL) 的一致性测试：\(results.count) 个接口，\(vectorCount) 个测试向量"
                        : "conformance of \(platform) at \(baseURL): \(results.count) operations, \(vectorCount) vectors",
                     "", zh ? "接口：" : "operations:"]
        let width = results.map(\.operation.id.count).max() ?? 0
        for result in results {
            let passed = result.outcomes.filter(\.outcome.passed).count
            lines.append("  \(verdict(result.passed))  \(result.operation.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(passed)/\(result.outcomes.count)")
            for failure in result.outcomes.map(\.outcome) where !failure.passed {
                lines.append("        x \(failure.vector.name): \(failure.reason.text(in: language))")
            }
        }
        lines += ["", zh ? "检查项：" : "checks:"]
        for (check, outcomes) in byCheck() {
            let passed = outcomes.filter(\.passed).count
            let rules = Set(outcomes.compactMap(\.vector.rule)).sorted().joined(separator: ", ")
            let label = check.rawValue + (rules.isEmpty ? "" : " (\(rules))")
            lines.append("  \(verdict(passed == outcomes.count))  \(label.padding(toLength: 34, withPad: " ", startingAt: 0))  \(passed)/\(outcomes.count)")
        }
        lines += ["", zh ? "\(vectorCount) 个测试向量：\(vectorCount - failureCount) 个通过，\(failureCount) 个失败"
                         : "\(vectorCount) vectors: \(vectorCount - failureCount) passed, \(failureCount) failed"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Outcomes grouped by check, in the order the format lists checks.
    public func byCheck() -> [(VectorFile.Check, [VectorOutcome])] {
        let all = results.flatMap { $0.outcomes.map(\.outcome) }
        return VectorFile.Check.allCases.compactMap { check in
            let outcomes = all.filter { $0.vector.check == check }
            return outcomes.isEmpty ? nil : (check, outcomes)
        }
    }

    public func junitXML(language: Language = .en) -> String {
        let total = results.reduce(Duration.zero) { $0 + $1.outcomes.reduce(.zero) { $0 + $1.duration } }
        var xml = [#"<?xml version="1.0" encoding="UTF-8"?>"#,
                   #"<testsuites name="\#(XMLEscaper.attribute("accessspec conformance: \(platform)"))" tests="\#(vectorCount)" failures="\#(failureCount)" errors="0" time="\#(Self.seconds(total))">"#]
        for result in results {
            let suite = "\(platform).\(result.operation.id)"
            let failures = result.outcomes.filter { !$0.outcome.passed }.count
            let time = result.outcomes.reduce(Duration.zero) { $0 + $1.duration }
            xml.append(#"  <testsuite name="\#(XMLEscaper.attribute(suite))" tests="\#(result.outcomes.count)" failures="\#(failures)" errors="0" time="\#(Self.seconds(time))">"#)
            for timed in result.outcomes {
                let vector = timed.outcome.vector
                let open = #"    <testcase classname="\#(XMLEscaper.attribute(suite))" name="\#(XMLEscaper.attribute(vector.name))" time="\#(Self.seconds(timed.duration))""#
                if timed.outcome.passed {
                    xml.append(open + "/>")
                } else {
                    xml.append(open + ">")
                    let type = vector.rule.map { "\(vector.check.rawValue) \($0)" } ?? vector.check.rawValue
                    let reason = timed.outcome.reason.text(in: language)
                    xml.append(#"      <failure message="\#(XMLEscaper.attribute(reason))" type="\#(XMLEscaper.attribute(type))">\#(XMLEscaper.text(reason))</failure>"#)
                    xml.append("    </testcase>")
                }
            }
            xml.append("  </testsuite>")
        }
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.3f", Double(seconds) + Double(attoseconds) / 1e18)
    }
}

/// The one XML escaper: text and attribute values, with characters XML 1.0 cannot carry
/// (controls other than tab, newline and carriage return) written as U+FFFD.
enum XMLEscaper {
    static func text(_ value: String) -> String { escape(value, quotes: false) }
    static func attribute(_ value: String) -> String { escape(value, quotes: true) }

    private static func escape(_ value: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "\n" where quotes: out += "&#10;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
