import AccessCommandLine
import AccessLanguageServer
import AccessSpecCore
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
        subcommands: [Check.self, Build.self, IR.self, Diff.self, Explain.self, Init.self, Schema.self, LSP.self, Mock.self, Conform.self]
    )

    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let command = arguments.first, ServeHandoff.commands.contains(command) {
            ServeHandoff.run(command, Array(arguments.dropFirst()))
        }
        await runExitingTwoOnUsage()
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Report every problem in every contract of a workspace.")

    @Argument(help: "The workspace folder (or one file).")
    var workspace = "specs"

    @OptionGroup var report: ReportArguments

    func run() throws {
        throw ExitCode(Commands(console: StandardConsole(), exitsAfter: true).check(workspace: workspace, options: report.options).rawValue)
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

    @Option(name: .customLong("output"), help: "Write only this output: \(OutputKind.allCases.map(\.rawValue).joined(separator: ", ")) (repeatable; default: as accessspec.yaml's 'generate:' says, else all).")
    var outputs: [String] = []

    @Option(name: .customLong("platform"), help: "Generate only for this platform (repeatable; ir and docs always cover the workspace).")
    var platforms: [String] = []

    @Option(help: "The module the Swift clients are compiled in, which the generated suites import.")
    var swiftModule: String?

    @Option(help: "The access level of the generated Swift declarations: public, package or internal.")
    var swiftAccess: String?

    @Flag(help: "Neither read nor write the build cache (kept outside the outputs, in $ACCESSC_CACHE_DIR, $XDG_CACHE_HOME/accessc or ~/.cache/accessc); make every output again.")
    var noCache = false

    @OptionGroup var report: ReportArguments

    func validate() throws {
        if let bad = outputs.first(where: { OutputKind(rawValue: $0) == nil }) {
            let known = OutputKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw report.language.usageError(en: "--output '\(bad)' is not an output; the outputs are \(known)", zh: "--output “\(bad)”不是一种输出；输出有 \(known)")
        }
        if let swiftAccess, SwiftAccessLevel(rawValue: swiftAccess) == nil {
            throw report.language.usageError(en: "--swift-access must be public, package or internal", zh: "--swift-access 只能是 public、package 或 internal")
        }
    }

    func run() throws {
        let overrides = GenerationOverrides(outputs: outputs.compactMap(OutputKind.init(rawValue:)), platforms: platforms,
                                            swiftModule: swiftModule, swiftAccess: swiftAccess.flatMap(SwiftAccessLevel.init(rawValue:)))
        let status = Commands(console: StandardConsole(), exitsAfter: true).build(workspace: workspace, output: out, checkOnly: check, options: report.options, baseline: baseline, overrides: overrides, cache: noCache ? .none : .standard)
        throw ExitCode(status.rawValue)
    }
}

