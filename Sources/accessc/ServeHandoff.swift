import Foundation

/// Hands `accessc mock` and `accessc conform` to the `accessc-serve` executable, arguments
/// unchanged, by replacing this process (so Ctrl-C, standard streams and the exit status are
/// the server's own). Keeping the HTTP stack out of `accessc` keeps the compiler's build small.
enum ServeHandoff {
    static let commands: Set<String> = ["mock", "conform"]
    static let executableName = "accessc-serve"

    /// `ACCESSC_SERVE` if set; else `accessc-serve` beside this executable; else on `PATH`.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit = environment["ACCESSC_SERVE"], !explicit.isEmpty { return explicit }
        var candidates: [String] = []
        if let own = realpath("/proc/self/exe", nil) ?? realpath(CommandLine.arguments[0], nil) {
            candidates.append(URL(fileURLWithPath: String(cString: own)).deletingLastPathComponent().appendingPathComponent(executableName).path)
            free(own)
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            candidates.append(String(folder) + "/" + executableName)
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Replaces this process with `accessc-serve COMMAND ARGUMENTS...`; never returns.
    static func run(_ command: String, _ arguments: [String]) -> Never {
        guard let path = locate() else {
            FileHandle.standardError.write(Data("""
                accessc: error: 'accessc \(command)' runs in \(executableName), which is not beside accessc or on PATH
                  = help: build it with 'swift build --product \(executableName)' (or set ACCESSC_SERVE to its path)

                """.utf8))
            exit(2)
        }
        var argv = ([path, command] + arguments).map { strdup($0) } + [nil]
        execv(path, &argv)
        let reason = String(cString: strerror(errno))
        FileHandle.standardError.write(Data("accessc: error: cannot start \(path): \(reason)\n".utf8))
        exit(2)
    }
}
