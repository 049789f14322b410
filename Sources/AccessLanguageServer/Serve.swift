import AccessSpecSyntax
import Foundation

extension LanguageServer {
    /// Runs a server over file descriptors (standard input and output by default) until the
    /// client sends `exit` or closes the input; returns the exit status. Frames are read on a
    /// thread of their own while the server works, and every message waiting is handled before
    /// the workspace is compiled again: edits that arrive during a compile are coalesced into
    /// the next one, with no timed debounce.
    public static func serve(input: Int32 = 0, output: Int32 = 1, keyDocumentation: KeyDocumentation = .contractSchema) -> Int32 {
        let server = LanguageServer(keyDocumentation: keyDocumentation) { body in write(MessageFraming.frame(body), to: output) }
        let inbox = Inbox()
        let reader = Thread {
            var frames = MessageReader(FileDescriptorSource(descriptor: input))
            while true {
                do throws(FramingError) {
                    guard let body = try frames.next() else { return inbox.close() }
                    inbox.put(body)
                } catch {
                    FileHandle.standardError.write(Data("accessc lsp: \(error)\n".utf8))
                    if !error.isRecoverable { return inbox.close() }
                }
            }
        }
        reader.stackSize = 1 << 20
        reader.start()
        while let batch = inbox.takeAll() {
            for body in batch {
                if let status = server.receive(body) { return status }
            }
            server.publishPendingDiagnostics()
        }
        // The input ended without `exit`.
        return 1
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}

/// Message bodies passed from the reading thread to the server's.
private final class Inbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var bodies: [[UInt8]] = []
    private var closed = false

    func put(_ body: [UInt8]) {
        condition.withLock {
            bodies.append(body)
            condition.signal()
        }
    }

    func close() {
        condition.withLock {
            closed = true
            condition.signal()
        }
    }

    /// Every body waiting, blocking until there is one; nil once closed and drained.
    func takeAll() -> [[UInt8]]? {
        condition.withLock {
            while bodies.isEmpty && !closed { condition.wait() }
            defer { bodies = [] }
            return bodies.isEmpty ? nil : bodies
        }
    }
}
