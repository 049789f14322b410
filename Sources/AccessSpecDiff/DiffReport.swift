import AccessSpecCore
import AccessSpecSyntax
import Foundation

/// Finds where a change is written, by walking a contract file's YAML nodes along the
/// change's path; a path that no longer exists in full lands on its nearest remaining part.
public final class ChangeLocator: @unchecked Sendable {
    private let files: [String: SourceFile]
    private var parsed: [String: YAMLNode?] = [:]
    private let lock = NSLock()

    public init(_ sources: WorkspaceSources) {
        var files: [String: SourceFile] = [:]
        for entry in sources.contracts + (sources.config.map { [$0] } ?? []) { files[entry.relativePath] = entry.file }
        self.files = files
    }

    public func span(of site: ChangeSite) -> SourceSpan? {
        // Errors and imported types may live in a shared file: the full path wins wherever it is.
        if let (span, depth) = walk(site.file, site.path), depth == site.path.count { return span }
        for file in files.keys.sorted() where file != site.file {
            if let (span, depth) = walk(file, site.path), depth == site.path.count { return span }
        }
        return walk(site.file, site.path)?.0 ?? files[site.file].map { SourceSpan(file: $0, at: .init(line: 1, column: 1)) }
    }

    private func root(_ file: String) -> YAMLNode? {
        lock.withLock {
            if let node = parsed[file] { return node }
            let node = files[file].flatMap { YAMLLoader().load($0, diagnostics: DiagnosticEngine()) }
            parsed[file] = node
            return node
        }
    }

    /// The span of the deepest step found (a key's span for a mapping entry), and how many steps matched.
    private func walk(_ file: String, _ path: [ContractPathStep]) -> (SourceSpan, Int)? {
        guard var node = root(file) else { return nil }
        var span: SourceSpan?, depth = 0
        for step in path {
            switch (step, node.content) {
            case (.key(let key), .mapping(let pairs)):
                guard let pair = pairs.first(where: { $0.key.scalar?.text == key }) else { return span.map { ($0, depth) } }
                span = pair.key.span
                node = pair.value
            case (.item(let field, let value), .sequence(let items)):
                guard let item = items.first(where: { item in
                    if case .mapping(let pairs) = item.content { return pairs.contains { $0.key.scalar?.text == field && $0.value.scalar?.text == value } }
                    return false
                }) else { return span.map { ($0, depth) } }
                if case .mapping(let pairs) = item.content, let pair = pairs.first(where: { $0.key.scalar?.text == field }) { span = pair.value.span } else { span = item.span }
                node = item
            default:
                return span.map { ($0, depth) }
            }
            depth += 1
        }
        return span.map { ($0, depth) }
    }
}

/// The outcome of one `accessc diff`: every change, located, with who it breaks.
public struct DiffReport: Sendable {
    public var oldLabel: String
    public var newLabel: String
    public var changes: [ContractChange]
    /// A diagnostic for each change, located in the new workspace with a note at the old place.
    public var diagnostics: [Diagnostic]
    /// Ignore entries of accessspec.yaml that matched no change.
    public var unusedIgnores: [DiffIgnore]

    /// Locates every change and applies the ignore list.
    public init(oldLabel: String, newLabel: String, changes: [ContractChange], old: WorkspaceSources, new: WorkspaceSources, ignores: [DiffIgnore]) {
        self.oldLabel = oldLabel
        self.newLabel = newLabel
        (self.changes, unusedIgnores) = Self.applying(ignores, to: changes)
        let newLocator = ChangeLocator(new), oldLocator = ChangeLocator(old)
        diagnostics = self.changes.map { Self.diagnostic($0, newLocator: newLocator, oldLocator: oldLocator) }
    }

    /// Marks each change an entry of accessspec.yaml accepts; also returns the entries that matched nothing.
    public static func applying(_ ignores: [DiffIgnore], to changes: [ContractChange]) -> ([ContractChange], [DiffIgnore]) {
        var changes = changes
        var used = Set<Int>()
        for index in changes.indices {
            if let match = ignores.firstIndex(where: { $0.code == changes[index].kind.code.rawValue && $0.platform == changes[index].platform }) {
                changes[index].ignoredBecause = ignores[match].reason
                used.insert(match)
            }
        }
        return (changes, ignores.enumerated().filter { !used.contains($0.offset) }.map(\.element))
    }

    static func severity(_ change: ContractChange) -> Severity {
        if change.ignoredBecause != nil { return .note }
        switch change.category {
        case .wireBreaking, .sourceBreaking: return .error
        case .dangerous: return .warning
        case .compatible: return .note
        }
    }

