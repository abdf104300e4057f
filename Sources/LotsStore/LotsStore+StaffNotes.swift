import Foundation
import GRDB
import LotsCore

/// Staff-only notes on a case, and the one query of what the citizen side may read.
extension LotsStore {
    /// Adds a staff-only note: any clinician of the case's unit may write one (owner or not), also on a closed case
    /// (a note after the fact). It changes no status, unread count or response clock; it is logged ("staff-note").
    @discardableResult
    public func addStaffNote(caseId: Int64, body: String, by user: StaffUser, now: Date = Date()) throws -> Int64 {
        let text = try Self.validatedMessage(body)
        return try guarded { try pool.write { db in
            try Self.requireAccess(db, user, caseId: caseId, .write)
            let st = try Self.caseState(db, caseId)
            try db.execute(sql: "INSERT INTO message (caseId, author, staffId, body, at, staffOnly) VALUES (?, 'staff', ?, ?, ?, 1)",
                           arguments: [caseId, user.id, text, now])
            let id = db.lastInsertedRowID
            try db.execute(sql: "UPDATE careCase SET updatedAt = ? WHERE id = ?", arguments: [now, caseId])
            try Self.audit(db, Actor(user: user), action: "staff-note", caseId: caseId, personnummer: st.pnr, at: now)
            return id
        } }
    }

    /// What the citizen side may read of a case's chat, oldest first: every message except staff notes.
    /// The citizen API, `lots citizen …` and anything else that shows the chat to the citizen must use this.
    public func citizenVisibleMessages(caseId: Int64) throws -> [Message] {
        try pool.read { try Self.citizenVisibleMessages($0, caseId: caseId) }
    }

    /// The same, after message id `after`. Also a whitelist of authors, so a new kind of message stays internal
    /// unless it is added here; `citizenEvents` (the live feed) applies the same rule to each new message.
    static func citizenVisibleMessages(_ db: Database, caseId: Int64, after: Int64 = 0) throws -> [Message] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT m.*, s.displayName FROM message m LEFT JOIN staff s ON s.id = m.staffId
            WHERE m.caseId = ? AND m.id > ? AND m.staffOnly = 0 AND m.author IN \(citizenVisibleAuthors) ORDER BY m.id
            """), arguments: [caseId, after]).map(message)
    }
}
