import Foundation
import GRDB
import LotsCore

extension LotsStore {
    /// A message from the citizen side: the case waits for staff and its unread count grows.
    ///
    /// With `retriage`, the message is triaged on its own; when its findings call for a more urgent level than the
    /// case has, the case is raised in the same transaction (history row, access-log event, a rationale that names
    /// the message) and, at EMERGENCY, the citizen is sent the call-112 instruction as a system message. Never lowered.
    @discardableResult
    public func addCitizenMessage(caseId: Int64, body: String, now: Date = Date(),
                                  retriage: (@Sendable (TriageInput) -> TriageResult)? = nil) throws -> Int64 {
        let text = try Self.validatedMessage(body)
        return try pool.write { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT c.status, c.urgency, c.ageYears, c.sex, c.rationale, z.personnummer FROM careCase c JOIN citizen z ON z.id = c.citizenId WHERE c.id = ?
                """), arguments: [caseId]) else {
                throw LotsError("no case with id \(caseId)", at: "CASE", fix: "use an id printed by lots intake or shown in the queue", code: .noInput)
            }
            let status = CaseStatus(rawValue: row["status"]) ?? .new
            guard status != .closed else {
                throw LotsError("case \(caseId) is closed", at: "CASE", fix: "start a new contact instead")
            }
            try db.cachedStatement(sql: "INSERT INTO message (caseId, author, body, at) VALUES (?, 'citizen', ?, ?)").execute(arguments: [caseId, text, now])
            let id = db.lastInsertedRowID
            let next = (status == .active || status == .awaitingCitizen) ? CaseStatus.awaitingStaff.rawValue : status.rawValue
            try db.cachedStatement(sql: """
                UPDATE careCase SET unreadCount = unreadCount + 1, lastMessageAt = ?, updatedAt = ?, status = ? WHERE id = ?
                """).execute(arguments: [now, now, next, caseId])
            try Self.audit(db, .system("citizen"), action: "citizen-message", caseId: caseId, personnummer: row["personnummer"], at: now)
            try Self.returnSnoozeOnReply(db, caseId: caseId, now: now)
            if let retriage, let current = Urgency(rawValue: row["urgency"]) {
                let pnr = (row["personnummer"] as String?).flatMap { try? Personnummer($0) }
                let input = TriageInput(text: text, ageYears: row["ageYears"], ageMonths: pnr?.ageInMonths(at: now),
                                        sex: Sex(rawValue: row["sex"]) ?? .x)
                let result = retriage(input)
                if result.confident, result.urgency < current {
                    try Self.raiseUrgency(db, caseId: caseId, from: current, to: result, messageId: id, oldRationale: row["rationale"],
                                          pnr: row["personnummer"], now: now)
                }
            }
            return id
        }
    }

    /// Raises a case after a citizen message (never lowers): history, access log, and the 112 instruction at EMERGENCY.
    static func raiseUrgency(_ db: Database, caseId: Int64, from old: Urgency, to r: TriageResult, messageId: Int64, oldRationale: String,
                             pnr: String?, now: Date) throws {
        let why = "omtriage på meddelande \(messageId): \(old.code) → \(r.urgency.code); " + r.rationale.filter { !$0.hasPrefix("hänvisning") && !$0.hasPrefix("fakta") }.joined(separator: "; ")
        try db.execute(sql: "UPDATE careCase SET urgency = ?, urgencyRank = ?, rationale = ?, updatedAt = ? WHERE id = ?",
                       arguments: [r.urgency.code, r.urgency.rank, oldRationale + "\n" + why, now, caseId])
        try history(db, caseId, "system", "retriage", from: nil, to: nil, note: why, at: now)
        try audit(db, .system("retriage"), action: "retriage", caseId: caseId, personnummer: pnr, detail: "\(old.code) -> \(r.urgency.code)", at: now)
        if r.urgency == .emergency {
            try db.execute(sql: "INSERT INTO message (caseId, author, body, at) VALUES (?, 'system', ?, ?)", arguments: [caseId, """
                Det du beskriver kan vara livshotande. Ring 112 nu. / What you describe may be life-threatening. Call 112 now.
                """, now])
        }
    }

    /// Checks a message body: non-empty, no NUL (SQLite would cut the text there), at most 8,000 characters
    /// and 16,000 code points (a character may stack any number of combining marks).
    static func validatedMessage(_ body: String) throws -> String {
        guard !body.unicodeScalars.contains("\u{0}") else {
            throw LotsError("the message contains a NUL character", at: "TEXT", fix: "remove the NUL character from the text")
        }
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw LotsError("the message is empty", at: "TEXT", fix: "write at least one visible character") }
        guard trimmed.count <= 8_000 else {
            throw LotsError("the message is \(trimmed.count) characters, over 8000", at: "TEXT", fix: "split it into shorter messages")
        }
        guard trimmed.unicodeScalars.count <= 16_000 else {
            throw LotsError("the message is \(trimmed.unicodeScalars.count) code points, over 16000", at: "TEXT",
                            fix: "remove the stacked combining marks")
        }
        return trimmed
    }

    /// The chat of one case, oldest first.
    public func messages(caseId: Int64) throws -> [Message] {
        try pool.read { try Self.messages($0, caseId: caseId) }
    }

    static func messages(_ db: Database, caseId: Int64) throws -> [Message] {
        try Row.fetchAll(db, sql: """
            SELECT m.*, s.displayName FROM message m LEFT JOIN staff s ON s.id = m.staffId WHERE m.caseId = ? ORDER BY m.id
            """, arguments: [caseId]).map(message)
    }

    static func message(_ r: Row) -> Message {
        Message(id: r["id"], caseId: r["caseId"], author: MessageAuthor(rawValue: r["author"]) ?? .system, staffName: r["displayName"],
                body: r["body"], templateCode: r["templateCode"], at: r["at"], isStaffNote: r["staffOnly"] ?? false)
    }

    /// Open case ids (of `unit`, when given) whose messages or reason match a full-text query, newest first.
    ///
    /// Messages are searched in the index of open cases' messages only (migration v11), so closed chats –
    /// a hundred times as many – can never fill the result; reasons in the reason index from the oldest open
    /// case on. Each index is read newest first, only until `limit` open cases are found; CROSS JOIN keeps
    /// SQLite from starting at the unit's cases and asking the index once per case (2.5 s instead of 10 ms).
    public func search(_ query: String, unit: String? = nil, limit: Int = 200) throws -> [Int64] {
        guard let pattern = FTS5Pattern(matchingAllPrefixesIn: query) else { return [] }
        return try pool.read { db in
            var found: [Int64: Int64] = [:]  // case id → newest hit key
            let unitClause = unit == nil ? "" : " AND c.unitHsaId = ?"
            let oldestOpen = try Int64.fetchOne(db.cachedStatement(sql: "SELECT MIN(id) FROM careCase INDEXED BY careCase_owner WHERE status <> 'closed'")) ?? Int64.max
            for (sql, reason) in [
                ("""
                SELECT m.caseId, f.rowid FROM (SELECT rowid FROM openMessage_ft WHERE openMessage_ft MATCH ? ORDER BY rowid DESC) f
                CROSS JOIN message m ON m.id = f.rowid CROSS JOIN careCase c ON c.id = m.caseId WHERE c.status <> 'closed'\(unitClause)
                """, false),
                ("""
                SELECT c.id, c.id FROM (SELECT rowid FROM careCase_ft WHERE careCase_ft MATCH ? AND rowid >= ? ORDER BY rowid DESC) f
                CROSS JOIN careCase c ON c.id = f.rowid WHERE c.status <> 'closed'\(unitClause)
                """, true),
            ] {
                var arguments: StatementArguments = reason ? [pattern, oldestOpen] : [pattern]
                if let unit { arguments += [unit] }
                var hits = 0
                let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
                while hits < limit, let r = try rows.next() {
                    let id: Int64 = r[0], k: Int64 = r[1]
                    if found[id] == nil { hits += 1 }
                    found[id] = max(found[id] ?? k, k)
                }
            }
            return found.sorted { $0.value > $1.value }.prefix(limit).map(\.key)
        }
    }
}
