import Foundation
import GRDB
import LotsCore

/// What a clinician does to a case. Each action is one transaction with a history row and an audit event;
/// an action the case's status does not allow is an error, never a silent no-op.
extension LotsStore {
    /// Loads status and patient of a case inside a transaction, or throws "no such case".
    static func caseState(_ db: Database, _ caseId: Int64) throws -> (status: CaseStatus, owner: Int64?, pnr: String, unit: String) {
        guard let r = try Row.fetchOne(db, sql: """
            SELECT c.status, c.ownerStaffId, c.unitHsaId, z.personnummer FROM careCase c JOIN citizen z ON z.id = c.citizenId WHERE c.id = ?
            """, arguments: [caseId]) else {
            throw LotsError("no case with id \(caseId)", at: "case", fix: "reload the queue", code: .noInput).keyed("err.noCase", "\(caseId)")
        }
        return (CaseStatus(rawValue: r["status"]) ?? .new, r["ownerStaffId"], r["personnummer"], r["unitHsaId"])
    }

    static func history(_ db: Database, _ caseId: Int64, _ actor: String, _ kind: String, from: CaseStatus?, to: CaseStatus?, note: String = "", at: Date) throws {
        try db.execute(sql: "INSERT INTO caseHistory (caseId, at, actor, kind, fromStatus, toStatus, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [caseId, at, actor, kind, from?.rawValue, to?.rawValue, note])
    }

    /// The user's open chats (cases they own that are not closed or forwarded).
    public func ownedOpenCases(staffId: Int64) throws -> [QueueEntry] {
        try pool.read { db in
            // `status <> 'closed'` spelled out lets SQLite use the partial index careCase_owner (NOT IN does not).
            try Self.queueEntries(db, sql: """
                SELECT \(Self.queueColumns)
                FROM careCase c JOIN citizen z ON z.id = c.citizenId LEFT JOIN staff s ON s.id = c.ownerStaffId
                WHERE c.ownerStaffId = ? AND c.status <> 'closed' AND c.status <> 'forwarded'
                ORDER BY c.id
                """, arguments: [staffId])
        }
    }

    /// Takes ownership of a case. Refused politely when the user already has `cap` open chats.
    /// The cap is the user's own (`staff.openChatCap`, set by an admin); `cap` may only lower it (the console's
    /// `--chat-cap`).
    public func take(caseId: Int64, by user: StaffUser, cap: Int? = nil, now: Date = Date()) throws {
        try guarded { try pool.write { db in
            try Self.requireAccess(db, user, caseId: caseId, .write)
            let st = try Self.caseState(db, caseId)
            guard st.status != .closed else {
                throw LotsError("case \(caseId) is closed and cannot be taken", at: "take", fix: "start a new contact for the patient instead")
                    .keyed("err.closedTake", "\(caseId)")
            }
            if st.owner == user.id { return }
            if let owner = st.owner, st.status != .new, st.status != .forwarded {
                let name = try String.fetchOne(db, sql: "SELECT displayName FROM staff WHERE id = ?", arguments: [owner]) ?? "någon annan"
                throw LotsError("case \(caseId) is already taken by \(name)", at: "take", fix: "open another case, or ask \(name) to release it")
                    .keyed("err.takenBy", "\(caseId)", name)
            }
            let open = try Self.openChats(db, staffId: user.id)
            let own = try Int.fetchOne(db, sql: "SELECT openChatCap FROM staff WHERE id = ?", arguments: [user.id]) ?? 6
            let cap = min(own, cap ?? own)
            guard open < cap else {
                throw LotsError("you already have \(open) open chats (the limit is \(cap))", at: "take", fix: "close or release a chat first")
                    .keyed("err.chatCap", "\(open)", "\(cap)")
            }
            let next = try st.status.transition(to: .active)
            try db.execute(sql: "UPDATE careCase SET ownerStaffId = ?, status = ?, updatedAt = ? WHERE id = ?",
                           arguments: [user.id, next.rawValue, now, caseId])
            try Self.history(db, caseId, user.username, "taken", from: st.status, to: next, at: now)
            try Self.audit(db, Actor(user: user), action: "take", caseId: caseId, personnummer: st.pnr, at: now)
        } }
    }

    /// Gives a case back to the unit's queue.
    public func release(caseId: Int64, by user: StaffUser, now: Date = Date()) throws {
        try guarded { try pool.write { db in
            try Self.requireAccess(db, user, caseId: caseId, .write)
            let st = try Self.caseState(db, caseId)
            guard st.owner == user.id else {
                throw LotsError("case \(caseId) is not yours to release", at: "release", fix: "only the owner can release a case")
                    .keyed("err.notYoursRelease", "\(caseId)")
            }
            let next = try st.status.transition(to: .new)
            try db.execute(sql: "UPDATE careCase SET ownerStaffId = NULL, status = ?, updatedAt = ? WHERE id = ?", arguments: [next.rawValue, now, caseId])
            try Self.history(db, caseId, user.username, "released", from: st.status, to: next, at: now)
            try Self.audit(db, Actor(user: user), action: "release", caseId: caseId, personnummer: st.pnr, at: now)
        } }
    }

    /// Sends a staff message; the case then waits for the citizen. Clears the user's draft for the case.
    @discardableResult
    public func sendStaffMessage(caseId: Int64, body: String, templateCode: String?, by user: StaffUser, now: Date = Date()) throws -> Int64 {
        let text = try Self.validatedMessage(body)
        return try guarded { try pool.write { db in
            try Self.requireAccess(db, user, caseId: caseId, .write)
            let st = try Self.caseState(db, caseId)
            guard st.owner == user.id else {
                throw LotsError("take case \(caseId) before writing in it", at: "send", fix: "press t to take the case").keyed("err.takeFirst", "\(caseId)")
            }
            guard st.status != .closed, st.status != .forwarded else {
                throw LotsError("case \(caseId) is \(st.status.rawValue)", at: "send", fix: "the chat is no longer yours to write in")
                    .keyed("err.notWritable", "\(caseId)")
            }
            try db.execute(sql: "INSERT INTO message (caseId, author, staffId, body, templateCode, at) VALUES (?, 'staff', ?, ?, ?, ?)",
                           arguments: [caseId, user.id, text, templateCode, now])
            let id = db.lastInsertedRowID
            let next = st.status == .awaitingCitizen ? st.status : try st.status.transition(to: .awaitingCitizen)
            try db.execute(sql: """
                UPDATE careCase SET status = ?, firstResponseAt = COALESCE(firstResponseAt, ?), unreadCount = 0, lastMessageAt = ?, updatedAt = ?
                WHERE id = ?
                """, arguments: [next.rawValue, now, now, now, caseId])
            try db.execute(sql: "DELETE FROM draft WHERE staffId = ? AND caseId = ?", arguments: [user.id, caseId])
            // Answering a case that came back from hold ends the hold (its marker goes).
            try db.execute(sql: "UPDATE careCase SET snoozedUntil = NULL, snoozeReason = NULL WHERE id = ? AND snoozedUntil <= ?", arguments: [caseId, now])
            if let templateCode {
                try db.execute(sql: "UPDATE template SET useCount = useCount + 1 WHERE code = ?", arguments: [templateCode])
                try Self.audit(db, Actor(user: user), action: "use-template", caseId: caseId, personnummer: st.pnr, detail: templateCode, at: now)
            }
            try Self.audit(db, Actor(user: user), action: "send", caseId: caseId, personnummer: st.pnr, at: now)
            return id
        } }
    }

    /// Marks the citizen's messages read (when the owner opens the case).
    public func markRead(caseId: Int64, by user: StaffUser) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE careCase SET unreadCount = 0 WHERE id = ? AND ownerStaffId = ? AND unreadCount > 0", arguments: [caseId, user.id])
        }
    }

    /// Saves (or, when empty, deletes) the user's draft for a case.
    public func saveDraft(caseId: Int64, body: String, templateCode: String?, by user: StaffUser, now: Date = Date()) throws {
        try guarded { try pool.write { db in
            try Self.requireAccess(db, user, caseId: caseId, .write)
            if body.isEmpty {
                try db.execute(sql: "DELETE FROM draft WHERE staffId = ? AND caseId = ?", arguments: [user.id, caseId])
            } else {
                try db.execute(sql: """
                    INSERT INTO draft (staffId, caseId, body, templateCode, updatedAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(staffId, caseId) DO UPDATE SET body = excluded.body, templateCode = excluded.templateCode, updatedAt = excluded.updatedAt
                    """, arguments: [user.id, caseId, body, templateCode, now])
            }
        } }
    }

    /// The user's saved draft for a case.
    public func draft(caseId: Int64, staffId: Int64) throws -> (body: String, templateCode: String?)? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT body, templateCode FROM draft WHERE staffId = ? AND caseId = ?", arguments: [staffId, caseId])
                .map { ($0["body"], $0["templateCode"]) }
        }
    }

    /// Moves a case to another unit's queue with a required handover note.
    @discardableResult
    public func forward(caseId: Int64, to unit: String, note: String, by user: StaffUser, now: Date = Date()) throws -> Int64 {
        let handover = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !handover.isEmpty else {
            throw LotsError("a handover note is required", at: "forward", fix: "write why and what the receiving unit should know")
                .keyed("err.noteRequired")
        }
        return try guarded { try pool.write { db in
            try Self.requireAccess(db, user, caseId: caseId, .write)
            let st = try Self.caseState(db, caseId)
            guard let unitName = try String.fetchOne(db, sql: "SELECT name FROM unit WHERE hsaId = ?", arguments: [unit]) else {
                throw LotsError("unknown unit \"\(unit)\"", at: "forward", fix: "choose a unit from the directory")
            }
            guard unit != st.unit else { throw LotsError("the case is already at \(unitName)", at: "forward", fix: "choose another unit").keyed("err.alreadyAt", unitName) }
            let next = try st.status.transition(to: .forwarded)
            try db.execute(sql: "INSERT INTO forward (caseId, fromUnitHsaId, toUnitHsaId, staffId, note, at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [caseId, st.unit, unit, user.id, handover, now])
            let id = db.lastInsertedRowID
            try db.execute(sql: "UPDATE careCase SET unitHsaId = ?, status = ?, ownerStaffId = NULL, updatedAt = ? WHERE id = ?",
                           arguments: [unit, next.rawValue, now, caseId])
            try db.execute(sql: "INSERT INTO message (caseId, author, body, at) VALUES (?, 'system', ?, ?)",
                           arguments: [caseId, "Ditt ärende har skickats vidare till \(unitName).", now])
            try Self.history(db, caseId, user.username, "forwarded", from: st.status, to: next, note: "till \(unitName): \(handover)", at: now)
            try Self.audit(db, Actor(user: user), action: "forward", caseId: caseId, personnummer: st.pnr, detail: "\(st.unit) -> \(unit)", at: now)
            return id
        } }
    }

    /// Closes a case with an outcome. Self-care advice on a P1 or EMERGENCY case is an override of the triage:
    /// it needs `overrideReason`, recorded in history and the access log.
    public func close(caseId: Int64, outcome: Outcome, overrideReason: String? = nil, message: String? = nil, by user: StaffUser,
                      now: Date = Date()) throws {
        let closing = try message.map { try Self.validatedMessage($0) }
        try guarded { try pool.write { db in
            try Self.requireAccess(db, user, caseId: caseId, .write)
            let st = try Self.caseState(db, caseId)
            let next = try st.status.transition(to: .closed)
            let urgency = try Self.urgency(db, caseId)
            if outcome == .selfCareAdvice, urgency <= .p1 {
                try Self.recordOverride(db, caseId: caseId, user: user, pnr: st.pnr, from: urgency, to: outcome.rawValue, reason: overrideReason, at: now)
            }
            if let closing {
                // What the patient is told, as a staff message in the same transaction.
                try db.execute(sql: "INSERT INTO message (caseId, author, staffId, body, at) VALUES (?, 'staff', ?, ?, ?)",
                               arguments: [caseId, user.id, closing, now])
                try db.execute(sql: "UPDATE careCase SET firstResponseAt = COALESCE(firstResponseAt, ?), lastMessageAt = ? WHERE id = ?",
                               arguments: [now, now, caseId])
            }
            try db.execute(sql: "UPDATE careCase SET status = ?, outcome = ?, closedAt = ?, updatedAt = ? WHERE id = ?",
                           arguments: [next.rawValue, outcome.rawValue, now, now, caseId])
            try db.execute(sql: "DELETE FROM draft WHERE caseId = ?", arguments: [caseId])
            try Self.history(db, caseId, user.username, "closed", from: st.status, to: next, note: outcome.rawValue, at: now)
            try Self.audit(db, Actor(user: user), action: "close", caseId: caseId, personnummer: st.pnr, detail: outcome.rawValue, at: now)
        } }
    }

    /// Overrides the triage with a new urgency and a required reason, kept in history.
    public func overrideUrgency(caseId: Int64, to urgency: Urgency, reason: String, by user: StaffUser, now: Date = Date()) throws {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw LotsError("a reason is required to override the triage", at: "override", fix: "write why the urgency should change") }
        try guarded { try pool.write { db in
            try Self.requireAccess(db, user, caseId: caseId, .write)
            let st = try Self.caseState(db, caseId)
            guard st.status != .closed else { throw LotsError("case \(caseId) is closed", at: "override", fix: "overrides apply to open cases").keyed("err.closed", "\(caseId)") }
            let old = try String.fetchOne(db, sql: "SELECT urgency FROM careCase WHERE id = ?", arguments: [caseId]) ?? "?"
            try db.execute(sql: "UPDATE careCase SET urgency = ?, urgencyRank = ?, updatedAt = ? WHERE id = ?",
                           arguments: [urgency.code, urgency.rank, now, caseId])
            try Self.history(db, caseId, user.username, "override", from: nil, to: nil, note: "\(old) -> \(urgency.code): \(why)", at: now)
            try Self.audit(db, Actor(user: user), action: "override-triage", caseId: caseId, personnummer: st.pnr, detail: "\(old) -> \(urgency.code)", at: now)
        } }
    }

    /// Units a case can be forwarded to, for the provider picker.
    public func units() throws -> [(hsaId: String, name: String, type: String, address: String, hours: String, waitMinutes: Int)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM unit ORDER BY name").map {
                (hsaId: $0["hsaId"], name: $0["name"], type: $0["type"], address: $0["address"], hours: $0["hours"], waitMinutes: $0["waitMinutes"])
            }
        }
    }
}

