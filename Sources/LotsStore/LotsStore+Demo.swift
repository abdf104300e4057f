import Foundation
import GRDB
import LotsCore

extension LotsStore {
    /// Closes older demo cases with plausible outcomes, in one transaction.
    public func closeDemoCases(_ ids: [Int64], now: Date, seed: UInt64) throws {
        guard !ids.isEmpty else { return }
        var rng = SeededRandom(seed: seed)
        let outcomes: [Outcome] = [.selfCareAdvice, .selfCareAdvice, .bookedVisit, .videoMeeting, .referred, .noResponse]
        try pool.write { db in
            let stmt = try db.makeStatement(sql: """
                UPDATE careCase SET status = 'closed', outcome = ?, closedAt = datetime(submittedAt, '+2 hours'),
                  firstResponseAt = datetime(submittedAt, '+40 minutes'), updatedAt = ? WHERE id = ?
                """)
            for id in ids {
                try stmt.execute(arguments: [outcomes[Int(rng.next() % UInt64(outcomes.count))].rawValue, now, id])
            }
        }
    }

    /// Gives the demo a live conversation: the newest open case of `unit` is taken by `staff`, who wrote once,
    /// and the citizen answered.
    public func addDemoConversation(unit: String, staff: String, now: Date) throws {
        try pool.write { db in
            guard let staffId = try Int64.fetchOne(db, sql: "SELECT id FROM staff WHERE username = ?", arguments: [staff]),
                  let row = try Row.fetchOne(db, sql: """
                    SELECT id, submittedAt FROM careCase WHERE unitHsaId = ? AND status = 'new' AND submittedAt < ?
                    ORDER BY submittedAt DESC LIMIT 1
                    """, arguments: [unit, now.addingTimeInterval(-900)]) else { return }
            let caseId: Int64 = row["id"]
            let submitted: Date = row["submittedAt"]
            let t1 = submitted.addingTimeInterval(300), t2 = submitted.addingTimeInterval(600)
            try db.execute(sql: "INSERT INTO message (caseId, author, staffId, body, templateCode, at) VALUES (?, 'staff', ?, ?, 'Q-DURATION', ?)",
                           arguments: [caseId, staffId, "Hej! Hur länge har du haft besvären?", t1])
            try db.execute(sql: "INSERT INTO message (caseId, author, body, at) VALUES (?, 'citizen', ?, ?)",
                           arguments: [caseId, "Sedan i förrgår. Det blir värre på kvällarna.", t2])
            try db.execute(sql: """
                UPDATE careCase SET status = 'awaiting-staff', ownerStaffId = ?, firstResponseAt = ?, unreadCount = 1, lastMessageAt = ? WHERE id = ?
                """, arguments: [staffId, t1, t2, caseId])
            try db.execute(sql: "INSERT INTO caseHistory (caseId, at, actor, kind, fromStatus, toStatus) VALUES (?, ?, ?, 'taken', 'new', 'active')",
                           arguments: [caseId, t1, staff])
        }
    }
}
