import AccessSpecSyntax
import Foundation

/// What one run of the front end produced: the IR when the workspace is free of errors,
/// and every diagnostic either way.
public struct Compilation: Sendable {
    public var ir: WorkspaceIR?
    public var diagnostics: [Diagnostic]
    public var fileCount: Int
    /// The workspace config as read from `accessspec.yaml` (defaults when there is none).
    public var config: WorkspaceConfig
    /// The resolved contracts, for tools that read declarations and references (editors).
    public var workspace: SemanticWorkspace?
    /// How long each step of the front end took.
    public var phases = PhaseTimes()
    /// What `accessc build` writes: the config's `generate:` section.
    public var generation: GenerationSettings { config.generation }
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}

/// The front end: files -> YAML nodes -> contracts -> resolved, rule-checked workspace -> IR.
public enum Compiler {
    /// `lowering: false` checks only, without building the IR (what `accessc check` needs).
    public static func compile(workspaceAt root: String, limits: YAMLLimits = YAMLLimits(), lowering: Bool = true) -> Compilation {
        compile(from: DirectoryFileSource(root: root), limits: limits, lowering: lowering)
    }

    /// A workspace from any file source (a folder, a git tree).
    public static func compile(from source: some WorkspaceFileSource, limits: YAMLLimits = YAMLLimits(), lowering: Bool = true) -> Compilation {
        let diagnostics = DiagnosticEngine()
        let sources = WorkspaceLoader.load(source, diagnostics: diagnostics)
        return compile(sources, diagnostics: diagnostics, limits: limits, lowering: lowering)
    }

    /// `cache`: what the last compile in this process kept; it is updated for the next.
    public static func compile(
        _ sources: WorkspaceSources, diagnostics: DiagnosticEngine = DiagnosticEngine(), limits: YAMLLimits = YAMLLimits(), lowering: Bool = true,
        cache: CompilerCache? = nil
    ) -> Compilation {
        var phases = PhaseTimes()
        let loader = YAMLLoader(limits: limits)
        var config = WorkspaceConfig()
        if let entry = sources.config, let root = loader.load(entry.file, diagnostics: diagnostics) {
            config = WorkspaceConfig.decode(root, diagnostics: diagnostics)
        }
        diagnostics.severityOverrides = config.ruleSeverities

        let (contracts, unreadable) = decodeAll(sources.contracts, loader: loader, diagnostics: diagnostics, cache: cache)
        phases.end("parse and decode")
        let fileCount = sources.contracts.count + (sources.config == nil ? 0 : 1)
        if !contracts.contains(where: { $0.platform != nil }) && !diagnostics.hasErrors {
            diagnostics.error(LanguageDiagnostics.emptyWorkspace, en: "the workspace holds no platform contract", zh: "工作区中没有平台契约", at: sources.contracts.first.map { SourceSpan(file: $0.file, at: .init(line: 1, column: 1)) })
        }
        let workspace = Resolver(diagnostics: diagnostics).resolve(contracts, settings: config.settings, unreadable: unreadable, cache: cache)
        phases.end("resolve and check")
        // A platform whose header failed to decode has no id to compare against: say nothing
        // rather than call its name unknown.
        if !contracts.contains(where: { $0.isPlatformContract && $0.platform == nil }) {
            GenerationSettings.checkPlatforms(config.generationLocations, known: contracts.compactMap { $0.platform?.identity.id }, diagnostics: diagnostics)
        }
        let compliance = RuleEngine(diagnostics: diagnostics, severities: config.ruleSeverities).run(workspace)
        phases.end("rules")
        let ir = diagnostics.hasErrors || !lowering ? nil : IRLowering(workspace: workspace, compliance: compliance, severities: config.ruleSeverities).lower()
        if lowering { phases.end("lower to the IR") }
        return Compilation(ir: ir, diagnostics: diagnostics.sorted, fileCount: fileCount, config: config, workspace: workspace, phases: phases)
    }

    /// Parses and decodes the files, several at a time; each file reports into its own
    /// engine and the reports are merged in path order, so output does not depend on timing.
    /// Also returns the relative paths of the files that could not be read as a contract at all.
    private static func decodeAll(_ entries: [WorkspaceSources.Entry], loader: YAMLLoader, diagnostics: DiagnosticEngine, cache: CompilerCache?)
        -> (contracts: [ContractFile], unreadable: [String]) {
        let reusable = cache?.limits == loader.limits ? cache : nil
        let results = ConcurrentSlots<CompilerCache.Decoded>(count: entries.count)
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            let entry = entries[index]
            if let last = reusable?.decoded(entry) { return results[index] = last }
            let local = DiagnosticEngine()
            let contract = loader.load(entry.file, diagnostics: local).flatMap {
                ContractDecoder(diagnostics: local, relativePath: entry.relativePath).decode($0)
            }
            results[index] = CompilerCache.Decoded(file: entry.file, contract: contract, diagnostics: local.diagnostics)
        }
        var contracts: [ContractFile] = []
        var unreadable: [String] = []
        var decoded: [String: CompilerCache.Decoded] = [:]
        for index in entries.indices {
            let result = results[index]!
            result.diagnostics.forEach(diagnostics.emit)
            if let contract = result.contract { contracts.append(contract) } else { unreadable.append(entries[index].relativePath) }
            decoded[entries[index].relativePath] = result
        }
        if let cache { (cache.decoded, cache.limits) = (decoded, loader.limits) }
        return (contracts, unreadable)
    }
}

/// Fixed slots that concurrent workers fill, one slot each (the compiler's files, the generators).
public final class ConcurrentSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }
}