extension LotsStore {
    /// Adds a system message to a case (e.g. the SMS text a phone nurse sent).
    public func addSystemNote(caseId: Int64, body: String, now: Date = Date()) throws {
        try pool.write { db in
            try db.execute(sql: "INSERT INTO message (caseId, author, body, at) VALUES (?, 'system', ?, ?)", arguments: [caseId, body, now])
        }
    }

    /// Closes a case the phone nurse created during the call (self-care advice or the call-112 instruction).
    /// Self-care advice on a case triaged above P5 is an override: it needs `overrideReason` (history, access log).
    public func closeAsContact(caseId: Int64, outcome: Outcome, note: String, overrideReason: String? = nil, by user: StaffUser,
                               now: Date = Date()) throws {
        try guarded { try pool.write { db in
            try Self.requireRole(db, user, [.phoneNurse, .clinician], to: "close a phone contact")
            let st = try Self.caseState(db, caseId)
            let creator = try Int64.fetchOne(db, sql: "SELECT createdByStaffId FROM careCase WHERE id = ?", arguments: [caseId])
            if user.role == .phoneNurse, creator != user.id { try Self.deny(db, user, "close case \(caseId)", caseId: caseId, pnr: st.pnr) }
            let next = try st.status.transition(to: .closed)
            let urgency = try Self.urgency(db, caseId)
            if outcome == .selfCareAdvice, urgency < .p5 {
                try Self.recordOverride(db, caseId: caseId, user: user, pnr: st.pnr, from: urgency, to: outcome.rawValue, reason: overrideReason, at: now)
            }
            try db.execute(sql: "INSERT INTO message (caseId, author, staffId, body, at) VALUES (?, 'staff', ?, ?, ?)", arguments: [caseId, user.id, note, now])
            try db.execute(sql: "UPDATE careCase SET status = ?, outcome = ?, closedAt = ?, firstResponseAt = COALESCE(firstResponseAt, ?), updatedAt = ? WHERE id = ?",
                           arguments: [next.rawValue, outcome.rawValue, now, now, now, caseId])
            try Self.history(db, caseId, user.username, "closed", from: st.status, to: next, note: outcome.rawValue, at: now)
            try Self.audit(db, Actor(user: user), action: "close", caseId: caseId, personnummer: st.pnr, detail: outcome.rawValue, at: now)
        } }
    }
}

