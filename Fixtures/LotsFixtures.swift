import Foundation

/// The catalog, provider directory and phrase templates that ship inside the `lots` binary.
///
/// ```swift
/// let yaml = try LotsFixtures.text("providers.yaml")
/// ```
public enum LotsFixtures {
    /// The folder holding the embedded fixture files.
    public static var root: URL { Bundle.module.resourceURL ?? Bundle.module.bundleURL }

    /// Every catalog file, sorted by name, as (file name, text).
    public static func catalogFiles() throws -> [(name: String, text: String)] {
        let dir = root.appendingPathComponent("catalog")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        return try names.map { ($0, try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// The text of one embedded file, e.g. `providers.yaml`.
    public static func text(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
    }
}
