// swift-tools-version:6.1
// Lots' benchmark suite: in-process figures with ordo-one/package-benchmark (Benchmarks/LotsBenchmarks) and the
// `lots-bench` helper the cross-process figures need. Run everything with Scripts/bench from the project root.
import PackageDescription

let package = Package(
    name: "LotsBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Lots", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        // The data and console set-up both executables measure against.
        .target(
            name: "LotsBenchSupport",
            dependencies: [
                .product(name: "LotsCore", package: "Lots"),
                .product(name: "LotsStore", package: "Lots"),
                .product(name: "LotsUI", package: "Lots"),
                .product(name: "LotsFixtures", package: "Lots"),
            ]
        ),
        .executableTarget(
            name: "LotsBenchmarks",
            dependencies: [
                "LotsBenchSupport",
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "LotsCore", package: "Lots"),
                .product(name: "LotsStore", package: "Lots"),
                .product(name: "LotsUI", package: "Lots"),
                .product(name: "LotsFixtures", package: "Lots"),
            ],
            path: "Benchmarks/LotsBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // Cross-process helper: commits on cue for the latency figure, and the 20 writer processes.
        .executableTarget(
            name: "lots-bench",
            dependencies: [
                "LotsBenchSupport",
                .product(name: "LotsCore", package: "Lots"),
                .product(name: "LotsStore", package: "Lots"),
                .product(name: "LotsUI", package: "Lots"),
                .product(name: "LotsFixtures", package: "Lots"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
