import Foundation

/// A unit's weekly appointment-book template: which times are bookable, per weekday, profession and mode.
///
/// ```yaml
/// unit: SE2321000016-DEMO1
/// slots:
///   - { days: mon-fri, from: "09:00", to: "12:00", minutes: 20, profession: lakare, mode: physical, resource: "Dr Berg" }
///   - { days: [tue, thu], from: "13:00", to: "15:00", minutes: 15, profession: sjukskoterska, mode: video }
/// ```
/// `expand(from:to:)` turns it into concrete times for a range of days (Stockholm time; DST handled by the calendar).
public struct SlotTemplate: Sendable, Equatable {
    public struct Block: Sendable, Equatable {
        /// 0 = Monday … 6 = Sunday.
        public var days: [Int]
        /// Minutes after midnight.
        public var from: Int
        public var to: Int
        public var minutes: Int
        public var profession: Profession
        public var mode: SlotMode
        public var resource: String
    }

    /// A concrete time the template makes.
    public struct Time: Sendable, Equatable {
        public var start: Date
        public var end: Date
        public var profession: Profession
        public var mode: SlotMode
        public var resource: String

        public init(start: Date, end: Date, profession: Profession, mode: SlotMode, resource: String = "") {
            self.start = start; self.end = end; self.profession = profession; self.mode = mode; self.resource = resource
        }
    }

    public var unit: String
    public var blocks: [Block]

    public init(unit: String, blocks: [Block]) {
        self.unit = unit
        self.blocks = blocks
    }

    /// Parses a template; errors name file, line and column.
    public static func parse(_ text: String, file: String = "template.yaml") throws -> SlotTemplate {
        let root = try YAMLReader.parse(text, file: file)
        let top = try root.mapping(allowed: ["unit", "slots"])
        let unit = try top.required("unit", in: root).string()
        var blocks: [Block] = []
        for entry in try top.required("slots", in: root).list() {
            let m = try entry.mapping(allowed: ["days", "from", "to", "minutes", "profession", "mode", "resource"])
            let daysNode = try m.required("days", in: entry)
            var days: [Int] = []
            do {
                let keys: [String]
                if let list = try? daysNode.strings() { keys = list } else { keys = [try daysNode.string()] }
                for k in keys { days += try OpeningHours.parseDays(k) }
            } catch var e as LotsError {
                e.location = daysNode.location
                throw e
            }
            func clock(_ key: String) throws -> Int {
                let node = try m.required(key, in: entry)
                let s = try node.string()
                let p = s.split(separator: ":")
                guard p.count == 2, p[0].count == 2, p[1].count == 2, let h = Int(p[0]), let mi = Int(p[1]), (0...24).contains(h), (0...59).contains(mi),
                      h * 60 + mi <= 1440 else {
                    throw node.fail("invalid time \"\(SafeText.sanitize(String(s.prefix(20)), keepNewlines: false))\"", fix: "write times as HH:MM, e.g. \"09:00\"")
                }
                return h * 60 + mi
            }
            let from = try clock("from"), to = try clock("to")
            guard to > from else { throw entry.fail("the block ends before it starts", fix: "make to later than from") }
            let minutesNode = try m.required("minutes", in: entry)
            let minutes = try minutesNode.int()
            guard (5...240).contains(minutes) else { throw minutesNode.fail("a slot of \(minutes) minutes", fix: "use 5 to 240 minutes") }
            blocks.append(Block(days: days.sorted(), from: from, to: to, minutes: minutes,
                                profession: try m.required("profession", in: entry).value(Profession.self, what: "profession"),
                                mode: try m["mode"]?.value(SlotMode.self, what: "slot mode") ?? .physical,
                                resource: try m["resource"]?.string() ?? ""))
        }
        guard !blocks.isEmpty else { throw root.fail("the template has no slots", fix: "add at least one block under slots:") }
        return SlotTemplate(unit: unit, blocks: blocks)
    }

    /// Every time of the template on the Stockholm days `from` … `to` (both `YYYY-MM-DD`, inclusive).
    public func expand(from: String, to: String) throws -> [Time] {
        guard let first = Self.day(from) else { throw LotsError("invalid date \"\(from.prefix(20))\"", at: "--from", fix: "write YYYY-MM-DD", code: .usage) }
        guard let last = Self.day(to) else { throw LotsError("invalid date \"\(to.prefix(20))\"", at: "--to", fix: "write YYYY-MM-DD", code: .usage) }
        guard last >= first else { throw LotsError("--to is before --from", at: "--to", fix: "give a later end date", code: .usage) }
        let cal = Calendar.stockholm
        let dayCount = cal.dateComponents([.day], from: first, to: last).day ?? 0
        guard dayCount <= 366 else { throw LotsError("\(dayCount + 1) days at once", at: "--to", fix: "make at most a year of slots at a time", code: .usage) }
        var out: [Time] = []
        for offset in 0...dayCount {
            guard let date = cal.date(byAdding: .day, value: offset, to: first) else { continue }
            let local = StockholmTime(date.addingTimeInterval(12 * 3600))
            for b in blocks where b.days.contains(local.weekday) {
                var m = b.from
                while m + b.minutes <= b.to {
                    let start = Self.at(local, minute: m), end = Self.at(local, minute: m + b.minutes)
                    out.append(Time(start: start, end: end, profession: b.profession, mode: b.mode, resource: b.resource))
                    m += b.minutes
                }
            }
        }
        return out.sorted { $0.start < $1.start }
    }

    /// Local midnight of a `YYYY-MM-DD` Stockholm day.
    public static func day(_ text: String) -> Date? {
        guard text.count == 10, ISOTime.parse(text + "T12:00:00Z") != nil else { return nil }
        let p = text.split(separator: "-").compactMap { Int($0) }
        return Calendar.stockholm.date(from: DateComponents(year: p[0], month: p[1], day: p[2]))
    }

    static func at(_ day: StockholmTime, minute: Int) -> Date {
        Calendar.stockholm.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: minute / 60, minute: minute % 60))!
    }
}
