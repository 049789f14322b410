import AccessSpecCore
import AccessSpecSyntax
import Foundation

extension Commands {
    /// `accessc schema [contract|workspace]`: the language as a JSON Schema, for editors.
    public func schema(_ document: ContractSchema.Document) -> CommandStatus {
        console.out(Self.schemaJSON(document))
        return .success
    }

    /// The schema's bytes as committed under docs/: sorted keys, two-space indents.
    public static func schemaJSON(_ document: ContractSchema.Document) -> String {
        let data = (try? CanonicalJSON.encode(ContractSchema.jsonSchema(document))) ?? Data("{}\n".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// What `accessc init` is asked for.
public struct NewContractRequest: Sendable {
    public var workspace: String
    public var id: String
    public var level: PlatformLevel
    public var region: String?
    public var connectTo: String?
    public var name: String?

    public init(workspace: String, id: String, level: PlatformLevel, region: String? = nil, connectTo: String? = nil, name: String? = nil) {
        self.workspace = workspace
        self.id = id
        self.level = level
        self.region = region
        self.connectTo = connectTo
        self.name = name
    }
}

extension Commands {
    /// `accessc init`: writes `<workspace>/<id>.yaml`, a contract for a new platform of the
    /// level that checks clean beside the workspace's others. It is compiled with the workspace
    /// before it is written, and an existing file is never replaced.
    public func initContract(_ request: NewContractRequest, options: ReportOptions = ReportOptions()) -> CommandStatus {
        let renderer = DiagnosticRenderer(language: options.language)
        let fail = { (en: String, zh: String) -> CommandStatus in
            self.console.err(renderer.failure(LocalizedText(en: en, zh: zh)))
            return .failure
        }
        guard NameForm.id.matches(request.id) else {
            return fail("--id '\(request.id)' must be \(NameForm.id.explanation.en)", "--id“\(request.id)”必须是\(NameForm.id.explanation.zh)")
        }
        guard "\(request.id).yaml" != WorkspaceLoader.configFileName else {
            return fail("--id '\(request.id)' would write \(WorkspaceLoader.configFileName), the workspace config; choose another id",
                        "--id“\(request.id)”会写入工作区配置 \(WorkspaceLoader.configFileName)；请换一个标识")
        }
        guard request.level != .national || request.connectTo == nil else {
            return fail("the national platform is the hub; it connects to nothing, so --to does not apply", "国家平台是枢纽，不接入其他平台，因此 --to 不适用")
        }
        let path = (request.workspace as NSString).appendingPathComponent("\(request.id).yaml")
        guard !FileManager.default.fileExists(atPath: path) else {
            return fail("\(path) already exists; accessc init never replaces a file", "\(path) 已存在；accessc init 从不替换已有文件")
        }

        let diagnostics = DiagnosticEngine()
        var sources = WorkspaceLoader.load(root: request.workspace, diagnostics: diagnostics)
        if diagnostics.hasErrors {
            console.err(renderer.render(diagnostics.sorted))
            return .failure
        }
        // The workspace as it is: its platforms to connect to, and its errors to compare with.
        let before = Compiler.compile(sources, lowering: false)
        let platforms = before.workspace?.contracts.compactMap { $0.platform?.identity } ?? []
        if let taken = platforms.first(where: { $0.id == request.id }) { return fail("the workspace already has a platform '\(taken.id)'", "工作区中已有平台“\(taken.id)”") }

        let region: String
        switch (request.region, request.level) {
        case (let given?, _): region = given
        case (nil, .national), (nil, .departmental): region = "100000"
        case (nil, _): return fail("--region CODE is needed for a \(request.level.rawValue) platform: its GB/T 2260 division code",
                                   "\(request.level.chineseName)需要 --region CODE：其 GB/T 2260 行政区划代码")
        }
        if let problem = ValueFormat.divisionCode.problem(with: region) { return fail("--region '\(region)': \(problem.en)", "--region“\(region)”：\(problem.zh)") }
        let target: String?
        if request.level == .national {
            target = nil
        } else if let given = request.connectTo {
            guard platforms.contains(where: { $0.id == given }) else {
                let nearest = Suggestions.nearest(to: given, in: platforms.map(\.id))
                return fail("--to '\(given)' names no platform of the workspace\(nearest.map { "; did you mean '\($0)'?" } ?? "")",
                            "--to“\(given)”不是工作区中的平台\(nearest.map { "；是否应为“\($0)”？" } ?? "")")
            }
            target = given
        } else if let found = NewContract.parent(of: request.level, region: region, among: platforms) {
            target = found
        } else {
            return fail("no platform for a \(request.level.rawValue) platform of region \(region) to connect to; name one with --to PLATFORM",
                        "没有可供行政区划 \(region) 的\(request.level.chineseName)接入的平台；请用 --to PLATFORM 指定一个")
        }

        let text = NewContract.text(id: request.id, level: request.level, region: region, target: target, name: request.name)
        let relative = "\(request.id).yaml"
        sources.contracts.append(.init(relativePath: relative, file: SourceFile(path: path, bytes: Array(text.utf8))))
        let after = Compiler.compile(WorkspaceSources(contracts: sources.contracts, config: sources.config), lowering: false)
        // Refuse a contract that would not check clean, or that would break another file.
        let own = after.diagnostics.filter { $0.span?.file.path == path }
        if !own.isEmpty || after.errorCount > before.errorCount {
            console.err(renderer.render(own.isEmpty ? after.diagnostics : own))
            return fail("the new contract would not check clean beside the workspace, so nothing was written", "新契约与工作区中的其他契约一起检查时会出现问题，因此没有写入任何文件")
        }
        do {
            try NewContract.create(path, contents: Array(text.utf8))
        } catch {
            return fail("cannot write \(path): \(error)", "无法写入 \(path)：\(error)")
        }
        let wrote = LocalizedText(en: "wrote \(path); replace every value marked 待填写 (TODO), then run 'accessc check \(request.workspace)'",
                                  zh: "已写入 \(path)；请替换所有标为“待填写”的值，然后运行 `accessc check \(request.workspace)`")
        console.err("accessc: \(wrote.text(in: options.language))\n")
        return .success
    }
}

/// The text of a new contract: the sections its level needs, comments saying what to fill in.
enum NewContract {
    struct CreateError: Error, CustomStringConvertible {
        var description: String
    }

    /// Creates the file only if nothing is there (`O_EXCL`), so that a file appearing between
    /// the check and the write, or a symbolic link planted there, is never written through.
    static func create(_ path: String, contents: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw CreateError(description: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var written = 0
        while written < contents.count {
            let count = contents[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw CreateError(description: String(cString: strerror(errno))) }
            written += count
        }
    }

    /// The platform a new one connects to by default: the hub for provinces and departments,
    /// the province (or city) of its region for cities and counties.
    static func parent(of level: PlatformLevel, region: String, among platforms: [PlatformIdentity]) -> String? {
        let sorted = platforms.sorted { $0.id < $1.id }
        let province = sorted.first { $0.level == .provincial && $0.region.prefix(2) == region.prefix(2) }
        switch level {
        case .national: return nil
        case .provincial, .departmental: return sorted.first { $0.level == .national }?.id
        case .municipal, .thirdParty: return province?.id
        case .county: return (sorted.first { $0.level == .municipal && $0.region.prefix(4) == region.prefix(4) } ?? province)?.id
        }
    }

    /// A unified social credit code that passes GB 32100's check character, for the author to
    /// replace: registration department 1 (organ) or 9 (enterprise), then the region.
    static func placeholderUSCC(level: PlatformLevel, region: String) -> String {
        let body = (level == .thirdParty ? "91" : "11") + region + "MA0000000"
        return body + String(DomainFormats.usccCheckCharacter(body) ?? "0")
    }

    static func text(id: String, level: PlatformLevel, region: String, target: String?, name: String?) -> String {
        let secret = id.uppercased().replacingOccurrences(of: "-", with: "_") + "_SECRET"
        let quotedName = name.map(YAMLText.doubleQuoted) ?? "待填写平台中文名称"
        let areas = level == .thirdParty ? "{ security: up }" : "{ operations: up, security: up }"
        var lines = [
            "# \(id) 的接入契约，由 accessc init 生成。标有「待填写」的值须换成真实的值。",
            "# The access contract of \(id), written by accessc init. Replace every value marked 待填写 (TODO).",
            "accessSpec: 1",
            "platform:",
            "  id: \(id)",
            "  name: \(quotedName)   # 平台中文名称 / the platform's Chinese name",
            "  nameEn: \"TODO: English name\"   # 待填写：平台英文名称",
            "  level: \(level.rawValue)",
            "  region: \"\(region)\"   # GB/T 2260 行政区划代码 / division code",
            "  operator:",
            "    name: 待填写运营单位名称   # the organisation that runs the platform",
            "    uscc: \"\(placeholderUSCC(level: level, region: region))\"   # 待填写：统一社会信用代码（占位值，校验码正确但并非真实代码） / TODO: its real USCC",
            "  environments:",
            "    production: https://\(id).example.gov.cn/api   # 待填写：生产环境基础地址 / TODO: the production base URL",
        ]
        if level == .thirdParty { lines.append("  network: internet   # 第三方平台经互联网接入 / third parties reach the network over the internet") }
        if let target {
            lines += [
                "connections:   # 接入关系：本平台接入的上级平台及交换的接入领域 / what this platform connects to",
                "  - to: \(target)",
                "    areas: \(areas)",
            ]
        }
        if level.isGovernment {
            lines += [
                "operations:   # 运维管理：健康检查与可用性承诺 / health check and availability",
                "  health: /health",
                "  availability: \"99.9%\"",
                "  p95LatencyMs: 800",
                "  incidentReportMinutes: 30",
            ]
        }
        lines += [
            "security:   # 安全保障 / security",
            "  transport: { minTls: \"1.3\" }",
            "  signing: { algorithm: \(level == .thirdParty ? "hmac-sha256" : "hmac-sm3"), key: \"${env:\(secret)}\" }   # 密钥只以环境变量引用，不写入契约 / the key only by reference",
            "  protectionLevel: 3   # 网络安全等级保护级别 / classified protection level",
            "  auditRetentionDays: 180",
        ]
        if level == .thirdParty, let target {
            lines += [
                "thirdParty:   # 第三方接入 / third-party access",
                "  via: \(target)",
                "  purpose: 待填写接入目的   # TODO: the purpose of access",
                "  dataScope: [待填写]   # TODO: the data the third party may use",
                "  authorization: user-consent",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
