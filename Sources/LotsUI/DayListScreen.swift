import LotsCore

/// The unit's day list: every time of the day, its mode and profession, and the booked case (patient, urgency).
enum DayListScreen {
    static func render(_ s: ConsoleState, into b: inout CellBuffer) {
        let w = b.width
        let day = s.dayListDay.map { StockholmTime($0) }
        let title = Strings.t("daylist.title", s.lang, day.map { "\(Slot.weekdays[$0.weekday]) \($0.dayKey)" } ?? "")
        let booked = s.dayList.filter { $0.caseId != nil }.count
        b.put(CellWidth.truncate(title + " · " + Strings.t("daylist.count", s.lang, booked, s.dayList.count), to: w - 1), x: 0, y: 2, style: Style(.header, bold: true))
        b.put(CellWidth.truncate(s.t("daylist.columns"), to: w - 1), x: 0, y: 3, style: Style(.header, underline: true))
        guard !s.dayList.isEmpty else {
            b.put(CellWidth.truncate(s.t("daylist.empty"), to: w - 1), x: 2, y: 5, style: Style(.dim))
            return
        }
        let rows = max(1, b.height - 7)
        let first = max(0, min(s.dayListScroll - rows / 2, s.dayList.count - rows))
        for (i, e) in s.dayList.dropFirst(first).prefix(rows).enumerated() {
            let selected = first + i == s.dayListScroll
            let style = selected ? Style(.selected) : Style(.normal)
            b.fill(x: 0, y: 4 + i, width: w, style: style)
            let start = ISOTime.local(e.slot.start).suffix(5), end = ISOTime.local(e.slot.end).suffix(5)
            let mode = Strings.t(e.slot.mode == .video ? "slots.video" : "slots.physical", s.lang)
            var text = "\(selected ? "▶" : " ") \(start)–\(end) \(pad(mode, 9)) \(pad(Strings.profession(e.slot.profession, s.lang), 14)) "
            if let id = e.caseId {
                text += "\(e.urgency.map { QueueScreen.code($0) } ?? "  ") \(s.t("daylist.case")) \(id) · \(SafeText.sanitize(e.patientName ?? "", keepNewlines: false))"
                    + " · \(SafeText.sanitize(e.reason ?? "", keepNewlines: false))"
            } else {
                text += s.t("daylist.free")
            }
            b.put(CellWidth.truncate(text, to: w - 1), x: 0, y: 4 + i, style: e.caseId == nil && !selected ? Style(.dim) : style)
        }
    }

    static func pad(_ t: String, _ n: Int) -> String { t + String(repeating: " ", count: max(0, n - CellWidth.of(t))) }
}
