import Foundation

/// What the last build of an output folder made: each unit's fingerprint and the files it left,
/// with the size, times and inode they had then. A unit whose fingerprint is unchanged and whose
/// files are all still exactly as left is not made again.
///
/// The cache lives outside the outputs (see `BuildCache.location`) and is safe to delete: a
/// missing, unreadable or foreign cache only makes the build do everything. It can never make a
/// build stale, because a file touched since (edited, replaced, removed) no longer matches its
/// stamp, and the binary that wrote the cache is part of it.
public struct BuildCache: Equatable, Sendable {
    public struct Unit: Equatable, Sendable {
        public var fingerprint: String
        public var files: [File]

        public init(fingerprint: String, files: [File]) {
            self.fingerprint = fingerprint
            self.files = files
        }
    }

    public struct File: Equatable, Sendable {
        public var path: String
        public var stamp: FileStamp

        public init(path: String, stamp: FileStamp) {
            self.path = path
            self.stamp = stamp
        }
    }

    /// Which accessc wrote the cache; another binary's cache is ignored.
    public var tool: String
    /// The digest of the workspace's input files and the build's settings, when the build that
    /// wrote the cache was clean of diagnostics: an equal digest lets the next build skip even
    /// the compile.
    public var inputs: String?
    public var units: [String: Unit] = [:]
    /// Digests of platforms' IR and of parts of it (the docs' network view), by what each
    /// platform's IR was made from (`GenerationInput.knownDigests`).
    public var irDigests: [String: String] = [:]

    public init(tool: String, inputs: String? = nil, units: [String: Unit] = [:], irDigests: [String: String] = [:]) {
        self.tool = tool
        self.inputs = inputs
        self.units = units
        self.irDigests = irDigests
    }

    static let header = "accessc-build-cache 2"

    /// One line per record, tab-separated, paths percent-escaped: quick to read at national
    /// scale (tens of thousands of files), where a JSON decoder takes seconds.
    public func text() -> String {
        String(decoding: bytes(), as: UTF8.self)
    }

