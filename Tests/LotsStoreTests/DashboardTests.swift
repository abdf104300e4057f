import Foundation
import Testing
import LotsCore
import LotsStore

@Suite struct DashboardTests {
    @Test func countsOldestOverdueArrivalsAndStaffOnline() throws {
        let f = try StoreFixture()
        try f.store.addUser(username: "david", displayName: "David", role: .supervisor, profession: nil, unit: StoreFixture.unit,
                            password: "demo", actor: .system("t"))
        try f.store.addUser(username: "anna", displayName: "Anna", role: .clinician, profession: .sjukskoterska, unit: StoreFixture.unit,
                            password: "demo", actor: .system("t"))
        let david = try #require(try f.store.user(named: "david")), anna = try #require(try f.store.user(named: "anna"))
        let chest = try f.addCase("Ont i bröstet", minutesAgo: 30, serial: 1)      // P1, past its 15-minute target
        let cold1 = try f.addCase("Snuva", minutesAgo: 120, serial: 2)             // P5
        _ = try f.addCase("Snuva", minutesAgo: 60, serial: 3)                      // P5
        try f.store.take(caseId: cold1, by: anna)
        try f.store.touchPresence(anna, at: Date())
        let d = try f.store.dashboard(for: david)
        #expect(d.totalOpen == 3)
        #expect(d.open[.p5]?[.new] == 1 && d.open[.p5]?[.active] == 1)
        #expect(d.oldest[.p5]?.caseId == cold1)
        #expect(d.overdue.map(\.id) == [chest])
        #expect(d.arrivalsPerHour.reduce(0, +) == 3)
        #expect(d.staffOnline == [.init(name: "Anna", openChats: 1)])
        #expect { try f.store.dashboard(for: anna) } throws: { ($0 as? LotsError)?.code == .denied }
    }

    @Test func sparklineScalesToTheBusiestHour() {
        #expect(DashboardStats.sparkline([0, 1, 4, 8]) == " ▁▄█")
    }
}

@Suite struct DashboardMedianTests {
    @Test func theMedianFirstAnswerCountsOnlyTodaysCases() throws {
        let f = try StoreFixture()
        let anna = try f.clinician()
        try f.store.addUser(username: "david", displayName: "David", role: .supervisor, profession: nil, unit: StoreFixture.unit,
                            password: "demo", actor: .system("test"))
        let david = try #require(try f.store.user(named: "david"))
        let old = try f.addCase("Ont i knät", minutesAgo: 37 * 60, serial: 1)
        try f.store.take(caseId: old, by: anna)
        try f.store.sendStaffMessage(caseId: old, body: "Hej", templateCode: nil, by: anna)
        #expect(try f.store.dashboard(for: david).medianFirstResponseMinutesToday == nil, "yesterday's case answered today mixes days")
    }
}
