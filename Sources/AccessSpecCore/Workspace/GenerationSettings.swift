import AccessSpecSyntax

/// The outputs `accessc build` can write, each in a folder of its own under the output folder.
public enum OutputKind: String, CaseIterable, Sendable, Comparable {
    case ir, docs, openapi, swift, tests, java

    /// Outputs that describe the whole workspace; the rest can be limited to some platforms.
    public var coversWholeWorkspace: Bool { self == .ir || self == .docs }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The access level of the declarations in generated Swift clients.
public enum SwiftAccessLevel: String, CaseIterable, Sendable {
    case `public`, package, `internal`
}

/// What `accessc build` writes, where, and for which platforms: the `generate:` section of
/// `accessspec.yaml`, or the command line's `--output`, `--platform`, `--swift-module` and
/// `--swift-access`. Build settings, not contract meaning: they never reach the IR.
public struct GenerationSettings: Sendable, Equatable {
    public struct Output: Sendable, Equatable {
        /// The folder under the build's output folder, `/`-separated and relative.
        public var folder: String
        /// The platforms to generate for; nil for every platform.
        public var platforms: [String]?

        public init(folder: String, platforms: [String]? = nil) {
            self.folder = folder
            self.platforms = platforms
        }

        public func includes(_ platform: String) -> Bool { platforms?.contains(platform) ?? true }
    }

    /// The outputs to write; those absent are not written.
    public var outputs: [OutputKind: Output]
    /// The module the Swift clients are compiled in, which the generated suites import.
    public var swiftModule: String
    public var swiftAccess: SwiftAccessLevel

    public static let defaultSwiftModule = GeneratedNames.defaultClientModule

    /// Every output, in its default folder, for every platform.
    public init() {
        outputs = Dictionary(uniqueKeysWithValues: OutputKind.allCases.map { ($0, Output(folder: $0.rawValue)) })
        swiftModule = Self.defaultSwiftModule
        swiftAccess = .public
    }

    /// Where the configuration said each thing, for checks that need the workspace's platforms.
    struct Locations: Sendable {
        var platforms: [(OutputKind, Located<String>)] = []
    }

    /// Reads the `generate:` section; problems are reported and the defaults of that entry kept.
    static func decode(_ node: YAMLNode, decoder: NodeDecoder, locations: inout Locations) -> GenerationSettings {
        var settings = GenerationSettings()
        settings.outputs = [:]
        guard let top = decoder.fields(node, .key("generate"), known: ContractSchema.generate.keyNames) else { return GenerationSettings() }
        var folders: [String: Located<String>] = [:]
        for key in top.keys {
            guard let kind = OutputKind(rawValue: key), let value = top[key] else { continue }
            let what = LocalizedText(en: "'generate: \(key)'", zh: "`generate: \(key)`")
            var output = Output(folder: kind.rawValue)
            guard let fields = decoder.fields(value, what, known: ContractSchema.output(kind).keyNames) else { continue }
            if let out = fields["out"].flatMap({ decoder.string($0, LocalizedText(en: "\(what.en) 'out'", zh: "\(what.zh)的 `out`")) }) {
                if let problem = folderProblem(out.value) {
                    decoder.diagnostics.error(LanguageDiagnostics.config, en: "\(what.en) 'out' \(problem.en)", zh: "\(what.zh)的 `out` \(problem.zh)", at: out.span)
                } else if let earlier = folders[out.value] {
                    decoder.diagnostics.error(LanguageDiagnostics.config, en: "\(what.en) 'out' is '\(out.value)', the folder of another output; each output needs a folder of its own",
                                              zh: "\(what.zh)的 `out` 是“\(out.value)”，这是另一项输出的文件夹；每项输出需要单独的文件夹",
                                              at: out.span, notes: [.init(en: "the other output's folder", zh: "另一项输出的文件夹", at: earlier.span)])
                } else {
                    output.folder = out.value
                    folders[out.value] = out
                }
            }
            if let list = fields["platforms"] {
                let names = decoder.strings(list, LocalizedText(en: "\(what.en) 'platforms'", zh: "\(what.zh)的 `platforms`"))
                output.platforms = names.map(\.value)
                locations.platforms += names.map { (kind, $0) }
            }
            if kind == .swift {
                if let module = fields["module"].flatMap({ decoder.name($0, LocalizedText(en: "\(what.en) 'module'", zh: "\(what.zh)的 `module`"), .typeName) }) { settings.swiftModule = module.value }
                if let access = fields["access"].flatMap({ decoder.choice($0, LocalizedText(en: "\(what.en) 'access'", zh: "\(what.zh)的 `access`"), SwiftAccessLevel.self) }) {
                    settings.swiftAccess = access.value
                }
            }
            settings.outputs[kind] = output
        }
        return settings
    }

    /// Why a folder cannot hold an output, or nil.
    static func folderProblem(_ folder: String) -> LocalizedText? {
        let parts = folder.split(separator: "/", omittingEmptySubsequences: false)
        if folder.isEmpty || folder.hasPrefix("/") || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            return LocalizedText(en: "must be a relative folder under the output folder, without '.', '..' or empty parts",
                                 zh: "必须是输出文件夹下的相对路径，不能含 `.`、`..` 或空的部分")
        }
        if folder.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" || $0.value == 0x7F }) {
            return LocalizedText(en: "must not contain control characters or '\\'", zh: "不能含控制字符或 `\\`")
        }
        return nil
    }

    /// Reports platforms named in `generate:` that the workspace does not have.
    static func checkPlatforms(_ locations: Locations, known: [String], diagnostics: DiagnosticEngine) {
        for (kind, name) in locations.platforms where !known.contains(name.value) {
            let nearest = Suggestions.nearest(to: name.value, in: known)
            diagnostics.error(LanguageDiagnostics.config, en: "'generate: \(kind.rawValue)' names platform '\(name.value)', which no contract of the workspace declares",
                              zh: "`generate: \(kind.rawValue)` 指定了平台“\(name.value)”，但工作区中没有契约声明该平台",
                              at: name.span, fixIts: nearest.map { [FixIt(.didYouMean($0), replacing: name.span, with: $0)] } ?? [])
        }
    }
}
