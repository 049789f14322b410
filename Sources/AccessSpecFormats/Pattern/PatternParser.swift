/// A parsed pattern: what the dialect can say, and nothing else.
indirect enum PatternSyntax: Sendable, Equatable {
    case empty
    case set(ScalarSet)
    case sequence([PatternSyntax])
    case alternatives([PatternSyntax])
    /// `max` nil is unbounded.
    case repeated(PatternSyntax, min: Int, max: Int?)
    case group(PatternSyntax)
}

/// A set of Unicode scalars as sorted, disjoint, non-adjacent closed ranges.
struct ScalarSet: Sendable, Equatable {
    private(set) var ranges: [ClosedRange<UInt32>]

    static let maxScalar: UInt32 = 0x10FFFF

    init(_ ranges: [ClosedRange<UInt32>]) {
        var merged: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        self.ranges = merged
    }

    init(scalar: UInt32) { self.init([scalar...scalar]) }

    /// Every scalar not in the set. Surrogate code points are never scalars, so they are in
    /// neither a set nor its complement.
    var inverted: ScalarSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound &+ 1
        }
        if next <= Self.maxScalar { result.append(next...Self.maxScalar) }
        return ScalarSet(result.flatMap(Self.withoutSurrogates))
    }

    private static func withoutSurrogates(_ range: ClosedRange<UInt32>) -> [ClosedRange<UInt32>] {
        guard range.overlaps(0xD800...0xDFFF) else { return [range] }
        var parts: [ClosedRange<UInt32>] = []
        if range.lowerBound < 0xD800 { parts.append(range.lowerBound...0xD7FF) }
        if range.upperBound > 0xDFFF { parts.append(0xE000...range.upperBound) }
        return parts
    }

    func union(_ other: ScalarSet) -> ScalarSet { ScalarSet(ranges + other.ranges) }

    func contains(_ scalar: UInt32) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < scalar { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(scalar)
    }

    var singleScalar: UInt32? {
        ranges.count == 1 && ranges[0].lowerBound == ranges[0].upperBound ? ranges[0].lowerBound : nil
    }

    // The shorthand classes, ASCII only, as in ECMA-262 (Python and ICU would widen \d, \w, \s
    // to Unicode; the portable form spells them out so that none does).
    static let digit = ScalarSet([48...57])
    static let word = ScalarSet([48...57, 65...90, 95...95, 97...122])
    static let space = ScalarSet([9...13, 32...32])
    /// `.`: anything but the line terminators of ECMA-262.
    static let dot = ScalarSet([10...10, 13...13, 0x2028...0x2029]).inverted
}

