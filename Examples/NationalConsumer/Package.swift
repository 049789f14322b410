// swift-tools-version:6.1
import PackageDescription

// A package of a platform team's own, which gets the national hub's client at build time from
// the contracts through AccessSpec's build plugin, under a module name of its choosing.
let package = Package(
    name: "NationalConsumer",
    dependencies: [
        .package(name: "AccessSpec", path: "../.."),
    ],
    targets: [
        // Sources/NationalClient/accessspec-plugin.json says which workspace and platforms.
        .target(
            name: "NationalClient",
            dependencies: [.product(name: "AccessRuntime", package: "AccessSpec")],
            plugins: [.plugin(name: "AccessSpecGenerate", package: "AccessSpec")]
        ),
        .testTarget(
            name: "NationalClientTests",
            dependencies: ["NationalClient", .product(name: "AccessRuntime", package: "AccessSpec")]
        ),
    ]
)
