// swift-tools-version:6.1
// libFuzzer targets for Lots' untrusted-input parsers. Build and run them with Scripts/fuzz.
import PackageDescription

let targets = ["FuzzIntake", "FuzzPersonnummer", "FuzzSafeText", "FuzzImage", "FuzzYAML"]

let package = Package(
    name: "LotsFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Lots", path: "..")],
    targets: [.target(name: "FuzzSupport")] + targets.map {
        .executableTarget(name: $0, dependencies: ["FuzzSupport", .product(name: "LotsCore", package: "Lots")],
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])])
    }
)
