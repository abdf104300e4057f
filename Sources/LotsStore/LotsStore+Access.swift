import Foundation
import GRDB
import LotsCore

/// Role checks, enforced here in the store so no screen or command can skip them.
///
/// - clinician: cases of their own unit (forwarded cases move to the receiving unit), read and write;
/// - phone nurse: creates cases for any unit and reads the ones they created;
/// - supervisor: reads cases of their own units (every read is logged), never writes;
/// - admin: users, units, templates and catalog; no patient data.
/// A denied action is an audit event and a `LotsError` with exit code 77.
public enum CaseAccess: String, Sendable {
    case read, write
    /// Giving the case to a clinician: a supervisor's one write (of their own unit).
    case assign
}

/// A denial raised inside a transaction; `guarded` logs it after the rollback and rethrows the `LotsError`.
struct AccessDenied: Error {
    let error: LotsError
    let user: StaffUser
    let caseId: Int64?
    let pnr: String?
    let what: String
}

extension LotsStore {
    static func deny(_ db: Database, _ user: StaffUser, _ what: String, caseId: Int64?, pnr: String?) throws -> Never {
        throw AccessDenied(error: LotsError("\(user.role.rawValue) \(user.username) may not \(what)", at: caseId.map { "case \($0)" } ?? "store",
                                            fix: "ask a colleague with the right role or unit", code: .denied)
                                .keyed("err.denied", caseId.map { "\($0)" } ?? "–"),
                           user: user, caseId: caseId, pnr: pnr, what: what)
    }

    /// Runs a store operation; a denial inside it is written to the access log in its own transaction
    /// (the operation's transaction rolled back) and surfaces as its `LotsError`.
    func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let d as AccessDenied {
            try pool.write { try Self.audit($0, Actor(user: d.user), action: "denied", caseId: d.caseId, personnummer: d.pnr, detail: d.what) }
            throw d.error
        }
    }

    /// Throws (and logs the denial) unless `user` may read or write case `caseId`.
    static func requireAccess(_ db: Database, _ user: StaffUser, caseId: Int64, _ access: CaseAccess) throws {
        guard let r = try Row.fetchOne(db, sql: """
            SELECT c.unitHsaId, c.createdByStaffId, z.personnummer FROM careCase c JOIN citizen z ON z.id = c.citizenId WHERE c.id = ?
            """, arguments: [caseId]) else {
            throw LotsError("no case with id \(caseId)", at: "case", fix: "reload the queue", code: .noInput)
        }
        let unit: String = r["unitHsaId"]
        let creator: Int64? = r["createdByStaffId"]
        let allowed: Bool
        switch user.role {
        case .clinician: allowed = unit == user.unitHsaId && access != .assign
        case .supervisor: allowed = (access == .read || access == .assign) && unit == user.unitHsaId
        case .phoneNurse: allowed = access == .read && creator == user.id
        case .admin: allowed = false
        }
        if !allowed {
            let verb = access == .read ? "read case \(caseId)" : access == .assign ? "assign case \(caseId)" : "change case \(caseId)"
            try deny(db, user, verb, caseId: caseId, pnr: r["personnummer"])
        }
    }

    /// Throws (and logs) unless `user` has one of `roles`.
    static func requireRole(_ db: Database, _ user: StaffUser, _ roles: Set<Role>, to what: String) throws {
        if !roles.contains(user.role) { try deny(db, user, what, caseId: nil, pnr: nil) }
    }

    /// A case as `user` may see it; the read is logged as an open.
    public func caseDetail(_ id: Int64, for user: StaffUser) throws -> CaseDetail? {
        try guarded { try pool.write { db in
            try Self.requireAccess(db, user, caseId: id, .read)
            let pnr = try String.fetchOne(db, sql: "SELECT z.personnummer FROM careCase c JOIN citizen z ON z.id = c.citizenId WHERE c.id = ?", arguments: [id])
            try Self.audit(db, Actor(user: user), action: "open-case", caseId: id, personnummer: pnr)
        } }
        return try caseDetail(id)
    }

    /// A case re-read for `user` without logging a new open; nil when they may no longer see it.
    public func caseDetailIfAllowed(_ id: Int64, for user: StaffUser) throws -> CaseDetail? {
        guard let d = try caseDetail(id) else { return nil }
        let ok: Bool
        switch user.role {
        case .clinician, .supervisor: ok = d.unitHsaId == user.unitHsaId
        case .phoneNurse: ok = try pool.read { try Int64.fetchOne($0, sql: "SELECT createdByStaffId FROM careCase WHERE id = ?", arguments: [id]) } == user.id
        case .admin: ok = false
        }
        return ok ? d : nil
    }

    /// The queue `user` may see: their unit's for clinicians and supervisors, their own created cases for
    /// phone nurses, nothing for admins.
    public func queue(for user: StaffUser, limit: Int = 100_000) throws -> [QueueEntry] {
        try pool.read { try queue($0, for: user, limit: limit) }
    }

    func queue(_ db: Database, for user: StaffUser, limit: Int) throws -> [QueueEntry] {
        switch user.role {
        case .clinician, .supervisor:
            guard let unit = user.unitHsaId else { return [] }
            return try queue(db, unit: unit, limit: limit, offset: 0)
        case .phoneNurse:
            return try Self.queueEntries(db, sql: """
                SELECT \(Self.queueColumns) FROM careCase c JOIN citizen z ON z.id = c.citizenId LEFT JOIN staff s ON s.id = c.ownerStaffId
                WHERE c.createdByStaffId = ? AND c.status <> 'closed' ORDER BY c.urgencyRank, c.submittedAt, c.id LIMIT ?
                """, arguments: [user.id, limit])
        case .admin:
            return []
        }
    }
}

