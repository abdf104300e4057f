import Foundation

/// Weekly opening hours in Stockholm time, with dated exceptions (holidays, short days).
///
/// ```swift
/// let hours = try OpeningHours(weekly: ["mon-fri": "08:00-17:00"])
/// hours.isOpen(at: date)
/// hours.nextOpening(after: date)   // nil when it never opens within two weeks
/// ```
public struct OpeningHours: Sendable, Equatable {
    /// Minutes after midnight, `open ..< close`; `close` may be 1440.
    public struct Interval: Sendable, Equatable {
        public var open: Int
        public var close: Int
    }

    /// Index 0 is Monday … 6 Sunday.
    public var week: [[Interval]]
    /// `YYYY-MM-DD` → that day's intervals (empty: closed).
    public var exceptions: [String: [Interval]]

    public static let always = OpeningHours(week: Array(repeating: [Interval(open: 0, close: 1440)], count: 7), exceptions: [:])

    public init(week: [[Interval]], exceptions: [String: [Interval]] = [:]) {
        self.week = week
        self.exceptions = exceptions
    }

    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// Builds hours from keys such as `mon-fri`, `sat`, `daily`, `always` and values `08:00-17:00`,
    /// `08:00-12:00,13:00-16:00` or `closed`.
    public init(weekly: [String: String], exceptions: [String: String] = [:]) throws {
        var week = Array(repeating: [Interval](), count: 7)
        for (key, value) in weekly {
            let intervals = try Self.parseIntervals(value)
            for d in try Self.parseDays(key) { week[d] = intervals }
        }
        var ex: [String: [Interval]] = [:]
        for (date, value) in exceptions {
            guard date.count == 10, ISOTime.parse(date + "T12:00:00Z") != nil else {
                throw LotsError("invalid exception date \"\(date)\"", at: "opening hours", fix: "write dates as YYYY-MM-DD")
            }
            ex[date] = try Self.parseIntervals(value)
        }
        self.init(week: week, exceptions: ex)
    }

    static func parseDays(_ key: String) throws -> [Int] {
        let k = key.lowercased()
        if k == "daily" || k == "always" { return Array(0..<7) }
        let parts = k.split(separator: "-").map(String.init)
        guard let a = dayNames.firstIndex(of: parts[0]) else {
            throw LotsError("unknown day \"\(key)\"", at: "opening hours", fix: "use mon, tue, wed, thu, fri, sat, sun, ranges like mon-fri, or daily")
        }
        guard parts.count == 2 else { return [a] }
        guard let b = dayNames.firstIndex(of: parts[1]), b >= a else {
            throw LotsError("unknown day range \"\(key)\"", at: "opening hours", fix: "write a range from an earlier to a later day, e.g. mon-fri")
        }
        return Array(a...b)
    }

    static func parseIntervals(_ value: String) throws -> [Interval] {
        let v = value.trimmingCharacters(in: .whitespaces).lowercased()
        if v == "closed" { return [] }
        if v == "always" || v == "00:00-24:00" { return [Interval(open: 0, close: 1440)] }
        return try v.split(separator: ",").map { part in
            let ends = part.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            guard ends.count == 2, let o = minutes(ends[0]), let c = minutes(ends[1]), o < c else {
                throw LotsError("invalid opening hours \"\(value)\"", at: "opening hours", fix: "write HH:MM-HH:MM, several separated by commas, or closed")
            }
            return Interval(open: o, close: c)
        }
    }

    static func minutes(_ s: String) -> Int? {
        let p = s.split(separator: ":")
        guard p.count == 2, let h = Int(p[0]), let m = Int(p[1]), (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440 else { return nil }
        return h * 60 + m
    }

    /// The intervals of the local day containing `date`, and the start of that day.
    func day(of date: Date) -> (intervals: [Interval], start: Date) { day(of: StockholmTime(date)) }

    func day(of t: StockholmTime) -> (intervals: [Interval], start: Date) {
        if !exceptions.isEmpty, let ex = exceptions[t.dayKey] { return (ex, t.startOfDay) }
        return (week[t.weekday], t.startOfDay)
    }

    /// True when open at `date`.
    public func isOpen(at date: Date) -> Bool { isOpen(at: StockholmTime(date)) }

    /// True when open at the local time `t` (decompose a date once when asking many units).
    public func isOpen(at t: StockholmTime) -> Bool {
        let m = t.minuteOfDay
        return day(of: t).intervals.contains { $0.open <= m && m < $0.close }
    }

    /// `date` itself when open, else the next opening within 14 days, else nil.
    public func nextOpening(after date: Date) -> Date? {
        let now = StockholmTime(date)
        if isOpen(at: now) { return date }
        let m = now.minuteOfDay
        for offset in 0..<15 {
            // Noon of the day `offset` days on: always inside that local day, whatever the clock changes.
            let t = offset == 0 ? now : StockholmTime(now.startOfDay.addingTimeInterval(Double(offset) * 86_400 + 12 * 3600))
            let (intervals, start) = day(of: t)
            for iv in intervals.sorted(by: { $0.open < $1.open }) where offset > 0 || iv.open > m {
                return start.addingTimeInterval(Double(iv.open) * 60)
            }
        }
        return nil
    }

    /// A short Swedish summary such as `mån–fre 08:00–17:00` (for the provider picker).
    public var summary: String {
        if self == .always { return "dygnet runt" }
        let sv = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"]
        var parts: [String] = []
        var i = 0
        while i < 7 {
            var j = i
            while j + 1 < 7, week[j + 1] == week[i] { j += 1 }
            let text = week[i].isEmpty ? "stängt" : week[i].map { String(format: "%02d:%02d–%02d:%02d", $0.open / 60, $0.open % 60, $0.close / 60, $0.close % 60) }.joined(separator: ", ")
            parts.append((i == j ? sv[i] : "\(sv[i])–\(sv[j])") + " " + text)
            i = j + 1
        }
        return parts.joined(separator: "; ")
    }
}
