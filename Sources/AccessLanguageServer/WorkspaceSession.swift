import AccessSpecCore
import AccessSpecSyntax
import Foundation

/// One workspace folder as the editor sees it: its files on disk with the open buffers laid
/// over them. Every compile covers the whole workspace, so an edit in a shared file shows in
/// the diagnostics of every file that imports it.
final class WorkspaceSession {
    /// Absolute, with symbolic links resolved.
    let root: String
    /// For a file outside every workspace: the one file the session reads.
    let onlyFile: String?
    private var disk: [String: [UInt8]] = [:]
    private(set) var documents: [String: TextDocument] = [:]
    /// Files edited, opened or closed since the last publish: their diagnostics are published
    /// even when unchanged, so an editor always hears back about the buffer it changed.
    private var touched: Set<String> = []
    private var lastPublished: [String: JSONValue] = [:]
    private var current: CompiledWorkspace?
    /// The compile an edit replaced, freed once the new diagnostics are out: taking a large
    /// workspace apart costs time the editor should not wait for.
    private var retired: CompiledWorkspace?
    /// Each file as the last compile saw it: the same object while its bytes are unchanged,
    /// which is how `cache` knows what it can reuse.
    private var files: [String: SourceFile] = [:]
    private let cache = CompilerCache()

    init(root: String, onlyFile: String? = nil) {
        self.root = root
        self.onlyFile = onlyFile
        rescanDisk()
    }

    /// Reads the workspace's files from disk again (after saves or changes outside the editor).
    func rescanDisk() {
        disk = [:]
        if let onlyFile {
            if let relative = relativePath(ofFile: onlyFile), let data = FileManager.default.contents(atPath: onlyFile) { disk[relative] = [UInt8](data) }
        } else {
            for (path, bytes) in DirectoryFileSource(root: root).yamlFiles(diagnostics: DiagnosticEngine()) { disk[path] = bytes }
        }
        retire()
    }

    func relativePath(ofFile path: String) -> String? {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard path.hasPrefix(prefix), onlyFile == nil || onlyFile == path else { return nil }
        return String(path.dropFirst(prefix.count))
    }

    func open(_ path: String, _ document: TextDocument) {
        documents[path] = document
        changed(path)
    }

    func edit(_ path: String, version: Int, _ change: (inout TextDocument) -> Void) {
        guard var document = documents[path] else { return }
        change(&document)
        document.version = version
        documents[path] = document
        changed(path)
    }

    func close(_ path: String) {
        documents[path] = nil
        if let bytes = FileManager.default.contents(atPath: root + "/" + path) { disk[path] = [UInt8](bytes) } else { disk[path] = nil }
        changed(path)
    }

    private func changed(_ path: String) {
        touched.insert(path)
        retire()
    }

    private func retire() {
        if let current { retired = current }
        current = nil
    }

    /// Frees the compile the last edit replaced, on another thread: the next edit need not wait.
    func dropRetired() {
        guard let retired else { return }
        self.retired = nil
        let parting = Parting(retired)
        DispatchQueue.global(qos: .utility).async { parting.release() }
    }

    var needsPublishing: Bool { current == nil || !touched.isEmpty }

    /// The workspace as compiled from the current buffers, compiling it when anything changed.
    var compiled: CompiledWorkspace {
        if let current { return current }
        var contracts: [WorkspaceSources.Entry] = []
        var config: WorkspaceSources.Entry?
        var seen: [String: SourceFile] = [:]
        for path in Set(disk.keys).union(documents.keys).sorted() {
            let bytes = documents[path]?.bytes ?? disk[path]!
            let file = files[path].flatMap { $0.bytes == bytes ? $0 : nil } ?? SourceFile(path: root + "/" + path, bytes: bytes)
            seen[path] = file
            let entry = WorkspaceSources.Entry(relativePath: path, file: file)
            if path == WorkspaceLoader.configFileName { config = entry } else { contracts.append(entry) }
        }
        let compiled = CompiledWorkspace(session: self, compilation: Compiler.compile(WorkspaceSources(contracts: contracts, config: config), lowering: false, cache: cache),
                                         files: (contracts + (config.map { [$0] } ?? [])))
        files = seen
        current = compiled
        return compiled
    }

