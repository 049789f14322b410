// swift-tools-version:6.1
import Foundation
import PackageDescription

/// Generated conformance suites read their vectors beside them at run time (one folder per
/// platform), so the vector files are left out of the test target's sources.
func vectorFiles(under folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: Context.packageDirectory + "/" + folder)) ?? [])
        .sorted().map { $0 + "/vectors.json" }
        .filter { FileManager.default.fileExists(atPath: Context.packageDirectory + "/" + folder + "/" + $0) }
}

let package = Package(
    name: "AccessSpec",
    products: [
        .executable(name: "accessc", targets: ["accessc"]),
        // `accessc mock` and `accessc conform`, which `accessc` hands over to.
        .executable(name: "accessc-serve", targets: ["accessc-serve"]),
        .library(name: "AccessSpecCore", targets: ["AccessSpecCore"]),
        // Source files, diagnostics and their renderers, for packages beside this one (Fuzz/).
        .library(name: "AccessSpecSyntax", targets: ["AccessSpecSyntax"]),
        .library(name: "AccessRuntime", targets: ["AccessRuntime"]),
        // What generated conformance suites link: the vector runner, and the mock they fall back on.
        .library(name: "AccessConformance", targets: ["AccessConformance"]),
        .library(name: "AccessMock", targets: ["AccessMock"]),
        // Generate clients (or suites) at build time from a workspace the target points at.
        .plugin(name: "AccessSpecGenerate", targets: ["AccessSpecGenerate"]),
        // `swift package accessspec-regenerate`: rewrite committed outputs.
        .plugin(name: "AccessSpecRegenerate", targets: ["AccessSpecRegenerate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // The mock server; its swift-configuration support is not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Hummingbird's own service runner, used directly to stop in-process mocks gracefully.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // The system libyaml (Debian: libyaml-dev), never vendored.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The languages accessc speaks and a sentence in each (LocalizedText), shared by the
        // diagnostics and the value checks whose explanations they quote.
        .target(name: "AccessSpecText"),
        // Source files, positions, the YAML node tree, limits and the diagnostics engine.
        .target(name: "AccessSpecSyntax", dependencies: ["CYAML", "AccessSpecText"]),
        // The national identifier formats and their check characters, shared by the compiler
        // and the runtime that generated clients use.
        .target(name: "AccessSpecFormats", dependencies: ["AccessSpecText"]),
        // The contract language: decode, resolve, check, standard rules, IR.
        .target(name: "AccessSpecCore", dependencies: ["AccessSpecSyntax", "AccessSpecFormats"]),
        // SHA-256 with the processor's SHA instructions, for the build cache's digests.
        .target(name: "CSHA256"),
        // IR in, files out; plus the one writer that puts them on disk.
        .target(name: "AccessSpecGenerators", dependencies: ["AccessSpecCore", "AccessVectors", "CSHA256"]),
        // The conformance vector format (generated/tests/<platform>/vectors.json), shared by the
        // generator that writes it and the runners that read it.
        .target(name: "AccessVectors", dependencies: ["AccessSpecFormats"]),
        // Runs vectors against a live platform: request tampering, expectations, reports, JUnit.
        .target(name: "AccessConformance", dependencies: ["AccessVectors", "AccessRuntime"]),
        // A server that behaves as one platform's contract says (`accessc mock`).
        .target(
            name: "AccessMock",
            dependencies: [
                "AccessSpecCore", "AccessRuntime", "AccessConformance",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The compiler's commands (check, build, ir, explain) as library functions over a console.
        // Nothing here links an HTTP stack, so `accessc` builds in a fraction of the time.
        .target(name: "AccessSpecDriver", dependencies: ["AccessSpecGenerators", "AccessSpecDiff"]),
        // Contract evolution (`accessc diff`): two IRs in, classified changes out.
        .target(name: "AccessSpecDiff", dependencies: ["AccessSpecCore"]),
        // The commands that serve and call platforms (mock, conform).
        .target(name: "AccessServeDriver", dependencies: ["AccessSpecDriver", "AccessMock", "AccessConformance"]),
        // The argument parsing both executables share.
        .target(
            name: "AccessCommandLine",
            dependencies: ["AccessSpecDriver", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // OpenSSL 3's libcrypto (Debian: libssl-dev): SM2, SM3, SM4 and HMAC for the runtime.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The small library generated Swift clients import: transport, envelopes, signing,
        // replay protection, retries, limits and identifier validation.
        .target(
            name: "AccessRuntime",
            dependencies: [
                "AccessSpecFormats", "COpenSSL",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // The generated clients of specs/, compiled so that `swift build` proves they compile.
        .target(name: "AccessClients", dependencies: ["AccessRuntime"], path: "generated/swift"),
        // The load generator and baseline server of Benchmarks/mock-load.sh.
        .executableTarget(
            name: "mock-load",
            dependencies: [
                "AccessConformance",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Benchmarks/MockLoad"
        ),
        // A thin command line over the driver.
        .executableTarget(
            name: "accessc",
            dependencies: ["AccessCommandLine", "AccessLanguageServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "accessc-serve",
            dependencies: ["AccessCommandLine", "AccessServeDriver", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .plugin(name: "AccessSpecGenerate", capability: .buildTool(), dependencies: ["accessc"]),
        .plugin(
            name: "AccessSpecRegenerate",
            capability: .command(
                intent: .custom(verb: "accessspec-regenerate", description: "Run accessc build on the package's committed outputs."),
                permissions: [.writeToPackageDirectory(reason: "accessc build rewrites the generated outputs it made")]
            ),
            dependencies: ["accessc"]
        ),
        .testTarget(
            name: "AccessSpecSyntaxTests",
            dependencies: ["AccessSpecSyntax"],
            exclude: ["libyaml-known-failures.txt"]
        ),
        // SplitMix64, the seeded generator of the randomised tests, so a failing round replays.
        .target(name: "SeededRandom", path: "Tests/SeededRandom"),
        .testTarget(
            name: "AccessSpecCoreTests",
            dependencies: ["AccessSpecCore", "SeededRandom"],
            exclude: ["Golden", "GoldenChinese"]
        ),
        .testTarget(
            name: "AccessSpecGeneratorsTests",
            dependencies: ["AccessSpecGenerators", "SeededRandom"],
            exclude: ["Fixtures"]
        ),
        // Clients generated from a contract of hostile text (Tests/HostileFixture), compiled
        // to prove that escaping holds.
        .target(name: "HostileClients", dependencies: ["AccessRuntime"], path: "Tests/HostileFixture/generated/swift"),
        // Clients and conformance suites generated from Tests/NameTorture: every keyword, standard
        // name and name generated code declares, in every role a contract gives a name. Compiling
        // them proves that whatever `accessc check` accepts compiles.
        .target(name: "NameTortureClients", dependencies: ["AccessRuntime"], path: "Tests/NameTorture/generated/swift"),
        .testTarget(
            name: "NameTortureSuites",
            dependencies: ["NameTortureClients", "AccessConformance", "AccessMock"],
            path: "Tests/NameTorture/generated/tests",
            exclude: vectorFiles(under: "Tests/NameTorture/generated/tests"),
            swiftSettings: [.define("ACCESSSPEC_MOCK_FALLBACK")]
        ),
        .testTarget(
            name: "AccessRuntimeTests",
            dependencies: [
                "AccessRuntime", "AccessClients", "HostileClients",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "AccessSpecDiffTests", dependencies: ["AccessSpecDiff", "AccessSpecDriver", "SeededRandom"]),
        .testTarget(
            name: "AccessSpecDriverTests",
            dependencies: ["AccessSpecDriver", "SeededRandom"]
        ),
        // The generated conformance suites of specs/, run through the generated clients. With
        // no ACCESSSPEC_BASE_URL they run against an in-process mock of each contract.
        .testTarget(
            name: "ConformanceSuites",
            dependencies: ["AccessClients", "AccessConformance", "AccessMock"],
            path: "generated/tests",
            exclude: vectorFiles(under: "generated/tests"),
            swiftSettings: [.define("ACCESSSPEC_MOCK_FALLBACK")]
        ),
        .testTarget(
            name: "AccessMockTests",
            dependencies: [
                "AccessMock", "AccessConformance", "AccessSpecGenerators", "AccessSpecDriver", "AccessServeDriver", "SeededRandom",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // `accessc lsp`: a language server for contracts over stdio (LSP 3.17).
        .target(name: "AccessLanguageServer", dependencies: ["AccessSpecCore", "AccessSpecSyntax"]),
        .testTarget(name: "AccessLanguageServerTests", dependencies: ["AccessLanguageServer"]),
    ]
)
