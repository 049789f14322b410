import Foundation

/// A regular expression in AccessSpec's dialect (docs/values.md): a subset of ECMA-262 that
/// means the same in ECMA-262, Python `re`, Java and ICU. A pattern always matches the whole
/// value, counted in Unicode scalars, and matching is linear in the value's length (a Thompson
/// simulation, never backtracking), so no value or pattern can make a receiver hang.
///
/// The compiler, the mock, the vectors, the synthesizer and the Swift runtime all match through
/// this type; the OpenAPI export writes `portable`, the same language in a form every JSON
/// Schema validator reads the same way.
public struct Pattern: Sendable, Hashable {
    public let source: String
    let syntax: PatternSyntax
    let program: PatternProgram

    /// Parses `source`; the error says what is not in the dialect and where.
    public init(_ source: String) throws(PatternError) {
        self.source = source
        var parser = PatternParser(source)
        syntax = try parser.parse()
        program = try PatternProgram(syntax)
    }

    /// Whether the whole of `text` matches.
    public func matches(_ text: String) -> Bool {
        program.matches(text.unicodeScalars)
    }

    /// The pattern as JSON Schema, Python `re.search` and Java read it the same way: anchored
    /// at both ends (with no leniency for a final line break), shorthand classes spelt out.
    public var portable: String {
        "^(?:" + PatternRenderer.render(syntax) + ")(?![\\s\\S])"
    }

    public static func == (lhs: Pattern, rhs: Pattern) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// Compiled patterns by source, shared by every caller in the process.
    public static func compiled(_ source: String) -> Result<Pattern, PatternError> {
        PatternCache.shared.pattern(source)
    }

    /// Whether `text` matches `source`; a pattern outside the dialect matches nothing (the
    /// compiler refuses such patterns before anything else sees them).
    public static func matches(_ source: String, _ text: String) -> Bool {
        (try? compiled(source).get())?.matches(text) ?? false
    }
}

public struct PatternError: Error, Equatable, Sendable, CustomStringConvertible {
    public var text: LocalizedText
    /// The position in the pattern, in Unicode scalars from 0.
    public var offset: Int

    /// The English text; tests match on it.
    public var message: String { text.en }
    public var description: String { localized.en }

    /// The problem and where in the pattern it is.
    public var localized: LocalizedText {
        LocalizedText(en: "\(text.en) (at character \(offset + 1) of the pattern)", zh: "\(text.zh)（在模式的第 \(offset + 1) 个字符处）")
    }
}

/// Compiled patterns, kept for the life of the process: contracts hold few distinct patterns.
final class PatternCache: @unchecked Sendable {
    static let shared = PatternCache()
    private let lock = NSLock()
    private var patterns: [String: Result<Pattern, PatternError>] = [:]

    func pattern(_ source: String) -> Result<Pattern, PatternError> {
        if let cached = lock.withLock({ patterns[source] }) { return cached }
        let made = Result { () throws(PatternError) in try Pattern(source) }
        lock.withLock {
            // Hostile inputs could invent patterns without end; the cache stays bounded.
            if patterns.count > 10_000 { patterns.removeAll() }
            patterns[source] = made
        }
        return made
    }
}

extension Pattern {
    /// The shortest text the pattern matches, taking the first alternative and the fewest
    /// repetitions, and from each set its first visible character: a seed for values made when
    /// a contract gives no example.
    public var example: String {
        var text = ""
        Self.example(syntax, into: &text)
        return text
    }

    private static func example(_ syntax: PatternSyntax, into text: inout String) {
        switch syntax {
        case .empty: break
        case .set(let set):
            let visible = set.ranges.lazy.compactMap { range in range.upperBound < 0x21 ? nil : max(range.lowerBound, 0x21) }.first
            if let value = visible ?? set.ranges.first?.lowerBound, let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
        case .sequence(let items): for item in items { example(item, into: &text) }
        case .alternatives(let options): if let first = options.first { example(first, into: &text) }
        case .group(let inner): example(inner, into: &text)
        case .repeated(let inner, let min, _): for _ in 0..<min { example(inner, into: &text) }
        }
    }
}
