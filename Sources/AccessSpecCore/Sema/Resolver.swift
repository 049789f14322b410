import AccessSpecSyntax
import Foundation

/// Resolves imports into scopes, indexes platforms and checks that every reference in every
/// contract resolves. Problems are reported once; poisoned names are not reported again.
struct Resolver {
    let diagnostics: DiagnosticEngine

    /// `unreadable`: files that failed to parse; each may be the platform its name says.
    /// `cache`: scopes and checks of the last compile, reused where nothing they read changed.
    func resolve(_ contracts: [ContractFile], settings: WorkspaceSettings, unreadable: [String] = [], cache: CompilerCache? = nil) -> SemanticWorkspace {
        let byPath = Dictionary(contracts.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        let (importGraph, brokenImports) = resolveImports(contracts, byPath: byPath)
        var scopes: [String: Scope] = [:]
        var scoped: [String: CompilerCache.Scoped] = [:]
        for contract in contracts {
            let reachable = Self.reachable(from: contract, byPath: byPath, imports: importGraph)
            let files = reachable.map(\.file)
            let broken = reachable.contains { brokenImports.contains($0.relativePath) }
            var result = cache?.scopes[contract.relativePath]
            if result.map({ !CompilerCache.same($0.files, files) || $0.scope.hasBrokenImport != broken }) ?? true {
                let local = DiagnosticEngine()
                let scope = Resolver(diagnostics: local).buildScope(for: contract, from: reachable, brokenImports: brokenImports)
                result = CompilerCache.Scoped(files: files, scope: scope, diagnostics: local.diagnostics)
            }
            result!.diagnostics.forEach(diagnostics.emit)
            scopes[contract.relativePath] = result!.scope
            scoped[contract.relativePath] = result!
        }
        cache?.scopes = scoped
        var platforms: [String: ContractFile] = [:]
        var namespaces: [String: PlatformDecl] = [:]
        // Every output of a platform is in a folder or file named by its id.
        var folders: [String: PlatformDecl] = [:]
        for contract in contracts {
            guard let platform = contract.platform else { continue }
            let namespace = IdentifierFolding.upperCamel(platform.identity.id)
            if let first = namespaces[namespace], first.identity.id != platform.identity.id {
                diagnostics.error(SemaDiagnostics.identifierCollision, en: "platform ids '\(platform.identity.id)' and '\(first.identity.id)' both become '\(namespace)' in generated code",
                                  zh: "平台标识“\(platform.identity.id)”和“\(first.identity.id)”在生成的代码中都会变成“\(namespace)”",
                                  at: platform.spans["id"], notes: [.declaredHere(first.identity.id, at: first.spans["id"])])
            } else if let first = folders[platform.identity.id.lowercased()], first.identity.id != platform.identity.id {
                diagnostics.error(SemaDiagnostics.identifierCollision,
                                  en: "platform ids '\(platform.identity.id)' and '\(first.identity.id)' differ only in case; their outputs would be one folder on a case-insensitive file system (macOS, Windows)",
                                  zh: "平台标识“\(platform.identity.id)”和“\(first.identity.id)”只有大小写不同；在不区分大小写的文件系统（macOS、Windows）上，它们的输出会落在同一个文件夹中",
                                  at: platform.spans["id"], notes: [.declaredHere(first.identity.id, at: first.spans["id"])])
            }
            namespaces[namespace] = namespaces[namespace] ?? platform
            folders[platform.identity.id.lowercased()] = folders[platform.identity.id.lowercased()] ?? platform
            if let first = platforms[platform.identity.id] {
                diagnostics.error(SemaDiagnostics.duplicatePlatform, en: "platform id '\(platform.identity.id)' is declared by two contracts",
                                  zh: "平台标识“\(platform.identity.id)”由两份契约声明", at: platform.spans["id"],
                                  notes: [.firstDeclaredHere(at: first.platform!.spans["id"])])
            } else {
                platforms[platform.identity.id] = contract
            }
        }
        var workspace = SemanticWorkspace(contracts: contracts, scopes: scopes, settings: settings, platforms: platforms)
        // A platform whose header failed is known by the id it wrote, else by its file's name
        // (`national.yaml`), as is a file that failed to parse at all.
        let failedHeaders = contracts.filter { $0.isPlatformContract && $0.platform == nil }
        let guessed = failedHeaders.map { $0.brokenPlatformID?.value ?? Self.fileStem($0.relativePath) } + unreadable.map(Self.fileStem)
        workspace.brokenPlatforms = Set(guessed.filter(NameForm.id.matches)).subtracting(platforms.keys)
        // Contracts are checked independently, several at a time, each into its own engine;
        // the reports are merged in path order so output does not depend on timing.
        let platformIDs = Set(platforms.keys).union(workspace.brokenPlatforms)
        let reusable = cache.flatMap { $0.settings == settings && $0.platformIDs == platformIDs ? $0.checked : nil } ?? [:]
        let results = ConcurrentSlots<CompilerCache.Checked>(count: contracts.count)
        let snapshot = workspace
        DispatchQueue.concurrentPerform(iterations: contracts.count) { index in
            let contract = contracts[index]
            let files = snapshot.scope(of: contract).files
            if let last = reusable[contract.relativePath], CompilerCache.same(last.files, files) { return results[index] = last }
            let local = DiagnosticEngine()
            let examples = ContractChecker(diagnostics: local, workspace: snapshot, contract: contract).check()
            results[index] = CompilerCache.Checked(files: files, diagnostics: local.diagnostics, examples: examples)
        }
        var checked: [String: CompilerCache.Checked] = [:]
        for index in contracts.indices {
            let result = results[index]!
            result.diagnostics.forEach(diagnostics.emit)
            workspace.examples.merge(result.examples) { first, _ in first }
            checked[contracts[index].relativePath] = result
        }
        if let cache {
            (cache.checked, cache.settings, cache.platformIDs) = (checked, settings, platformIDs)
        }
        return workspace
    }

    // MARK: Imports

    /// Each file's directly imported files (relative paths), with bad imports and cycles
    /// reported; and the files with an import that failed.
    private func resolveImports(_ contracts: [ContractFile], byPath: [String: ContractFile]) -> ([String: [String]], Set<String>) {
        var graph: [String: [String]] = [:]
        var broken: Set<String> = []
        for contract in contracts {
            var targets: [String] = []
            for entry in contract.imports {
                guard let target = Self.join(contract.relativePath, entry.value) else {
                    diagnostics.error(SemaDiagnostics.badImport, en: "import '\(entry.value)' leaves the workspace folder", zh: "导入“\(entry.value)”超出了工作区文件夹", at: entry.span)
                    broken.insert(contract.relativePath)
                    continue
                }
                guard let imported = byPath[target] else {
                    let nearest = Suggestions.nearest(to: target, in: Array(byPath.keys)).map { Self.relative(from: contract.relativePath, to: $0) }
                    diagnostics.error(SemaDiagnostics.badImport, en: "import '\(entry.value)' names no file of the workspace",
                                      zh: "导入“\(entry.value)”指向的文件不在工作区中", at: entry.span,
                                      fixIts: nearest.map { [FixIt(.didYouMean($0), replacing: entry.span, with: $0)] } ?? [])
                    broken.insert(contract.relativePath)
                    continue
                }
                if imported.isPlatformContract {
                    diagnostics.error(SemaDiagnostics.badImport, en: "import '\(entry.value)' is a platform contract; only shared files (without 'platform:') can be imported",
                                      zh: "导入“\(entry.value)”是平台契约；只能导入共享文件（没有 `platform:`）", at: entry.span)
                    broken.insert(contract.relativePath)
                    continue
                }
                targets.append(target)
            }
            graph[contract.relativePath] = targets
        }
        // Report each cycle once, at the import that closes it.
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        func visit(_ path: String, _ trail: [String]) {
            state[path] = 1
            for (index, target) in (graph[path] ?? []).enumerated() {
                if state[target] == 1 {
                    let cycle = (trail.drop { $0 != target } + [path, target]).joined(separator: " -> ")
                    let span = byPath[path]!.imports.filter { Self.join(path, $0.value) == target }.first?.span ?? byPath[path]!.root
                    diagnostics.error(SemaDiagnostics.importCycle, en: "imports form a cycle: \(cycle)", zh: "导入形成了循环：\(cycle)", at: span)
                    graph[path]?.remove(at: index)
                    return visit(path, trail)
                } else if state[target] == nil {
                    visit(target, trail + [path])
                }
            }
            state[path] = 2
        }
        for path in graph.keys.sorted() where state[path] == nil { visit(path, []) }
        return (graph, broken)
    }

    /// The contract, then every file it imports, directly or not, in the order reached.
    private static func reachable(from contract: ContractFile, byPath: [String: ContractFile], imports: [String: [String]]) -> [ContractFile] {
        var reached: [ContractFile] = []
        var visited: Set<String> = []
        var queue = [contract.relativePath]
        var next = 0
        while next < queue.count {
            let path = queue[next]
            next += 1
            guard visited.insert(path).inserted, let file = byPath[path] else { continue }
            reached.append(file)
            queue += imports[path] ?? []
        }
        return reached
    }

    private func buildScope(for contract: ContractFile, from reachable: [ContractFile], brokenImports: Set<String>) -> Scope {
        var scope = Scope()
        for file in reachable {
            scope.files.append(file.file)
            scope.poisoned.formUnion(file.poisoned)
            if brokenImports.contains(file.relativePath) { scope.hasBrokenImport = true }
            for decl in file.types {
                if let first = scope.types[decl.name.value] {
                    duplicate(LocalizedText(en: "type", zh: "类型"), decl.name, first: first.name, in: contract)
                } else {
                    scope.types[decl.name.value] = decl
                }
            }
            for decl in file.errors {
                if let first = scope.errors[decl.name.value] {
                    duplicate(LocalizedText(en: "error", zh: "错误"), decl.name, first: first.name, in: contract)
                } else {
                    scope.errors[decl.name.value] = decl
                }
            }
        }
        return scope
    }

    private func duplicate(_ kind: LocalizedText, _ name: Located<String>, first: Located<String>, in contract: ContractFile) {
        let direct = name.span.file === contract.file && first.span.file === contract.file
        diagnostics.error(SemaDiagnostics.duplicateName,
                          en: "\(kind.en) '\(name.value)' is declared twice\(direct ? "" : " (through imports of \(contract.relativePath))")",
                          zh: "\(kind.zh)“\(name.value)”声明了两次\(direct ? "" : "（经由 \(contract.relativePath) 的导入）")", at: name.span,
                          notes: [.firstDeclaredHere(at: first.span)])
    }

    /// `sub/national.yaml` -> `national`.
    static func fileStem(_ relativePath: String) -> String {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name.hasSuffix(".yml") ? String(name.dropLast(4)) : name
    }

    /// `base`'s folder joined with `relative`, normalised; nil when it climbs out of the root.
    static func join(_ base: String, _ relative: String) -> String? {
        guard !relative.hasPrefix("/") else { return nil }
        var parts = base.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    static func relative(from base: String, to target: String) -> String {
        let baseParts = base.split(separator: "/").dropLast()
        let targetParts = target.split(separator: "/")
        var common = 0
        while common < baseParts.count, common < targetParts.count - 1, baseParts[baseParts.startIndex + common] == targetParts[common] { common += 1 }
        let up = Array(repeating: "..", count: baseParts.count - common)
        return (up + targetParts[common...].map(String.init)).joined(separator: "/")
    }
}
