/// A pattern compiled to a Thompson NFA and run by simulation: every state is advanced in step
/// over the value's scalars, so the cost is at most (value length) x (program size) whatever
/// the pattern or the value.
struct PatternProgram: Sendable {
    enum Instruction: Sendable {
        /// Consume one scalar in the set.
        case consume(Int)
        /// Continue at both.
        case split(Int, Int)
        case jump(Int)
        case accept
    }

    private(set) var instructions: [Instruction] = []
    private(set) var sets: [ScalarSet] = []

    /// `{n,m}` copies its operand; the bound keeps a hostile pattern from becoming a huge program.
    static let maxInstructions = 20_000
    /// Repetitions of an operand that emits nothing (`(){1000}`) add no instructions but still
    /// cost work to expand; this bounds the expansion itself.
    static let maxSteps = 200_000
    private var steps = 0

    init(_ syntax: PatternSyntax) throws(PatternError) {
        try emit(syntax)
        instructions.append(.accept)
    }

    private mutating func append(_ instruction: Instruction) throws(PatternError) -> Int {
        guard instructions.count < Self.maxInstructions else {
            throw PatternError(text: LocalizedText(en: "the pattern is too large once its repetitions are counted out (over \(Self.maxInstructions) steps)",
                                                   zh: "模式展开重复后过大（超过 \(Self.maxInstructions) 步）"), offset: 0)
        }
        instructions.append(instruction)
        return instructions.count - 1
    }

    private mutating func emit(_ syntax: PatternSyntax) throws(PatternError) {
        steps += 1
        guard steps <= Self.maxSteps else {
            throw PatternError(text: LocalizedText(en: "the pattern is too large once its repetitions are counted out", zh: "模式展开重复后过大"), offset: 0)
        }
        switch syntax {
        case .empty:
            break
        case .set(let set):
            if let existing = sets.firstIndex(of: set) {
                _ = try append(.consume(existing))
            } else {
                sets.append(set)
                _ = try append(.consume(sets.count - 1))
            }
        case .sequence(let items):
            for item in items { try emit(item) }
        case .group(let inner):
            try emit(inner)
        case .alternatives(let options):
            // split L1, next; L1: option; jump end; next: split L2, ... ; last option
            var jumps: [Int] = []
            for (position, option) in options.enumerated() {
                if position == options.count - 1 {
                    try emit(option)
                } else {
                    let split = try append(.split(0, 0))
                    try emit(option)
                    jumps.append(try append(.jump(0)))
                    instructions[split] = .split(split + 1, instructions.count)
                }
            }
            for jump in jumps { instructions[jump] = .jump(instructions.count) }
        case .repeated(let inner, let min, let max):
            for _ in 0..<min { try emit(inner) }
            if let max {
                // Each optional copy may be skipped to the end.
                var skips: [Int] = []
                for _ in min..<max {
                    skips.append(try append(.split(0, 0)))
                    try emit(inner)
                }
                for skip in skips { instructions[skip] = .split(skip + 1, instructions.count) }
            } else {
                let loop = try append(.split(0, 0))
                try emit(inner)
                _ = try append(.jump(loop))
                instructions[loop] = .split(loop + 1, instructions.count)
            }
        }
    }

    /// Whether the whole of `text` is accepted. The two state lists, the marks and the work
    /// stack share one scratch buffer, on the stack for the short programs of the formats and
    /// of most patterns: matching is per value, and allocating was most of its cost.
    func matches(_ text: String.UnicodeScalarView) -> Bool {
        let size = instructions.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 5 * size + 2) { buffer in
            let base = buffer.baseAddress!
            var current = base, next = base + size
            // marks[state] is the step at which the state joined the list being built.
            let marks = base + 2 * size
            // An `add` pushes at most one state plus two per state it inserts.
            let pending = base + 3 * size
            marks.initialize(repeating: -1, count: size)
            var currentCount = 0, nextCount = 0, step = 0

            /// Adds `state` and everything reachable from it without consuming a scalar.
            func add(_ state: Int, to list: UnsafeMutablePointer<Int>, _ count: inout Int) {
                pending[0] = state
                var top = 1
                while top > 0 {
                    top -= 1
                    let state = pending[top]
                    guard marks[state] != step else { continue }
                    marks[state] = step
                    list[count] = state
                    count += 1
                    switch instructions[state] {
                    case .split(let first, let second):
                        pending[top] = second
                        pending[top + 1] = first
                        top += 2
                    case .jump(let target):
                        pending[top] = target
                        top += 1
                    case .consume, .accept:
                        break
                    }
                }
            }

            add(0, to: current, &currentCount)
            for scalar in text {
                if currentCount == 0 { return false }
                step += 1
                nextCount = 0
                for index in 0..<currentCount {
                    let state = current[index]
                    if case .consume(let set) = instructions[state], sets[set].contains(scalar.value) {
                        add(state + 1, to: next, &nextCount)
                    }
                }
                swap(&current, &next)
                currentCount = nextCount
            }
            for index in 0..<currentCount {
                if case .accept = instructions[current[index]] { return true }
            }
            return false
        }
    }
}