// MARK: - Administration (admins only when a staff member acts; the host's operator acts as system)

extension LotsStore {
    /// Creates a staff account on behalf of `admin`.
    @discardableResult
    public func addUser(username: String, displayName: String, role: Role, profession: Profession?, unit: String?,
                        password: String, by admin: StaffUser) throws -> Int64 {
        try guarded { try pool.read { db in try Self.requireRole(db, admin, [.admin], to: "manage users") } }
        return try addUser(username: username, displayName: displayName, role: role, profession: profession, unit: unit,
                           password: password, actor: Actor(user: admin))
    }

    /// Sets a password on behalf of `user`: an admin for anyone, anyone else only their own (the caller has
    /// checked their old password by logging them in).
    public func setPassword(username: String, password: String, by user: StaffUser) throws {
        if user.role != .admin, user.username.lowercased() != username.lowercased() {
            try guarded { try pool.read { db in try Self.deny(db, user, "set another user's password", caseId: nil, pnr: nil) } }
        }
        try setPassword(username: username, password: password, actor: Actor(user: user))
    }

    /// Imports a catalog on behalf of `admin`.
    @discardableResult
    public func importCatalog(files: [(name: String, text: String)], by admin: StaffUser) throws -> SymptomCatalog {
        try guarded { try pool.read { db in try Self.requireRole(db, admin, [.admin], to: "import a catalog") } }
        return try importCatalog(files: files, actor: Actor(user: admin))
    }

    /// Updates units and shared templates on behalf of `admin`.
    public func importDirectoryAndTemplates(_ directory: ProviderDirectory, templates: [PhraseTemplate], by admin: StaffUser) throws {
        try guarded { try pool.read { db in try Self.requireRole(db, admin, [.admin], to: "change units and templates") } }
        try importDirectory(directory)
        try importTemplates(templates)
    }
}

// MARK: - Commands acting as a staff member (DESIGN §4's command × role table)

