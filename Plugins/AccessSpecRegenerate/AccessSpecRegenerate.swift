import Foundation
import PackagePlugin

/// `swift package accessspec-regenerate [WORKSPACE] [--out DIR] [build options...]`: runs
/// `accessc build` on committed outputs (default `specs` into `generated`), for packages that
/// commit the generated code instead of generating it at build time.
@main
struct AccessSpecRegenerate: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let accessc = try context.tool(named: "accessc").url
        let process = Process()
        process.executableURL = accessc
        process.arguments = ["build"] + (arguments.isEmpty ? ["specs"] : arguments)
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw RegenerateFailure(description: "accessc build exited with status \(process.terminationStatus)")
        }
    }
}

struct RegenerateFailure: Error, CustomStringConvertible {
    var description: String
}
