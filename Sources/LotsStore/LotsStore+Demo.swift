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

    /// Writes `count` demo chat messages over the closed cases (staff and citizen in turn, five minutes apart), in
    /// transactions of 20,000; `progress` hears the running total. Closed cases only, so the queue stays as it was.
    public func addDemoMessages(_ count: Int, seed: UInt64, staff: [String], progress: (Int) -> Void = { _ in }) throws {
        guard count > 0 else { return }
        let cases = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, submittedAt FROM careCase WHERE status = 'closed' ORDER BY id").map { ($0[0] as Int64, $0[1] as Date) }
        }
        guard !cases.isEmpty else {
            throw LotsError("there are no closed cases to hold \(count) messages", at: "--messages",
                            fix: "add more cases too: with --cases 1000 or more, all but the newest 5 % are closed")
        }
        let staffIds = try pool.read { db in
            try staff.compactMap { try Int64.fetchOne(db, sql: "SELECT id FROM staff WHERE username = ?", arguments: [$0]) }
        }
        var gen = DemoGenerator(seed: seed, units: ["-"])
        var written = 0
        var caseIndex = 0, line = 0
        while written < count {
            let n = min(20_000, count - written)
            try pool.write { db in
                let stmt = try db.makeStatement(sql: "INSERT INTO message (caseId, author, staffId, body, at) VALUES (?, ?, ?, ?, ?)")
                for _ in 0..<n {
                    // Spread evenly: each case gets count / cases messages, the first ones one more.
                    let perCase = count / cases.count + (caseIndex < count % cases.count ? 1 : 0)
                    if line >= perCase { caseIndex += 1; line = 0 }
                    let (caseId, submitted) = cases[caseIndex % cases.count]
                    let fromStaff = line % 2 == 0
                    let staffId = fromStaff && !staffIds.isEmpty ? staffIds[caseIndex % staffIds.count] : nil
                    try stmt.execute(arguments: [caseId, fromStaff ? "staff" : "citizen", staffId, gen.chatLine(staff: fromStaff),
                                                 submitted.addingTimeInterval(Double(line + 1) * 300)])
                    line += 1
                }
            }
            written += n
            progress(written)
        }
    }
}
