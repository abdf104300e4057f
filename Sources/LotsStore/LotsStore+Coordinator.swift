import Foundation
import GRDB
import LotsCore

/// Coordinator actions (issue 14): a supervisor's one kind of write – assigning an open case of their unit to one
/// of its clinicians – the cases whose owner has gone silent, and the per-user chat cap.
extension LotsStore {
    /// Assigns (or reassigns) an open case of the supervisor's unit to a clinician of that unit, within the
    /// clinician's chat cap. The only write a supervisor may make; history ("assigned", from and to) and access log.
    public func assign(caseId: Int64, to clinicianId: Int64, by user: StaffUser, now: Date = Date()) throws {
        try guarded { try pool.write { db in
            try Self.requireRole(db, user, [.supervisor], to: "assign case \(caseId)")
            try Self.requireAccess(db, user, caseId: caseId, .assign)
            let st = try Self.caseState(db, caseId)
            guard st.status != .closed else {
                throw LotsError("case \(caseId) is closed and cannot be assigned", at: "assign", fix: "assign an open case")
                    .keyed("err.closedAssign", "\(caseId)")
            }
            guard let target = try Row.fetchOne(db, sql: "SELECT username, displayName, role, unitHsaId, openChatCap FROM staff WHERE id = ?",
                                                arguments: [clinicianId]),
                  target["role"] as String == Role.clinician.rawValue, target["unitHsaId"] as String? == st.unit else {
                throw LotsError("staff \(clinicianId) is not a clinician of the case's unit", at: "assign",
                                fix: "choose a clinician of the unit").keyed("err.assignNotClinician")
            }
            let name: String = target["displayName"], username: String = target["username"]
            guard st.owner != clinicianId else {
                throw LotsError("case \(caseId) is already \(name)'s", at: "assign", fix: "choose another clinician").keyed("err.assignSame", "\(caseId)", name)
            }
            let cap: Int = target["openChatCap"]
            let open = try Self.openChats(db, staffId: clinicianId)
            guard open < cap else {
                throw LotsError("\(name) already has \(open) open chats (their limit is \(cap))", at: "assign",
                                fix: "choose a colleague with room, or ask \(name) to close a chat first").keyed("err.assignFull", name, "\(open)", "\(cap)")
            }
            let from = try st.owner.flatMap { try String.fetchOne(db, sql: "SELECT username FROM staff WHERE id = ?", arguments: [$0]) }
            // Unowned (new, forwarded here) becomes active; an owned case keeps where its chat stands.
            let next = st.owner == nil || st.status == .new || st.status == .forwarded ? try st.status.transition(to: .active) : st.status
            try db.execute(sql: "UPDATE careCase SET ownerStaffId = ?, status = ?, updatedAt = ? WHERE id = ?",
                           arguments: [clinicianId, next.rawValue, now, caseId])
            let note = (from.map { "\($0) → " } ?? "→ ") + username
            try Self.history(db, caseId, user.username, "assigned", from: st.status, to: next, note: note, at: now)
            try Self.audit(db, Actor(user: user), action: "assign", caseId: caseId, personnummer: st.pnr, detail: note, at: now)
        } }
    }

    static func openChats(_ db: Database, staffId: Int64) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM careCase WHERE ownerStaffId = ? AND status <> 'closed' AND status <> 'forwarded'",
                         arguments: [staffId]) ?? 0
    }

    /// The clinicians of the supervisor's unit with their open chats, caps and presence, by name.
    public func unitClinicians(for user: StaffUser) throws -> [ClinicianLoad] {
        try guarded { try pool.read { db in
            try Self.requireRole(db, user, [.supervisor], to: "list the unit's clinicians")
            return try Row.fetchAll(db, sql: """
                SELECT s.id, s.username, s.displayName, s.openChatCap, s.lastSeenAt,
                  (SELECT COUNT(*) FROM careCase c WHERE c.ownerStaffId = s.id AND c.status <> 'closed' AND c.status <> 'forwarded') AS n
                FROM staff s WHERE s.unitHsaId = ? AND s.role = 'clinician' ORDER BY s.displayName
                """, arguments: [user.unitHsaId]).map {
                ClinicianLoad(id: $0["id"], username: $0["username"], displayName: $0["displayName"], openChats: $0["n"],
                              chatCap: $0["openChatCap"], lastSeenAt: $0["lastSeenAt"])
            }
        } }
    }

    /// Owned open cases of the unit whose citizen has waited on the owner past the urgency's response target
    /// (cases on hold excluded), longest overdue first.
    public func silentOwnerCases(unit: String, now: Date = Date()) throws -> [SilentOwnerCase] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, c.urgency, c.reason, s.displayName,
                  CASE WHEN c.firstResponseAt IS NULL THEN c.submittedAt ELSE
                    (SELECT MIN(m.at) FROM message m WHERE m.caseId = c.id AND m.author = 'citizen'
                       AND m.id > (SELECT COALESCE(MAX(k.id), 0) FROM message k WHERE k.caseId = c.id AND k.author = 'staff' AND k.staffOnly = 0))
                  END AS since
                FROM careCase c JOIN staff s ON s.id = c.ownerStaffId
                WHERE c.unitHsaId = ? AND c.status IN ('active', 'awaiting-staff')
                  AND NOT c.snoozeUntilReply AND (c.snoozedUntil IS NULL OR c.snoozedUntil <= ?)
                """, arguments: [unit, now]).compactMap { r -> SilentOwnerCase? in
                guard let since: Date = r["since"], let u = Urgency(rawValue: r["urgency"]) else { return nil }
                let c = SilentOwnerCase(id: r["id"], urgency: u, reason: r["reason"], ownerName: r["displayName"], waitingSince: since)
                return c.overdueSeconds(at: now) > 0 ? c : nil
            }.sorted { $0.overdueSeconds(at: now) > $1.overdueSeconds(at: now) }
        }
    }

    /// Sets a user's chat cap (1…50): admins only, logged.
    public func setChatCap(username: String, cap: Int, by admin: StaffUser) throws {
        try guarded { try pool.write { db in
            try Self.requireRole(db, admin, [.admin], to: "set chat caps")
            guard (1...50).contains(cap) else {
                throw LotsError("chat cap \(cap) is out of range", at: "CAP", fix: "choose 1 to 50", code: .usage)
            }
            try db.execute(sql: "UPDATE staff SET openChatCap = ? WHERE username = ?", arguments: [cap, username])
            guard db.changesCount == 1 else {
                throw LotsError("no user \(username)", at: "NAME", fix: "check the user name", code: .noInput)
            }
            try Self.audit(db, Actor(user: admin), action: "set-chat-cap", detail: "\(username) \(cap)")
        } }
    }

    /// The user's chat cap from the store.
    public func chatCap(for user: StaffUser) throws -> Int {
        try pool.read { try Int.fetchOne($0, sql: "SELECT openChatCap FROM staff WHERE id = ?", arguments: [user.id]) } ?? 6
    }
}
