import Foundation

/// The wall time of each step of a command, in order: what `--timings` prints. Cheap enough
/// to keep always (a clock read per step), so a timed run takes the same path as any other.
public struct PhaseTimes: Sendable {
    public struct Phase: Sendable, Equatable {
        public var name: String
        public var seconds: Double
        /// The steps inside this one (the front end's, within a build's "front end").
        public var steps: [Phase] = []
    }

    public private(set) var phases: [Phase] = []
    private var started = ContinuousClock.now

    public init() {}

    /// Ends the step under way, which took the time since the last step ended.
    public mutating func end(_ name: String, steps: PhaseTimes? = nil) {
        let now = ContinuousClock.now
        let elapsed = now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        phases.append(Phase(name: name, seconds: seconds, steps: steps?.phases ?? []))
        started = now
    }

    public var total: Double { phases.reduce(0) { $0 + $1.seconds } }

    /// One line a step, its inner steps indented under it, then the total.
    public func table(title: String) -> String {
        var lines = ["\(title): wall seconds by step"]
        func add(_ phase: Phase, depth: Int) {
            let label = String(repeating: "  ", count: depth + 1) + phase.name
            lines.append(label.padding(toLength: max(label.count, 40), withPad: " ", startingAt: 0) + String(format: "%8.3f", phase.seconds))
            for step in phase.steps { add(step, depth: depth + 1) }
        }
        phases.forEach { add($0, depth: 0) }
        lines.append("  total".padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: "%8.3f", total))
        return lines.joined(separator: "\n") + "\n"
    }
}
