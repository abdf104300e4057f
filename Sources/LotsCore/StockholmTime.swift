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

/// Parsing and printing of ISO 8601 timestamps with offsets, as used in intake JSON and `--at`.
public enum ISOTime {
    /// Parses `2026-11-23T09:12:00+01:00`, `…Z`, with or without fractional seconds; nil when unparsable.
    public static func parse(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: text)
    }

    /// UTC form for storage: `2026-11-23T08:12:00Z`.
    public static func utc(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }

    /// Stockholm local time for display: `2026-11-23 09:12`.
    public static func local(_ date: Date) -> String {
        let c = Calendar.stockholm.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }
}
