import AccessSpecCore
import AccessSpecDiff
import AccessSpecGenerators
import AccessSpecSyntax
import Foundation

/// Exit codes of every command: 0 clean, 1 problems found (or stale outputs), 2 usage.
public enum CommandStatus: Int32, Sendable {
    case success = 0
    case failure = 1
    case usage = 2
}

public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, sarif
}

public enum ColourChoice: String, CaseIterable, Sendable {
    case auto, always, never
}

/// How diagnostics are shown and judged, shared by every command that compiles.
public struct ReportOptions: Sendable {
    public var format: DiagnosticFormat = .text
    public var colour: ColourChoice = .auto
    public var warningsAsErrors = false
    /// The language of text diagnostics: the words around them and their messages, notes and fix-its.
    public var language: Language = .en
    /// The language of JSON and SARIF messages: English unless `--lang` asks, so that tools
    /// reading them see the same text whatever the locale.
    public var reportLanguage: Language = .en
    /// Text output stops after this many errors (0: never); the summary still counts all.
    public var maxErrors = ReportOptions.defaultMaxErrors

    public static let defaultMaxErrors = 50

    public init(format: DiagnosticFormat = .text, colour: ColourChoice = .auto, warningsAsErrors: Bool = false,
                language: Language = .en, reportLanguage: Language = .en, maxErrors: Int = ReportOptions.defaultMaxErrors) {
        self.format = format
        self.colour = colour
        self.warningsAsErrors = warningsAsErrors
        self.language = language
        self.reportLanguage = reportLanguage
        self.maxErrors = maxErrors
    }
}

/// What the command line asks of `accessc build` over the workspace's `generate:` section.
public struct GenerationOverrides: Sendable {
    /// Only these outputs (in the folders the workspace gives them); all configured when empty.
    public var outputs: [OutputKind] = []
    /// Only these platforms, for every output that can be limited; as configured when empty.
    public var platforms: [String] = []
    public var swiftModule: String?
    public var swiftAccess: SwiftAccessLevel?

    public init(outputs: [OutputKind] = [], platforms: [String] = [], swiftModule: String? = nil, swiftAccess: SwiftAccessLevel? = nil) {
        self.outputs = outputs
        self.platforms = platforms
        self.swiftModule = swiftModule
        self.swiftAccess = swiftAccess
    }

    public struct Problem: Error {
        public var message: String
    }

    func applied(to configured: GenerationSettings, platforms known: [String]) -> Result<GenerationSettings, Problem> {
        var settings = configured
        if !outputs.isEmpty {
            let defaults = GenerationSettings()
            settings.outputs = Dictionary(uniqueKeysWithValues: outputs.map { ($0, configured.outputs[$0] ?? defaults.outputs[$0]!) })
        }
        if let unknown = platforms.first(where: { !known.contains($0) }) {
            let nearest = Suggestions.nearest(to: unknown, in: known).map { "; did you mean '\($0)'?" } ?? ""
            return .failure(Problem(message: "--platform '\(unknown)' is not a platform of the workspace\(nearest) (it has \(known.joined(separator: ", ")))"))
        }
        if !platforms.isEmpty {
            for kind in settings.outputs.keys where !kind.coversWholeWorkspace { settings.outputs[kind]!.platforms = platforms }
        }
        if let swiftModule {
            guard NameForm.typeName.matches(swiftModule) else {
                return .failure(Problem(message: "--swift-module '\(swiftModule)' must be \(NameForm.typeName.explanation)"))
            }
            settings.swiftModule = swiftModule
        }
        if let swiftAccess { settings.swiftAccess = swiftAccess }
        return .success(settings)
    }
}

/// Where `accessc build` keeps its cache.
public enum BuildCacheLocation: Sendable {
    /// `BuildCache.location(for:)` of the output folder.
    case standard
    case file(URL)
    /// No cache: every output is made.
    case none
}

