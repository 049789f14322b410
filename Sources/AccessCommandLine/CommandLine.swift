import AccessSpecDriver
import AccessSpecSyntax
import ArgumentParser
import Foundation

/// The options every compiling command shares, for both executables (`accessc` and
/// `accessc-serve`), so the two parse them alike.
public struct ReportArguments: ParsableArguments {
    @Option(help: "Diagnostic format: text, json or sarif.")
    public var format: String = "text"

    @Option(help: "Colour in text diagnostics: auto, always or never.")
    public var color: String = "auto"

    @Flag(help: "Treat warnings as errors (exit 1 when there are any).")
    public var warningsAsErrors = false

    @OptionGroup public var language: LanguageArgument

    @Option(help: "Stop printing text diagnostics after this many errors; 0 prints all. The summary counts all.")
    public var maxErrors = ReportOptions.defaultMaxErrors

    @Flag(help: "Print on stderr how long each step took, in wall seconds.")
    public var timings = false

    public init() {}

    public func validate() throws {
        guard DiagnosticFormat(rawValue: format) != nil else { throw language.usageError(en: "--format must be text, json or sarif", zh: "--format 只能是 text、json 或 sarif") }
        guard ColourChoice(rawValue: color) != nil else { throw language.usageError(en: "--color must be auto, always or never", zh: "--color 只能是 auto、always 或 never") }
        guard maxErrors >= 0 else { throw language.usageError(en: "--max-errors must be 0 or more", zh: "--max-errors 不能小于 0") }
    }

    public var options: ReportOptions {
        ReportOptions(format: DiagnosticFormat(rawValue: format)!, colour: ColourChoice(rawValue: color)!, warningsAsErrors: warningsAsErrors,
                      language: language.resolved, reportLanguage: language.given ?? .en, maxErrors: maxErrors,
                      timings: timings)
    }
}

/// `--lang zh|en`; without it, the locale's language (`LC_ALL`, `LC_MESSAGES`, `LANG`).
public struct LanguageArgument: ParsableArguments {
    @Option(name: .customLong("lang"), help: "The language of messages: zh or en (default: from LC_ALL, LC_MESSAGES or LANG).")
    public var lang: String?

    public init() {}

    public func validate() throws {
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be zh or en（--lang 只能是 zh 或 en）") }
    }

    public var resolved: Language {
        given ?? Language.fromLocale(ProcessInfo.processInfo.environment)
    }

    /// The language `--lang` names, nil without it.
    public var given: Language? { lang.flatMap(Language.init(rawValue:)) }

    /// A usage error of a command's `validate()`, in the reader's language.
    public func usageError(en: String, zh: String) -> ValidationError {
        ValidationError(LocalizedText(en: en, zh: zh).text(in: resolved))
    }

    /// The language of a usage error found before the options were parsed: `--lang X` or
    /// `--lang=X` among the raw arguments, else the locale's.
    static func of(_ arguments: [String], environment: [String: String]) -> Language {
        for (index, argument) in arguments.enumerated() {
            let value = argument == "--lang" ? arguments.dropFirst(index + 1).first : argument.hasPrefix("--lang=") ? String(argument.dropFirst(7)) : nil
            if let value, let language = Language(rawValue: value) { return language }
        }
        return Language.fromLocale(environment)
    }
}

/// ArgumentParser's own usage messages (missing or unknown arguments, bad values) in the
/// reader's language: its frame and the sentences it writes are translated line by line; our
/// commands' own messages arrive translated already, and help texts stay as written.
public enum UsageMessage {
    public static func text(_ message: String, in language: Language) -> String {
        guard language == .zh else { return message }
        return message.split(separator: "\n", omittingEmptySubsequences: false).map { translated(String($0)) }.joined(separator: "\n")
    }

    private static func translated(_ line: String) -> String {
        if let rest = line.dropping("Error: ") { return "错误：" + sentence(rest) }
        if let rest = line.dropping("Help:  ") { return "帮助：" + rest }
        if let rest = line.dropping("Usage: ") { return "用法：" + rest }
        if let command = line.between("  See '", "' for more information.") { return "  详见 '\(command)'。" }
        return line
    }

    /// ArgumentParser's sentences, each with the names it quotes.
    private static func sentence(_ text: String) -> String {
        if let name = text.between("Missing expected argument '", "'") { return "缺少参数 \(name)" }
        if let rest = text.dropping("Unknown option '") {
            guard let end = rest.firstIndex(of: "'") else { return text }
            let name = rest[..<end], after = rest[rest.index(after: end)...]
            if let suggestion = String(after).between(". Did you mean '", "'?") { return "未知选项 \(name)；是否想用 \(suggestion)？" }
            return "未知选项 \(name)"
        }
        if let name = text.between("Missing value for '", "'") { return "\(name) 缺少取值" }
        if let rest = text.dropping("The value '"), let split = rest.range(of: "' is invalid for '"), rest.hasSuffix("'") {
            return "“\(rest[..<split.lowerBound])”不是 \(rest[split.upperBound...].dropLast()) 的有效取值"
        }
        if let name = text.between("Unexpected argument '", "'") { return "多余的参数 \(name)" }
        return text
    }
}

extension String {
    fileprivate func dropping(_ prefix: String) -> String? { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil }

    /// The text between a prefix and a suffix that enclose the whole string.
    fileprivate func between(_ prefix: String, _ suffix: String) -> String? {
        guard hasPrefix(prefix), hasSuffix(suffix), count >= prefix.count + suffix.count else { return nil }
        return String(dropFirst(prefix.count).dropLast(suffix.count))
    }
}

extension AsyncParsableCommand {
    /// As ArgumentParser's `main`, except that usage errors exit 2 (its default would be 64).
    public static func runExitingTwoOnUsage() async {
        do {
            var command = try await asyncParseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Self.exit(withError: exit)
        } catch {
            if exitCode(for: error) == .success { Self.exit(withError: error) }
            let language = LanguageArgument.of(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
            FileHandle.standardError.write(Data((UsageMessage.text(fullMessage(for: error), in: language) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
