// swift-tools-version:6.1
import PackageDescription

// The compile-speed benchmark of generated clients (Benchmarks/client-compile.sh): the same
// synthetic contract's client as accessc writes it and as swift-openapi-generator writes it from
// accessc's OpenAPI export, each compiled as a target of its own. The script fills Generated/.
let package = Package(
    name: "ClientCompile",
    dependencies: [
        .package(name: "AccessSpec", path: "../.."),
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
    ],
    targets: [
        .target(name: "AccesscClient", dependencies: [.product(name: "AccessRuntime", package: "AccessSpec")], path: "Generated/accessc"),
        .target(name: "SOGClient", dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")], path: "Generated/sog"),
    ]
)
