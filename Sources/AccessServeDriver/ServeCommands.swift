import AccessConformance
import AccessMock
import AccessRuntime
import AccessSpecCore
import AccessSpecDriver
import AccessSpecGenerators
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
        let verificationKey: String?
        if let signing = platform.areas.security?.settings.signing {
            guard let key = try? SecretResolver(environment: environment).resolve(signing.key) else {
                console.err("error: \(platform.id) signs requests with \(signing.algorithm.rawValue); set \(Self.variable(signing.key)) to the key clients sign with (for sm2-sm3, their public or private key PEM)\n")
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
                console.err("mock of \(platform.id) (\(operations) operations) listening on http://\(options.host):\(port); Ctrl-C stops it\n")
                await onListening(port)
            }
            console.err("mock of \(platform.id) stopped\n")
            return .success
        } catch {
            console.err("error: \(error)\n")
            return .failure
        }
    }

    /// `accessc conform`: run the platform's vectors against a live server; exit 1 on any failure.
    public func conform(workspace: String, options: ConformCommandOptions, report: ReportOptions,
                        environment: [String: String] = ProcessInfo.processInfo.environment) async -> CommandStatus {
        guard let (ir, platform) = compiledPlatform(workspace, options.platform, report) else { return .failure }
        guard let url = URL(string: options.baseURL) else {
            console.err("error: --base-url '\(options.baseURL)' is not a URL\n")
            return .usage
        }
        // The clients' own rule, checked before anything is sent: https, or plain http to a
        // loopback address literal (a mock on this machine).
        do {
            try AccessClientConfiguration.checkBaseURL(url, allowInsecureLoopback: true)
        } catch AccessRuntimeError.invalidConfiguration(let reason) {
            console.err("error: --base-url: \(reason)\n")
            return .usage
        } catch {
            console.err("error: --base-url: \(error)\n")
            return .usage
        }
        let file: VectorFile
        do {
            file = try ConformanceVectors.vectors(for: platform, settings: ir.settings)
        } catch {
            console.err("error: cannot derive the vectors of \(platform.id): \(error)\n")
            return .failure
        }
        let unknown = options.operations.filter { id in file.operation(id) == nil }
        guard unknown.isEmpty else {
            console.err("error: \(platform.id) has no operation \(unknown.map { "'\($0)'" }.joined(separator: ", ")) (it has \(file.operations.map(\.id).joined(separator: ", ")))\n")
            return .usage
        }
        let target = ConformanceTarget(baseURL: url, accessId: environment["ACCESSSPEC_ACCESS_ID"] ?? ConformanceTarget.defaultAccessId,
                                       accessToken: environment["ACCESSSPEC_ACCESS_TOKEN"] ?? ConformanceTarget.defaultAccessToken,
                                       secrets: SecretResolver(environment: environment))
        if let signing = platform.areas.security?.settings.signing, (try? target.secrets.resolve(signing.key)) == nil {
            console.err("error: \(platform.id) signs requests with \(signing.algorithm.rawValue); set \(Self.variable(signing.key)) to the signing key\n")
            return .failure
        }
        let responses = Dictionary(platform.areas.allOperations.map { ($0.id, $0.response) }, uniquingKeysWith: { first, _ in first })
        let checker = IRValueChecker(types: platform.types, settings: ir.settings)
        let runner = ConformanceRunner(file: file, target: target) { operation, body in
            guard let type = responses[operation.id] ?? nil else { return [] }
            return checker.check(body, against: type, at: "response").map(\.description)
        }
        let results = await runner.run(operations: Set(options.operations))
        let conformance = ConformanceReport(platform: platform.id, baseURL: options.baseURL, results: results)
        console.out(conformance.text())
        for line in file.uncovered { console.err("note: not checked: \(line)\n") }
        if let junit = options.junit {
            do {
                try Data(conformance.junitXML().utf8).write(to: URL(fileURLWithPath: junit), options: .atomic)
            } catch {
                console.err("error: cannot write \(junit): \(error.localizedDescription)\n")
                return .failure
            }
        }
        return conformance.passed ? .success : .failure
    }

    private func compiledPlatform(_ workspace: String, _ id: String, _ report: ReportOptions) -> (WorkspaceIR, PlatformIR)? {
        let compilation = Compiler.compile(workspaceAt: workspace)
        guard self.report(compilation, options: report, quietWhenClean: true) == .success, let ir = compilation.ir else { return nil }
        guard let platform = ir.platforms.first(where: { $0.id == id }) else {
            console.err("error: no platform '\(id)' in \(workspace) (platforms: \(ir.platforms.map(\.id).joined(separator: ", ")))\n")
            return nil
        }
        return (ir, platform)
    }

    private static func variable(_ reference: String) -> String {
        SecretResolver.variable(of: reference) ?? reference
    }
}
