// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Lots",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lots", targets: ["lots"]),
        // For the fuzzing package in Fuzz/ (and embedding): the pure domain.
        .library(name: "LotsCore", targets: ["LotsCore"]),
        // For the benchmark package in Benchmarks/: the store, the pure UI and the embedded data.
        .library(name: "LotsStore", targets: ["LotsStore"]),
        .library(name: "LotsUI", targets: ["LotsUI"]),
        .library(name: "LotsFixtures", targets: ["LotsFixtures"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
    ],
    targets: [
        // Pure domain: types, personnummer, triage, referral, intake validation, SafeText.
        .target(
            name: "LotsCore",
            dependencies: [
                "CArgon2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Argon2id password hashing from Debian's libargon2 (the reference implementation).
        .systemLibrary(
            name: "CArgon2",
            providers: [.apt(["libargon2-dev"])]
        ),
        // The catalog, provider directory and templates, embedded in the binary as resources.
        .target(
            name: "LotsFixtures",
            path: "Fixtures",
            exclude: ["intake", "bad-input", "triage-public.yaml", "README.md", "slots", "waits-demo.yaml"],
            sources: ["LotsFixtures.swift"],
            resources: [.copy("catalog"), .copy("providers.yaml"), .copy("templates.yaml")]
        ),
        // GRDB store: migrations, records, queue query, change detection, audit chain.
        .target(
            name: "LotsStore",
            dependencies: [
                "LotsCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Pure TUI: cell buffer, widgets, screens. No curses.
        .target(name: "LotsUI", dependencies: ["LotsCore"]),
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // libchafa (with libjpeg and libpng to decode): attachments drawn in the terminal.
        .systemLibrary(
            name: "CChafa",
            pkgConfig: "chafa",
            providers: [.apt(["libchafa-dev", "libglib2.0-dev", "libjpeg-dev", "libpng-dev"])]
        ),
        // The only code that talks to libchafa: the photo viewer's drawing.
        .target(name: "LotsPhoto", dependencies: ["CChafa"]),
        // The only code that talks to ncurses.
        .target(name: "LotsTerminal", dependencies: ["CNcursesw", "LotsUI"]),
        // The citizen channel: HTTP API, Server-Sent Events, the web form. Never LotsUI or LotsTerminal.
        .target(
            name: "LotsServer",
            dependencies: [
                "LotsCore", "LotsStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("openapi.yaml")]
        ),
        .executableTarget(
            name: "lots",
            dependencies: [
                "LotsCore", "LotsStore", "LotsUI", "LotsTerminal", "LotsFixtures", "LotsServer", "LotsPhoto",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Shared by unit and end-to-end tests: paths, temporary stores, running the binary.
        .target(name: "LotsTestSupport", dependencies: ["LotsCore", "LotsFixtures"]),
        .testTarget(name: "LotsCoreTests", dependencies: ["LotsCore", "LotsFixtures", "LotsTestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "LotsStoreTests", dependencies: [
            "LotsStore", "LotsCore", "LotsFixtures", "LotsTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "LotsServerTests", dependencies: [
            "LotsServer", "LotsStore", "LotsCore", "LotsFixtures", "LotsTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "LotsUITests", dependencies: ["LotsUI", "LotsCore"], exclude: ["Snapshots"]),
        .testTarget(name: "LotsPhotoTests", dependencies: ["LotsPhoto", "LotsTestSupport"]),
        .testTarget(name: "LotsEndToEndTests", dependencies: [
            "LotsTestSupport", "LotsCore", "LotsStore", .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Yams", package: "Yams"),
        ]),
    ]
)
