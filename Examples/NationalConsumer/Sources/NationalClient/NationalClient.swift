// The generated client of the national hub is compiled into this module by the
// AccessSpecGenerate plugin; this file adds what the team writes around it.
import AccessRuntime

extension National {
    /// The hub's test environment, as the contract names it.
    public static var testBaseURL: String? { environments["test"] }
}
