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

    func matches(_ text: String.UnicodeScalarView) -> Bool {
        var current = StateList(capacity: instructions.count)
        var next = StateList(capacity: instructions.count)
        // One work stack for every step: a fresh one per state and scalar was most of the cost.
        var pending: [Int] = []
        add(0, to: &current, pending: &pending)
        for scalar in text {
            if current.isEmpty { return false }
            next.clear()
            for state in current.states {
                if case .consume(let set) = instructions[state], sets[set].contains(scalar.value) {
                    add(state + 1, to: &next, pending: &pending)
                }
            }
            swap(&current, &next)
        }
        return current.states.contains { if case .accept = instructions[$0] { true } else { false } }
    }

    /// Adds `state` and everything reachable from it without consuming a scalar.
    private func add(_ state: Int, to list: inout StateList, pending stack: inout [Int]) {
        stack.append(state)
        while let top = stack.popLast() {
            guard list.insert(top) else { continue }
            switch instructions[top] {
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .jump(let target):
                stack.append(target)
            case .consume, .accept:
                break
            }
        }
    }
}

/// A sparse set of states with constant-time clearing.
private struct StateList {
    private(set) var states: [Int] = []
    private var members: [Bool]

    init(capacity: Int) { members = Array(repeating: false, count: capacity) }

    var isEmpty: Bool { states.isEmpty }

    mutating func insert(_ state: Int) -> Bool {
        guard !members[state] else { return false }
        members[state] = true
        states.append(state)
        return true
    }

    mutating func clear() {
        for state in states { members[state] = false }
        states.removeAll(keepingCapacity: true)
    }
}
