import Foundation
import PackagePlugin

/// Generates, at build time, the Swift clients (and if asked the conformance suites) of chosen
/// platforms into the target that uses this plugin, under the target's own module name.
///
/// The target's folder holds `accessspec-plugin.json`:
///
///     { "workspace": "../../contracts", "platforms": ["national"], "access": "public" }
///
/// `workspace` is relative to that file. A test target that wants the conformance suites
/// instead says `"suites": true` and names the clients' module: `"module": "NationalClient"`. The generated files have fixed names per platform
/// (docs/swift-clients.md), so the plugin can declare them without reading a contract.
@main
struct AccessSpecGenerate: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let config = try PluginConfig.load(from: target.directoryURL)
        let out = context.pluginWorkDirectoryURL.appending(path: "generated")
        var arguments = ["build", config.workspace.path, "--out", out.path, "--swift-module", config.module ?? target.name, "--swift-access", config.access]
        var outputs: [URL] = []
        if config.suites {
            arguments += ["--output", "tests", "--output", "ir"]
            outputs += config.platforms.map { out.appending(path: "tests/\($0)/\($0)+Conformance.swift") }
        } else {
            arguments += ["--output", "swift"]
            outputs += config.platforms.flatMap { id in
                (["\(id).swift", "\(id)+ContractError.swift"] + (1...PluginConfig.modelFiles).map { "\(id)+Models\($0).swift" })
                    .map { out.appending(path: "swift/\(id)/\($0)") }
            }
        }
        arguments += config.platforms.flatMap { ["--platform", $0] }
        return [.buildCommand(
            displayName: "accessc: \(config.suites ? "conformance suites" : "clients") of \(config.platforms.joined(separator: ", ")) for \(target.name)",
            executable: try context.tool(named: "accessc").url,
            arguments: arguments,
            inputFiles: [config.file] + config.contractFiles(),
            outputFiles: outputs)]
    }
}

/// `accessspec-plugin.json` in the target's folder.
struct PluginConfig: Decodable {
    static let fileName = "accessspec-plugin.json"
    /// The number of models files per platform, fixed so outputs are known before generating;
    /// accessc writes the same number (GeneratedNames.swiftModelFiles).
    static let modelFiles = 8

    var workspace: URL
    var platforms: [String]
    var access: String
    var suites: Bool
    /// The module the clients are compiled in; the target's own when nil.
    var module: String?
    var file: URL

    enum CodingKeys: String, CodingKey { case workspace, platforms, access, suites, module }

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        workspace = URL(fileURLWithPath: try container.decode(String.self, forKey: .workspace))
        platforms = try container.decode([String].self, forKey: .platforms)
        access = try container.decodeIfPresent(String.self, forKey: .access) ?? "public"
        suites = try container.decodeIfPresent(Bool.self, forKey: .suites) ?? false
        module = try container.decodeIfPresent(String.self, forKey: .module)
        file = workspace
    }

    static func load(from folder: URL) throws -> PluginConfig {
        let file = folder.appending(path: fileName)
        guard let data = try? Data(contentsOf: file) else {
            throw Problem(description: "\(file.path): error: the AccessSpecGenerate plugin needs this file, e.g. {\"workspace\": \"../../contracts\", \"platforms\": [\"national\"]}")
        }
        var config: PluginConfig
        do {
            config = try JSONDecoder().decode(PluginConfig.self, from: data)
        } catch {
            throw Problem(description: "\(file.path): error: \(error)")
        }
        guard !config.platforms.isEmpty else { throw Problem(description: "\(file.path): error: 'platforms' lists no platform") }
        let relative = config.workspace.relativePath
        config.workspace = relative.hasPrefix("/") ? URL(fileURLWithPath: relative) : folder.appending(path: relative).standardizedFileURL
        config.file = file
        return config
    }

    /// Every YAML file of the workspace: a change to any of them regenerates.
    func contractFiles() -> [URL] {
        let walker = FileManager.default.enumerator(at: workspace, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }.sorted { $0.path < $1.path }
    }
}