    static func diagnostic(_ change: ContractChange, newLocator: ChangeLocator, oldLocator: ChangeLocator) -> Diagnostic {
        var notes: [DiagnosticNote] = []
        if let site = change.oldSite, let span = oldLocator.span(of: site) { notes.append(DiagnosticNote(en: "it was here", zh: "原来在这里", at: span)) }
        notes.append(DiagnosticNote(en: "\(change.category.rawValue) (\(change.category.chineseName)): \(change.kind.summary) / \(change.kind.summaryZh)",
                                    zh: "\(change.category.chineseName)（\(change.category.rawValue)）：\(change.kind.summaryZh)"))
        if change.category.isBreaking || change.category == .dangerous, !change.affected.isEmpty {
            let affected = change.affected.joined(separator: ", ")
            notes.append(change.category == .dangerous
                ? DiagnosticNote(en: "affects \(affected)", zh: "影响 \(change.affected.joined(separator: "、"))")
                : DiagnosticNote(en: "breaks \(affected)", zh: "破坏 \(change.affected.joined(separator: "、"))"))
        }
        if let reason = change.ignoredBecause { notes.append(DiagnosticNote(en: "ignored in accessspec.yaml: \(reason)", zh: "已在 accessspec.yaml 中忽略：\(reason)")) }
        let span = change.newSite.flatMap { newLocator.span(of: $0) } ?? change.oldSite.flatMap { oldLocator.span(of: $0) }
        return Diagnostic(severity(change), change.kind.code,
                          en: "\(change.platform.map { "\($0): " } ?? "")\(change.message.en)",
                          zh: "\(change.platform.map { "\($0)：" } ?? "")\(change.message.zh)", at: span, notes: notes)
    }

    /// Whether the gate is met: a change (not ignored) at least as severe as `threshold`.
    public func fails(at threshold: ChangeCategory?) -> Bool {
        guard let threshold else { return false }
        return changes.contains { $0.ignoredBecause == nil && $0.category <= threshold }
    }

    public func count(_ category: ChangeCategory) -> Int { changes.count { $0.category == category && $0.ignoredBecause == nil } }
    public var ignoredCount: Int { changes.count { $0.ignoredBecause != nil } }

    public var summary: LocalizedText {
        let counts = ChangeCategory.allCases.map { "\(count($0)) \($0.rawValue)" }.joined(separator: ", ")
        let countsZh = ChangeCategory.allCases.map { "\($0.chineseName) \(count($0)) 项" }.joined(separator: "，")
        return LocalizedText(
            en: "accessc: \(changes.count) change\(changes.count == 1 ? "" : "s") from \(oldLabel) to \(newLabel): \(counts), \(ignoredCount) ignored\n",
            zh: "accessc：从 \(oldLabel) 到 \(newLabel) 共 \(changes.count) 项变更：\(countsZh)，已忽略 \(ignoredCount) 项\n")
    }

    // MARK: Formats

    public func text(colour: Bool, language: Language = .en) -> String {
        let renderer = DiagnosticRenderer(colour: colour, language: language)
        var text = renderer.render(diagnostics)
        for ignore in unusedIgnores {
            text += renderer.render([Diagnostic(.warning, LanguageDiagnostics.config, en: "ignored change \(ignore.code) on '\(ignore.platform)' matches no change",
                                                          zh: "“\(ignore.platform)”上忽略的变更 \(ignore.code) 没有对应任何变更", at: ignore.span)])
        }
        return text + summary.text(in: language)
    }

    struct JSONChange: Encodable {
        var code: String
        var category: String
        var summary: String
        var summaryZh: String
        var platform: String?
        var subject: String
        var message: String
        var messageZh: String
        var affected: [String]
        var ignored: String?
        var position: DiagnosticReport.Position?
        var oldPosition: DiagnosticReport.Position?
    }

