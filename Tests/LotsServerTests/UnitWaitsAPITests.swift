import Foundation
import Testing
import LotsCore
import LotsServer
import LotsStore

/// `GET /v1/units` carries the waits measured from the store's own rows over the last 30 days (rows this test
/// makes) next to the expected ones. Issue 15.
@Suite(.timeLimit(.minutes(10))) struct UnitWaitsAPITests {
    @Test func unitsShowMeasuredWaitsFromTheLast30DaysNextToTheForecast() async throws {
        let f = try await ServerFixture()
        defer { Task { await f.stop() } }
        let before = try await f.request("GET", "/v1/units")
        let demoBefore = try #require(Self.units(before).first { $0["hsaId"] as? String == ServerFixture.unit })
        let waitBefore = try #require(demoBefore["wait"] as? [String: Any])
        #expect(waitBefore["measuredMinutes"] is NSNull, "no answered cases yet")
        #expect(waitBefore["source"] as? String == "directory")

        let anna = try f.clinician()
        let now = Date()
        // Answered after 20, 60 and 40 minutes (median 40); one answered case from 40 days ago does not count.
        for (serial, minutesAgo, answeredAfter) in [(1, 120.0, 20.0), (2, 100.0, 60.0), (3, 90.0, 40.0), (4, 40.0 * 24 * 60, 5.0)] {
            let id = try f.addCase(minutesAgo: minutesAgo, serial: serial)
            try f.store.take(caseId: id, by: anna, cap: 10)
            try f.store.sendStaffMessage(caseId: id, body: "Hej!", templateCode: nil, by: anna,
                                         now: now.addingTimeInterval((-minutesAgo + answeredAfter) * 60))
        }
        try f.store.importWaits([ExpectedWait(unitHsaId: ServerFixture.unit, profession: .lakare, days: 9,
                                              reportedOn: StockholmTime(now.addingTimeInterval(-100 * 86_400)).dayKey)])

        let r = try await f.request("GET", "/v1/units")
        #expect(r.status == 200)
        let demo = try #require(Self.units(r).first { $0["hsaId"] as? String == ServerFixture.unit })
        let wait = try #require(demo["wait"] as? [String: Any])
        #expect(wait["expectedMinutes"] as? Int == 90)
        #expect(wait["measuredMinutes"] as? Int == 40)
        #expect(wait["source"] as? String == "directory+measured")
        let measured = try #require(wait["measured"] as? [[String: Any]])
        #expect(measured.count == 1)
        #expect(measured.first?["answeredCases"] as? Int == 3)
        #expect(measured.first?["firstAnswerMinutes"] as? Int == 40)
        #expect(measured.first?["bookedVisits"] as? Int == 0)
        let expected = try #require((wait["expected"] as? [[String: Any]])?.first)
        #expect(expected["profession"] as? String == "lakare")
        #expect(expected["days"] as? Int == 9)
        #expect(expected["stale"] as? Bool == true, "reported 100 days ago")
        // Another unit has no rows: nothing measured there.
        let other = try #require(Self.units(r).first { $0["hsaId"] as? String != ServerFixture.unit })
        #expect((other["wait"] as? [String: Any])?["measuredMinutes"] is NSNull)
    }

    static func units(_ r: ServerFixture.Reply) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: r.body) as? [[String: Any]])
    }
}

extension ServerFixture {
    /// A clinician of the fixture's unit.
    func clinician(_ name: String = "anna") throws -> StaffUser {
        try store.addUser(username: name, displayName: name.capitalized, role: .clinician, profession: .sjukskoterska,
                          unit: Self.unit, password: "demo", actor: .system("test"))
        return try #require(try store.user(named: name))
    }

    /// A case of the fixture's unit, submitted `minutesAgo` minutes ago by a citizen with this serial (or `pnr`).
    func addCase(_ reason: String = "Ont i halsen", minutesAgo: Double = 0, serial: Int = 1, pnr: String? = nil) throws -> Int64 {
        let p = try Personnummer(pnr ?? Personnummer.make(year: 1980, month: 3, day: 14, serial: serial))
        let intake = Intake(personnummer: p, name: "Test Testsson", phone: nil, channel: .app, unit: Self.unit,
                            submittedAt: Date().addingTimeInterval(-minutesAgo * 60), reason: reason)
        return try store.createCase(intake, triage: Self.engine.triage(intake.triageInput, at: intake.submittedAt), actor: .system("test"))
    }
}