// MARK: - Overrides of the triage

extension LotsStore {
    static func urgency(_ db: Database, _ caseId: Int64) throws -> Urgency {
        try String.fetchOne(db, sql: "SELECT urgency FROM careCase WHERE id = ?", arguments: [caseId]).flatMap(Urgency.init(rawValue:)) ?? .p3
    }

    /// Records that staff handled a case less urgently than its triage (`to`: the outcome or handling chosen):
    /// a history row "override" with the reason and an access-log event. A missing reason is refused.
    static func recordOverride(_ db: Database, caseId: Int64, user: StaffUser, pnr: String, from: Urgency, to: String, reason: String?,
                               at now: Date) throws {
        guard let why = reason?.trimmingCharacters(in: .whitespacesAndNewlines), !why.isEmpty else {
            throw LotsError("case \(caseId) is triaged \(from.code): \(to) is less urgent and needs a reason", at: "override",
                            fix: "confirm and write why the triage does not apply").keyed("err.overrideReason", "\(caseId)", from.code)
        }
        try history(db, caseId, user.username, "override", from: nil, to: nil, note: "\(from.code) -> \(to): \(why)", at: now)
        try audit(db, Actor(user: user), action: "override-triage", caseId: caseId, personnummer: pnr, detail: "\(from.code) -> \(to)", at: now)
    }

