import Foundation

/// A unit's expected wait for a profession, as the unit reported it to Vårdutbud (a forecast).
public struct ExpectedWait: Sendable, Equatable {
    public var unitHsaId: String
    public var profession: Profession
    /// Expected days until a first visit.
    public var days: Int
    /// The day the forecast was reported (`YYYY-MM-DD`).
    public var reportedOn: String

    public init(unitHsaId: String, profession: Profession, days: Int, reportedOn: String) {
        self.unitHsaId = unitHsaId; self.profession = profession; self.days = days; self.reportedOn = reportedOn
    }

    /// Vårdutbud requires a report at least every third month: an older forecast is shown with a warning.
    public func isStale(now: Date) -> Bool {
        guard let reported = SlotTemplate.day(reportedOn),
              let limit = Calendar.stockholm.date(byAdding: .month, value: 3, to: reported) else { return true }
        return now > limit
    }
}

/// Waits measured in Lots' own data over the last 30 days, per unit and profession.
public struct MeasuredWait: Sendable, Equatable {
    public var unitHsaId: String
    public var profession: Profession
    /// Median minutes from a case's arrival to the first staff answer, and how many cases it is over.
    public var firstAnswerMinutes: Int?
    public var answeredCases: Int
    /// Median hours from a case's arrival to the start of the visit it booked, and over how many bookings.
    public var visitHours: Int?
    public var bookedVisits: Int

    public init(unitHsaId: String, profession: Profession, firstAnswerMinutes: Int?, answeredCases: Int, visitHours: Int?, bookedVisits: Int) {
        self.unitHsaId = unitHsaId; self.profession = profession; self.firstAnswerMinutes = firstAnswerMinutes
        self.answeredCases = answeredCases; self.visitHours = visitHours; self.bookedVisits = bookedVisits
    }

    /// The median of a list (the mean of the two middle values of an even count); nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }
}

/// Expected and measured waits of one unit, side by side (forward picker, dashboard, `lots directory waits`).
public struct UnitWaits: Sendable, Equatable {
    public var unitHsaId: String
    public var unitName: String
    public var expected: [ExpectedWait]
    public var measured: [MeasuredWait]

    public init(unitHsaId: String, unitName: String, expected: [ExpectedWait], measured: [MeasuredWait]) {
        self.unitHsaId = unitHsaId; self.unitName = unitName; self.expected = expected; self.measured = measured
    }

    /// One short line: `läk 5d (rapp. 2026-10-01) mätt 1d2h/12 · ssk …`; stale forecasts marked `⚠ >3 mån`.
    public func summary(now: Date) -> String {
        let professions = Profession.allCases.filter { p in expected.contains { $0.profession == p } || measured.contains { $0.profession == p } }
        guard !professions.isEmpty else { return "inga väntetider" }
        return professions.map { p in
            var parts = [Self.short(p)]
            if let e = expected.first(where: { $0.profession == p }) {
                parts.append("väntat \(e.days)d (rapp. \(e.reportedOn)\(e.isStale(now: now) ? " ⚠ >3 mån" : ""))")
            }
            if let m = measured.first(where: { $0.profession == p }) {
                var mm: [String] = []
                if let f = m.firstAnswerMinutes { mm.append("svar \(Self.duration(minutes: f))") }
                if let v = m.visitHours { mm.append("besök \(Self.duration(minutes: v * 60))") }
                if !mm.isEmpty { parts.append("mätt 30d " + mm.joined(separator: ", ")) }
            }
            return parts.joined(separator: " ")
        }.joined(separator: " · ")
    }

    /// True when any of the unit's forecasts is older than three months.
    public func hasStaleForecast(now: Date) -> Bool { expected.contains { $0.isStale(now: now) } }

    public static func short(_ p: Profession) -> String {
        switch p {
        case .sjukskoterska: "ssk"
        case .lakare: "läk"
        case .fysioterapeut: "fysio"
        case .psykolog: "psyk"
        case .kurator: "kur"
        case .barnmorska: "bm"
        }
    }

    /// `45m`, `3h20`, `2d4h`.
    public static func duration(minutes: Int) -> String {
        if minutes < 60 { return "\(minutes)m" }
        if minutes < 24 * 60 { return "\(minutes / 60)h" + (minutes % 60 == 0 ? "" : StockholmTime.pad(minutes % 60, 2)) }
        let h = minutes / 60
        return "\(h / 24)d" + (h % 24 == 0 ? "" : "\(h % 24)h")
    }
}

/// A Vårdutbud-style forecast file for `lots directory import FILE`:
///
/// ```yaml
/// reported: 2026-10-01            # default report date for every line
/// waits:
///   - { hsaId: SE2321000016-DEMO1, profession: lakare, days: 12 }
///   - { hsaId: SE2321000016-DEMO1, profession: sjukskoterska, days: 2, reported: 2026-11-02 }
/// video:
///   - { hsaId: SE2321000016-DEMO1, url: "https://video.regiondemo.se/m/{room}" }
/// ```
public struct WaitForecastFile: Sendable, Equatable {
    public var waits: [ExpectedWait]
    /// Per-unit video URL templates.
    public var video: [String: String]

    public static func parse(_ text: String, file: String = "waits.yaml", now: Date = Date()) throws -> WaitForecastFile {
        let root = try YAMLReader.parse(text, file: file)
        let top = try root.mapping(allowed: ["reported", "waits", "video"])
        func date(_ node: YAMLReader) throws -> String {
            let s = try node.string()
            guard let d = SlotTemplate.day(s) else { throw node.fail("invalid report date \"\(SafeText.sanitize(String(s.prefix(20)), keepNewlines: false))\"", fix: "write YYYY-MM-DD") }
            guard d <= now else { throw node.fail("report date \(s) is in the future", fix: "give the day the forecast was reported") }
            return s
        }
        let defaultDate = try top["reported"].map(date)
        var waits: [ExpectedWait] = []
        var seen: [String: Int] = [:]
        for entry in try top["waits"]?.list() ?? [] {
            let m = try entry.mapping(allowed: ["hsaId", "profession", "days", "reported"])
            let hsa = try m.required("hsaId", in: entry).string()
            let profession = try m.required("profession", in: entry).value(Profession.self, what: "profession")
            let daysNode = try m.required("days", in: entry)
            let days = try daysNode.int()
            guard (0...730).contains(days) else { throw daysNode.fail("an expected wait of \(days) days", fix: "give 0 to 730 days") }
            let reported: String
            if let r = m["reported"] { reported = try date(r) } else if let defaultDate { reported = defaultDate } else {
                throw entry.fail("no report date", fix: "add reported: YYYY-MM-DD to the line or at the top of the file")
            }
            let key = hsa + "/" + profession.rawValue
            if let first = seen[key] { throw entry.fail("a second forecast for \(key) (first at line \(first))", fix: "keep one line per unit and profession") }
            seen[key] = entry.line
            waits.append(ExpectedWait(unitHsaId: hsa, profession: profession, days: days, reportedOn: reported))
        }
        var video: [String: String] = [:]
        for entry in try top["video"]?.list() ?? [] {
            let m = try entry.mapping(allowed: ["hsaId", "url"])
            let urlNode = try m.required("url", in: entry)
            let url = try urlNode.string()
            try VideoLink.validate(url, at: urlNode.location)
            video[try m.required("hsaId", in: entry).string()] = url
        }
        guard !waits.isEmpty || !video.isEmpty else { throw root.fail("the file has no waits and no video templates", fix: "add a waits: list") }
        return WaitForecastFile(waits: waits, video: video)
    }
}
