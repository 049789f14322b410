import AccessSpecDriver
import ArgumentParser
import Foundation

/// The command line: parses arguments and calls the driver; no logic lives here.
struct Accessc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accessc",
        abstract: "Compile 政务服务平台接入规范 access contracts: check them, and generate the IR and outputs.",
        discussion: "Exit status: 0 clean, 1 errors or stale outputs, 2 usage.",
        subcommands: [Check.self, Build.self, IR.self, Explain.self]
    )
}

struct ReportArguments: ParsableArguments {
    @Option(help: "Diagnostic format: text or json.")
    var format: String = "text"

    @Option(help: "Colour in text diagnostics: auto, always or never.")
    var color: String = "auto"

    @Flag(help: "Treat warnings as errors (exit 1 when there are any).")
    var warningsAsErrors = false

    func validate() throws {
        guard DiagnosticFormat(rawValue: format) != nil else { throw ValidationError("--format must be text or json") }
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

    @OptionGroup var report: ReportArguments

    func run() throws {
        let status = Commands(console: StandardConsole()).build(workspace: workspace, output: out, checkOnly: check, options: report.options)
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

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a diagnostic code, or list every code.")

    @Argument(help: "A code such as SEC003; omit to list them all.")
    var code: String?

    func run() throws {
        throw ExitCode(Commands(console: StandardConsole()).explain(code: code).rawValue)
    }
}

// Usage errors exit 2 (ArgumentParser's default would be 64).
do {
    var command = try Accessc.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Accessc.exit(withError: exit)
} catch {
    let code = Accessc.exitCode(for: error)
    if code == .success {
        Accessc.exit(withError: error)
    }
    FileHandle.standardError.write(Data((Accessc.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}
