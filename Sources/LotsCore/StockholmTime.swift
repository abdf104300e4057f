import Foundation

extension TimeZone {
    /// Europe/Stockholm: the time zone every time is shown in.
    public static let stockholm = TimeZone(identifier: "Europe/Stockholm")!
}

extension Calendar {
    /// A Gregorian calendar in Stockholm time, weeks starting on Monday.
    public static let stockholm: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = .stockholm
        c.firstWeekday = 2
        c.locale = Locale(identifier: "sv_SE")
        return c
    }()
}

/// A moment as a Stockholm wall clock shows it, by arithmetic on the zone's UTC offset.
///
/// The referral asks every unit's opening hours about the same moment; `Calendar.dateComponents` and
/// `startOfDay` cost more than all the rest of a triage, so this decomposes a date with one offset lookup
/// and integer arithmetic (days from civil, H. Hinnant). Stockholm changes clocks at 02:00/03:00, never at
/// midnight, so local midnight always exists and the offset just before it is the day's first offset.
public struct StockholmTime: Sendable, Equatable {
    public let year: Int, month: Int, day: Int
    /// 0 = Monday … 6 = Sunday.
    public let weekday: Int
    public let hour: Int, minute: Int
    /// The instant of this day's local midnight.
    public let startOfDay: Date

    public init(_ date: Date) {
        let tz = TimeZone.stockholm
        let offset = tz.secondsFromGMT(for: date)
        let local = Int((date.timeIntervalSince1970).rounded(.down)) + offset
        let days = Self.floorDiv(local, 86_400)
        let second = local - days * 86_400
        hour = second / 3600
        minute = (second % 3600) / 60
        weekday = ((days % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday
        (year, month, day) = Self.civil(days)
        let midnightGuess = Date(timeIntervalSince1970: Double(days * 86_400 - offset))
        startOfDay = Date(timeIntervalSince1970: Double(days * 86_400 - tz.secondsFromGMT(for: midnightGuess.addingTimeInterval(-1))))
    }

    /// Minutes after local midnight.
    public var minuteOfDay: Int { hour * 60 + minute }

    /// `2026-11-24`.
    public var dayKey: String { Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2) }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Year, month, day of a day number (days since 1970-01-01).
    static func civil(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, doy - (153 * mp + 2) / 5 + 1)
    }

    /// Day number (days since 1970-01-01) of a civil date (H. Hinnant's days_from_civil).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

/// Parsing and printing of ISO 8601 timestamps with offsets, as used in intake JSON and `--at`.
public enum ISOTime {
    /// Parses `2026-11-23T09:12:00+01:00`, `…Z`, with or without fractional seconds; nil when unparsable.
    ///
    /// Strict, unlike `ISO8601DateFormatter`: `2026-02-30` and `T24:00` are refused rather than rolled over,
    /// the offset is at most ±14:00, and the year lies in 1900…9999.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count >= 20, b.count <= 40 else { return nil }
        func number(_ at: Int, _ n: Int) -> Int? {
            var v = 0
            for i in at..<(at + n) {
                guard i < b.count, (48...57).contains(b[i]) else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        func char(_ at: Int, _ c: Character) -> Bool { at < b.count && b[at] == c.asciiValue! }
        guard let year = number(0, 4), char(4, "-"), let month = number(5, 2), char(7, "-"), let day = number(8, 2), char(10, "T"),
              let hour = number(11, 2), char(13, ":"), let minute = number(14, 2), char(16, ":"), let second = number(17, 2),
              (1900...9999).contains(year), (1...12).contains(month), day >= 1, day <= Personnummer.daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        var i = 19
        var fraction = 0.0
        if char(i, ".") {
            var scale = 0.1
            i += 1
            let start = i
            while i < b.count, (48...57).contains(b[i]) { fraction += Double(b[i] - 48) * scale; scale /= 10; i += 1 }
            guard i > start, i - start <= 9 else { return nil }
        }
        var offset = 0
        if char(i, "Z") {
            i += 1
        } else if char(i, "+") || char(i, "-") {
            guard let oh = number(i + 1, 2), char(i + 3, ":"), let om = number(i + 4, 2), oh * 60 + om <= 14 * 60, om <= 59 else { return nil }
            offset = (oh * 3600 + om * 60) * (char(i, "-") ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let seconds = StockholmTime.daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// UTC form for storage: `2026-11-23T08:12:00Z` (whole seconds, truncated). Every audit event writes
    /// one, so it is arithmetic rather than a new ISO8601DateFormatter each time.
    public static func utc(_ date: Date) -> String {
        // As ICU does: to whole milliseconds first, then down to the second.
        let t = StockholmTime.floorDiv(Int((date.timeIntervalSince1970 * 1000).rounded()), 1000)
        let days = StockholmTime.floorDiv(t, 86_400)
        let second = t - days * 86_400
        let (y, m, d) = StockholmTime.civil(days)
        let p = StockholmTime.pad
        return p(y, 4) + "-" + p(m, 2) + "-" + p(d, 2) + "T" + p(second / 3600, 2) + ":" + p(second % 3600 / 60, 2) + ":" + p(second % 60, 2) + "Z"
    }

    /// Stockholm local time for display: `2026-11-23 09:12`.
    public static func local(_ date: Date) -> String {
        let t = StockholmTime(date)
        return t.dayKey + " " + StockholmTime.pad(t.hour, 2) + ":" + StockholmTime.pad(t.minute, 2)
    }
}
