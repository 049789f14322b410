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
    /// Print on stderr how long each step took (`--timings`).
    public var timings = false

    public static let defaultMaxErrors = 50

    public init(format: DiagnosticFormat = .text, colour: ColourChoice = .auto, warningsAsErrors: Bool = false,
                language: Language = .en, reportLanguage: Language = .en, maxErrors: Int = ReportOptions.defaultMaxErrors, timings: Bool = false) {
        self.format = format
        self.colour = colour
        self.warningsAsErrors = warningsAsErrors
        self.language = language
        self.reportLanguage = reportLanguage
        self.maxErrors = maxErrors
        self.timings = timings
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

    public struct Problem: LocalizedFailure {
        public var message: LocalizedText
    }

    func applied(to configured: GenerationSettings, platforms known: [String]) -> Result<GenerationSettings, Problem> {
        var settings = configured
        if !outputs.isEmpty {
            let defaults = GenerationSettings()
            settings.outputs = Dictionary(uniqueKeysWithValues: outputs.map { ($0, configured.outputs[$0] ?? defaults.outputs[$0]!) })
        }
        if let unknown = platforms.first(where: { !known.contains($0) }) {
            let nearest = Suggestions.nearest(to: unknown, in: known)
            return .failure(Problem(message: LocalizedText(
                en: "--platform '\(unknown)' is not a platform of the workspace\(nearest.map { "; did you mean '\($0)'?" } ?? "") (it has \(known.joined(separator: ", ")))",
                zh: "--platform “\(unknown)”不是工作区中的平台\(nearest.map { "；是否想写“\($0)”？" } ?? "")（工作区中有 \(known.joined(separator: "、"))）")))
        }
        if !platforms.isEmpty {
            for kind in settings.outputs.keys where !kind.coversWholeWorkspace { settings.outputs[kind]!.platforms = platforms }
        }
        if let swiftModule {
            guard NameForm.typeName.matches(swiftModule) else {
                let rule = NameForm.typeName.explanation
                return .failure(Problem(message: LocalizedText(en: "--swift-module '\(swiftModule)' must be \(rule.en)",
                                                               zh: "--swift-module “\(swiftModule)”必须是\(rule.zh)")))
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
    /// The process ends when the command returns (the CLI): what it built is then left for the
    /// system to reclaim at exit rather than freed piece by piece, as clang's `-disable-free`
    /// does. A national build's IR, trees and cache take a quarter of a second to free.
    public let exitsAfter: Bool

    public init(console: Console, exitsAfter: Bool = false) {
        self.console = console
        self.exitsAfter = exitsAfter
    }

    /// Keeps `values` alive to the end of the process when it is about to end anyway.
    private func keepUntilExit(_ values: Any...) {
        guard exitsAfter else { return }
        _ = Unmanaged.passRetained(KeptUntilExit(values))
    }

    /// `accessc check`: report every problem in the workspace.
    public func check(workspace: String, options: ReportOptions) -> CommandStatus {
        var phases = PhaseTimes()
        let compilation = Compiler.compile(workspaceAt: workspace, lowering: false)
        phases.end("front end", steps: compilation.phases)
        let status = report(compilation, options: options)
        phases.end("report")
        if options.timings { console.err(phases.table(title: "accessc check")) }
        keepUntilExit(compilation)
        return status
    }

    /// `accessc ir`: print the canonical IR of a clean workspace.
    public func ir(workspace: String, options: ReportOptions) -> CommandStatus {
        let compilation = Compiler.compile(workspaceAt: workspace)
        if options.timings { console.err(compilation.phases.table(title: "accessc ir")) }
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
        var phases = PhaseTimes()
        defer { if options.timings { console.err(phases.table(title: "accessc build")) } }
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
        phases.end("read the cache, hash the inputs")
        let upToDate = cache.map { $0.inputs == inputs.all && writer.isAsLeft(by: $0) } ?? false
        phases.end("compare the outputs")
        let say = { (text: LocalizedText) in console.err("accessc: \(text.text(in: options.language))\n") }
        let renderer = DiagnosticRenderer(language: options.language)
        if upToDate {
            say(checkOnly ? LocalizedText(en: "the outputs in \(output) are up to date", zh: "\(output) 中的输出均为最新")
                : LocalizedText(en: "the outputs in \(output) are up to date; nothing to do", zh: "\(output) 中的输出均为最新，无需构建"))
            return .success
        }

        // The front end's trees are let go before generating: a build at national scale then
        // holds the IR, not the IR and every contract's syntax besides.
        let front: (ir: WorkspaceIR, settings: GenerationSettings, changelog: DocsChangelog?, clean: Bool, sources: [String: String])
        do {
            let compilation = Compiler.compile(sources, diagnostics: diagnostics)
            phases.end("front end", steps: compilation.phases)
            guard report(compilation, options: options, quietWhenClean: true) == .success, let ir = compilation.ir,
                  case .success(let changelog) = changelog(baseline: baseline, workspace: workspace, ir: ir, config: compilation.config, language: options.language)
            else {
                say(LocalizedText(en: "nothing was written to \(output)", zh: "没有向 \(output) 写入任何文件"))
                return .failure
            }
            switch overrides.applied(to: compilation.generation, platforms: ir.platforms.map(\.id)) {
            case .success(let settings):
                let sources = compilation.workspace.map { inputs.platformSources($0, platforms: ir.platforms.map(\.id)) } ?? [:]
                front = (ir, settings, changelog, compilation.diagnostics.isEmpty, sources)
            case .failure(let problem):
                console.err(renderer.failure(problem.message))
                return .usage
            }
        }
        let (ir, settings, changelog) = (front.ir, front.settings, front.changelog)
        do {
            let input = try GenerationInput(ir, settings: settings, sources: front.sources, known: cache?.irDigests ?? [:])
            phases.end("digest the IR")
            let units = try Generators.units(of: Generators.all(changelog: changelog), input)
            phases.end("list the outputs")
            let (outcome, next) = try writer.build(units, mode: checkOnly ? .check : .write, cache: cache, tool: tool)
            phases.end(checkOnly ? "compare the outputs" : "make and write the changed outputs")
            if checkOnly {
                let label = Words.severity(.error, options.language)
                for conflict in outcome.conflicts {
                    let text = LocalizedText(en: "a file accessc did not make is in the way", zh: "此处有一个不是由 accessc 生成的文件")
                    console.err("\(output)/\(conflict): \(label): \(text.text(in: options.language))\n")
                }
                guard outcome.isUpToDate else {
                    for path in outcome.stalePaths {
                        let text = LocalizedText(en: "stale; run 'accessc build \(workspace) --out \(output)'", zh: "已过时；请运行 `accessc build \(workspace) --out \(output)`")
                        console.err("\(output)/\(path): \(label): \(text.text(in: options.language))\n")
                    }
                    let stale = outcome.stalePaths.count + outcome.conflicts.count
                    say(LocalizedText(en: "\(stale) of \(outcome.produced) outputs in \(output) are stale", zh: "\(output) 的 \(outcome.produced) 个输出中有 \(stale) 个已过时"))
                    return .failure
                }
                say(LocalizedText(en: "\(outcome.produced) outputs in \(output) are up to date", zh: "\(output) 中的 \(outcome.produced) 个输出均为最新"))
                return .success
            }
            var saved = next
            // Only a clean build without a changelog (which reads git) may skip the next compile.
            saved.inputs = front.clean && changelog == nil ? inputs.all : nil
            saved.irDigests = input.knownDigests
            if let cacheURL { saved.save(cacheURL) }
            phases.end("save the cache")
            keepUntilExit(cache as Any, saved, input, units, front, sources)
            say(LocalizedText(en: "wrote \(outcome.written.count) of \(outcome.produced) files to \(output), removed \(outcome.removed.count)",
                              zh: "已向 \(output) 写入 \(outcome.produced) 个文件中的 \(outcome.written.count) 个，删除 \(outcome.removed.count) 个"))
            return .success
        } catch {
            console.err(renderer.failure((error as? any LocalizedFailure)?.message ?? LocalizedText(en: "\(error)", zh: "\(error)")))
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

/// What `Commands.keepUntilExit` holds on to.
private final class KeptUntilExit {
    let values: [Any]
    init(_ values: [Any]) { self.values = values }
}
