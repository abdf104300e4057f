import Foundation
import GRDB
import LotsCore

/// Appointment books (webbtidbok): a unit's bookable times, made from a weekly template or imported (admins),
/// and the unit's day list (its clinicians and supervisor; patient data, so every read is logged).
extension LotsStore {
    static let slotColumns = "s.id, s.unitHsaId, u.name AS unitName, s.profession, s.mode, s.startAt, s.endAt, s.resource"

    static func slot(_ r: Row) -> Slot {
        Slot(id: r["id"], unitHsaId: r["unitHsaId"], unitName: r["unitName"], profession: Profession(rawValue: r["profession"]) ?? .sjukskoterska,
             mode: SlotMode(rawValue: r["mode"]) ?? .physical, start: r["startAt"], end: r["endAt"], resource: r["resource"],
             bookedCaseId: r["bookedCaseId"])
    }

    /// Adds bookable times to a unit's book on behalf of `admin`, in one transaction. A time that already exists (same
    /// unit, profession, mode, start and resource) is skipped, so a template can be applied again safely.
    @discardableResult
    public func addSlots(_ times: [SlotTemplate.Time], unit: String, by admin: StaffUser, now: Date = Date()) throws -> (added: Int, skipped: Int) {
        try guarded { try pool.read { db in try Self.requireRole(db, admin, [.admin], to: "change appointment books") } }
        return try addSlots(times, unit: unit, actor: Actor(user: admin), now: now)
    }

    /// Adds bookable times as `actor` (the demo loader; commands go through the admin check above).
    @discardableResult
    public func addSlots(_ times: [SlotTemplate.Time], unit: String, actor: Actor, now: Date = Date()) throws -> (added: Int, skipped: Int) {
        try pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM unit WHERE hsaId = ?", arguments: [unit]) == true else {
                throw LotsError("unknown unit \"\(SafeText.sanitize(String(unit.prefix(40)), keepNewlines: false))\"", at: "unit",
                                fix: "use the HSA-id of a unit in the store (lots directory waits lists them)")
            }
            var added = 0
            let insert = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO slot (unitHsaId, profession, mode, startAt, endAt, resource, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for t in times {
                try insert.execute(arguments: [unit, t.profession.rawValue, t.mode.rawValue, t.start, t.end, t.resource, now])
                added += db.changesCount
            }
            try Self.audit(db, actor, action: "slots-add", detail: "\(unit): \(added) added, \(times.count - added) existed", at: now)
            return (added, times.count - added)
        }
    }

    /// A unit's times between two instants, booked or not (no patient data: only whether a time is taken).
    public func slots(unit: String, from: Date, to: Date, freeOnly: Bool = false) throws -> [Slot] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.slotColumns), a.caseId AS bookedCaseId FROM slot s JOIN unit u ON u.hsaId = s.unitHsaId
                LEFT JOIN appointment a ON a.slotId = s.id AND a.cancelledAt IS NULL
                WHERE s.unitHsaId = ? AND s.startAt >= ? AND s.startAt < ? \(freeOnly ? "AND a.id IS NULL" : "")
                ORDER BY s.startAt, s.id
                """, arguments: [unit, from, to]).map(Self.slot)
        }
    }

    /// Free future times of several units (the offer picker), soonest first.
    public func freeSlots(units: [String], after: Date = Date(), limit: Int = 200) throws -> [Slot] {
        guard !units.isEmpty else { return [] }
        return try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Self.slotColumns), NULL AS bookedCaseId FROM slot s JOIN unit u ON u.hsaId = s.unitHsaId
                WHERE s.unitHsaId IN (\(units.map { _ in "?" }.joined(separator: ","))) AND s.startAt > ?
                  AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.slotId = s.id AND a.cancelledAt IS NULL)
                ORDER BY s.startAt, s.id LIMIT ?
                """, arguments: StatementArguments(units) + [after, limit]).map(Self.slot)
        }
    }

    /// The unit's times on one Stockholm day with the booked visits, for its clinicians and supervisor; logged.
    public func dayList(unit: String? = nil, day: Date, for user: StaffUser, logged: Bool = true) throws -> [DayListEntry] {
        try guarded { try pool.write { db in
            try Self.requireRole(db, user, [.clinician, .supervisor], to: "read a unit's day list")
            let unit = unit ?? user.unitHsaId ?? ""
            if unit != user.unitHsaId { try Self.deny(db, user, "read the day list of \(unit)", caseId: nil, pnr: nil) }
            let start = StockholmTime(day).startOfDay
            let end = StockholmTime(start.addingTimeInterval(36 * 3600)).startOfDay
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(Self.slotColumns), a.caseId AS bookedCaseId, a.videoUrl, COALESCE(c.citizenName, z.name) AS name, z.personnummer,
                  c.urgency, c.reason
                FROM slot s JOIN unit u ON u.hsaId = s.unitHsaId
                LEFT JOIN appointment a ON a.slotId = s.id AND a.cancelledAt IS NULL
                LEFT JOIN careCase c ON c.id = a.caseId LEFT JOIN citizen z ON z.id = c.citizenId
                WHERE s.unitHsaId = ? AND s.startAt >= ? AND s.startAt < ? ORDER BY s.startAt, s.id
                """, arguments: [unit, start, end])
            if logged { try Self.audit(db, Actor(user: user), action: "day-list", detail: "\(unit) \(StockholmTime(start).dayKey): \(rows.filter { $0["bookedCaseId"] != nil }.count) booked") }
            return rows.map { r in
                DayListEntry(slot: Self.slot(r), caseId: r["bookedCaseId"], patientName: r["name"], personnummer: r["personnummer"],
                             urgency: (r["urgency"] as String?).flatMap(Urgency.init(rawValue:)), reason: r["reason"], videoURL: r["videoUrl"])
            }
        } }
    }
}