extension LotsStore {
    /// Hands a case to `deliver` (an export) if `user` may read it, logging the access to that person in the same
    /// transaction: if `deliver` fails, neither happened.
    public func withCase<T>(_ id: Int64, for user: StaffUser, action: String, detail: String = "",
                            deliver: (CaseDetail) throws -> T) throws -> T {
        try guarded { try pool.write { db in
            try Self.requireAccess(db, user, caseId: id, .read)
            guard let d = try Self.caseDetail(db, id) else {
                throw LotsError("no case with id \(id)", at: "CASE", fix: "use an id printed by lots intake", code: .noInput)
            }
            try Self.audit(db, Actor(user: user), action: action, caseId: id, personnummer: d.personnummer, detail: detail)
            return try deliver(d)
        } }
    }

    /// The access-log extract of one case (a reader of the case) or one patient (a supervisor: the patient's
    /// events in cases of the supervisor's unit); the extract itself is logged to `user`.
    public func auditExtract(caseId: Int64? = nil, personnummer: String? = nil, for user: StaffUser,
                             deliver: ([AuditEvent]) throws -> Void) throws {
        try guarded { try pool.write { db in
            var events: [AuditEvent]
            if let caseId {
                try Self.requireAccess(db, user, caseId: caseId, .read)
                events = try Self.auditEvents(db, caseId: caseId, personnummer: nil)
            } else {
                try Self.requireRole(db, user, [.supervisor], to: "read a patient's access log")
                let unitCases = Set(try Int64.fetchAll(db, sql: "SELECT id FROM careCase WHERE unitHsaId = ?", arguments: [user.unitHsaId]))
                events = try Self.auditEvents(db, caseId: nil, personnummer: personnummer).filter { $0.caseId.map(unitCases.contains) ?? false }
            }
            let pnr = try caseId.flatMap { try String.fetchOne(db, sql: "SELECT z.personnummer FROM careCase c JOIN citizen z ON z.id = c.citizenId WHERE c.id = ?", arguments: [$0]) } ?? personnummer
            try Self.audit(db, Actor(user: user), action: "audit-extract", caseId: caseId, personnummer: pnr, detail: "\(events.count) events")
            try deliver(events)
        } }
    }

    /// The contacts report as `user` may see it: a supervisor their unit's rows, an admin every unit's
    /// (aggregates only, no patient data). Logged to that person.
    public func contactReport(from: Date, to: Date, for user: StaffUser) throws -> [ContactReportRow] {
        try guarded { try pool.write { db in
            try Self.requireRole(db, user, [.supervisor, .admin], to: "read the contacts report")
            try Self.audit(db, Actor(user: user), action: "report", detail: "contacts \(ISOTime.utc(from)) – \(ISOTime.utc(to))")
        } }
        let rows = try contactReport(from: from, to: to)
        return user.role == .admin ? rows : rows.filter { $0.unitHsaId == user.unitHsaId }
    }

    /// `demo` or `real`; nil for a store made before stores were marked (or by a first intake).
    public func kind() throws -> String? {
        try pool.read { try String.fetchOne($0, sql: "SELECT value FROM storeInfo WHERE key = 'kind'") }
    }

    /// Marks the store as `demo` or `real`, once: a store already of the other kind is refused (77).
    public func mark(kind: String, by actor: Actor) throws {
        try pool.write { db in
            if let current = try String.fetchOne(db, sql: "SELECT value FROM storeInfo WHERE key = 'kind'") {
                guard current == kind else {
                    throw LotsError("the store is a \(current) store", at: path,
                                    fix: current == "real" ? "demo data never goes into a real store: use another --db" : "make a real store in a new file with lots init --admin NAME",
                                    code: .denied)
                }
                return
            }
            try db.execute(sql: "INSERT INTO storeInfo (key, value) VALUES ('kind', ?)", arguments: [kind])
            try Self.audit(db, actor, action: "store-kind", detail: kind)
        }
    }
}
