import AccessSpecCore
import AccessSpecSyntax
import Foundation

/// A language server for AccessSpec contracts (LSP 3.17): takes message bodies, sends message
/// bodies. `serve` runs it over a pair of file descriptors.
public final class LanguageServer {
    private enum Phase { case uninitialized, running, shutDown }

    private let send: ([UInt8]) -> Void
    private let keyDocumentation: KeyDocumentation
    private var phase = Phase.uninitialized
    private var workspaceFolders: [String] = []
    private var language = Language.en
    private var sessions: [String: WorkspaceSession] = [:]

    public init(keyDocumentation: KeyDocumentation = .contractSchema, send: @escaping ([UInt8]) -> Void) {
        self.keyDocumentation = keyDocumentation
        self.send = send
    }

    /// Handles one message body. Returns the exit status once the client sent `exit`: 0 after
    /// `shutdown`, 1 without, as LSP says.
    public func receive(_ body: [UInt8]) -> Int32? {
        switch IncomingMessage.decode(body) {
        case .failure(let error):
            respond(to: IncomingMessage.id(in: body), with: .failure(error))
        case .success(.response):
            break
        case .success(.notification(let method, let params)):
            if method == "exit" { return phase == .shutDown ? 0 : 1 }
            guard phase == .running else { break }
            notify(method, params)
        case .success(.request(let id, let method, let params)):
            respond(to: id, with: Result { () throws(ResponseError) in try request(method, params) })
        }
        return nil
    }

    /// Compiles the workspaces that changed and publishes their diagnostics. Called once the
    /// messages waiting have been handled, so a burst of edits costs one compile.
    public func publishPendingDiagnostics() {
        for root in sessions.keys.sorted() where sessions[root]!.needsPublishing {
            sessions[root]!.diagnosticsToPublish(in: language).forEach { send($0.encoded().bytes) }
            sessions[root]!.dropRetired()
        }
    }

    // MARK: Dispatch

    private func request(_ method: String, _ params: JSONValue) throws(ResponseError) -> JSONValue {
        switch phase {
        case .uninitialized where method != "initialize":
            throw ResponseError(code: ErrorCode.serverNotInitialized, message: "the server is not initialized")
        case .shutDown:
            throw ResponseError(code: ErrorCode.invalidRequest, message: "the server is shut down")
        default: break
        }
        switch method {
        case "initialize": return try initialize(params)
        case "shutdown":
            phase = .shutDown
            return .null
        case "textDocument/hover": return try withDocument(params) { Hover(document: $0, keys: keyDocumentation).hover(at: $1) }
        case "textDocument/definition": return try withDocument(params) { Navigation(document: $0).definition(at: $1) }
        case "textDocument/references":
            let includeDeclaration = params["context"]?["includeDeclaration"] == .bool(true)
            return try withDocument(params) { Navigation(document: $0).references(at: $1, includeDeclaration: includeDeclaration) }
        case "textDocument/completion": return try withDocument(params) { Completion(document: $0, keys: keyDocumentation).items(at: $1) }
        case "textDocument/documentSymbol": return try withDocument(params, position: false) { document, _ in Navigation(document: document).documentSymbols() }
        case "textDocument/codeAction":
            let range = try params.required("range") { $0.textRange }
            return try withDocument(params, position: false) { document, _ in CodeActions(document: document).actions(in: range) }
        default:
            throw ResponseError(code: ErrorCode.methodNotFound, message: "unknown method '\(method)'")
        }
    }

