import Foundation
import GRDB
import LotsCore

extension LotsStore {
    /// Open cases of a unit, most urgent first, then longest waiting. Served by the partial index
    /// `careCase_queue`, so it stays fast with 100,000 cases.
    public func queue(unit: String, limit: Int = 500, offset: Int = 0) throws -> [QueueEntry] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.queueColumns)
                FROM careCase c INDEXED BY careCase_queue
                JOIN citizen z ON z.id = c.citizenId
                LEFT JOIN staff s ON s.id = c.ownerStaffId
                WHERE c.unitHsaId = ? AND c.status <> 'closed'
                ORDER BY c.urgencyRank, c.submittedAt, c.id
                LIMIT ? OFFSET ?
                """, arguments: [unit, limit, offset]).map(Self.queueEntry)
        }
    }

    /// How many open cases a unit has.
    public func openCount(unit: String) throws -> Int {
        try pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM careCase WHERE unitHsaId = ? AND status <> 'closed'", arguments: [unit]) ?? 0 }
    }

    /// The columns `queueEntry` reads, over `careCase c`, `citizen z` and `staff s`.
    static let queueColumns = """
        c.id, c.urgency, c.ageYears, c.sex, z.name AS citizenName, c.reason, c.symptomCode, c.status, c.channel,
        c.submittedAt, c.firstResponseAt, s.displayName AS ownerName, c.unreadCount, c.attachmentCount
        """

    static func queueEntry(_ r: Row) -> QueueEntry {
        QueueEntry(id: r["id"], urgency: Urgency(rawValue: r["urgency"]) ?? .p3, ageYears: r["ageYears"], sex: Sex(rawValue: r["sex"]) ?? .x,
                   citizenName: r["citizenName"], reason: r["reason"], symptomCode: r["symptomCode"],
                   status: CaseStatus(rawValue: r["status"]) ?? .new, channel: Channel(rawValue: r["channel"]) ?? .app,
                   submittedAt: r["submittedAt"], firstResponseAt: r["firstResponseAt"], ownerName: r["ownerName"],
                   unreadCount: r["unreadCount"], attachmentCount: r["attachmentCount"])
    }
}
