import AccessConformance
import AccessMock
import AccessRuntime
import AccessSpecCore
import AccessSpecDriver
import AccessSpecGenerators
import AccessSpecSyntax
import Foundation

/// How `accessc mock` serves.
public struct MockCommandOptions: Sendable {
    public var platform: String
    public var host = "127.0.0.1"
    public var port = 8080
    public var latency = Duration.zero
    public var failureRate = 0.0
    public var seed: UInt64 = 1
    public var replayWindowSeconds = 300
    public var rateLimits = true

    public init(platform: String) { self.platform = platform }
}

/// What `accessc conform` runs, and against what.
public struct ConformCommandOptions: Sendable {
    public var platform: String
    public var baseURL: String
    public var junit: String?
    /// Only these operations; all when empty.
    public var operations: [String] = []

    public init(platform: String, baseURL: String) {
        self.platform = platform
        self.baseURL = baseURL
    }
}

extension Commands {
    /// `accessc mock`: serve one platform's contract until SIGINT or SIGTERM.
    /// `onListening` is told the port (tests start it on port 0).
    public func mock(workspace: String, options: MockCommandOptions, report: ReportOptions,
                     environment: [String: String] = ProcessInfo.processInfo.environment,
                     log: @escaping @Sendable (String) -> Void, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async -> CommandStatus {
        guard let (ir, platform) = compiledPlatform(workspace, options.platform, report) else { return .failure }
        let renderer = DiagnosticRenderer(language: report.language)
        let zh = report.language == .zh
        let verificationKey: String?
        if let signing = platform.areas.security?.settings.signing {
            guard let key = try? SecretResolver(environment: environment).resolve(signing.key) else {
                let algorithm = signing.algorithm.rawValue, variable = Self.variable(signing.key)
                console.err(renderer.failure(LocalizedText(
                    en: "\(platform.id) signs requests with \(algorithm); set \(variable) to the key clients sign with (for sm2-sm3, their public or private key PEM)",
                    zh: "\(platform.id) 的请求以 \(algorithm) 签名；请把 \(variable) 设为客户端签名所用的密钥（sm2-sm3 用其公钥或私钥 PEM）")))
                return .failure
            }
            verificationKey = key
        } else {
            verificationKey = nil
        }
        do {
            let mock = try MockPlatform(platform: platform, settings: ir.settings, verificationKey: verificationKey,
                                        options: .init(replayWindowSeconds: options.replayWindowSeconds, failureRate: options.failureRate,
                                                      seed: options.seed, rateLimits: options.rateLimits))
            let server = MockServer(platform: mock, host: options.host, port: options.port, latency: options.latency, log: log)
            let operations = platform.areas.allOperations.count
            let console = self.console
            try await server.run { port in
                console.err(zh ? "\(platform.id) 的模拟服务（\(operations) 个接口）正在监听 http://\(options.host):\(port)；按 Ctrl-C 停止\n"
                               : "mock of \(platform.id) (\(operations) operations) listening on http://\(options.host):\(port); Ctrl-C stops it\n")
                await onListening(port)
            }
            console.err(zh ? "\(platform.id) 的模拟服务已停止\n" : "mock of \(platform.id) stopped\n")
            return .success
        } catch {
            console.err(renderer.failure(LocalizedText(en: "\(error)", zh: "\(error)")))
            return .failure
        }
    }

    /// `accessc conform`: run the platform's vectors against a live server; exit 1 on any failure.
    public func conform(workspace: String, options: ConformCommandOptions, report: ReportOptions,
                        environment: [String: String] = ProcessInfo.processInfo.environment) async -> CommandStatus {
        guard let (ir, platform) = compiledPlatform(workspace, options.platform, report) else { return .failure }
        let renderer = DiagnosticRenderer(language: report.language)
        guard let url = URL(string: options.baseURL) else {
            console.err(renderer.failure(LocalizedText(en: "--base-url '\(options.baseURL)' is not a URL", zh: "--base-url “\(options.baseURL)”不是 URL")))
            return .usage
        }
        // The clients' own rule, checked before anything is sent: https, or plain http to a
        // loopback address literal (a mock on this machine).
        do {
            try AccessClientConfiguration.checkBaseURL(url, allowInsecureLoopback: true)
        } catch {
            let reason = if case AccessRuntimeError.invalidConfiguration(let reason) = error { reason } else { "\(error)" }
            console.err(renderer.failure(LocalizedText(en: "--base-url: \(reason)", zh: "--base-url：\(reason)")))
            return .usage
        }
        let file: VectorFile
        do {
            file = try ConformanceVectors.vectors(for: platform, settings: ir.settings)
        } catch {
            console.err(renderer.failure(LocalizedText(en: "cannot derive the vectors of \(platform.id): \(error)", zh: "无法推导 \(platform.id) 的测试向量：\(error)")))
            return .failure
        }
        let unknown = options.operations.filter { id in file.operation(id) == nil }
        guard unknown.isEmpty else {
            let named = unknown.map { "'\($0)'" }.joined(separator: ", "), known = file.operations.map(\.id).joined(separator: ", ")
            console.err(renderer.failure(LocalizedText(en: "\(platform.id) has no operation \(named) (it has \(known))",
                                                       zh: "\(platform.id) 没有接口 \(named)（它有 \(known)）")))
            return .usage
        }
        let target = ConformanceTarget(baseURL: url, accessId: environment["ACCESSSPEC_ACCESS_ID"] ?? ConformanceTarget.defaultAccessId,
                                       accessToken: environment["ACCESSSPEC_ACCESS_TOKEN"] ?? ConformanceTarget.defaultAccessToken,
                                       secrets: SecretResolver(environment: environment))
        if let signing = platform.areas.security?.settings.signing, (try? target.secrets.resolve(signing.key)) == nil {
            let algorithm = signing.algorithm.rawValue, variable = Self.variable(signing.key)
            console.err(renderer.failure(LocalizedText(en: "\(platform.id) signs requests with \(algorithm); set \(variable) to the signing key",
                                                       zh: "\(platform.id) 的请求以 \(algorithm) 签名；请把 \(variable) 设为签名密钥")))
            return .failure
        }
        let responses = Dictionary(platform.areas.allOperations.map { ($0.id, $0.response) }, uniquingKeysWith: { first, _ in first })
        let checker = IRValueChecker(types: platform.types, settings: ir.settings)
        let runner = ConformanceRunner(file: file, target: target) { operation, body in
            guard let type = responses[operation.id] ?? nil else { return [] }
            return checker.check(body, against: type, at: "response").map { LocalizedText(en: "\($0.location): \($0.text.en)", zh: "\($0.location)：\($0.text.zh)") }
        }
        let results = await runner.run(operations: Set(options.operations))
        let conformance = ConformanceReport(platform: platform.id, baseURL: options.baseURL, results: results)
        console.out(conformance.text(language: report.language))
        // What the vectors could not cover is written in the vectors file, in English.
        for line in file.uncovered { console.err("\(Words.severity(.note, report.language)): \(report.language == .zh ? "未检查" : "not checked"): \(line)\n") }
        if let junit = options.junit {
            do {
                try Data(conformance.junitXML(language: report.reportLanguage).utf8).write(to: URL(fileURLWithPath: junit), options: .atomic)
            } catch {
                console.err(renderer.failure(LocalizedText(en: "cannot write \(junit): \(error.localizedDescription)", zh: "无法写入 \(junit)：\(error.localizedDescription)")))
                return .failure
            }
        }
        return conformance.passed ? .success : .failure
    }

    private func compiledPlatform(_ workspace: String, _ id: String, _ report: ReportOptions) -> (WorkspaceIR, PlatformIR)? {
        let compilation = Compiler.compile(workspaceAt: workspace)
        guard self.report(compilation, options: report, quietWhenClean: true) == .success, let ir = compilation.ir else { return nil }
        guard let platform = ir.platforms.first(where: { $0.id == id }) else {
            let known = ir.platforms.map(\.id).joined(separator: ", ")
            console.err(DiagnosticRenderer(language: report.language).failure(LocalizedText(
                en: "no platform '\(id)' in \(workspace) (platforms: \(known))", zh: "\(workspace) 中没有平台“\(id)”（现有平台：\(known)）")))
            return nil
        }
        return (ir, platform)
    }

    private static func variable(_ reference: String) -> String {
        SecretResolver.variable(of: reference) ?? reference
    }
}
