// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "AccessSpec",
    products: [
        .executable(name: "accessc", targets: ["accessc"]),
        .library(name: "AccessSpecCore", targets: ["AccessSpecCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The system libyaml (Debian: libyaml-dev), never vendored.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Source files, positions, the YAML node tree, limits and the diagnostics engine.
        .target(name: "AccessSpecSyntax", dependencies: ["CYAML"]),
        // The national identifier formats and their check characters, shared by the compiler
        // and the runtime that generated clients use.
        .target(name: "AccessSpecFormats"),
        // The contract language: decode, resolve, check, standard rules, IR.
        .target(name: "AccessSpecCore", dependencies: ["AccessSpecSyntax", "AccessSpecFormats"]),
        // IR in, files out; plus the one writer that puts them on disk.
        .target(name: "AccessSpecGenerators", dependencies: ["AccessSpecCore"]),
        // The commands (check, build, ir, explain) as library functions over a console.
        .target(name: "AccessSpecDriver", dependencies: ["AccessSpecGenerators"]),
        // A thin command line over the driver.
        .executableTarget(
            name: "accessc",
            dependencies: [
                "AccessSpecDriver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AccessSpecSyntaxTests",
            dependencies: ["AccessSpecSyntax"]
        ),
        .testTarget(
            name: "AccessSpecCoreTests",
            dependencies: ["AccessSpecCore"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "AccessSpecGeneratorsTests",
            dependencies: ["AccessSpecGenerators"]
        ),
        .testTarget(
            name: "AccessSpecDriverTests",
            dependencies: ["AccessSpecDriver"]
        ),
    ]
)
