import AccessSpecDriver
import ArgumentParser
import Foundation

/// The command line: parses arguments and calls the driver; no logic lives here.
@main
struct Accessc: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accessc",
        abstract: "Compile 政务服务平台接入规范 access contracts: check them, and generate the IR and outputs.",
        discussion: "Exit status: 0 clean, 1 errors or stale outputs, 2 usage.",
        subcommands: [Check.self, Build.self, IR.self, Diff.self, Explain.self, Mock.self, Conform.self]
    )

    /// As ArgumentParser's, except that usage errors exit 2 (its default would be 64).
    static func main() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Accessc.exit(withError: exit)
        } catch {
            if exitCode(for: error) == .success { Accessc.exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

struct ReportArguments: ParsableArguments {
    @Option(help: "Diagnostic format: text, json or sarif.")
    var format: String = "text"

    @Option(help: "Colour in text diagnostics: auto, always or never.")
    var color: String = "auto"

    @Flag(help: "Treat warnings as errors (exit 1 when there are any).")
    var warningsAsErrors = false

    func validate() throws {
        guard DiagnosticFormat(rawValue: format) != nil else { throw ValidationError("--format must be text, json or sarif") }
        guard ColourChoice(rawValue: color) != nil else { throw ValidationError("--color must be auto, always or never") }
    }

    var options: ReportOptions {
        ReportOptions(format: DiagnosticFormat(rawValue: format)!, colour: ColourChoice(rawValue: color)!, warningsAsErrors: warningsAsErrors)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Report every problem in every contract of a workspace.")

    @Argument(help: "The workspace folder (or one file).")
    var workspace = "specs"

    @OptionGroup var report: ReportArguments

    func run() throws {
        throw ExitCode(Commands(console: StandardConsole()).check(workspace: workspace, options: report.options).rawValue)
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Compile a workspace and write its outputs (only files whose bytes changed).")

    @Argument(help: "The workspace folder.")
    var workspace = "specs"

    @Option(name: .long, help: "The output folder.")
    var out = "generated"

    @Flag(help: "Write nothing; exit 1 naming each output that is stale.")
    var check = false

    @Option(help: "Add a changelog since this version to the docs: a folder or git:REF[:PATH] (default: diff.baseline in accessspec.yaml).")
    var baseline: String?

    @OptionGroup var report: ReportArguments

    func run() throws {
        let status = Commands(console: StandardConsole()).build(workspace: workspace, output: out, checkOnly: check, options: report.options, baseline: baseline)
        throw ExitCode(status.rawValue)
    }
}

struct IR: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ir", abstract: "Print the canonical IR of a workspace as JSON.")

    @Argument(help: "The workspace folder.")
    var workspace = "specs"

    @OptionGroup var report: ReportArguments

    func run() throws {
        throw ExitCode(Commands(console: StandardConsole()).ir(workspace: workspace, options: report.options).rawValue)
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Classify every change between two versions of a workspace and say which platforms each breaks.",
        discussion: "Each side is a folder or git:REF[:PATH], read from the repository's objects without a checkout; PATH defaults to where the other side's folder is. Exit status 1 when --fail-on is met.")

    @Argument(help: "The old workspace: a folder or git:REF[:PATH].")
    var old: String

    @Argument(help: "The new workspace: a folder or git:REF[:PATH].")
    var new = "specs"

    @Option(help: "Exit 1 on breaking changes, on dangerous ones too, or never: breaking, dangerous or none.")
    var failOn = "none"

    @Option(help: "Report format: text, json, markdown, junit or sarif.")
    var format = "text"

    @Option(help: "Colour in text reports: auto, always or never.")
    var color = "auto"

    func validate() throws {
        guard DiffGate(rawValue: failOn) != nil else { throw ValidationError("--fail-on must be breaking, dangerous or none") }
        guard DiffFormat(rawValue: format) != nil else { throw ValidationError("--format must be text, json, markdown, junit or sarif") }
        guard ColourChoice(rawValue: color) != nil else { throw ValidationError("--color must be auto, always or never") }
    }

    func run() throws {
        let options = DiffCommandOptions(format: DiffFormat(rawValue: format)!, failOn: DiffGate(rawValue: failOn)!, colour: ColourChoice(rawValue: color)!)
        throw ExitCode(Commands(console: StandardConsole()).diff(old: old, new: new, options: options).rawValue)
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a diagnostic code, or list every code.")

    @Argument(help: "A code such as SEC003; omit to list them all.")
    var code: String?

    func run() throws {
        throw ExitCode(Commands(console: StandardConsole()).explain(code: code).rawValue)
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
        guard (0...1).contains(failRate) else { throw ValidationError("--fail-rate must be between 0 and 1") }
        guard latency >= 0, replayWindow > 0 else { throw ValidationError("--latency must be 0 or more and --replay-window more than 0") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
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
