import Foundation
import GRDB

/// Tells when another connection (usually another process) has committed to the store.
///
/// GRDB's observation sees only this process's writes, so each console asks `PRAGMA data_version` on one
/// dedicated connection; the value changes whenever any other connection commits. DESIGN §5. The console asks
/// when its notifier socket says a commit touched its unit (`CommitNotifier`), and once a minute regardless:
/// the datagram is a hint, this is the truth.
///
/// ```swift
/// let detector = try ChangeDetector(path: store.path)
/// if try detector.poll() { reloadQueue() }   // after a hint from CommitListener, or a minute without one
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
        // A cached statement keeps it to a few microseconds.
        try connection.inDatabase { try Int.fetchOne($0.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
    }

    /// True when someone else committed since the last call.
    public func poll() throws -> Bool {
        let now = try current()
        defer { last = now }
        return now != last
    }
}