struct IR: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ir", abstract: "Print the canonical IR of a workspace as JSON.")

    @Argument(help: "The workspace folder.")
    var workspace = "specs"

    @OptionGroup var report: ReportArguments

    func run() throws {
        throw ExitCode(Commands(console: StandardConsole(), exitsAfter: true).ir(workspace: workspace, options: report.options).rawValue)
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

    @OptionGroup var language: LanguageArgument

    func validate() throws {
        guard DiffGate(rawValue: failOn) != nil else { throw language.usageError(en: "--fail-on must be breaking, dangerous or none", zh: "--fail-on 只能是 breaking、dangerous 或 none") }
        guard DiffFormat(rawValue: format) != nil else {
            throw language.usageError(en: "--format must be text, json, markdown, junit or sarif", zh: "--format 只能是 text、json、markdown、junit 或 sarif")
        }
        guard ColourChoice(rawValue: color) != nil else { throw language.usageError(en: "--color must be auto, always or never", zh: "--color 只能是 auto、always 或 never") }
    }

    func run() throws {
        let options = DiffCommandOptions(format: DiffFormat(rawValue: format)!, failOn: DiffGate(rawValue: failOn)!, colour: ColourChoice(rawValue: color)!,
                                          language: language.resolved, reportLanguage: language.given ?? .en)
        throw ExitCode(Commands(console: StandardConsole(), exitsAfter: true).diff(old: old, new: new, options: options).rawValue)
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a diagnostic code, or list every code.")

    @Argument(help: "A code such as SEC003; omit to list them all.")
    var code: String?

    @OptionGroup var language: LanguageArgument

    func run() throws {
        throw ExitCode(Commands(console: StandardConsole(), exitsAfter: true).explain(code: code, language: language.resolved).rawValue)
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new platform's contract that checks clean in the workspace, with comments saying what to fill in.",
        discussion: "Writes WORKSPACE/ID.yaml and never replaces a file. Without --to, a province or department connects to the hub, a city to its province, a county to its city (or province).")

    @Argument(help: "The workspace folder.")
    var workspace = "specs"

    @Option(help: "The new platform's id, such as 'jinan'.")
    var id: String

    @Option(help: "Its level: \(PlatformLevel.allCases.map(\.rawValue).joined(separator: ", ")).")
    var level: String

    @Option(help: "Its GB/T 2260 division code (default 100000 for national and departmental platforms).")
    var region: String?

    @Option(name: .customLong("to"), help: "The platform it connects to (default: its parent in the workspace).")
    var connectTo: String?

    @Option(help: "Its Chinese name (default: a value marked 待填写).")
    var name: String?

    @OptionGroup var language: LanguageArgument

    func validate() throws {
        guard PlatformLevel(rawValue: level) != nil else {
            let levels = PlatformLevel.allCases.map(\.rawValue).joined(separator: ", ")
            throw language.usageError(en: "--level must be one of \(levels)", zh: "--level 只能是 \(levels) 之一")
        }
    }

    func run() throws {
        let request = NewContractRequest(workspace: workspace, id: id, level: PlatformLevel(rawValue: level)!, region: region, connectTo: connectTo, name: name)
        throw ExitCode(Commands(console: StandardConsole(), exitsAfter: true).initContract(request, options: ReportOptions(language: language.resolved)).rawValue)
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of contracts (or of accessspec.yaml), for editors that complete and check YAML.",
        discussion: "The same schemas are committed as docs/accessspec.schema.json and docs/accessspec-workspace.schema.json.")

    @Argument(help: "Which file's schema: contract or workspace.")
    var document = "contract"

    @OptionGroup var language: LanguageArgument

    func validate() throws {
        guard ContractSchema.Document(rawValue: document) != nil else {
            throw language.usageError(en: "the document must be contract or workspace", zh: "文档只能是 contract 或 workspace")
        }
    }

    func run() throws {
        throw ExitCode(Commands(console: StandardConsole(), exitsAfter: true).schema(ContractSchema.Document(rawValue: document)!).rawValue)
    }
}

struct LSP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp", abstract: "Run a language server for contracts over standard input and output (LSP 3.17); see docs/editors.md.")

    func run() throws {
        throw ExitCode(LanguageServer.serve())
    }
}

/// `accessc mock` and `accessc conform` live in `accessc-serve` (see ServeHandoff); these entries
/// only list them in `accessc --help`, since `main` hands their arguments over before parsing.
struct Mock: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve one platform's contract over HTTP: requests are checked against it and answered with its examples or errors.")

    @Argument(parsing: .captureForPassthrough, help: "See 'accessc mock --help'.")
    var arguments: [String] = []

    func run() throws { ServeHandoff.run("mock", arguments) }
}

struct Conform: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a platform's conformance vectors against a live server and report per operation and per check.")

    @Argument(parsing: .captureForPassthrough, help: "See 'accessc conform --help'.")
    var arguments: [String] = []

    func run() throws { ServeHandoff.run("conform", arguments) }
}
