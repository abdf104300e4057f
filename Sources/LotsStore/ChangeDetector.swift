import Foundation
import GRDB

/// Tells when another connection (usually another process) has committed to the store.
///
/// GRDB's observation sees only this process's writes, so each console polls `PRAGMA data_version`
/// on one dedicated connection; the value changes whenever any other connection commits. DESIGN §5.
///
/// ```swift
/// let detector = try ChangeDetector(path: store.path)
/// if try detector.poll() { reloadQueue() }   // the console calls it every 25 ms
/// ```
public final class ChangeDetector: @unchecked Sendable {
    private let connection: DatabaseQueue
    private var last: Int

    public init(path: String) throws {
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.label = "lots.change-detector"
        connection = try DatabaseQueue(path: path, configuration: config)
        last = 0
        last = try current()
    }

    /// The connection's current data version.
    public func current() throws -> Int {
        // Called 40 times a second by every idle console: a cached statement keeps it to a few microseconds.
        try connection.inDatabase { try Int.fetchOne($0.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
    }

    /// True when someone else committed since the last call.
    public func poll() throws -> Bool {
        let now = try current()
        defer { last = now }
        return now != last
    }
}