/// Recursive descent over the pattern's scalars. Everything outside the dialect is an error
/// rather than a guess, because the other dialects would each guess differently.
struct PatternParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var depth = 0

    /// Deeper nesting than this is no pattern anyone writes; it keeps recursion bounded.
    static let maxDepth = 32
    static let maxRepeat = 1000

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    mutating func parse() throws(PatternError) -> PatternSyntax {
        // `^` first and `$` last are allowed and redundant: a pattern matches the whole value.
        if peek == "^" { index += 1 }
        var end = scalars.count
        if end > index, scalars[end - 1] == "$", !isEscaped(at: end - 1) { end -= 1 }
        let syntax = try alternatives(until: end)
        if index < end { throw scalars[index] == ")" ? error(en: "')' closes no group", zh: "“)”没有对应的分组") : error(en: "unexpected '\(scalars[index])'", zh: "意外的“\(scalars[index])”") }
        return syntax
    }

    private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    /// Whether the scalar at `position` is preceded by an odd number of backslashes.
    private func isEscaped(at position: Int) -> Bool {
        var count = 0
        var cursor = position - 1
        while cursor >= 0, scalars[cursor] == "\\" { count += 1; cursor -= 1 }
        return count % 2 == 1
    }

    private func error(en: String, zh: String, at offset: Int? = nil) -> PatternError {
        PatternError(text: LocalizedText(en: en, zh: zh), offset: offset ?? min(index, max(0, scalars.count - 1)))
    }

    private mutating func alternatives(until end: Int) throws(PatternError) -> PatternSyntax {
        var options = [try sequence(until: end)]
        while index < end, scalars[index] == "|" {
            index += 1
            options.append(try sequence(until: end))
        }
        return options.count == 1 ? options[0] : .alternatives(options)
    }

    private mutating func sequence(until end: Int) throws(PatternError) -> PatternSyntax {
        var items: [PatternSyntax] = []
        while index < end, scalars[index] != "|", scalars[index] != ")" {
            let atom = try self.atom(until: end)
            items.append(try quantified(atom, until: end))
        }
        if items.isEmpty { return .empty }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    private mutating func atom(until end: Int) throws(PatternError) -> PatternSyntax {
        let start = index
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case "(":
            depth += 1
            guard depth <= Self.maxDepth else { throw error(en: "groups nest deeper than \(Self.maxDepth)", zh: "分组嵌套超过 \(Self.maxDepth) 层", at: start) }
            if index < end, scalars[index] == "?" {
                guard index + 1 < end, scalars[index + 1] == ":" else {
                    throw error(en: "only '(?:' groups are in the dialect; lookaround, named groups and flags are not", zh: "本方言只有“(?:”分组；不支持环视、命名分组和标志", at: start)
                }
                index += 2
            }
            let inner = try alternatives(until: end)
            guard index < end, scalars[index] == ")" else { throw error(en: "'(' is never closed", zh: "“(”没有闭合", at: start) }
            index += 1
            depth -= 1
            return .group(inner)
        case "[":
            return .set(try characterClass(from: start, until: end))
        case ".":
            return .set(ScalarSet.dot)
        case "\\":
            return .set(try escape(from: start, until: end, inClass: false))
        case "^", "$":
            throw error(en: "'\(scalar)' may stand only at the very start or end; a pattern always matches the whole value", zh: "“\(scalar)”只能出现在最开头或最末尾；模式总是匹配整个值", at: start)
        case "*", "+", "?":
            throw error(en: "'\(scalar)' has nothing to repeat", zh: "“\(scalar)”前面没有可重复的内容", at: start)
        case "{", "}", "]":
            throw error(en: "'\(scalar)' must be escaped as '\\\(scalar)' to stand for itself", zh: "“\(scalar)”要表示其本身，须转义为“\\\(scalar)”", at: start)
        default:
            return .set(ScalarSet(scalar: scalar.value))
        }
    }

    private mutating func quantified(_ atom: PatternSyntax, until end: Int) throws(PatternError) -> PatternSyntax {
        guard index < end else { return atom }
        let start = index
        let bounds: (Int, Int?)
        switch scalars[index] {
        case "*": bounds = (0, nil); index += 1
        case "+": bounds = (1, nil); index += 1
        case "?": bounds = (0, 1); index += 1
        case "{": bounds = try braces(until: end)
        default: return atom
        }
        if index < end, scalars[index] == "?" { index += 1 }  // lazy: the same for a whole match
        if index < end, ["*", "+", "?", "{"].contains(scalars[index]) {
            throw error(en: "a quantifier cannot follow another (possessive and nested quantifiers are not in the dialect)", zh: "量词不能紧跟另一个量词（本方言不支持占有量词和嵌套量词）", at: index)
        }
        if let max = bounds.1, bounds.0 > max { throw error(en: "{\(bounds.0),\(max)}: the minimum is above the maximum", zh: "{\(bounds.0),\(max)}：最小值大于最大值", at: start) }
        return .repeated(atom, min: bounds.0, max: bounds.1)
    }

    private mutating func braces(until end: Int) throws(PatternError) -> (Int, Int?) {
        let start = index
        index += 1
        let low = try number(until: end)
        guard let low else { throw error(en: "'{' must start a quantifier {n}, {n,} or {n,m}; escape it as '\\{' otherwise", zh: "“{”必须开始一个量词 {n}、{n,} 或 {n,m}；否则应转义为“\\{”", at: start) }
        var high: Int? = low
        if index < end, scalars[index] == "," {
            index += 1
            high = try number(until: end)
        }
        guard index < end, scalars[index] == "}" else { throw error(en: "quantifier '{' is never closed", zh: "量词的“{”没有闭合", at: start) }
        index += 1
        return (low, high)
    }

    private mutating func number(until end: Int) throws(PatternError) -> Int? {
        let start = index
        var value = 0
        while index < end, (48...57).contains(scalars[index].value) {
            value = value * 10 + Int(scalars[index].value) - 48
            index += 1
            guard value <= Self.maxRepeat else { throw error(en: "repetition counts above \(Self.maxRepeat) are not in the dialect", zh: "本方言不支持超过 \(Self.maxRepeat) 的重复次数", at: start) }
        }
        return index > start ? value : nil
    }

    private mutating func characterClass(from start: Int, until end: Int) throws(PatternError) -> ScalarSet {
        var negated = false
        if index < end, scalars[index] == "^" { negated = true; index += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while true {
            guard index < end else { throw error(en: "'[' is never closed", zh: "“[”没有闭合", at: start) }
            let scalar = scalars[index]
            if scalar == "]" {
                guard !first else { throw error(en: "an empty class '[]' or '[^]' means different things in different dialects", zh: "空字符类“[]”或“[^]”在不同方言中含义不同", at: start) }
                index += 1
                break
            }
            let lower = try classMember(until: end)
            let isLast = index < end && scalars[index] == "]"
            if index + 1 < end, scalars[index] == "-", scalars[index + 1] != "]" {
                // A range a-z; both ends must be single scalars.
                guard let low = lower.singleScalar else { throw error(en: "a class shorthand cannot start a range", zh: "字符类简写不能作为范围的起点", at: index) }
                index += 1
                if scalars[index] == "-" { throw error(en: "a range may not end with '-' (set difference in other dialects); escape it", zh: "范围不能以“-”结尾（在其他方言中表示集合差）；请转义", at: index) }
                let upper = try classMember(until: end)
                guard let high = upper.singleScalar else { throw error(en: "a class shorthand cannot end a range", zh: "字符类简写不能作为范围的终点", at: index - 1) }
                guard low <= high else { throw error(en: "range out of order", zh: "范围的起点大于终点", at: index - 1) }
                ranges.append(low...high)
            } else {
                if scalar == "-", !first, !isLast {
                    throw error(en: "'-' inside a class must be first, last or escaped", zh: "字符类中的“-”必须位于首位、末位或经过转义", at: index - 1)
                }
                ranges += lower.ranges
            }
            first = false
        }
        let set = ScalarSet(ranges)
        return negated ? set.inverted : set
    }

    private mutating func classMember(until end: Int) throws(PatternError) -> ScalarSet {
        let start = index
        let scalar = scalars[index]
        // Java and ICU read doubled operators in a class as set operations; Python warns of them.
        if ["&", "|", "~", "-"].contains(scalar), index + 1 < end, scalars[index + 1] == scalar {
            throw error(en: "'\(scalar)\(scalar)' inside a class is a set operation in other dialects; escape one of them", zh: "字符类中的“\(scalar)\(scalar)”在其他方言中是集合运算；请转义其中一个", at: start)
        }
        index += 1
        switch scalar {
        case "\\": return try escape(from: start, until: end, inClass: true)
        case "[": throw error(en: "'[' inside a class must be escaped (nested classes differ between dialects)", zh: "字符类中的“[”必须转义（各方言的嵌套字符类不同）", at: start)
        default: return ScalarSet(scalar: scalar.value)
        }
    }

    private mutating func escape(from start: Int, until end: Int, inClass: Bool) throws(PatternError) -> ScalarSet {
        guard index < end else { throw error(en: "the pattern ends with a lone '\\'", zh: "模式以单独的“\\”结尾", at: start) }
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case "d": return .digit
        case "w": return .word
        case "s": return .space
        case "D", "W", "S":
            guard !inClass else { throw error(en: "'\\\(scalar)' inside a class is not in the dialect", zh: "本方言不支持字符类中的“\\\(scalar)”", at: start) }
            return (scalar == "D" ? ScalarSet.digit : scalar == "W" ? .word : .space).inverted
        case "n": return ScalarSet(scalar: 10)
        case "r": return ScalarSet(scalar: 13)
        case "t": return ScalarSet(scalar: 9)
        case "f": return ScalarSet(scalar: 12)
        case "v": return ScalarSet(scalar: 11)
        case "u":
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard index < end, let digit = scalars[index].hexDigitValue else { throw error(en: "'\\u' takes exactly four hexadecimal digits", zh: "“\\u”后面必须恰好是四位十六进制数字", at: start) }
                value = value * 16 + UInt32(digit)
                index += 1
            }
            guard !(0xD800...0xDFFF).contains(value) else { throw error(en: "'\\u\(String(value, radix: 16))' is a surrogate, not a character", zh: "“\\u\(String(value, radix: 16))”是代理码位，不是字符", at: start) }
            return ScalarSet(scalar: value)
        case "\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "/", "-":
            return ScalarSet(scalar: scalar.value)
        case "b", "B", "A", "z", "Z":
            throw error(en: "'\\\(scalar)' (an anchor or boundary) is not in the dialect", zh: "本方言不支持“\\\(scalar)”（锚点或边界）", at: start)
        case "p", "P":
            throw error(en: "Unicode property classes '\\\(scalar){...}' are not in the dialect", zh: "本方言不支持 Unicode 属性类“\\\(scalar){...}”", at: start)
        case _ where scalar.properties.numericType == .decimal:
            throw error(en: "backreferences and octal escapes are not in the dialect", zh: "本方言不支持反向引用和八进制转义", at: start)
        default:
            throw error(en: "'\\\(scalar)' is not an escape of the dialect", zh: "“\\\(scalar)”不是本方言的转义", at: start)
        }
    }
}

private extension Unicode.Scalar {
    var hexDigitValue: Int? {
        switch value {
        case 48...57: Int(value) - 48
        case 65...70: Int(value) - 55
        case 97...102: Int(value) - 87
        default: nil
        }
    }
}
