import Foundation

/// Where commands print: standard output for results, standard error for diagnostics.
/// Tests pass a console that records both.
public protocol Console: AnyObject {
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

public final class RecordingConsole: Console {
    public private(set) var stdout = ""
    public private(set) var stderr = ""

    public init() {}

    public func out(_ text: String) { stdout += text }
    public func err(_ text: String) { stderr += text }
    public var errIsTerminal: Bool { false }
}
