import AccessSpecCore
import Foundation

/// The one place that puts generated files on disk.
///
/// - Makes the build's units a few at a time and writes each file as soon as it is made, so
///   memory holds a few units' files, never all the outputs.
/// - Writes each file atomically (a temporary file in the same folder, then rename), and only
///   when its bytes changed.
/// - Skips a unit whose fingerprint the build cache holds, as long as its files are exactly as
///   the cached build left them.
/// - Keeps a manifest of what it made, so it removes its own outputs that are no longer
///   produced and never overwrites or removes a file it did not make.
/// - In check mode it writes nothing and says which files are stale.
public struct OutputWriter: Sendable {
    public static let manifestName = ".accessc-manifest"

    public enum Mode: Sendable { case write, check }

    /// What a build did, or in check mode would do.
    public struct Outcome: Equatable, Sendable {
        /// Files written (in check mode: that would be), sorted.
        public var written: [String] = []
        /// Outputs of an earlier build no longer produced, removed (in check mode: to remove).
        public var removed: [String] = []
        /// Files in the way that accessc did not make; nothing was written over them.
        public var conflicts: [String] = []
        /// Every file the build produces.
        public var produced = 0
        /// Units made, and units whose files the cache showed to be as they should be.
        public var made = 0
        public var reused = 0
        /// Whether the manifest differed from what the build produces.
        public var manifestChanged = false

        public var isUpToDate: Bool { written.isEmpty && removed.isEmpty && conflicts.isEmpty && !manifestChanged }
        /// Every path that differs from what a build would leave, sorted.
        public var stalePaths: [String] { (written + removed + (manifestChanged && written.isEmpty && removed.isEmpty ? [manifestName] : [])).sorted() }
    }

    public enum WriteError: LocalizedFailure {
        case unsafePath(String)
        case conflict([String])
        case duplicate(String)
        case io(String, String)

        public var message: LocalizedText {
            switch self {
            case .unsafePath(let path):
                LocalizedText(en: "refusing to write '\(path)': outputs stay inside the output folder", zh: "拒绝写入“\(path)”：输出只能位于输出目录之内")
            case .conflict(let paths):
                LocalizedText(en: "refusing to overwrite files accessc did not make: \(paths.joined(separator: ", "))",
                              zh: "拒绝覆盖不是由 accessc 生成的文件：\(paths.joined(separator: "、"))")
            case .duplicate(let path): LocalizedText(en: "two outputs would be written to '\(path)'", zh: "两个输出会写到同一个文件“\(path)”")
            case .io(let path, let reason): LocalizedText(en: "cannot write '\(path)': \(reason)", zh: "无法写入“\(path)”：\(reason)")
            }
        }
    }

    public let outputDirectory: URL
    private let outputPath: String
    private var manager: FileManager { .default }

    public init(outputDirectory: URL) {
        self.outputDirectory = outputDirectory
        outputPath = outputDirectory.path
    }

    /// How many units are made at once: enough to keep every core busy, few enough that
    /// their files stay a small part of memory.
    static let batchSize = max(8, ProcessInfo.processInfo.activeProcessorCount * 8)

    private enum UnitResult {
        case reused(BuildCache.Unit)
        case made(BuildCache.Unit, written: [String], conflicts: [String])
        case failed(any Error, partial: BuildCache.Unit)
    }

