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
        guard DiagnosticFormat(rawValue: format) != nil else { throw ValidationError("--format must be text, json or sarif") }
        guard ColourChoice(rawValue: color) != nil else { throw ValidationError("--color must be auto, always or never") }
        guard maxErrors >= 0 else { throw ValidationError("--max-errors must be 0 or more") }
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
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be zh or en") }
    }

    public var resolved: Language {
        given ?? Language.fromLocale(ProcessInfo.processInfo.environment)
    }

    /// The language `--lang` names, nil without it.
    public var given: Language? { lang.flatMap(Language.init(rawValue:)) }
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
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
