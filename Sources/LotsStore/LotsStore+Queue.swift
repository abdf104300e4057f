import Foundation
import GRDB
import LotsCore

extension LotsStore {
    /// Open cases of a unit, most urgent first, then longest waiting. Served by the partial index
    /// `careCase_queue`, so it stays fast with 100,000 cases.
    public func queue(unit: String, limit: Int = 500, offset: Int = 0) throws -> [QueueEntry] {
        try pool.read { try queue($0, unit: unit, limit: limit, offset: offset) }
    }

    func queue(_ db: Database, unit: String, limit: Int, offset: Int) throws -> [QueueEntry] {
        try Self.queueEntries(db, sql: """
            SELECT \(Self.queueColumns)
            FROM careCase c INDEXED BY careCase_queue
            JOIN citizen z ON z.id = c.citizenId
            LEFT JOIN staff s ON s.id = c.ownerStaffId
            WHERE c.unitHsaId = ? AND c.status <> 'closed'
            ORDER BY c.urgencyRank, c.submittedAt, c.id
            LIMIT ? OFFSET ?
            """, arguments: [unit, limit, offset])
    }

    /// A role's whole queue and the store revision it was read at, in one snapshot (see `queueChanges`).
    public func queueSnapshot(for user: StaffUser) throws -> (entries: [QueueEntry], rev: Int64) {
        try pool.read { db in (try queue(db, for: user, limit: 100_000), try Self.revision(db)) }
    }

    /// The cases of `user`'s queue that changed after revision `rev`: entries to put in (or update) and ids
    /// to take out (closed, forwarded away, moved to another unit). Served by the index on `caseRevision.rev`.
    /// Nil when more than `limit` cases changed: then reading the whole queue is cheaper.
    public func queueChanges(for user: StaffUser, since rev: Int64, limit: Int = 500) throws -> QueueChanges? {
        try pool.read { db in
            let now = try Self.revision(db)
            let statement = try db.cachedStatement(sql: """
                SELECT \(Self.queueColumns), c.unitHsaId, c.createdByStaffId
                FROM caseRevision r JOIN careCase c ON c.id = r.caseId
                JOIN citizen z ON z.id = c.citizenId LEFT JOIN staff s ON s.id = c.ownerStaffId
                WHERE r.rev > ? ORDER BY r.rev LIMIT ?
                """)
            var changes = QueueChanges(changed: [], removed: [], rev: now)
            let rows = try Row.fetchCursor(statement, arguments: [rev, limit + 1])
            var count = 0
            while let row = try rows.next() {
                count += 1
                if count > limit { return nil }
                let entry = Self.queueEntry(row)
                let unit: String = row[17]
                let creator: Int64? = row[18]
                let mine: Bool
                switch user.role {
                case .clinician, .supervisor: mine = unit == user.unitHsaId
                case .phoneNurse: mine = creator == user.id
                case .admin: mine = false
                }
                if mine && entry.status != .closed { changes.changed.append(entry) } else { changes.removed.insert(entry.id) }
            }
            return changes
        }
    }

    static func revision(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT rev FROM queueRevision WHERE id = 1")) ?? 0
    }

    /// How many open cases a unit has.
    public func openCount(unit: String) throws -> Int {
        try pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM careCase WHERE unitHsaId = ? AND status <> 'closed'", arguments: [unit]) ?? 0 }
    }

    /// The columns `queueEntry` reads, in this order, over `careCase c`, `citizen z` and `staff s`.
    static let queueColumns = """
        c.id, c.urgency, c.ageYears, c.sex, COALESCE(c.citizenName, z.name) AS citizenName, c.reason, c.symptomCode, c.status, c.channel,
        c.submittedAt, c.firstResponseAt, s.displayName AS ownerName, c.unreadCount, c.attachmentCount, c.triageUncertain,
        c.snoozedUntil, c.snoozeUntilReply
        """

    /// Queue rows from a query that selects `queueColumns`. Every console reloads its queue after each commit
    /// anywhere, so this is the hottest read: a cached statement, a cursor instead of copied rows, and columns
    /// read by position (by name, GRDB compares lowercased names for every column of every row).
    static func queueEntries(_ db: Database, sql: String, arguments: StatementArguments) throws -> [QueueEntry] {
        let statement = try db.cachedStatement(sql: sql)
        return try Array(Row.fetchCursor(statement, arguments: arguments).map(queueEntry))
    }

    static func queueEntry(_ r: Row) -> QueueEntry {
        QueueEntry(id: r[0], urgency: Urgency(rawValue: r[1]) ?? .p3, ageYears: r[2], sex: Sex(rawValue: r[3]) ?? .x,
                   citizenName: r[4], reason: r[5], symptomCode: r[6],
                   status: CaseStatus(rawValue: r[7]) ?? .new, channel: Channel(rawValue: r[8]) ?? .app,
                   submittedAt: r[9], firstResponseAt: r[10], ownerName: r[11], unreadCount: r[12], attachmentCount: r[13],
                   uncertain: r[14], snoozedUntil: r[15] as Date?, snoozedUntilReply: r[16])
    }
}