/// The commands of `accessc`, as functions the CLI and the tests call alike.
public struct Commands {
    public let console: Console

    public init(console: Console) {
        self.console = console
    }

    /// `accessc check`: report every problem in the workspace.
    public func check(workspace: String, options: ReportOptions) -> CommandStatus {
        let compilation = Compiler.compile(workspaceAt: workspace, lowering: false)
        return report(compilation, options: options)
    }

    /// `accessc ir`: print the canonical IR of a clean workspace.
    public func ir(workspace: String, options: ReportOptions) -> CommandStatus {
        let compilation = Compiler.compile(workspaceAt: workspace)
        let status = report(compilation, options: options, quietWhenClean: true)
        guard status == .success, let ir = compilation.ir, let data = try? ir.canonicalJSON() else { return .failure }
        console.out(String(decoding: data, as: UTF8.self))
        return .success
    }

    /// `accessc build`: compile, generate, and write (or with `check`, compare) the outputs.
    /// With a `baseline` (or `diff.baseline` in accessspec.yaml), the docs gain a changelog.
    ///
    /// With a cache (by default in `BuildCache.location`, outside the outputs), a build with
    /// the same inputs as the last clean one compiles nothing and writes nothing, and otherwise
    /// only the units whose inputs changed are made.
    public func build(workspace: String, output: String, checkOnly: Bool, options: ReportOptions, baseline: String? = nil,
                      overrides: GenerationOverrides = GenerationOverrides(), cache location: BuildCacheLocation = .standard) -> CommandStatus {
        let outputURL = URL(fileURLWithPath: output)
        let tool = BuildCache.currentTool
        let cacheURL: URL? = switch location {
        case .standard: BuildCache.location(for: outputURL)
        case .file(let url): url
        case .none: nil
        }
        let writer = OutputWriter(outputDirectory: outputURL)
        let diagnostics = DiagnosticEngine()
        // The cache is read while the inputs are read and hashed: at national scale each is
        // a good part of a build that finds nothing to do.
        let cached = ConcurrentSlots<BuildCache?>(count: 1)
        let loaded = ConcurrentSlots<(WorkspaceSources, InputDigests)>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                cached[0] = cacheURL.flatMap { BuildCache.read($0, tool: tool) }
            } else {
                let sources = WorkspaceLoader.load(DirectoryFileSource(root: workspace), diagnostics: diagnostics)
                loaded[0] = (sources, Self.inputsDigest(sources, baseline: baseline, overrides: overrides))
            }
        }
        let cache = cached[0] ?? nil
        let (sources, inputs) = loaded[0]!
        if let cache, cache.inputs == inputs.all, writer.isAsLeft(by: cache) {
            console.err(checkOnly ? "accessc: the outputs in \(output) are up to date\n" : "accessc: the outputs in \(output) are up to date; nothing to do\n")
            return .success
        }

        // The front end's trees are let go before generating: a build at national scale then
        // holds the IR, not the IR and every contract's syntax besides.
        let front: (ir: WorkspaceIR, settings: GenerationSettings, changelog: DocsChangelog?, clean: Bool, sources: [String: String])
        do {
            let compilation = Compiler.compile(sources, diagnostics: diagnostics)
            guard report(compilation, options: options, quietWhenClean: true) == .success, let ir = compilation.ir,
                  case .success(let changelog) = changelog(baseline: baseline, workspace: workspace, ir: ir, config: compilation.config)
            else {
                console.err("accessc: nothing was written to \(output)\n")
                return .failure
            }
            switch overrides.applied(to: compilation.generation, platforms: ir.platforms.map(\.id)) {
            case .success(let settings):
                let sources = compilation.workspace.map { inputs.platformSources($0, platforms: ir.platforms.map(\.id)) } ?? [:]
                front = (ir, settings, changelog, compilation.diagnostics.isEmpty, sources)
            case .failure(let problem):
                console.err("accessc: error: \(problem.message)\n")
                return .usage
            }
        }
        let (ir, settings, changelog) = (front.ir, front.settings, front.changelog)
        do {
            let input = try GenerationInput(ir, settings: settings, sources: front.sources, known: cache?.irDigests ?? [:])
            let units = try Generators.units(of: Generators.all(changelog: changelog), input)
            let (outcome, next) = try writer.build(units, mode: checkOnly ? .check : .write, cache: cache, tool: tool)
            if checkOnly {
                for conflict in outcome.conflicts { console.err("\(output)/\(conflict): error: a file accessc did not make is in the way\n") }
                guard outcome.isUpToDate else {
                    for path in outcome.stalePaths { console.err("\(output)/\(path): error: stale; run 'accessc build \(workspace) --out \(output)'\n") }
                    console.err("accessc: \(outcome.stalePaths.count + outcome.conflicts.count) of \(outcome.produced) outputs in \(output) are stale\n")
                    return .failure
                }
                console.err("accessc: \(outcome.produced) outputs in \(output) are up to date\n")
                return .success
            }
            var saved = next
            // Only a clean build without a changelog (which reads git) may skip the next compile.
            saved.inputs = front.clean && changelog == nil ? inputs.all : nil
            saved.irDigests = input.knownDigests
            if let cacheURL { saved.save(cacheURL) }
            console.err("accessc: wrote \(outcome.written.count) of \(outcome.produced) files to \(output), removed \(outcome.removed.count)\n")
            return .success
        } catch {
            console.err("accessc: error: \(error)\n")
            return .failure
        }
    }

    /// Digests of what a build is made from besides the binary.
    struct InputDigests {
        /// Each input file's path and bytes, the baseline and the command line's settings.
        var all: String
        /// Each input file's path relative to the workspace and digest, by `SourceFile`.
        var files: [ObjectIdentifier: String]

        /// For each platform, a digest of the files its IR is lowered from.
        func platformSources(_ workspace: SemanticWorkspace, platforms: [String]) -> [String: String] {
            var sources: [String: String] = [:]
            for id in platforms {
                // No files known, no key: such a platform's IR is always hashed again.
                let sourceFiles = workspace.sourceFiles(ofPlatform: id)
                guard !sourceFiles.isEmpty else { continue }
                var digest = ContentDigest()
                for file in sourceFiles {
                    digest.update(files[ObjectIdentifier(file)] ?? file.path + " " + ContentDigest.hex(Data(file.bytes)))
                }
                sources[id] = digest.hex()
            }
            return sources
        }
    }

    static func inputsDigest(_ sources: WorkspaceSources, baseline: String?, overrides: GenerationOverrides) -> InputDigests {
        var digest = ContentDigest()
        var files: [ObjectIdentifier: String] = [:]
        for entry in [sources.config].compactMap({ $0 }) + sources.contracts {
            var own = ContentDigest()
            entry.file.bytes.withUnsafeBytes { own.update($0) }
            let hex = own.hex()
            files[ObjectIdentifier(entry.file)] = entry.relativePath + " " + hex
            digest.update(entry.relativePath)
            digest.update(hex)
        }
        digest.update("baseline \(baseline ?? "-")")
        digest.update("outputs \(overrides.outputs.map(\.rawValue).joined(separator: ","))")
        digest.update("platforms \(overrides.platforms.joined(separator: ","))")
        digest.update("swift \(overrides.swiftModule ?? "-") \(overrides.swiftAccess?.rawValue ?? "-")")
        return InputDigests(all: digest.hex(), files: files)
    }

    /// `accessc explain [CODE]`: why a rule exists, with a bad and a good example; or the list.
    public func explain(code: String?, language: Language = .en) -> CommandStatus {
        let zh = language == .zh
        guard let code else {
            var text = ""
            for descriptor in Self.explainable {
                let area = RuleCatalog.byCode[descriptor.code].map { " [\($0.area?.rawValue ?? "topology")]" } ?? ""
                text += "\(descriptor.code.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))\(descriptor.summary(in: language))\(area)\n"
            }
            console.out(text)
            return .success
        }
        guard let descriptor = Self.explainable.first(where: { $0.code.rawValue.caseInsensitiveCompare(code) == .orderedSame }) else {
            let nearest = Suggestions.nearest(to: code.uppercased(), in: Self.explainable.map(\.code.rawValue))
            console.err(zh
                ? "accessc: 错误: 没有代码 '\(code)'\(nearest.map { "；是否要查 '\($0)'？" } ?? "")；'accessc explain' 列出全部代码\n"
                : "accessc: error: no code '\(code)'\(nearest.map { "; did you mean '\($0)'?" } ?? ""); 'accessc explain' lists them\n")
            return .usage
        }
        var text = "\(descriptor.code.rawValue): \(descriptor.summary(in: language))\n\n\(descriptor.explanation(in: language))\n"
        if let rule = RuleCatalog.byCode[descriptor.code] {
            let area = rule.area.map { "\($0.rawValue) (\($0.chineseName))" } ?? "topology (接入架构)"
            text += zh
                ? "\n所属领域：\(area)。默认级别：\(rule.defaultSeverity.rawValue)；可在 accessspec.yaml 的 `rules:` 下调整。\n"
                : "\nArea: \(area). Default severity: \(rule.defaultSeverity.rawValue); tune it in accessspec.yaml under 'rules:'.\n"
        }
        if let bad = descriptor.badExample { text += "\n\(zh ? "错误示例：" : "Bad:")\n\(indent(bad))\n" }
        if let good = descriptor.goodExample { text += "\n\(zh ? "正确示例：" : "Good:")\n\(indent(good))\n" }
        console.out(text)
        return .success
    }

    /// Every code `accessc explain` knows: the compiler's, then the diff kinds.
    static let explainable = DiagnosticCatalog.all + ChangeKind.all.map(\.descriptor)

    /// The compiler's codes as SARIF rules: help text and the default level of each.
    static let sarifRules: [SARIFReport.Rule] = DiagnosticCatalog.all.map { descriptor in
        let severity = RuleCatalog.byCode[descriptor.code]?.defaultSeverity ?? .error
        return SARIFReport.Rule(code: descriptor.code, summary: descriptor.summary, help: descriptor.explanation, defaultSeverity: severity)
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }

    /// Prints the diagnostics and the summary; the status says whether the run is clean.
    package func report(_ compilation: Compilation, options: ReportOptions, quietWhenClean: Bool = false) -> CommandStatus {
        let failed = compilation.errorCount > 0 || (options.warningsAsErrors && compilation.warningCount > 0)
        switch options.format {
        case .json:
            if !(quietWhenClean && compilation.diagnostics.isEmpty) {
                let report = DiagnosticReport(compilation.diagnostics, files: compilation.fileCount, language: options.reportLanguage)
                (quietWhenClean ? console.err : console.out)(report.json())
            }
        case .sarif:
            if !(quietWhenClean && compilation.diagnostics.isEmpty) {
                let log = SARIFReport(toolVersion: accesscVersion, rules: Self.sarifRules, results: compilation.diagnostics.map { SARIFReport.Result($0) },
                                      language: options.reportLanguage)
                (quietWhenClean ? console.err : console.out)(log.json())
            }
        case .text:
            let colour = options.colour == .always || (options.colour == .auto && console.errIsTerminal)
            let renderer = DiagnosticRenderer(colour: colour, language: options.language)
            console.err(renderer.render(compilation.diagnostics, limit: options.maxErrors))
            if !(quietWhenClean && compilation.diagnostics.isEmpty) {
                console.err(renderer.summary(errors: compilation.errorCount, warnings: compilation.warningCount, files: compilation.fileCount))
            }
        }
        return failed ? .failure : .success
    }
}
