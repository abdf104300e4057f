import Foundation
import Testing
import LotsCore

/// `StockholmTime` replaces `Calendar` in the referral's hot path; it must agree with it everywhere,
/// around the clock changes of spring and autumn included.
@Suite struct StockholmTimeTests {
    func expectAgrees(_ date: Date) {
        let cal = Calendar.stockholm
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        let t = StockholmTime(date)
        let mine: [Int] = [t.year, t.month, t.day, t.hour, t.minute]
        let calendar: [Int] = [c.year!, c.month!, c.day!, c.hour!, c.minute!]
        #expect(mine == calendar, "\(date)")
        #expect(t.weekday == (c.weekday! + 5) % 7, "\(date)")
        #expect(t.startOfDay == cal.startOfDay(for: date), "\(date)")
    }

    @Test func agreesWithCalendarOverTenYearsOfRandomMoments() {
        var rng = SeededRandom(seed: 5)
        for _ in 0..<3_000 {
            expectAgrees(Date(timeIntervalSince1970: Double(Int.random(in: 1_600_000_000...1_950_000_000, using: &rng))))
        }
    }

    @Test func agreesAroundTheClockChanges() {
        // 2026-03-29 02:00 → 03:00 and 2026-10-25 03:00 → 02:00, minute by minute, plus dates before 1970.
        for start in ["2026-03-28T22:00:00Z", "2026-10-24T22:00:00Z"] {
            let t0 = ISOTime.parse(start)!
            for m in stride(from: 0, to: 8 * 60, by: 7) { expectAgrees(t0.addingTimeInterval(Double(m) * 60)) }
        }
        expectAgrees(ISOTime.parse("1969-12-31T23:30:00Z")!)
        expectAgrees(ISOTime.parse("1955-06-01T12:00:00Z")!)
        #expect(ISOTime.local(ISOTime.parse("2026-11-24T08:05:00Z")!) == "2026-11-24 09:05")
    }

    @Test func foldingKeepsMeaningOfDecomposedLetters() {
        #expect(TextAnalysis.fold("Bröstsmärta ÅÄÖ") == "brostsmarta aao")
        #expect(TextAnalysis.fold("Bro\u{308}st a\u{30A}") == "brost a")
        #expect(TextAnalysis.fold("Don’t") == "dont")
    }
}

@Suite struct ISOTimeTests {
    /// The audit log's timestamps: byte for byte what ISO8601DateFormatter wrote before.
    @Test func utcAgreesWithISO8601DateFormatter() {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        var rng = SeededRandom(seed: 9)
        for _ in 0..<2_000 {
            let d = Date(timeIntervalSince1970: Double.random(in: -2_000_000_000...4_000_000_000, using: &rng))
            #expect(ISOTime.utc(d) == f.string(from: d), "\(d.timeIntervalSince1970)")
        }
        #expect(ISOTime.utc(Date(timeIntervalSince1970: 1_795_500_000.999)) == "2026-11-24T06:00:00Z")
    }

    /// Issue 11, group 14: nothing rolls over to another day.
    @Test func parseIsStrictAndAgreesOnValidTimes() {
        for bad in ["2026-02-30T10:00:00Z", "2026-02-29T10:00:00Z", "2026-11-23T24:00:00Z", "2026-13-01T00:00:00Z",
                    "0001-01-01T00:00:00Z", "2026-11-23T09:12:00+14:01", "2026-11-23T09:12:00.Z", "2026-11-23T09:12:00Zjunk"] {
            #expect(ISOTime.parse(bad) == nil, "\(bad)")
        }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        for good in ["2028-02-29T23:59:59+01:00", "2026-11-23T09:12:00-05:30", "1955-06-01T12:00:00Z"] {
            #expect(ISOTime.parse(good) == f.date(from: good), "\(good)")
        }
        #expect(ISOTime.parse("2026-11-23T09:12:00.250Z")!.timeIntervalSince(ISOTime.parse("2026-11-23T09:12:00Z")!) == 0.25)
    }
}
