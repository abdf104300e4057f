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
    /// The key that signs the access log's head; nil when its file is missing (then nothing can be logged).
    public let auditKey: AuditKey?

    init(path: String, pool: DatabasePool, auditKey: AuditKey?) {
        self.path = path
        self.pool = pool
        self.auditKey = auditKey
    }

    /// Opens the store at `path`, migrating it to this version's schema.
    ///
    /// With `create` (commands meant to make a store: `demo`, `init`, a first writing intake) a missing store is
    /// created 0600; otherwise a missing store is an error (66), so a typo never leaves an empty store behind.
    /// A file that is not a Lots store, or one made by a newer Lots, is refused and never migrated into.
    /// Migrations are serialized across processes by a lock on the store's folder, so many processes may
    /// open a new or older store at once.
    public static func open(path given: String, create: Bool = true) throws -> LotsStore {
        let fm = FileManager.default
        // Through a symlink, the store is its target: SQLite puts -wal and -shm there, and the key goes beside it.
        let path = realpath(given, nil).map { p in defer { free(p) }; return String(cString: p) } ?? given
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var info = stat()
        let exists = stat(path, &info) == 0  // follows a symlink: its target's mode is what counts
        if !exists {
            guard create else {
                throw LotsError("no store at this path", at: path,
                                fix: "check --db or $LOTS_DB, or create one with lots init --admin NAME (or lots demo)", code: .noInput)
            }
            do {
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw LotsError("cannot create the store's folder", at: dir, fix: "check that the path is writable or pass --db PATH", code: .ioError)
            }
        }
        lastPath = path
        let lock = try FolderLock(dir)
        defer { lock.unlock() }
        if !exists {
            // Create the file 0600 ourselves: SQLite gives -wal and -shm the database file's mode. Another process
            // may win the race; then its file is used.
            let fd = Foundation.open(path, O_CREAT | O_RDWR | O_EXCL, 0o600)
            if fd >= 0 {
                Foundation.close(fd)
            } else if errno != EEXIST {
                throw LotsError("cannot create the database file", at: path, fix: "check the folder's permissions or pass --db PATH", code: .ioError)
            }
        }
        try checkFile(path)
        let schema = try checkSchema(path)
        // The access log's key: made with the store (or when a store from before the signed head is upgraded).
        var key = try AuditKey.load(for: path)
        if key == nil, !schema.hasAuditHead { key = try AuditKey.create(for: path) }
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.journalMode = .wal
        let auditFunction = AuditKey.function(key)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            db.add(function: auditFunction)
            // Consoles learn of commits to their unit's cases from this, not by polling (CommitNotifier).
            db.add(transactionObserver: CommitPoker(store: path), extent: .databaseLifetime)
        }
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            let migrator = Migrations.migrator
            if try !pool.read(migrator.hasCompletedMigrations) { try migrator.migrate(pool) }
            return LotsStore(path: path, pool: pool, auditKey: key)
        } catch let e as DatabaseError {
            throw storeError(e, path: path)
        }
    }

    /// Refuses a file SQLite should not be given: world-writable, not writable by us (SQLite would create
    /// -wal/-shm that later stay unusable), or not a SQLite database at all.
    static func checkFile(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw LotsError("cannot read the store", at: path, fix: "check the path and its permissions", code: .noInput)
        }
        let mode = Int(info.st_mode) & 0o777
        if mode & 0o002 != 0 {
            throw LotsError("the database file is world-writable (mode \(String(mode, radix: 8)))", at: path,
                            fix: "run chmod 600 \(path) (or 660 with a shared group)", code: .ioError)
        }
        for file in [path, path + "-wal", path + "-shm"] where access(file, F_OK) == 0 {
            guard access(file, R_OK | W_OK) == 0 else {
                throw LotsError("the store is not writable by this user", at: file,
                                fix: "run lots as the store's owner (the service account), or chmod 600 the store and its -wal and -shm", code: .ioError)
            }
        }
        guard info.st_size > 0 else { return }
        // Another process's checkpoint writes page 1 (with the new page count) before the pages that extend the
        // file, so a short file is damage only when it stays short: a checkpoint is done within milliseconds.
        var shortfall = try headerShortfall(path)
        for _ in 0..<20 where shortfall != nil {
            usleep(50_000)
            shortfall = try headerShortfall(path)
        }
        if let (size, says) = shortfall {
            throw LotsError("the store is damaged (\(size) bytes, its header says \(says))", at: path,
                            fix: "restore it from a backup (lots backup makes one)", code: .ioError)
        }
    }

    /// The file's size and the size its SQLite header gives when the file is shorter (pages lost to a crash, a
    /// copy or a bad disk); nil when it is whole. Throws for a file that is no SQLite database.
    static func headerShortfall(_ path: String) throws -> (size: Int, says: Int)? {
        let fd = Foundation.open(path, O_RDONLY)
        guard fd >= 0 else { throw LotsError("cannot read the store", at: path, fix: "check its permissions", code: .ioError) }
        defer { Foundation.close(fd) }
        var header = [UInt8](repeating: 0, count: 100)
        let n = read(fd, &header, 100)
        guard n == 100, Array(header[0..<16]) == Array("SQLite format 3\u{0}".utf8) else {
            throw LotsError("the file is not a Lots store (no SQLite header)", at: path,
                            fix: "pass --db with the path of a Lots store, or restore the store from a backup", code: .noInput)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LotsError("cannot read the store", at: path, fix: "check its permissions", code: .ioError) }
        func be32(_ at: Int) -> Int { header[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let rawPageSize = Int(header[16]) << 8 | Int(header[17])
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        // The page count is valid only when its version matches the change counter (SQLite file format §1.3.7).
        guard be32(24) == be32(92), pageSize >= 512, Int(info.st_size) < be32(28) * pageSize else { return nil }
        return (Int(info.st_size), be32(28) * pageSize)
    }

    /// The store this process opened last, for errors that surface far from where it was opened.
    nonisolated(unsafe) static var lastPath = "store"

    /// A SQLite error thrown anywhere, as one line with its sysexits code; nil for other errors.
    public static func lotsError(for error: Error) -> LotsError? {
        (error as? DatabaseError).map { storeError($0, path: lastPath) }
    }

    /// Refuses, before anything is written (a pool would switch the file to WAL), a SQLite file that another
    /// program made or that a newer Lots migrated.
    @discardableResult
    static func checkSchema(_ path: String) throws -> (empty: Bool, hasAuditHead: Bool) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size > 0 else { return (true, false) }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        let state: (foreign: Bool, newer: Bool, empty: Bool, head: Bool)
        do {
            let q = try DatabaseQueue(path: path, configuration: config)
            defer { try? q.close() }
            state = try q.read { db in
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                guard !tables.isEmpty else { return (false, false, true, false) }
                guard tables.contains("grdb_migrations"),
                      try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = 'v1-foundation')") == true
                else { return (true, false, false, false) }
                return (false, try Migrations.migrator.hasBeenSuperseded(db), false, tables.contains("auditHead"))
            }
        } catch let e as DatabaseError {
            throw storeError(e, path: path)
        }
        if state.foreign {
            throw LotsError("the file is a SQLite database but not a Lots store", at: path,
                            fix: "pass --db with the path of a Lots store; Lots never writes into another program's database", code: .noInput)
        }
        if state.newer {
            throw LotsError("the store was made by a newer version of Lots", at: path, fix: "run the newer lots on it", code: .noInput)
        }
        return (state.empty, state.head)
    }

    /// A SQLite error as one line with its sysexits code.
    public static func storeError(_ e: DatabaseError, path: String) -> LotsError {
        switch e.resultCode.primaryResultCode {
        case .SQLITE_FULL:
            return LotsError("the disk is full", at: path, fix: "free disk space and run the command again; nothing was written", code: .ioError)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return LotsError("the store is damaged", at: path, fix: "restore it from a backup (lots backup makes one)", code: .ioError)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            return LotsError("the store cannot be written", at: path, fix: "run lots as the store's owner and check the folder's permissions", code: .ioError)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return LotsError("the store stayed busy for 10 s", at: path, fix: "try again; check for a hung lots process", code: .ioError)
        case .SQLITE_IOERR:
            return LotsError("an input/output error in the store", at: path, fix: "check the disk and free space", code: .ioError)
        case .SQLITE_ERROR where e.message == AuditKey.missingMessage:
            return LotsError("the access log's key file is missing, so nothing can be logged", at: AuditKey.path(for: path),
                             fix: "restore the key file from the store's backup (lots backup copies it)", code: .ioError)
        default:
            let what = SafeText.sanitize(e.message ?? "SQLite error \(e.resultCode.rawValue)", keepNewlines: false)
            return LotsError("store error: \(what)", at: path, fix: "check that it is a Lots store; report this if it persists", code: .other)
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
