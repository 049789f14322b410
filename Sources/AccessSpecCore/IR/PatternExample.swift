/// The shortest text a simple regular expression matches, for making values of pattern-
/// constrained strings: literals, escapes (`\d \w \s` and escaped punctuation), classes with
/// ranges, groups with alternation (the first branch) and the quantifiers `? * + {n} {n,m}`.
/// Anything else gives nil; the caller checks the result against the pattern anyway.
enum PatternExample {
    static func example(for pattern: String) -> String? {
        var parser = Parser(characters: Array(pattern))
        guard let text = parser.alternation(), parser.index == parser.characters.count else { return nil }
        return text
    }

    private struct Parser {
        let characters: [Character]
        var index = 0

        /// Branches separated by `|`; the first one is the example.
        mutating func alternation() -> String? {
            guard let first = sequence() else { return nil }
            while index < characters.count, characters[index] == "|" {
                index += 1
                guard sequence() != nil else { return nil }
            }
            return first
        }

        mutating func sequence() -> String? {
            var text = ""
            while index < characters.count, characters[index] != "|", characters[index] != ")" {
                let character = characters[index]
                if character == "^" || character == "$" { index += 1; continue }
                guard let atom = atom() else { return nil }
                guard let count = quantifier() else { return nil }
                text += String(repeating: atom, count: count)
            }
            return text
        }

        mutating func atom() -> String? {
            let character = characters[index]
            index += 1
            switch character {
            case "(":
                if index + 1 < characters.count, characters[index] == "?", characters[index + 1] == ":" { index += 2 }
                guard let inner = alternation(), index < characters.count, characters[index] == ")" else { return nil }
                index += 1
                return inner
            case "[":
                return characterClass()
            case "\\":
                guard index < characters.count else { return nil }
                let escaped = characters[index]
                index += 1
                switch escaped {
                case "d": return "0"
                case "w": return "a"
                case "s": return " "
                case _ where escaped.isLetter || escaped.isNumber: return nil
                default: return String(escaped)
                }
            case ".": return "a"
            case "*", "+", "?", "{", ")", "|": return nil
            default: return String(character)
            }
        }

        /// The first character a class admits: its first literal or range start.
        mutating func characterClass() -> String? {
            guard index < characters.count, characters[index] != "^" else { return nil }
            var first: String? = nil
            while index < characters.count, characters[index] != "]" {
                var character = String(characters[index])
                if character == "\\", index + 1 < characters.count {
                    index += 1
                    switch characters[index] {
                    case "d": character = "0"
                    case "w": character = "a"
                    case "s": character = " "
                    default: character = String(characters[index])
                    }
                }
                if first == nil { first = character }
                index += 1
            }
            guard index < characters.count else { return nil }
            index += 1
            return first
        }

        /// How many times the atom is repeated in the shortest match (at least once for `+`).
        mutating func quantifier() -> Int? {
            guard index < characters.count else { return 1 }
            switch characters[index] {
            case "?", "*":
                index += 1
                // Keep one occurrence: an empty optional part rarely makes a realistic value.
                return 1
            case "+":
                index += 1
                return 1
            case "{":
                guard let close = characters[index...].firstIndex(of: "}") else { return nil }
                let body = String(characters[(index + 1)..<close])
                index = close + 1
                let bounds = body.split(separator: ",", omittingEmptySubsequences: false)
                guard let low = bounds.first.flatMap({ Int($0) }) else { return nil }
                return max(low, bounds.count > 1 && low == 0 ? 1 : low)
            default:
                return 1
            }
        }
    }
}
