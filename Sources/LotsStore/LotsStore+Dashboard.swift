import Foundation
import GRDB
import LotsCore

extension LotsStore {
    /// Marks a console user as present (nil: logged out).
    public func touchPresence(_ user: StaffUser, at: Date?) throws {
        try pool.write { try $0.execute(sql: "UPDATE staff SET lastSeenAt = ? WHERE id = ?", arguments: [at, user.id]) }
    }

    /// The dashboard of the supervisor's unit. Supervisors only (others are denied and logged).
    public func dashboard(for user: StaffUser, now: Date = Date()) throws -> DashboardStats {
        try guarded {
            try pool.read { db in try Self.requireRole(db, user, [.supervisor], to: "see the dashboard") }
            guard let unit = user.unitHsaId else { throw LotsError("no unit", at: "dashboard", fix: "give the supervisor a unit") }
            var stats = try dashboard(unit: unit, now: now)
            stats.silentOwners = try silentOwnerCases(unit: unit, now: now)
            stats.waits = try unitWaits(now: now).first { $0.unitHsaId == unit }
            return stats
        }
    }

    func dashboard(unit: String, now: Date) throws -> DashboardStats {
        let rows = try queue(unit: unit, limit: 1_000_000)
        return try pool.read { db in
            var open: [Urgency: [CaseStatus: Int]] = [:]
            var oldest: [Urgency: DashboardStats.Oldest] = [:]
            var overdue: [QueueEntry] = []
            for e in rows {
                open[e.urgency, default: [:]][e.status, default: 0] += 1
                if oldest[e.urgency] == nil || e.submittedAt < oldest[e.urgency]!.submittedAt {
                    oldest[e.urgency] = .init(caseId: e.id, submittedAt: e.submittedAt)
                }
                if let left = e.secondsToTarget(now: now), left < 0 { overdue.append(e) }
            }
            let since = now.addingTimeInterval(-24 * 3600)
            var perHour = Array(repeating: 0, count: 24)
            for d in try Date.fetchAll(db, sql: "SELECT submittedAt FROM careCase WHERE unitHsaId = ? AND submittedAt >= ?", arguments: [unit, since]) {
                let h = Int(d.timeIntervalSince(since) / 3600)
                if (0..<24).contains(h) { perHour[h] += 1 }
            }
            let midnight = Calendar.stockholm.startOfDay(for: now)
            let minutes = try Double.fetchAll(db, sql: """
                SELECT (julianday(firstResponseAt) - julianday(submittedAt)) * 1440.0 FROM careCase
                WHERE unitHsaId = ? AND firstResponseAt >= ? AND submittedAt >= ? ORDER BY 1
                """, arguments: [unit, midnight, midnight])
            let median: Double? = minutes.isEmpty ? nil : minutes.count % 2 == 1 ? minutes[minutes.count / 2]
                : (minutes[minutes.count / 2 - 1] + minutes[minutes.count / 2]) / 2
            let staff = try Row.fetchAll(db, sql: """
                SELECT s.displayName, (SELECT COUNT(*) FROM careCase c WHERE c.ownerStaffId = s.id AND c.status <> 'closed' AND c.status <> 'forwarded') AS n
                FROM staff s WHERE s.unitHsaId = ? AND s.lastSeenAt >= ? AND s.role = 'clinician' ORDER BY s.displayName
                """, arguments: [unit, now.addingTimeInterval(-120)]).map { DashboardStats.StaffLoad(name: $0["displayName"], openChats: $0["n"]) }
            return DashboardStats(unitName: try String.fetchOne(db, sql: "SELECT name FROM unit WHERE hsaId = ?", arguments: [unit]) ?? unit,
                                  open: open, oldest: oldest, overdue: overdue.sorted { ($0.urgency, $0.submittedAt) < ($1.urgency, $1.submittedAt) },
                                  arrivalsPerHour: perHour, medianFirstResponseMinutesToday: median.map { ($0 * 10).rounded() / 10 },
                                  staffOnline: staff)
        }
    }
}
