import Foundation

/// Where things are when tests run: the repository root, its fixtures and the built `lots` binary.
public enum TestPaths {
    /// The repository root, derived from this file's location at compile time.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var fixtures: URL { root.appendingPathComponent("Fixtures") }

    /// The `lots` executable built beside the test bundle (`$LOTS_BIN` overrides).
    public static var lotsBinary: URL {
        if let env = ProcessInfo.processInfo.environment["LOTS_BIN"] { return URL(fileURLWithPath: env) }
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent().appendingPathComponent("lots"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("lots"),
            root.appendingPathComponent(".build/debug/lots"),
        ].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    /// A fresh, empty temporary directory.
    public static func temporaryDirectory(_ label: String = "lots-test") -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
