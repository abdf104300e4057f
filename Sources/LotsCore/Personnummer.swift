import Foundation

/// A Swedish personal identity number (or samordningsnummer), validated and normalised.
///
/// Accepts `YYYYMMDD-NNNN`, `YYMMDD-NNNN`, `YYMMDD+NNNN` (100 years or older) and the same without
/// separator. The century of a 10-digit number is decided against a reference date.
///
/// ```swift
/// let pnr = try Personnummer("19121212-1212")
/// pnr.age(at: date)      // years
/// pnr.sex                // .m (odd second-to-last digit)
/// ```
public struct Personnummer: Sendable, Hashable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    /// Day of birth; for a samordningsnummer the stored day is this plus 60.
    public let day: Int
    public let serial: String
    public let checkDigit: Int
    public let isSamordningsnummer: Bool

    /// `YYYYMMDD-NNNN`, the canonical 12-digit form.
    public var canonical: String {
        // Not String(format:): that goes through NSString, and every intake over HTTP asks for this several times.
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return padded(year, 4) + padded(month, 2) + padded(isSamordningsnummer ? day + 60 : day, 2) + "-" + serial + String(checkDigit)
    }
    public var description: String { canonical }

    /// Legal sex from the second-to-last digit: odd male, even female.
    public var sex: Sex { (Int(String(serial.last!))! % 2 == 1) ? .m : .f }

    /// Parses and validates; `reference` decides the century of 10-digit numbers (default: now).
    public init(_ text: String, reference: Date = Date()) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let shown = SafeText.sanitize(String(trimmed.prefix(20)), keepNewlines: false)
        let invalid = { (why: String, key: String, args: [String]) in
            var e = LotsError("invalid personnummer \"\(shown)\": \(why)", at: "personnummer",
                              fix: "write it as YYYYMMDD-NNNN with a valid check digit")
            e.key = "pnr." + key
            e.args = [shown] + args
            return e
        }
        var digits = ""
        var separator: Character? = nil
        for (i, ch) in trimmed.enumerated() {
            if ch.isASCII, ch.isNumber { digits.append(ch) }
            else if ch == "-" || ch == "+", separator == nil, i == trimmed.count - 5 { separator = ch }
            else { throw invalid("unexpected character '\(SafeText.sanitize(String(ch), keepNewlines: false))'", "char", [SafeText.sanitize(String(ch), keepNewlines: false)]) }
        }
        guard digits.count == 10 || digits.count == 12 else { throw invalid("expected 10 or 12 digits, found \(digits.count)", "digits", ["\(digits.count)"]) }
        let d = digits.compactMap { $0.wholeNumberValue }
        var year: Int
        let off = digits.count - 10
        let yy = d[off] * 10 + d[off + 1]
        let month = d[off + 2] * 10 + d[off + 3]
        var day = d[off + 4] * 10 + d[off + 5]
        let samordning = day > 60
        if samordning { day -= 60 }
        if digits.count == 12 {
            year = d[0] * 1000 + d[1] * 100 + yy
        } else {
            // `-` (or none): under 100, so the latest century in which the birthday is not after the reference
            // day (a person born 1926-12-01 is 99 on 2026-11-23); `+`: a hundred years earlier still.
            let ref = Calendar.stockholm.dateComponents([.year, .month, .day], from: reference)
            let refYear = ref.year!
            year = (refYear / 100) * 100 + yy
            if year > refYear || (year == refYear && (month, day) > (ref.month!, ref.day!)) { year -= 100 }
            if separator == "+" { year -= 100 }
        }
        guard (1...12).contains(month) else { throw invalid("month \(month) does not exist", "month", ["\(month)"]) }
        guard day >= 1, day <= Self.daysIn(month: month, year: year) else { throw invalid("day \(day) does not exist in \(year)-\(String(format: "%02d", month))", "day", ["\(day)", "\(year)-\(String(format: "%02d", month))"]) }
        // Luhn over the last ten digits (YYMMDDNNN), check digit last.
        let ten = Array(d[off...])
        var sum = 0
        for (i, v) in ten.prefix(9).enumerated() {
            let p = v * (i % 2 == 0 ? 2 : 1)
            sum += p > 9 ? p - 9 : p
        }
        let expected = (10 - sum % 10) % 10
        guard expected == ten[9] else { throw invalid("check digit is \(ten[9]) but should be \(expected)", "check", ["\(ten[9])", "\(expected)"]) }
        guard ten[6..<9] != [0, 0, 0] else { throw invalid("serial number 000 is never issued", "serial", []) }
        self.year = year
        self.month = month
        self.day = day
        self.serial = ten[6..<9].map(String.init).joined()
        self.checkDigit = ten[9]
        self.isSamordningsnummer = samordning
        if let birth = birthDate, birth > reference.addingTimeInterval(86_400) {
            throw invalid("the birth date lies in the future", "future", [])
        }
    }

    /// Midnight of the birth date in Stockholm time.
    public var birthDate: Date? {
        Calendar.stockholm.date(from: DateComponents(year: year, month: month, day: day))
    }

    /// Whole years of age at `date`.
    public func age(at date: Date) -> Int {
        let c = Calendar.stockholm.dateComponents([.year, .month, .day], from: date)
        var age = c.year! - year
        if c.month! < month || (c.month! == month && c.day! < day) { age -= 1 }
        return max(0, age)
    }

    /// Whole months of age at `date` (for infants).
    public func ageInMonths(at date: Date) -> Int {
        let c = Calendar.stockholm.dateComponents([.year, .month, .day], from: date)
        var months = (c.year! - year) * 12 + (c.month! - month)
        if c.day! < day { months -= 1 }
        return max(0, months)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Makes a valid number for a birth date and serial (used by the demo generator and tests).
    public static func make(year: Int, month: Int, day: Int, serial: Int) -> String {
        let base = String(format: "%02d%02d%02d%03d", year % 100, month, day, serial % 1000)
        var sum = 0
        for (i, ch) in base.enumerated() {
            let p = ch.wholeNumberValue! * (i % 2 == 0 ? 2 : 1)
            sum += p > 9 ? p - 9 : p
        }
        return String(format: "%04d%02d%02d-%03d%d", year, month, day, serial % 1000, (10 - sum % 10) % 10)
    }
}