    /// Records an override for a case just created less urgently than its triage (a phone call made a digital
    /// case although the triage said 112).
    public func recordOverride(caseId: Int64, to handling: String, reason: String, by user: StaffUser, now: Date = Date()) throws {
        try guarded { try pool.write { db in
            // A phone nurse reads (and so may annotate) the cases she created; a clinician needs write access.
            try Self.requireAccess(db, user, caseId: caseId, user.role == .phoneNurse ? .read : .write)
            let st = try Self.caseState(db, caseId)
            try Self.recordOverride(db, caseId: caseId, user: user, pnr: st.pnr, from: try Self.urgency(db, caseId), to: handling, reason: reason, at: now)
        } }
    }
}

// MARK: - The patient's language

extension LotsStore {
    /// Sets the patient's language (`sv` or `en`), which templates sent to the patient follow; history and audit.
    public func setLanguage(caseId: Int64, language: String, by user: StaffUser, now: Date = Date()) throws {
        guard ["sv", "en"].contains(language) else {
            throw LotsError("unknown language \"\(language.prefix(8))\"", at: "language", fix: "use sv or en", code: .usage)
        }
        try guarded { try pool.write { db in
            try Self.requireAccess(db, user, caseId: caseId, .write)
            let st = try Self.caseState(db, caseId)
            guard st.status != .closed else { throw LotsError("case \(caseId) is closed", at: "language", fix: "the language applies to open cases").keyed("err.closed", "\(caseId)") }
            let old = try String.fetchOne(db, sql: "SELECT language FROM careCase WHERE id = ?", arguments: [caseId]) ?? "sv"
            try db.execute(sql: "UPDATE careCase SET language = ?, updatedAt = ? WHERE id = ?", arguments: [language, now, caseId])
            try Self.history(db, caseId, user.username, "language", from: nil, to: nil, note: "\(old) -> \(language)", at: now)
            try Self.audit(db, Actor(user: user), action: "set-language", caseId: caseId, personnummer: st.pnr, detail: "\(old) -> \(language)", at: now)
        } }
    }
}