    /// Makes and writes `units` (or in check mode compares them), reusing what `cache` shows to
    /// be up to date. Returns what it did and the cache to save for the next build. On a
    /// conflict it stops, keeps the manifest true to what is on disk, and throws.
    public func build(_ units: [OutputUnit], mode: Mode, cache: BuildCache?, tool: String) throws -> (Outcome, BuildCache) {
        var outcome = Outcome()
        var next = BuildCache(tool: tool)
        let manifestPath = diskPath(Self.manifestName)
        let manifestStamp = FileStamp.of(manifestPath)
        // The manifest on disk is the one the cached build wrote: it lists the cache's units'
        // files, each unit's its own. Then the paths are accounted for unit by unit, and the
        // 200,000 of a national build are not read, hashed and compared as a set.
        let trusted = manifestStamp != nil && cache?.units[Self.manifestUnit]?.files.first?.stamp == manifestStamp ? cache : nil
        let previous = PreviousOutputs(trusted: trusted) { readManifest() }
        var produced = ProducedPaths(trusted: trusted)
        var seenKeys = Set<String>()
        for unit in units where !seenKeys.insert(unit.key).inserted { throw WriteError.duplicate(unit.key) }

        for start in stride(from: 0, to: units.count, by: Self.batchSize) {
            let batch = Array(units[start..<min(start + Self.batchSize, units.count)])
            let results = ConcurrentSlots<UnitResult>(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                results[index] = process(batch[index], cached: cache?.units[batch[index].key], previous: previous, mode: mode)
            }
            // Every file the batch left on disk goes into the manifest before any error is
            // thrown, so that the next build knows them as its own.
            var failure: (any Error)?
            for index in batch.indices {
                let key = batch[index].key
                let record: BuildCache.Unit
                var reused = false
                switch results[index]! {
                case .failed(let error, let partial):
                    failure = failure ?? error
                    record = partial
                case .reused(let unit):
                    record = unit
                    reused = true
                    outcome.reused += 1
                case .made(let unit, let written, let conflicts):
                    record = unit
                    outcome.made += 1
                    outcome.written += written
                    outcome.conflicts += conflicts
                }
                next.units[key] = record
                if let twice = produced.add(record, of: key, reused: reused, recorded: next.units) {
                    failure = failure ?? WriteError.duplicate(twice)
                }
            }
            if let failure {
                saveManifest(previous.all.union(produced.all(next.units)), mode: mode)
                throw failure
            }
            if !outcome.conflicts.isEmpty {
                saveManifest(previous.all.union(produced.all(next.units)), mode: mode)
                outcome.conflicts.sort()
                if mode == .write { throw WriteError.conflict(outcome.conflicts) }
                return (outcome, next)
            }
        }

        outcome.produced = produced.count
        outcome.written.sort()
        let gone = produced.gone(from: previous, now: next.units)
        outcome.removed = gone.filter { Self.isSafe($0) && manager.fileExists(atPath: diskPath($0)) }.sorted()
        // The manifest this build would write is the one on disk when it lists the same files
        // and is as the last build left it; else it is made and compared.
        let manifest = gone.isEmpty && produced.count == previous.count && trusted != nil ? nil : manifestData(produced.all(next.units))
        outcome.manifestChanged = manifest.map { manager.contents(atPath: manifestPath) != $0 } ?? false
        if mode == .write {
            for path in outcome.removed {
                try? manager.removeItem(at: url(path))
                removeEmptyFolders(from: url(path).deletingLastPathComponent())
            }
            var written = true
            if let manifest, outcome.manifestChanged {
                written = (try? writeAtomically(GeneratedFile(path: Self.manifestName, contents: manifest))) != nil
            }
            // A manifest that could not be written is recorded as no file is, so the next build
            // compares it again.
            let stamp = written ? FileStamp.of(manifestPath) ?? .none : .none
            next.units[Self.manifestUnit] = BuildCache.Unit(fingerprint: Self.manifestUnit, files: [BuildCache.File(path: Self.manifestName, stamp: stamp)])
        }
        return (outcome, next)
    }

    /// The cache's record of the manifest, which no generator's unit key can equal.
    static let manifestUnit = "(manifest)"

