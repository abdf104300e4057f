import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore

/// Waiting times: forecasts as reported (with a stale warning past three months) next to waits measured from the
/// store's own rows over the last 30 days – rows this test makes, not fixtures. Issue 15.
@Suite struct WaitsTests {
    @Test func measuredWaitsComeFromTheLast30DaysOfCasesAndBookingsAndStandNextToTheForecast() throws {
        let f = try StoreFixture()
        let anna = try f.clinician()
        let admin = try adminUser(f)
        let now = Date()
        // Three answered cases of the last 30 days (30, 100 and 50 minutes to the first answer), one too old, one unanswered.
        let a = try f.addCase("Ont i halsen", minutesAgo: 60, serial: 1)
        let b = try f.addCase("Ont i halsen", minutesAgo: 100, serial: 2)
        let c = try f.addCase("Ont i halsen", minutesAgo: 80, serial: 3)
        let old = try f.addCase("Ont i halsen", minutesAgo: 40 * 24 * 60, serial: 4)
        try f.addCase("Ont i halsen", minutesAgo: 10, serial: 5)
        for (id, answeredMinutesAgo) in [(a, 30.0), (b, 0.0), (c, 30.0), (old, 40 * 24 * 60 - 5.0)] {
            try f.store.take(caseId: id, by: anna, cap: 10)
            try f.store.sendStaffMessage(caseId: id, body: "Hej!", templateCode: nil, by: anna, now: now.addingTimeInterval(-answeredMinutesAgo * 60))
        }
        let profession = try #require(try f.store.caseDetail(a)?.profession)
        // One booked visit, 26 hours after case a arrived (booked now).
        let start = now.addingTimeInterval(25 * 3600)
        try f.store.addSlots([SlotTemplate.Time(start: start, end: start.addingTimeInterval(1200), profession: .lakare, mode: .physical, resource: "")],
                             unit: StoreFixture.unit, actor: .system("test"))
        let slot = try #require(try f.store.slots(unit: StoreFixture.unit, from: now, to: now.addingTimeInterval(2 * 86_400)).first)
        try f.store.offerSlots(caseId: a, slotIds: [slot.id], by: anna)
        try f.store.book(caseId: a, slotId: slot.id)

        let reportedRecently = StockholmTime(now.addingTimeInterval(-10 * 86_400)).dayKey
        let reportedLongAgo = StockholmTime(now.addingTimeInterval(-100 * 86_400)).dayKey
        let file = try WaitForecastFile.parse("""
            reported: \(reportedRecently)
            waits:
              - { hsaId: \(StoreFixture.unit), profession: lakare, days: 9 }
              - { hsaId: \(StoreFixture.unit), profession: \(profession.rawValue), days: 2, reported: \(reportedLongAgo) }
            """, now: now)
        #expect(try f.store.importWaits(file, by: admin) == 2)

        let later = Date()
        let unit = try #require(try f.store.unitWaits(now: later).first { $0.unitHsaId == StoreFixture.unit })
        let answered = try #require(unit.measured.first { $0.profession == profession })
        #expect(answered.answeredCases == 3, "the 40-day-old case and the unanswered one do not count")
        #expect(answered.firstAnswerMinutes == 50, "median of 30, 100 and 50 minutes")
        let visits = try #require(unit.measured.first { $0.profession == .lakare })
        #expect(visits.bookedVisits == 1 && visits.visitHours == 26)
        #expect(unit.expected.first { $0.profession == .lakare }?.isStale(now: now) == false)
        #expect(unit.expected.first { $0.profession == profession }?.isStale(now: now) == true)
        let line = unit.summary(now: later)
        #expect(line.contains("läk väntat 9d (rapp. \(reportedRecently)) mätt 30d besök 1d2h"), "\(line)")
        #expect(line.contains("väntat 2d (rapp. \(reportedLongAgo) ⚠ >3 mån) mätt 30d svar 50m"), "\(line)")
    }

    @Test func aForecastFileWithAnUnknownUnitChangesNothing() throws {
        let f = try StoreFixture()
        let admin = try adminUser(f)
        let file = try WaitForecastFile.parse("""
            reported: 2026-01-02
            waits:
              - { hsaId: \(StoreFixture.unit), profession: lakare, days: 9 }
              - { hsaId: SE-NO-SUCH-UNIT, profession: lakare, days: 3 }
            """, now: ISOTime.parse("2026-02-01T00:00:00Z")!)
        #expect(throws: LotsError.self) { try f.store.importWaits(file, by: admin) }
        #expect(try f.store.unitWaits().allSatisfy { $0.expected.isEmpty })
        let anna = try f.clinician()
        #expect(throws: LotsError.self) { try f.store.importWaits(file, by: anna) }
    }

    func adminUser(_ f: StoreFixture) throws -> StaffUser {
        try f.store.addUser(username: "admin", displayName: "Admin", role: .admin, profession: nil, unit: nil, password: "demo", actor: .system("test"))
        return try #require(try f.store.user(named: "admin"))
    }
}
