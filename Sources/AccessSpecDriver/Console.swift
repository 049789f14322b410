import Foundation

/// Where commands print: standard output for results, standard error for diagnostics.
/// Tests pass a console that records both.
public protocol Console: AnyObject, Sendable {
    func out(_ text: String)
    func err(_ text: String)
    /// Whether standard error is a terminal that understands colour.
    var errIsTerminal: Bool { get }
}

public final class StandardConsole: Console {
    public init() {}

    public func out(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    public func err(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
    public var errIsTerminal: Bool { isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil && ProcessInfo.processInfo.environment["TERM"] != "dumb" }
}

/// Keeps what was printed; the mock's request log may print from server threads.
public final class RecordingConsole: Console, @unchecked Sendable {
    private let lock = NSLock()
    private var recordedOut = ""
    private var recordedErr = ""

    public init() {}

    public var stdout: String { lock.withLock { recordedOut } }
    public var stderr: String { lock.withLock { recordedErr } }

    public func out(_ text: String) { lock.withLock { recordedOut += text } }
    public func err(_ text: String) { lock.withLock { recordedErr += text } }
    public var errIsTerminal: Bool { false }
}