    /// Whether every file the build that wrote `cache` left (the manifest too) is still
    /// exactly as it left it.
    public func isAsLeft(by cache: BuildCache) -> Bool {
        guard cache.units[Self.manifestUnit] != nil else { return false }
        // Workers share the units out, each with its own open folder.
        let units = Array(cache.units.values)
        let workers = min(units.count, 16)
        let verdicts = ConcurrentSlots<Bool>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let folder = OpenFolder(outputPath)
            verdicts[worker] = stride(from: worker, to: units.count, by: workers).allSatisfy { folder.holdsAsLeft(units[$0].files) }
        }
        return (0..<workers).allSatisfy { verdicts[$0]! }
    }

    /// One unit: reused when the cache shows its files as they should be, else made and each
    /// file written (or compared) at once.
    private func process(_ unit: OutputUnit, cached: BuildCache.Unit?, previous: PreviousOutputs, mode: Mode) -> UnitResult {
        if let cached, cached.fingerprint == unit.fingerprint, OpenFolder(outputPath).holdsAsLeft(cached.files) {
            return .reused(cached)
        }
        var record = BuildCache.Unit(fingerprint: unit.fingerprint, files: [])
        var written: [String] = [], conflicts: [String] = []
        do {
            for file in try unit.make() {
                guard Self.isSafe(file.path) else { throw WriteError.unsafePath(file.path) }
                let path = url(file.path).path
                let existing = manager.contents(atPath: path)
                if existing != file.contents {
                    if existing != nil, !previous.contains(file.path, madeBy: cached) {
                        conflicts.append(file.path)
                        continue
                    }
                    written.append(file.path)
                    if mode == .write { try writeAtomically(file) }
                }
                // A file not on disk as made (check mode) gets a stamp no file has.
                let stamp = mode == .write || existing == file.contents ? FileStamp.of(path) : nil
                record.files.append(BuildCache.File(path: file.path, stamp: stamp ?? FileStamp.none))
            }
        } catch {
            record.fingerprint = ""
            return .failed(error, partial: record)
        }
        // A unit not wholly on disk as made is never reused.
        if !conflicts.isEmpty || (mode == .check && !written.isEmpty) { record.fingerprint = "" }
        return .made(record, written: written, conflicts: conflicts)
    }

    private func url(_ path: String) -> URL { outputDirectory.appendingPathComponent(path) }
    /// A file's path on disk without building a URL, which costs more than the `stat` it is for.
    private func diskPath(_ path: String) -> String { outputPath + "/" + path }

    /// One line per folder (ending in `/`) with its files' names under it, indented: at
    /// national scale (200,000 files) a path per line took 16.4 MiB, this 6.0 MiB. A line
    /// without indentation is a whole path (a file at the top, or one added by hand), so
    /// the reader takes either.
    private func manifestData(_ paths: Set<String>) -> Data {
        var folders: [String: [String]] = [:]
        for path in paths {
            // Cut by bytes: a combining mark after a `/` would join it as one `Character`.
            let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
            folders[slash.map { String(Substring(path.utf8[...$0])) } ?? "", default: []]
                .append(slash.map { String(Substring(path.utf8[path.utf8.index(after: $0)...])) } ?? path)
        }
        var lines = ["# Files written by accessc; it removes those that are no longer produced. Do not edit.",
                     "# A folder ends in '/'; the indented names under it are its files."]
        for folder in folders.keys.sorted() {
            let names = folders[folder]!.sorted()
            if folder.isEmpty { lines += names } else { lines += [folder] + names.map { "  " + $0 } }
        }
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    private func saveManifest(_ paths: Set<String>, mode: Mode) {
        guard mode == .write else { return }
        let data = manifestData(paths)
        if manager.contents(atPath: url(Self.manifestName).path) != data {
            try? writeAtomically(GeneratedFile(path: Self.manifestName, contents: data))
        }
    }

    private func readManifest() -> [String] {
        guard let data = manager.contents(atPath: outputDirectory.appendingPathComponent(Self.manifestName).path) else { return [] }
        // By bytes: a name that starts with a combining mark would join the indentation's
        // last space, or a folder's `/`, into one `Character`.
        var paths: [String] = []
        var folder = ""
        for line in data.split(separator: 0x0A) where line.first != UInt8(ascii: "#") {
            if line.starts(with: [0x20, 0x20]) {
                paths.append(folder + String(decoding: line.dropFirst(2), as: UTF8.self))
            } else if line.last == UInt8(ascii: "/") {
                folder = String(decoding: line, as: UTF8.self)
            } else {
                paths.append(String(decoding: line, as: UTF8.self))
                folder = ""
            }
        }
        return paths
    }

    /// A temporary file beside the target, then rename: a reader sees the old bytes or the
    /// new, never half. Plain system calls, since at national scale the build writes a
    /// quarter of a million files; the folder is made only when it is missing.
    private func writeAtomically(_ file: GeneratedFile) throws {
        let target = diskPath(file.path)
        // Cut by bytes: a combining mark after the `/` would join it as one `Character`.
        let slash = target.utf8.lastIndex(of: UInt8(ascii: "/"))!
        let folder = String(Substring(target.utf8[..<slash]))
        let temporary = folder + "/." + String(Substring(target.utf8[target.utf8.index(after: slash)...])) + ".accessc-\(getpid()).tmp"
        func failure(_ what: String) -> WriteError { WriteError.io(file.path, "\(what): \(String(cString: strerror(errno)))") }
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            do {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw WriteError.io(file.path, "cannot make the folder \(folder): \(error.localizedDescription)")
            }
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw failure("cannot create a temporary file in \(folder)") }
        let written = file.contents.withUnsafeBytes { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 { if errno == EINTR { continue } else { return false } }
                offset += count
            }
            return true
        }
        let closed = close(descriptor) == 0
        guard written, closed, rename(temporary, target) == 0 else {
            let error = failure("cannot write")
            unlink(temporary)
            throw error
        }
    }

    private func removeEmptyFolders(from folder: URL) {
        var current = folder.standardizedFileURL
        let root = outputDirectory.standardizedFileURL.path
        while current.path.hasPrefix(root + "/"), (try? manager.contentsOfDirectory(atPath: current.path))?.isEmpty == true {
            try? manager.removeItem(at: current)
            current = current.deletingLastPathComponent()
        }
    }

    /// A relative path whose every segment is a name: none empty, `.` or `..`. A build asks
    /// once per output file (200,000 at national scale), so the bytes are scanned, not split.
    static func isSafe(_ path: String) -> Bool {
        var length = 0, dots = 0
        func isName() -> Bool { length > 0 && !(dots == length && length <= 2) }
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                guard isName() else { return false }
                (length, dots) = (0, 0)
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return isName()
    }
}

