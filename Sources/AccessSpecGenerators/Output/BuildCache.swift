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
    /// Platforms' IR digests by what their IR was made from (`GenerationInput.knownDigests`).
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
        var lines = [Self.header, "tool\t\(Self.escape(tool))"]
        if let inputs { lines.append("inputs\t\(inputs)") }
        for key in irDigests.keys.sorted() { lines.append("ir\t\(key)\t\(irDigests[key]!)") }
        for key in units.keys.sorted() {
            let unit = units[key]!
            lines.append("unit\t\(Self.escape(key))\t\(unit.fingerprint)")
            for file in unit.files {
                let stamp = file.stamp
                lines.append("file\t\(Self.escape(file.path))\t\(stamp.size)\t\(stamp.modified)\t\(stamp.changed)\t\(stamp.inode)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The cache in `text`, or nil when it is not a cache this version wrote.
    public init?(text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// Read as bytes: at national scale the file has a line per output file, and splitting
    /// it as `Character`s would take longer than the build it saves.
    public init?(bytes: [UInt8]) {
        tool = ""
        var current: (key: String, unit: Unit)?
        var first = true
        for line in bytes.split(separator: 0x0A) {
            if first {
                guard line.elementsEqual(Self.header.utf8) else { return nil }
                first = false
                continue
            }
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            func text(_ index: Int) -> String { Self.unescape(fields[index]) }
            func number<N: FixedWidthInteger>(_ index: Int) -> N? { N(String(decoding: fields[index], as: UTF8.self)) }
            switch (String(decoding: fields[0], as: UTF8.self), fields.count) {
            case ("tool", 2): tool = text(1)
            case ("inputs", 2): inputs = text(1)
            case ("ir", 3): irDigests[text(1)] = text(2)
            case ("unit", 3):
                if let current { units[current.key] = current.unit }
                current = (text(1), Unit(fingerprint: text(2), files: []))
            case ("file", 6):
                guard current != nil, let size: Int64 = number(2), let modified: Int64 = number(3), let changed: Int64 = number(4),
                      let inode: UInt64 = number(5) else { return nil }
                current!.unit.files.append(File(path: text(1), stamp: FileStamp(size: size, modified: modified, changed: changed, inode: inode)))
            default: return nil
            }
        }
        if let current { units[current.key] = current.unit }
        guard !first, !tool.isEmpty else { return nil }
    }

    /// `%`, tabs, line breaks and other control bytes as `%hh`, so a record stays one line.
    private static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if byte == UInt8(ascii: "%") || byte < 0x20 || byte == 0x7F {
                bytes += Array("%\(byte < 16 ? "0" : "")\(String(byte, radix: 16))".utf8)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func unescape(_ field: ArraySlice<UInt8>) -> String {
        guard field.contains(UInt8(ascii: "%")) else { return String(decoding: field, as: UTF8.self) }
        var bytes: [UInt8] = []
        var rest = field
        while let byte = rest.popFirst() {
            if byte == UInt8(ascii: "%"), rest.count >= 2, let value = UInt8(String(decoding: rest.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                rest = rest.dropFirst(2)
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
        guard let data = FileManager.default.contents(atPath: url.path), let cache = BuildCache(bytes: Array(data)),
              cache.tool == tool else { return nil }
        return cache
    }

    /// Saves the cache atomically. A cache that cannot be saved (a read-only home, a sandbox)
    /// costs only speed, so failure is silent.
    public func save(_ url: URL) {
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text().utf8)) else { return }
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
