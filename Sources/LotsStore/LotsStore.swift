import Foundation
import GRDB
import LotsCore

/// The local SQLite store shared by every console on the host. DESIGN §5.
///
/// One `DatabasePool` per process: WAL, `synchronous=FULL` (a sent message survives power loss),
/// a 10 s busy timeout, IMMEDIATE write transactions, foreign keys on. The file and its -wal/-shm are
/// created 0600; a world-writable database file is refused.
///
/// ```swift
/// let store = try LotsStore.open(path: StoreLocation.resolve(flag: nil))
/// let queue = try store.queue(unit: "SE2321000016-DEMO1")
/// ```
public final class LotsStore: Sendable {
    public let path: String
    public let pool: DatabasePool

    init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    /// Opens (creating and migrating on first use) the store at `path`.
    public static func open(path: String) throws -> LotsStore {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        do {
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw LotsError("cannot create the store's folder", at: dir, fix: "check that the path is writable or pass --db PATH", code: .ioError)
        }
        if fm.fileExists(atPath: path) {
            let attrs = try? fm.attributesOfItem(atPath: path)
            if let mode = (attrs?[.posixPermissions] as? NSNumber)?.intValue, mode & 0o002 != 0 {
                throw LotsError("the database file is world-writable (mode \(String(mode, radix: 8)))", at: path,
                                fix: "run chmod 600 \(path) (or 660 with a shared group)", code: .ioError)
            }
        } else {
            // Create the file 0600 ourselves: SQLite gives -wal and -shm the database file's mode.
            let fd = Foundation.open(path, O_CREAT | O_RDWR | O_EXCL, 0o600)
            guard fd >= 0 else {
                throw LotsError("cannot create the database file", at: path, fix: "check the folder's permissions or pass --db PATH", code: .ioError)
            }
            Foundation.close(fd)
        }
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.journalMode = .wal
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            try Migrations.migrator.migrate(pool)
            return LotsStore(path: path, pool: pool)
        } catch let e as DatabaseError {
            throw LotsError("cannot open the store: \(e.message ?? "\(e.resultCode)")", at: path,
                            fix: "check that it is a Lots database, or pass --db PATH for a new one", code: .ioError)
        }
    }

    /// Row counts of every table (tests compare them before and after a failed command).
    public func rowCounts() throws -> [String: Int] {
        try pool.read { db in
            var out: [String: Int] = [:]
            for t in ["unit", "staff", "citizen", "careCase", "caseHistory", "formAnswer", "attachment", "message", "template", "forward", "auditEvent", "catalogFile"] {
                out[t] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(t)") ?? 0
            }
            return out
        }
    }
}
