import AccessSpecCore
import AccessSpecDiff
import AccessSpecGenerators
import AccessSpecSyntax
import Foundation

public enum DiffFormat: String, CaseIterable, Sendable {
    case text, json, markdown, junit, sarif
}

/// When `accessc diff` exits 1: on breaking changes, on dangerous ones too, or never.
public enum DiffGate: String, CaseIterable, Sendable {
    case breaking, dangerous, none

    /// The least severe category that fails the gate.
    var threshold: ChangeCategory? {
        switch self {
        case .breaking: .sourceBreaking
        case .dangerous: .dangerous
        case .none: nil
        }
    }
}

public struct DiffCommandOptions: Sendable {
    public var format: DiffFormat = .text
    public var failOn: DiffGate = .none
    public var colour: ColourChoice = .auto
    /// The language of the text report and of the side that fails to compile.
    public var language: Language = .en
    /// The language of JUnit and SARIF messages: English unless `--lang` asks (JSON and
    /// Markdown carry both).
    public var reportLanguage: Language = .en

    public init(format: DiffFormat = .text, failOn: DiffGate = .none, colour: ColourChoice = .auto, language: Language = .en, reportLanguage: Language = .en) {
        self.format = format
        self.failOn = failOn
        self.colour = colour
        self.language = language
        self.reportLanguage = reportLanguage
    }
}

/// The version of accessc that SARIF logs name.
let accesscVersion = "0.1.0"

extension Commands {
    /// `accessc diff OLD NEW`: classify every change between two versions of a workspace, each a
    /// folder or `git:REF[:PATH]`; exit 1 when the gate is met.
    public func diff(old: String, new: String, options: DiffCommandOptions) -> CommandStatus {
        // The two sides are independent: compiled at the same time, reported in order.
        let sides = [(old, side(old, other: new)), (new, side(new, other: old))]
        let results = ConcurrentSlots<Result<CompiledSide, SideProblems>>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { index in results[index] = Self.compile(sides[index].0, sides[index].1, language: options.language) }
        var compiled: [CompiledSide] = []
        for index in 0..<2 {
            switch results[index]! {
            case .success(let side): compiled.append(side)
            case .failure(let problems): console.err(problems.text)
            }
        }
        guard compiled.count == 2 else { return .failure }
        let before = compiled[0], after = compiled[1]
        let changes = ContractDiff.compare(old: before.ir, new: after.ir)
        let report = DiffReport(oldLabel: old, newLabel: new, changes: changes, old: before.sources, new: after.sources, ignores: after.config.diffIgnores)
        switch options.format {
        case .text:
            let colour = options.colour == .always || (options.colour == .auto && console.errIsTerminal)
            console.err(report.text(colour: colour, language: options.language))
        case .json: console.out(report.json())
        case .markdown: console.out(report.markdown())
        case .junit: console.out(report.junit(failOn: options.failOn.threshold, language: options.reportLanguage))
        case .sarif: console.out(report.sarif(toolVersion: accesscVersion, language: options.reportLanguage))
        }
        return report.fails(at: options.failOn.threshold) ? .failure : .success
    }

    /// A side of a diff: `git:REF[:PATH]` (PATH defaults to where the other side's folder is in
    /// the repository), or a folder.
    func side(_ text: String, other: String) -> any WorkspaceFileSource {
        guard text.hasPrefix("git:") else { return DirectoryFileSource(root: text) }
        let folder = other.hasPrefix("git:") ? "." : other
        let prefix = (try? gitPrefix(of: folder)) ?? ""
        return GitTreeSource.parse(text, repository: folder, defaultPath: prefix)!
    }

    private func gitPrefix(of folder: String) throws -> String {
        var isDirectory: ObjCBool = false
        let directory = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue ? folder : "."
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "rev-parse", "--show-prefix"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct CompiledSide: Sendable {
        var ir: WorkspaceIR
        var sources: WorkspaceSources
        var config: WorkspaceConfig
    }

    /// Compiles one side; a side with errors is reported and stops the diff.
    func compiledSide(_ label: String, _ source: any WorkspaceFileSource, language: Language) -> CompiledSide? {
        switch Self.compile(label, source, language: language) {
        case .success(let side): return side
        case .failure(let problems):
            console.err(problems.text)
            return nil
        }
    }

    struct SideProblems: Error {
        var text: String
    }

    static func compile(_ label: String, _ source: any WorkspaceFileSource, language: Language = .en) -> Result<CompiledSide, SideProblems> {
        let diagnostics = DiagnosticEngine()
        let sources = WorkspaceLoader.load(source, diagnostics: diagnostics)
        let compilation = Compiler.compile(sources, diagnostics: diagnostics)
        guard let ir = compilation.ir else {
            let count = compilation.errorCount
            let why = LocalizedText(en: "\(label) has \(count) error\(count == 1 ? "" : "s"); a diff needs two workspaces that check clean",
                                    zh: "\(label) 有 \(count) 个错误；比较需要两个都检查通过的工作区")
            let text = DiagnosticRenderer(colour: false, language: language).render(compilation.diagnostics) + "accessc: \(why.text(in: language))\n"
            return .failure(SideProblems(text: text))
        }
        return .success(CompiledSide(ir: ir, sources: sources, config: compilation.config))
    }
}

extension Commands {
    /// The docs' changelog: the workspace compared with its baseline (`--baseline`, or
    /// `diff.baseline` in accessspec.yaml). nil without a baseline; a baseline that cannot be
    /// compiled is reported and fails the build.
    func changelog(baseline: String?, workspace: String, ir: WorkspaceIR, config: WorkspaceConfig, language: Language) -> Result<DocsChangelog?, BaselineError> {
        guard let baseline = baseline ?? config.diffBaseline else { return .success(nil) }
        guard let before = compiledSide(baseline, side(baseline, other: workspace), language: language) else { return .failure(BaselineError()) }
        let (changes, _) = DiffReport.applying(config.diffIgnores, to: ContractDiff.compare(old: before.ir, new: ir))
        return .success(DocsChangelog(baseline: baseline, entries: changes.map { change in
            DocsChangelog.Entry(code: change.kind.code.rawValue, category: change.category.rawValue, categoryZh: change.category.chineseName,
                                summary: change.kind.summary, summaryZh: change.kind.summaryZh, platform: change.platform,
                                message: change.message.en, messageZh: change.message.zh, affected: change.affected, ignored: change.ignoredBecause)
        }))
    }

    struct BaselineError: Error {}
}
