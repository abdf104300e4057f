import Foundation
import Testing
import LotsCore

@Suite struct OpeningHoursTests {
    @Test func weekdayHoursOpenAndCloseInStockholmTime() throws {
        let h = try OpeningHours(weekly: ["mon-fri": "08:00-17:00"])
        #expect(h.isOpen(at: ISOTime.parse("2026-11-24T08:00:00+01:00")!))
        #expect(!h.isOpen(at: ISOTime.parse("2026-11-24T17:00:00+01:00")!))
        #expect(!h.isOpen(at: ISOTime.parse("2026-11-28T10:00:00+01:00")!))
        #expect(h.isOpen(at: ISOTime.parse("2026-11-24T07:30:00Z")!))  // 08:30 in Stockholm
    }

    @Test func nextOpeningSkipsTheWeekendAndExceptions() throws {
        let h = try OpeningHours(weekly: ["mon-fri": "08:00-17:00"], exceptions: ["2026-11-30": "closed"])
        let next = h.nextOpening(after: ISOTime.parse("2026-11-28T10:00:00+01:00")!)
        #expect(next.map(ISOTime.local) == "2026-12-01 08:00")
    }

    @Test func malformedHoursAreErrors() {
        #expect(throws: LotsError.self) { try OpeningHours(weekly: ["mon-fri": "8-17"]) }
        #expect(throws: LotsError.self) { try OpeningHours(weekly: ["funday": "08:00-17:00"]) }
        #expect(throws: LotsError.self) { try OpeningHours(weekly: ["mon": "17:00-08:00"]) }
    }
}
