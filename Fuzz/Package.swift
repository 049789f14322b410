// swift-tools-version:6.1
import PackageDescription

// libFuzzer harnesses, kept out of the root package so that its `swift build` never builds them.
// Build with the sanitizers on the command line (they must reach every Swift module, the
// root package's too, or the fuzzer sees no coverage); scripts/fuzz.sh does:
//
//     swift build --package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address --product fuzz-frontend
//
// libFuzzer supplies `main`; each harness only defines `LLVMFuzzerTestOneInput`, so it is
// compiled as a library file.
let harness: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "AccessSpecFuzz",
    dependencies: [
        .package(name: "AccessSpec", path: ".."),
    ],
    targets: [
        // YAML bytes through the front end and both diagnostic renderers.
        .executableTarget(
            name: "fuzz-frontend",
            dependencies: [
                .product(name: "AccessSpecCore", package: "AccessSpec"),
                .product(name: "AccessSpecSyntax", package: "AccessSpec"),
            ],
            swiftSettings: harness
        ),
        // Raw HTTP/1.1 request bytes through one platform's MockPlatform.
        .executableTarget(
            name: "fuzz-mock",
            dependencies: [
                .product(name: "AccessMock", package: "AccessSpec"),
                .product(name: "AccessRuntime", package: "AccessSpec"),
                .product(name: "AccessSpecCore", package: "AccessSpec"),
            ],
            swiftSettings: harness
        ),
    ]
)