    private func notify(_ method: String, _ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            if method == "workspace/didChangeWatchedFiles" { sessions.values.forEach { $0.rescanDisk() } }
            return
        }
        switch method {
        case "textDocument/didOpen":
            guard let text = params["textDocument"]?["text"]?.stringValue, let (session, path) = locate(uri) else { return }
            session.open(path, TextDocument(uri: uri, version: params["textDocument"]?["version"]?.intValue ?? 0, text: text))
        case "textDocument/didChange":
            guard let (session, path) = locate(uri), let changes = params["contentChanges"]?.arrayValue else { return }
            session.edit(path, version: params["textDocument"]?["version"]?.intValue ?? 0) { document in
                for change in changes {
                    guard let text = change["text"]?.stringValue else { continue }
                    document.apply(range: change["range"]?.textRange, text: text)
                }
            }
        case "textDocument/didClose":
            if let (session, path) = locate(uri) { session.close(path) }
        case "textDocument/didSave":
            if let (session, _) = locate(uri) { session.rescanDisk() }
        default:
            break
        }
    }

    private func initialize(_ params: JSONValue) throws(ResponseError) -> JSONValue {
        guard phase == .uninitialized else { throw ResponseError(code: ErrorCode.invalidRequest, message: "initialize was already sent") }
        phase = .running
        language = Language(locale: params["locale"]?.stringValue)
        let folders = (params["workspaceFolders"]?.arrayValue ?? []).compactMap { $0["uri"]?.stringValue }
        workspaceFolders = (folders.isEmpty ? [params["rootUri"]?.stringValue].compactMap { $0 } : folders).compactMap(Self.filePath)
        return .object([
            "capabilities": .object([
                "positionEncoding": .string("utf-16"),
                "textDocumentSync": .object(["openClose": .bool(true), "change": .integer(2), "save": .object(["includeText": .bool(false)])]),
                "hoverProvider": .bool(true),
                "definitionProvider": .bool(true),
                "referencesProvider": .bool(true),
                "documentSymbolProvider": .bool(true),
                "completionProvider": .object(["triggerCharacters": .array([":", " ", "<", "[", ",", "."].map(JSONValue.string))]),
                "codeActionProvider": .object(["codeActionKinds": .array([.string("quickfix")])]),
            ]),
            "serverInfo": .object(["name": .string("accessc")]),
        ])
    }

    // MARK: Documents and workspaces

    private func withDocument(
        _ params: JSONValue, position needsPosition: Bool = true, _ body: (DocumentContext, TextPosition) throws(ResponseError) -> JSONValue
    ) throws(ResponseError) -> JSONValue {
        let uri = try params.required("textDocument") { $0["uri"]?.stringValue }
        let position = needsPosition ? try params.required("position") { $0.textPosition } : TextPosition(line: 0, character: 0)
        guard let (session, path) = locate(uri) else { return .null }
        let compiled = session.compiled
        guard let file = compiled.files[path], let lines = compiled.lines(of: path) else { return .null }
        return try body(DocumentContext(compiled: compiled, path: path, file: file, lines: lines, language: language), position)
    }

    /// The session of the workspace holding a file, opening it on first use: the nearest folder
    /// above the file that holds `accessspec.yaml`, else the workspace folder it lies in, else
    /// the file alone (a stray file never makes the server read its whole folder, or `/`).
    private func locate(_ uri: String) -> (WorkspaceSession, String)? {
        guard let path = Self.filePath(uri) else { return nil }
        if let session = sessions.values.first(where: { $0.relativePath(ofFile: path) != nil && $0.documents[$0.relativePath(ofFile: path)!] != nil }) {
            return (session, session.relativePath(ofFile: path)!)
        }
        let folder = workspaceFolders.filter { path.hasPrefix($0 + "/") }.max { $0.count < $1.count }
        var candidate = (path as NSString).deletingLastPathComponent
        var root: String?
        while root == nil {
            if FileManager.default.fileExists(atPath: candidate + "/" + WorkspaceLoader.configFileName) { root = candidate; break }
            if candidate == folder || candidate == "/" || candidate.isEmpty { break }
            candidate = (candidate as NSString).deletingLastPathComponent
        }
        let chosen = root ?? folder ?? (path as NSString).deletingLastPathComponent
        let key = root ?? folder ?? path
        let session = sessions[key] ?? WorkspaceSession(root: chosen, onlyFile: root ?? folder == nil ? path : nil)
        sessions[key] = session
        return session.relativePath(ofFile: path).map { (session, $0) }
    }

    /// The absolute path of a `file:` URI, with symbolic links resolved as the workspace's are.
    static func filePath(_ uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.resolvingSymlinksInPath().path
    }

    // MARK: Answers

    private func respond(to id: JSONValue, with result: Result<JSONValue, ResponseError>) {
        var message: [String: JSONValue] = ["jsonrpc": .string("2.0"), "id": id]
        switch result {
        case .success(let value): message["result"] = value
        case .failure(let error): message["error"] = .object(["code": .integer(error.code), "message": .string(error.message)])
        }
        send(JSONValue.object(message).encoded().bytes)
    }
}

/// What every feature reads: one open file of a compiled workspace.
struct DocumentContext {
    let compiled: CompiledWorkspace
    let path: String
    let file: SourceFile
    let lines: LineTable
    let language: Language

    func location(_ position: TextPosition) -> SourceLocation { lines.location(of: position) }
}

extension Data {
    var bytes: [UInt8] { [UInt8](self) }
}
