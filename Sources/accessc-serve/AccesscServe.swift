import AccessCommandLine
import AccessServeDriver
import AccessSpecDriver
import ArgumentParser
import Foundation

/// The commands that serve and call platforms over HTTP. They link SwiftNIO, AsyncHTTPClient
/// and Hummingbird, which compiling contracts does not need, so they live in this second
/// executable; `accessc mock` and `accessc conform` hand over to it, as git hands over to
/// `git-<command>`.
@main
struct AccesscServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accessc",
        abstract: "Serve a platform's contract (mock) or test a live server against it (conform).",
        discussion: "Exit status: 0 clean, 1 failures, 2 usage.",
        subcommands: [Mock.self, Conform.self]
    )

    static func main() async {
        await runExitingTwoOnUsage()
    }
}

struct Mock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve one platform's contract over HTTP: requests are checked against it and answered with its examples or errors.",
        discussion: "Each request is logged in one line. Ctrl-C (SIGINT) or SIGTERM stops the server after the requests in flight.")

    @Argument(help: "The workspace folder.")
    var workspace = "specs"

    @Option(help: "The platform to serve, e.g. shandong.")
    var platform: String

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(help: "Milliseconds to wait before every answer.")
    var latency = 0

    @Option(help: "The share of valid requests (0 to 1) answered with the contract's 'unavailable' error.")
    var failRate = 0.0

    @Option(help: "Seeds which requests --fail-rate fails, for repeatable runs.")
    var seed: UInt64 = 1

    @Option(help: "Seconds a request's timestamp may be off the server's clock.")
    var replayWindow = 300

    @Flag(help: "Serve beyond the operations' declared rate limits (for load tests).")
    var ignoreRateLimits = false

    @OptionGroup var report: ReportArguments

    func validate() throws {
        let language = report.language
        guard (0...1).contains(failRate) else { throw language.usageError(en: "--fail-rate must be between 0 and 1", zh: "--fail-rate 必须在 0 到 1 之间") }
        guard latency >= 0, replayWindow > 0 else {
            throw language.usageError(en: "--latency must be 0 or more and --replay-window more than 0", zh: "--latency 不能小于 0，--replay-window 必须大于 0")
        }
        guard (0...65535).contains(port) else { throw language.usageError(en: "--port must be 0 to 65535", zh: "--port 必须在 0 到 65535 之间") }
    }

    func run() async throws {
        var options = MockCommandOptions(platform: platform)
        options.host = host
        options.port = port
        options.latency = .milliseconds(latency)
        options.failureRate = failRate
        options.seed = seed
        options.replayWindowSeconds = replayWindow
        options.rateLimits = !ignoreRateLimits
        let console = StandardConsole()
        let status = await Commands(console: console).mock(workspace: workspace, options: options, report: report.options) { line in
            console.out(line + "\n")
        }
        throw ExitCode(status.rawValue)
    }
}

struct Conform: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a platform's conformance vectors against a live server and report per operation and per check.",
        discussion: "Credentials come from ACCESSSPEC_ACCESS_ID and ACCESSSPEC_ACCESS_TOKEN, the signing key from the variable the contract names. Exit status 1 when any vector fails.")

    @Argument(help: "The workspace folder.")
    var workspace = "specs"

    @Option(help: "The platform whose contract the server implements.")
    var platform: String

    @Option(help: "The server's base URL, e.g. https://test.zwfw.example.gov.cn/api.")
    var baseURL: String

    @Option(help: "Also write the results as JUnit XML to this file.")
    var junit: String?

    @Option(name: .customLong("operation"), help: "Run only this operation (repeatable).")
    var operations: [String] = []

    @OptionGroup var report: ReportArguments

    func run() async throws {
        var options = ConformCommandOptions(platform: platform, baseURL: baseURL)
        options.junit = junit
        options.operations = operations
        let status = await Commands(console: StandardConsole()).conform(workspace: workspace, options: options, report: report.options)
        throw ExitCode(status.rawValue)
    }
}
