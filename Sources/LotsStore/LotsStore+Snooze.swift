import Foundation
import GRDB
import LotsCore

/// Snooze: the owner puts a case on hold until a time or until the citizen answers, with a reason.
extension LotsStore {
    /// Puts case `caseId` on hold (`until` a time, or `untilReply`); the owner only, a reason is required. Logged
    /// ("snooze") and in the case's history. The case returns at its time, or when the citizen writes.
    public func snooze(caseId: Int64, until: Date?, untilReply: Bool, reason: String, by user: StaffUser, now: Date = Date()) throws {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw LotsError("a reason is required", at: "snooze", fix: "say why the case waits").keyed("err.snoozeReason") }
        guard untilReply || (until.map { $0 > now } ?? false) else {
            throw LotsError("the time has already passed", at: "snooze", fix: "give a later time").keyed("err.snoozePast")
        }
        try guarded { try pool.write { db in
            try Self.requireAccess(db, user, caseId: caseId, .write)
            let st = try Self.caseState(db, caseId)
            guard st.owner == user.id, st.status != .closed, st.status != .forwarded else {
                throw LotsError("take case \(caseId) before putting it on hold", at: "snooze", fix: "press t to take the case").keyed("err.takeFirst", "\(caseId)")
            }
            try db.execute(sql: "UPDATE careCase SET snoozedUntil = ?, snoozeUntilReply = ?, snoozeReason = ?, updatedAt = ? WHERE id = ?",
                           arguments: [untilReply ? nil : until, untilReply, why, now, caseId])
            let when = untilReply ? "svar" : ISOTime.local(until!)
            try Self.history(db, caseId, user.username, "snoozed", from: nil, to: nil, note: "\(when): \(why)", at: now)
            try Self.audit(db, Actor(user: user), action: "snooze", caseId: caseId, personnummer: st.pnr, detail: when)
        } }
    }

    /// Takes a case off hold (the owner, or on their next message). Logged.
    public func unsnooze(caseId: Int64, by user: StaffUser, now: Date = Date()) throws {
        try guarded { try pool.write { db in
            try Self.requireAccess(db, user, caseId: caseId, .write)
            let st = try Self.caseState(db, caseId)
            try db.execute(sql: "UPDATE careCase SET snoozedUntil = NULL, snoozeUntilReply = 0, snoozeReason = NULL, updatedAt = ? WHERE id = ?",
                           arguments: [now, caseId])
            try Self.history(db, caseId, user.username, "unsnoozed", from: nil, to: nil, at: now)
            try Self.audit(db, Actor(user: user), action: "unsnooze", caseId: caseId, personnummer: st.pnr)
        } }
    }

    /// The citizen answered: a case waiting for that answer returns now (with its marker).
    static func returnSnoozeOnReply(_ db: Database, caseId: Int64, now: Date) throws {
        try db.execute(sql: "UPDATE careCase SET snoozedUntil = ?, snoozeUntilReply = 0 WHERE id = ? AND snoozeUntilReply = 1", arguments: [now, caseId])
    }
}