/// One folder of the outputs kept open while the files in it are looked up by name: a unit's
/// files sit in a few folders, and a lookup by name spares the walk from the root that each
/// whole path costs (200,000 of them at national scale).
private final class OpenFolder {
    private let root: String
    private var path: Substring?
    private var descriptor: Int32 = -1

    init(_ root: String) { self.root = root }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Whether every file is a safe path and on disk exactly as `stamp` says.
    func holdsAsLeft(_ files: [BuildCache.File]) -> Bool {
        files.allSatisfy { file in
            guard OutputWriter.isSafe(file.path) else { return false }
            // By bytes: a search by `Character` cost more than the lookup itself, and a combining
            // mark after a `/` would join it as one `Character`.
            let slash = file.path.utf8.lastIndex(of: UInt8(ascii: "/"))
            let folder = slash.map { Substring(file.path.utf8[..<$0]) } ?? ""
            if !(path.map { folder.utf8.elementsEqual($0.utf8) } ?? false) {
                if descriptor >= 0 { close(descriptor) }
                descriptor = open(folder.isEmpty ? root : root + "/" + folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                path = folder
            }
            guard descriptor >= 0 else { return false }
            // The name is the path's tail, already a C string: no copy per file.
            let offset = slash.map { file.path.utf8.distance(from: file.path.utf8.startIndex, to: $0) + 1 } ?? 0
            return file.path.withCString { FileStamp.of(nameAt: $0 + offset, in: descriptor) } == file.stamp
        }
    }
}

/// The files the last build made, as its manifest lists them. The list is read only when a
/// question needs all of it: with a trusted cache, the usual one (is this file the unit's
/// own?) is answered by the unit's record.
private final class PreviousOutputs: @unchecked Sendable {
    private let trusted: BuildCache?
    private let read: () -> [String]
    private let lock = NSLock()
    private var paths: Set<String>?

    init(trusted: BuildCache?, read: @escaping () -> [String]) {
        self.trusted = trusted
        self.read = read
    }

    var all: Set<String> {
        lock.withLock {
            if paths == nil { paths = Set(read()) }
            return paths!
        }
    }

    var count: Int {
        guard let trusted else { return all.count }
        return trusted.units.reduce(0) { $0 + ($1.key == OutputWriter.manifestUnit ? 0 : $1.value.files.count) }
    }

    func contains(_ path: String, madeBy cached: BuildCache.Unit?) -> Bool {
        if trusted != nil, cached?.files.contains(where: { $0.path == path }) == true { return true }
        return all.contains(path)
    }
}

/// The paths a build produces. While every unit made again keeps to the files the trusted
/// cache says it made before, they are accounted for unit by unit: no such file can be
/// another unit's, since each cached file was one unit's. Once a unit makes any other file,
/// or without a trusted cache, they are accounted for path by path.
private struct ProducedPaths {
    private let trusted: BuildCache?
    /// Every path so far, once accounting is by path.
    private var paths: Set<String>?
    /// While accounting is by unit: the units made again, and their files (no two may share one).
    private var remadeKeys: [String] = []
    private var remade: Set<String> = []
    private(set) var count = 0

    init(trusted: BuildCache?) {
        self.trusted = trusted
        paths = trusted == nil ? [] : nil
    }

    /// Accounts for unit `key`'s `record`, which `recorded` already holds with every record
    /// before it. Returns a path that another unit produces too.
    mutating func add(_ record: BuildCache.Unit, of key: String, reused: Bool, recorded: [String: BuildCache.Unit]) -> String? {
        count += record.files.count
        if paths == nil {
            if reused { return nil }
            let own = Set((trusted?.units[key]?.files ?? []).map(\.path))
            if record.files.allSatisfy({ own.contains($0.path) }) {
                remadeKeys.append(key)
                return record.files.first { !remade.insert($0.path).inserted }?.path
            }
            paths = []
            return recorded.values.lazy.flatMap(\.files).first { !paths!.insert($0.path).inserted }?.path
        }
        return record.files.first { !paths!.insert($0.path).inserted }?.path
    }

    /// Every path produced, given every record of the build.
    func all(_ recorded: [String: BuildCache.Unit]) -> Set<String> {
        paths ?? Set(recorded.values.lazy.flatMap(\.files).map(\.path))
    }

    /// The files the last build made that this one does not.
    func gone(from previous: PreviousOutputs, now recorded: [String: BuildCache.Unit]) -> [String] {
        guard paths == nil, let trusted else { return Array(previous.all.subtracting(paths ?? [])) }
        var gone: [String] = []
        for (key, unit) in trusted.units where key != OutputWriter.manifestUnit && recorded[key] == nil {
            gone += unit.files.map(\.path)
        }
        for key in remadeKeys {
            let now = Set(recorded[key]!.files.map(\.path))
            gone += (trusted.units[key]?.files ?? []).map(\.path).filter { !now.contains($0) }
        }
        return gone
    }
}
