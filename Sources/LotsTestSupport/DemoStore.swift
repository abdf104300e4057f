import Foundation

/// A demo store (region, staff, templates; no cases) made once per test run by the real binary,
/// then copied for each test so tests never share a database.
public enum DemoStore {
    static let template: URL = {
        let dir = TestPaths.temporaryDirectory("lots-template")
        let path = dir.appendingPathComponent("template.sqlite")
        let run = try! LotsProcess.run(["demo", "--cases", "0", "--db", path.path], timeout: 120)
        precondition(run.status == 0, "lots demo failed: \(run.stderr)")
        return path
    }()

    /// A fresh copy of the template store in its own directory, with `cases` demo cases added by the
    /// real binary; returns the database path.
    public static func copy(cases: Int = 0) throws -> String {
        let dir = TestPaths.temporaryDirectory("lots-e2e")
        let path = dir.appendingPathComponent("lots.sqlite")
        try FileManager.default.copyItem(at: template, to: path)
        chmod(path.path, 0o600)
        // The access log's key lives beside the store, outside it: a copy of the store needs its key too.
        let key = URL(fileURLWithPath: template.path + "-audit.key")
        if FileManager.default.fileExists(atPath: key.path) {
            try FileManager.default.copyItem(at: key, to: URL(fileURLWithPath: path.path + "-audit.key"))
            chmod(path.path + "-audit.key", 0o600)
        }
        if cases > 0 {
            let run = try LotsProcess.run(["demo", "--cases", String(cases), "--db", path.path], timeout: 120)
            guard run.status == 0 else { throw LotsRunError(run: run) }
        }
        return path.path
    }
}

/// A `lots` run that should have succeeded and did not.
public struct LotsRunError: Error, CustomStringConvertible {
    public let run: LotsRun
    public init(run: LotsRun) { self.run = run }
    public var description: String { "lots exited \(run.status): \(run.stderr)" }
}