    /// `textDocument/publishDiagnostics` notifications for every file whose diagnostics changed
    /// or that was touched, an empty list for a file whose problems went away.
    func diagnosticsToPublish(in language: Language) -> [JSONValue] {
        let compiled = compiled
        var notifications: [JSONValue] = []
        for path in Set(compiled.diagnosticsByFile.keys).union(lastPublished.keys).union(touched).sorted() {
            let diagnostics = JSONValue.array((compiled.diagnosticsByFile[path] ?? []).compactMap { compiled.json($0, in: language) })
            guard touched.contains(path) || lastPublished[path] != diagnostics else { continue }
            var params: [String: JSONValue] = ["uri": .string(uri(of: path)), "diagnostics": diagnostics]
            if let version = documents[path]?.version { params["version"] = .integer(version) }
            notifications.append(.object(["jsonrpc": .string("2.0"), "method": .string("textDocument/publishDiagnostics"), "params": .object(params)]))
            lastPublished[path] = diagnostics == .array([]) ? nil : diagnostics
        }
        touched = []
        return notifications
    }

    /// The client's own URI for an open file; a file URI of its path otherwise.
    func uri(of path: String) -> String {
        documents[path]?.uri ?? URL(fileURLWithPath: root + "/" + path).absoluteString
    }
}

/// One compile of a session's files, and what the editor features read from it.
final class CompiledWorkspace {
    let compilation: Compilation
    /// Relative path by the path its source file is shown by, and the file by relative path.
    private let relativePaths: [String: String]
    let files: [String: SourceFile]
    let diagnosticsByFile: [String: [Diagnostic]]
    private unowned let session: WorkspaceSession
    private var lineTables: [String: LineTable] = [:]
    private var index: SymbolIndex?

    init(session: WorkspaceSession, compilation: Compilation, files entries: [WorkspaceSources.Entry]) {
        self.session = session
        self.compilation = compilation
        relativePaths = Dictionary(entries.map { ($0.file.path, $0.relativePath) }, uniquingKeysWith: { first, _ in first })
        files = Dictionary(entries.map { ($0.relativePath, $0.file) }, uniquingKeysWith: { first, _ in first })
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in compilation.diagnostics {
            guard let span = diagnostic.span, let path = relativePaths[span.file.path] else { continue }
            byFile[path, default: []].append(diagnostic)
        }
        diagnosticsByFile = byFile
    }

    var symbols: SymbolIndex? {
        if let index { return index }
        index = compilation.workspace.map(SymbolIndex.init)
        return index
    }

    func relativePath(of file: SourceFile) -> String? { relativePaths[file.path] }

    func lines(of path: String) -> LineTable? {
        if let table = lineTables[path] { return table }
        guard let file = files[path] else { return nil }
        // The open buffer's table when it holds the compiled bytes (the same storage, so the
        // comparison is immediate); otherwise one built from them.
        let table = session.documents[path].map(\.lines).flatMap { $0.bytes == file.bytes ? $0 : nil } ?? LineTable(file.bytes)
        lineTables[path] = table
        return table
    }

    /// The span as an LSP location: its file's URI and range.
    func location(of span: SourceSpan) -> (uri: String, range: JSONValue)? {
        guard let path = relativePath(of: span.file), let lines = lines(of: path) else { return nil }
        return (session.uri(of: path), .range(lines.position(of: span.start), lines.position(of: span.end)))
    }

    func locationJSON(of span: SourceSpan) -> JSONValue? {
        location(of: span).map { .location(uri: $0.uri, range: $0.range) }
    }

    /// An LSP diagnostic: notes with a place become related information; notes without one
    /// and fix-its (which code actions apply) are added to the message as the renderer shows them.
    func json(_ diagnostic: Diagnostic, in language: Language) -> JSONValue? {
        guard let span = diagnostic.span, let location = location(of: span) else { return nil }
        var message = diagnostic.text.text(in: language)
        for note in diagnostic.notes where note.span == nil { message += "\n\(Words.severity(.note, language)): \(note.text.text(in: language))" }
        for fixIt in diagnostic.fixIts { message += "\n\(Words.help(language)): \(fixIt.text.text(in: language))" }
        var object: [String: JSONValue] = [
            "range": location.range,
            "severity": .integer(Self.severity(diagnostic.severity)),
            "code": .string(diagnostic.code.rawValue),
            "source": .string("accessc"),
            "message": .string(message),
        ]
        let related = diagnostic.notes.compactMap { note in
            note.span.flatMap(locationJSON).map { JSONValue.object(["location": $0, "message": .string(note.text.text(in: language))]) }
        }
        if !related.isEmpty { object["relatedInformation"] = .array(related) }
        return .object(object)
    }

    private static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .note: 3
        }
    }
}

/// A compile handed to another thread to be freed there; nothing reads it any more.
private final class Parting: @unchecked Sendable {
    private var compiled: CompiledWorkspace?

    init(_ compiled: CompiledWorkspace) { self.compiled = compiled }

    func release() { compiled = nil }
}