    public func json() -> String {
        struct Document: Encodable {
            var old: String
            var new: String
            var changes: [JSONChange]
            var summary: [String: Int]
        }
        let entries = DiagnosticReport(diagnostics, files: 0).diagnostics
        let document = Document(
            old: oldLabel, new: newLabel,
            changes: zip(changes, entries).map { change, entry in
                JSONChange(code: change.kind.code.rawValue, category: change.category.rawValue, summary: change.kind.summary, summaryZh: change.kind.summaryZh,
                           platform: change.platform, subject: change.subject, message: change.message.en, messageZh: change.message.zh, affected: change.affected,
                           ignored: change.ignoredBecause, position: entry.position, oldPosition: entry.notes.first { $0.message == "it was here" }?.position)
            },
            summary: Dictionary(uniqueKeysWithValues: ChangeCategory.allCases.map { ($0.rawValue, count($0)) } + [("ignored", ignoredCount)]))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// A review comment: a table per category, breaking first, each change with who it breaks.
    public func markdown() -> String {
        var text = "## Contract changes 接口契约变更: `\(Markdown.code(oldLabel))` → `\(Markdown.code(newLabel))`\n\n"
        let totals = ChangeCategory.allCases.map { "\(count($0)) \($0.rawValue) (\($0.chineseName))" }.joined(separator: " · ")
        text += "\(totals) · \(ignoredCount) ignored (已忽略)\n"
        if changes.isEmpty { return text + "\nNo changes. 无变更。\n" }
        for category in ChangeCategory.allCases {
            let rows = changes.filter { $0.category == category && $0.ignoredBecause == nil }
            guard !rows.isEmpty else { continue }
            text += "\n### \(category.rawValue) (\(category.chineseName))\n\n| code | platform | 变更 | change | affects |\n|---|---|---|---|---|\n"
            for change in rows {
                text += "| \(change.kind.code) | \(Markdown.cell(change.platform ?? "workspace")) | \(Markdown.cell(change.kind.summaryZh + "：" + change.message.zh)) | \(Markdown.cell(change.message.en)) | \(Markdown.cell(change.affected.joined(separator: ", "))) |\n"
            }
        }
        let ignored = changes.filter { $0.ignoredBecause != nil }
        if !ignored.isEmpty {
            text += "\n### ignored (已忽略)\n\n| code | platform | 变更 | change | reason |\n|---|---|---|---|---|\n"
            for change in ignored {
                text += "| \(change.kind.code) | \(Markdown.cell(change.platform ?? "workspace")) | \(Markdown.cell(change.message.zh)) | \(Markdown.cell(change.message.en)) | \(Markdown.cell(change.ignoredBecause ?? "")) |\n"
            }
        }
        return text
    }

    /// One test case per change; breaking changes (not ignored) fail, ignored ones are skipped.
    public func junit(failOn threshold: ChangeCategory?, language: Language = .en) -> String {
        let failing = changes.filter { change in change.ignoredBecause == nil && threshold.map { change.category <= $0 } == true }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"accessc diff\" tests=\"\(changes.count)\" failures=\"\(failing.count)\">\n"
        xml += "  <testsuite name=\"\(XML.escape(oldLabel + " -> " + newLabel))\" tests=\"\(changes.count)\" failures=\"\(failing.count)\" skipped=\"\(ignoredCount)\">\n"
        for (change, diagnostic) in zip(changes, diagnostics) {
            let name = "\(change.kind.code) \(change.subject)"
            xml += "    <testcase classname=\"\(XML.escape(change.platform ?? "workspace"))\" name=\"\(XML.escape(name))\""
            let location = diagnostic.span.map { "\($0.file.path):\($0.start.line):\($0.start.column)" } ?? ""
            if let reason = change.ignoredBecause {
                xml += ">\n      <skipped message=\"\(XML.escape(reason))\"/>\n    </testcase>\n"
            } else if failing.contains(change) {
                let affected = change.affected.isEmpty ? ""
                    : language == .zh ? "；破坏 \(change.affected.joined(separator: "、"))" : "; breaks \(change.affected.joined(separator: ", "))"
                xml += ">\n      <failure type=\"\(change.category.rawValue)\" message=\"\(XML.escape(change.message.text(in: language) + affected))\">\(XML.escape(location))</failure>\n    </testcase>\n"
            } else {
                xml += "/>\n"
            }
        }
        return xml + "  </testsuite>\n</testsuites>\n"
    }

    public func sarif(toolVersion: String, language: Language = .en) -> String {
        let rules = ChangeKind.all.map { kind in
            SARIFReport.Rule(code: kind.code, summary: "\(kind.summary) (\(kind.summaryZh))", help: kind.descriptor.explanation,
                             defaultSeverity: Self.severity(ContractChange(kind, platform: nil, subject: "", LocalizedText(en: "", zh: ""), new: nil, old: nil)),
                             properties: ["category": kind.category.rawValue])
        }
        let results = zip(changes, diagnostics).map { change, diagnostic in
            SARIFReport.Result(diagnostic, suppression: change.ignoredBecause,
                               properties: ["category": change.category.rawValue, "affected": change.affected.joined(separator: ",")])
        }
        return SARIFReport(toolVersion: toolVersion, rules: rules, results: results, language: language).json()
    }
}

enum Markdown {
    /// A table cell: pipes, backslashes and HTML-significant characters escaped, one line.
    static func cell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "`": out += "\\`"
            case "*", "_", "[", "]": out += "\\" + String(character)
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    static func code(_ text: String) -> String { text.replacingOccurrences(of: "`", with: "'") }
}

enum XML {
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // XML 1.0 allows no other control characters; drop them rather than emit a broken file.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