    /// `text()` as bytes, appended to one buffer: at national scale, a string per line joined
    /// at the end took a good part of a rebuild after an edit.
    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 400)
        func line(_ fields: String...) {
            for (index, field) in fields.enumerated() {
                if index > 0 { out.append(0x09) }
                out.append(contentsOf: field.utf8)
            }
            out.append(0x0A)
        }
        line(Self.header)
        line("tool", Self.escape(tool))
        if let inputs { line("inputs", Self.escape(inputs)) }
        for key in irDigests.keys.sorted() { line("ir", Self.escape(key), Self.escape(irDigests[key]!)) }
        for key in units.keys.sorted() {
            let unit = units[key]!
            line("unit", Self.escape(key), Self.escape(unit.fingerprint))
            for file in unit.files {
                let stamp = file.stamp
                line("file", Self.escape(file.path), String(stamp.size), String(stamp.modified), String(stamp.changed), String(stamp.inode))
            }
        }
        return out
    }

    /// The cache in `text`, or nil when it is not a cache this version wrote.
    public init?(text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Read as bytes: at national scale the file has a line per output file (200,000), and a
    /// build that finds nothing to do spends much of its time here, so lines and fields are
    /// found by scanning, numbers read from their digits, and only names become strings.
    public init?(bytes: [UInt8]) {
        guard let cache = bytes.withUnsafeBufferPointer({ Self.parse($0) }) else { return nil }
        self = cache
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> BuildCache? {
        var cache = BuildCache(tool: "")
        var current: (key: String, unit: Unit)?
        var first = true
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            guard lineEnd > lineStart else { continue }
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            if first {
                guard line.elementsEqual(header.utf8) else { return nil }
                first = false
                continue
            }
            var fields: [Range<Int>] = []
            var fieldStart = 0
            for index in line.indices where line[index] == 0x09 {
                fields.append(fieldStart..<index)
                fieldStart = index + 1
                if fields.count == 6 { return nil }
            }
            fields.append(fieldStart..<line.count)
            func text(_ index: Int) -> String { unescape(UnsafeBufferPointer(rebasing: line[fields[index]])) }
            func number<N: FixedWidthInteger>(_ index: Int) -> N? { integer(UnsafeBufferPointer(rebasing: line[fields[index]])) }
            let tag = UnsafeBufferPointer(rebasing: line[fields[0]])
            switch fields.count {
            case 2 where tag.elementsEqual("tool".utf8): cache.tool = text(1)
            case 2 where tag.elementsEqual("inputs".utf8): cache.inputs = text(1)
            case 3 where tag.elementsEqual("ir".utf8): cache.irDigests[text(1)] = text(2)
            case 3 where tag.elementsEqual("unit".utf8):
                if let current { cache.units[current.key] = current.unit }
                current = (text(1), Unit(fingerprint: text(2), files: []))
            case 6 where tag.elementsEqual("file".utf8):
                guard current != nil, let size: Int64 = number(2), let modified: Int64 = number(3), let changed: Int64 = number(4),
                      let inode: UInt64 = number(5) else { return nil }
                current!.unit.files.append(File(path: text(1), stamp: FileStamp(size: size, modified: modified, changed: changed, inode: inode)))
            default: return nil
            }
        }
        if let current { cache.units[current.key] = current.unit }
        guard !first, !cache.tool.isEmpty else { return nil }
        return cache
    }

    /// A decimal integer, `-` first when negative; nil for anything else or an overflow.
    private static func integer<N: FixedWidthInteger>(_ digits: UnsafeBufferPointer<UInt8>) -> N? {
        let negative = digits.first == UInt8(ascii: "-")
        let body = UnsafeBufferPointer(rebasing: digits[(negative ? 1 : 0)...])
        guard !body.isEmpty, !negative || N.isSigned else { return nil }
        var value: N = 0
        for byte in body {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = N(byte - UInt8(ascii: "0"))
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, carry) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = next
        }
        return value
    }

    /// `%`, tabs, line breaks and other control bytes as `%hh`, so a record stays one line.
    private static func escape(_ text: String) -> String {
        func escaped(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "%") || byte < 0x20 || byte == 0x7F }
        guard text.utf8.contains(where: escaped) else { return text }
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if escaped(byte) {
                bytes += Array("%\(byte < 16 ? "0" : "")\(String(byte, radix: 16))".utf8)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func unescape(_ field: UnsafeBufferPointer<UInt8>) -> String {
        guard field.contains(UInt8(ascii: "%")) else { return String(decoding: field, as: UTF8.self) }
        var bytes: [UInt8] = []
        var index = 0
        while index < field.count {
            let byte = field[index]
            index += 1
            if byte == UInt8(ascii: "%"), field.count - index >= 2,
               let value = UInt8(String(decoding: UnsafeBufferPointer(rebasing: field[index..<index + 2]), as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 2
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// What a file on disk looked like: any write through the writer (a new inode by rename) or by
/// hand (size, modification or change time) changes it.
public struct FileStamp: Equatable, Sendable {
    public var size: Int64
    /// Nanoseconds since 1970.
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// A stamp no file on disk has.
    public static let none = FileStamp(size: -1, modified: 0, changed: 0, inode: 0)

    /// The stamp of the regular file at `path`, or nil (missing, a link, a folder).
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return of(info)
    }

    /// The stamp of the regular file `name` in the open folder `directory`: one lookup of the
    /// name, where a whole path walks every folder above it again.
    public static func of(_ name: String, in directory: Int32) -> FileStamp? {
        name.withCString { of(nameAt: $0, in: directory) }
    }

    /// As `of(_:in:)`, for a name already in memory as a C string (the tail of a path).
    static func of(nameAt name: UnsafePointer<CChar>, in directory: Int32) -> FileStamp? {
        var info = stat()
        guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return of(info)
    }

    private static func of(_ info: stat) -> FileStamp? {
        guard info.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStamp(size: Int64(info.st_size),
                         modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                         changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
                         inode: UInt64(info.st_ino))
    }
}

extension BuildCache {
    /// Where the cache of the outputs in `outputDirectory` lives: `$ACCESSC_CACHE_DIR`, else
    /// `$XDG_CACHE_HOME/accessc`, else `~/.cache/accessc`, in a file named after the output
    /// folder's absolute path. Never inside the outputs, so it is never committed.
    public static func location(for outputDirectory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let root: URL
        if let explicit = environment["ACCESSC_CACHE_DIR"], !explicit.isEmpty {
            root = URL(fileURLWithPath: explicit)
        } else if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            root = URL(fileURLWithPath: xdg).appendingPathComponent("accessc")
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            root = URL(fileURLWithPath: home).appendingPathComponent(".cache/accessc")
        } else {
            return nil
        }
        let name = ContentDigest.hex(Data(outputDirectory.standardizedFileURL.path.utf8)).prefix(32)
        return root.appendingPathComponent("build-\(name)")
    }

    /// The cache at `url` if this tool wrote it; nil otherwise.
    public static func read(_ url: URL, tool: String) -> BuildCache? {
        guard let data = FileManager.default.contents(atPath: url.path),
              let cache = data.withUnsafeBytes({ parse($0.bindMemory(to: UInt8.self)) }), cache.tool == tool else { return nil }
        return cache
    }

    /// Saves the cache atomically. A cache that cannot be saved (a read-only home, a sandbox)
    /// costs only speed, so failure is silent.
    public func save(_ url: URL) {
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes())) else { return }
        if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }

    /// The identity of the running accessc: its path, size and modification time, so a rebuilt
    /// binary never trusts an older one's cache.
    public static var currentTool: String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? "accessc"
        guard let stamp = FileStamp.of(path) else { return path }
        return "\(path) \(stamp.size) \(stamp.modified)"
    }
}
