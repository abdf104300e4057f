import Foundation
import GRDB
import LotsCore

/// Waiting times (Vårdutbud): each unit's expected waits as reported, and waits measured in Lots' own rows over
/// the last 30 days, per unit and profession.
extension LotsStore {
    /// Imports forecasts and video URL templates on behalf of `admin`, in one transaction; every unit named must
    /// exist. Returns the number of forecasts stored.
    @discardableResult
    public func importWaits(_ file: WaitForecastFile, by admin: StaffUser, now: Date = Date()) throws -> Int {
        try guarded { try pool.write { db in
            try Self.requireRole(db, admin, [.admin], to: "import waiting times")
            let units = Set(try String.fetchAll(db, sql: "SELECT hsaId FROM unit"))
            for hsa in file.waits.map(\.unitHsaId) + Array(file.video.keys) where !units.contains(hsa) {
                throw LotsError("unknown unit \"\(SafeText.sanitize(String(hsa.prefix(40)), keepNewlines: false))\"", at: "hsaId",
                                fix: "use the HSA-id of a unit in the store (lots directory waits lists them)")
            }
            for w in file.waits {
                try db.execute(sql: """
                    INSERT INTO expectedWait (unitHsaId, profession, days, reportedOn, importedAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(unitHsaId, profession) DO UPDATE SET days = excluded.days, reportedOn = excluded.reportedOn, importedAt = excluded.importedAt
                    """, arguments: [w.unitHsaId, w.profession.rawValue, w.days, w.reportedOn, now])
            }
            for (hsa, url) in file.video {
                try db.execute(sql: "UPDATE unit SET videoUrlTemplate = ? WHERE hsaId = ?", arguments: [url, hsa])
            }
            try Self.audit(db, Actor(user: admin), action: "directory-import", detail: "\(file.waits.count) forecasts, \(file.video.count) video templates", at: now)
            return file.waits.count
        } }
    }

    /// Stores forecasts without a staff identity (the demo loader).
    public func importWaits(_ waits: [ExpectedWait], now: Date = Date()) throws {
        try pool.write { db in
            for w in waits {
                try db.execute(sql: """
                    INSERT INTO expectedWait (unitHsaId, profession, days, reportedOn, importedAt) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(unitHsaId, profession) DO UPDATE SET days = excluded.days, reportedOn = excluded.reportedOn, importedAt = excluded.importedAt
                    """, arguments: [w.unitHsaId, w.profession.rawValue, w.days, w.reportedOn, now])
            }
        }
    }

    /// Every unit's forecasts and measured waits (aggregates: no patient data), by unit name.
    public func unitWaits(now: Date = Date()) throws -> [UnitWaits] {
        try pool.read { db in
            let expected = try Row.fetchAll(db, sql: "SELECT * FROM expectedWait ORDER BY unitHsaId, profession").map {
                ExpectedWait(unitHsaId: $0["unitHsaId"], profession: Profession(rawValue: $0["profession"]) ?? .sjukskoterska, days: $0["days"], reportedOn: $0["reportedOn"])
            }
            let measured = try Self.measuredWaits(db, now: now)
            return try Row.fetchAll(db, sql: "SELECT hsaId, name FROM unit ORDER BY name").map { r in
                let hsa: String = r["hsaId"]
                return UnitWaits(unitHsaId: hsa, unitName: r["name"], expected: expected.filter { $0.unitHsaId == hsa },
                                 measured: measured.filter { $0.unitHsaId == hsa })
            }
        }
    }

    /// The last 30 days: median minutes to the first staff answer of cases that arrived then, per the case's unit
    /// and profession; median hours from arrival to the booked visit of live bookings made then, per the time's
    /// unit and profession.
    static func measuredWaits(_ db: Database, now: Date) throws -> [MeasuredWait] {
        let since = now.addingTimeInterval(-30 * 86_400)
        var answers: [String: [Double]] = [:], visits: [String: [Double]] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT unitHsaId, profession, submittedAt, firstResponseAt FROM careCase
            WHERE submittedAt >= ? AND submittedAt <= ? AND firstResponseAt IS NOT NULL
            """, arguments: [since, now]) {
            let at: Date = r["submittedAt"], first: Date = r["firstResponseAt"]
            answers[(r["unitHsaId"] as String) + "|" + (r["profession"] as String), default: []].append(max(0, first.timeIntervalSince(at) / 60))
        }
        for r in try Row.fetchAll(db, sql: """
            SELECT s.unitHsaId, s.profession, c.submittedAt, s.startAt FROM appointment a JOIN slot s ON s.id = a.slotId JOIN careCase c ON c.id = a.caseId
            WHERE a.cancelledAt IS NULL AND a.bookedAt >= ? AND a.bookedAt <= ?
            """, arguments: [since, now]) {
            let at: Date = r["submittedAt"], start: Date = r["startAt"]
            visits[(r["unitHsaId"] as String) + "|" + (r["profession"] as String), default: []].append(max(0, start.timeIntervalSince(at) / 3600))
        }
        return Set(answers.keys).union(visits.keys).sorted().compactMap { key in
            let p = key.split(separator: "|").map(String.init)
            guard p.count == 2, let profession = Profession(rawValue: p[1]) else { return nil }
            let a = answers[key] ?? [], v = visits[key] ?? []
            return MeasuredWait(unitHsaId: p[0], profession: profession,
                                firstAnswerMinutes: MeasuredWait.median(a).map { Int($0.rounded()) }, answeredCases: a.count,
                                visitHours: MeasuredWait.median(v).map { Int($0.rounded()) }, bookedVisits: v.count)
        }
    }
}
