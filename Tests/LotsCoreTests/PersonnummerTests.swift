import Foundation
import Testing
import LotsCore

@Suite struct PersonnummerTests {
    let ref = ISOTime.parse("2026-11-23T09:12:00+01:00")!

    @Test func acceptsTwelveAndTenDigitForms() throws {
        let a = try Personnummer("19121212-1212", reference: ref)
        let b = try Personnummer("121212-1212", reference: ISOTime.parse("1990-01-01T00:00:00Z")!)
        let c = try Personnummer("191212121212", reference: ref)
        #expect(a.canonical == "19121212-1212")
        #expect(b.year == 1912)
        #expect(c == a)
        #expect(a.sex == .m)
    }

    @Test func plusMeansAHundredYearsOrOlder() throws {
        let p = try Personnummer("121212+1212", reference: ref)
        #expect(p.year == 1912)
        #expect(p.age(at: ref) == 113)
    }

    @Test func wrongCheckDigitIsRejectedWithTheRightOne() {
        #expect(throws: LotsError.self) { try Personnummer("19121212-1213", reference: ref) }
        do { _ = try Personnummer("19121212-1213", reference: ref) } catch let e as LotsError {
            #expect(e.what.contains("should be 2"))
        } catch { Issue.record("wrong error") }
    }

    @Test func samordningsnummerAddsSixtyToTheDay() throws {
        let made = Personnummer.make(year: 1990, month: 5, day: 71, serial: 238)
        let p = try Personnummer(made, reference: ref)
        #expect(p.isSamordningsnummer)
        #expect(p.day == 11)
        #expect(p.canonical == made)
    }

    @Test func impossibleDatesAndJunkAreRejected() {
        for bad in ["19120230-1212", "19121312-1210", "1912121-1212", "abc", "19121212-12a2", "", "20991212-1212"] {
            #expect(throws: LotsError.self, "\(bad)") { try Personnummer(bad, reference: ref) }
        }
    }

    @Test func ageAndMonthsAtADate() throws {
        let p = try Personnummer(Personnummer.make(year: 2026, month: 9, day: 20, serial: 124), reference: ref)
        #expect(p.age(at: ref) == 0)
        #expect(p.ageInMonths(at: ref) == 2)
        #expect(p.sex == .f)
    }

    // MARK: - Issue 11, group 15

    @Test func aNinetyNineYearOldWithAHyphenIsBornLastCentury() throws {
        let made = String(Personnummer.make(year: 1926, month: 12, day: 1, serial: 123).dropFirst(2))  // 261201-1234 form
        let p = try Personnummer(made, reference: ref)
        #expect(p.year == 1926)
        #expect(p.age(at: ref) == 99)
        let today = String(Personnummer.make(year: 2026, month: 11, day: 23, serial: 123).dropFirst(2))
        #expect(try Personnummer(today, reference: ref).year == 2026)
    }

    @Test func serialNumberZeroIsRefused() throws {
        let zero = Personnummer.make(year: 1980, month: 3, day: 14, serial: 0)
        #expect(throws: LotsError.self) { try Personnummer(zero, reference: ref) }
        #expect(throws: LotsError.self) { try Personnummer(String(zero.dropFirst(2)), reference: ref) }
        #expect(try Personnummer(Personnummer.make(year: 1980, month: 3, day: 14, serial: 1), reference: ref).serial == "001")
    }
}
