import Foundation
import LotsCore

/// The unit's live queue: one row per open case, most urgent first.
///
/// Each row: urgency code and Swedish label (text, so colour is never the only signal), age and sex,
/// the citizen's reason (sanitized, truncated), waiting time, response clock (`!` when overdue), status,
/// owner, unread count and an attachment marker.
enum QueueScreen {
    /// The urgency code as shown: `P1`…`P5`, `112` for EMERGENCY.
    static func code(_ u: Urgency) -> String { u == .emergency ? "112" : u.code }

    struct Columns {
        var label: Int, reason: Int, owner: Int, status: Int
    }

    /// Columns by priority: the reason and the status first, then the owner, then the urgency's label (the code
    /// beside it always shows the urgency). A column that does not fit whole takes its short form (distinct for
    /// every value) or is left out, never cut until it means nothing.
    static func columns(width: Int) -> Columns {
        // Fixed: marker 2 + code 4 + age 6 + wait 7 + clock 8 + unread 3 + attachment 2 = 32, plus a space after
        // each of label, reason, status and owner.
        let avail = max(0, width - 36)
        let status = avail >= 30 ? 10 : 6
        var reason = avail - status
        let owner = reason >= 60 ? min(14, reason - 46) : reason >= 26 ? 6 : 0
        reason -= owner
        let label = reason - 22 >= 30 ? 22 : reason - 9 >= 15 ? 9 : 0
        reason -= label
        if label == 0 { reason -= 1 }  // then a space after the code ("P3?" and "112?" fill its 4 columns)
        return Columns(label: label, reason: max(8, reason), owner: owner, status: status)
    }

    static func render(_ s: ConsoleState, into b: inout CellBuffer) {
        let c = columns(width: b.width)
        let top = 3, bottom = b.height - 3
        var header = "  " + CellWidth.fit(s.t(c.label > 0 ? "col.urgency" : "col.urgency.short"), 4 + c.label + 1)
        header += CellWidth.fit(s.t("col.patient"), 6)
        header += CellWidth.fit(s.t("col.reason"), c.reason + 1) + CellWidth.fit(s.t("col.wait"), 7) + CellWidth.fit(s.t("col.clock"), 8)
        header += CellWidth.fit(s.t(c.status >= 10 ? "col.status" : "col.status.short"), c.status + 1)
        header += (c.owner > 0 ? CellWidth.fit(s.t("col.owner"), c.owner + 1) : "") + "✉  📎"
        b.put(header, x: 0, y: 2, style: Style(.header))
        let rows = s.visibleQueue
        let capacity = max(1, bottom - top + 1)
        let sel = rows.firstIndex { $0.id == s.selectedId } ?? 0
        let first = max(0, min(sel - capacity / 2, rows.count - capacity))
        if rows.isEmpty { b.put(s.t("queue.empty"), x: 2, y: top, style: Style(.dim)) }
        for (i, e) in rows.dropFirst(first).prefix(capacity).enumerated() {
            row(e, s, c, selected: e.id == s.selectedId, y: top + i, into: &b)
        }
        let info = self.info(s)
        if s.status.isEmpty {
            b.put(CellWidth.truncate(info, to: b.width - 2), x: 1, y: b.height - 2, style: Style(.dim))
        } else {
            // The status line leaves room for this (ConsoleView.chrome): the filter indicator is never hidden.
            let text = CellWidth.truncate(info, to: max(0, b.width / 2 - 1))
            b.put(text, x: b.width - CellWidth.of(text) - 1, y: b.height - 2, style: Style(.dim))
        }
    }

    /// The count and the filters in force, shown on the status line.
    static func info(_ s: ConsoleState) -> String {
        var info = Strings.n("queue.count", s.visibleQueue.count, s.lang)
        if s.filter.mine { info += " · " + s.t("queue.filter.mine") }
        if let u = s.filter.urgency { info += " · " + Strings.t("queue.filter.urgency", s.lang, u.code) }
        if let q = s.filter.search { info += " · \"" + SafeText.sanitize(q, keepNewlines: false) + "\"" }
        if s.filter.overdue { info += " · " + s.t("queue.filter.overdue") }
        if s.filter.silentIds != nil { info += " · " + s.t("queue.filter.silent") }
        return info
    }

    static func row(_ e: QueueEntry, _ s: ConsoleState, _ c: Columns, selected: Bool, y: Int, into b: inout CellBuffer) {
        // Drawn for every visible row of every frame: fixed-width fields go straight into the buffer.
        let base = selected ? Style(.selected) : Style(.normal)
        b.fill(y: y, style: base)
        var x = b.put(selected ? "▶ " : "  ", x: 0, y: y, style: base)
        func field(_ text: String, _ columns: Int, _ style: Style, space: Bool = true) {
            x += b.put(fitting: text, columns: columns, x: x, y: y, style: style)
            if space { x += b.put(fitting: "", columns: 1, x: x, y: y, style: style) }
        }
        let urgencyStyle = selected ? base : Style(Theme.role(for: e.urgency.code), bold: e.urgency <= .p1)
        if e.uncertain {
            // Not a colour alone: "?" after the code and the flag in place of the label.
            let flag = selected ? base : Style(.warning, bold: true)
            field(code(e.urgency) + "?", 4, flag, space: false)
            if c.label > 0 { field(s.t(c.label >= 20 ? "triage.uncertain" : "triage.uncertain.short"), c.label, flag) } else { field("", 0, base) }
        } else {
            field(code(e.urgency), 4, urgencyStyle, space: false)
            if c.label > 0 { field(c.label >= 20 ? Strings.urgency(e.urgency, s.lang) : Strings.t("urgency.short." + e.urgency.code, s.lang), c.label, urgencyStyle) } else { field("", 0, base) }
        }
        let sex = ["f": s.lang == .sv ? "k" : "f", "m": "m", "x": "x"][e.sex.rawValue] ?? "x"
        field("\(e.ageYears) \(sex)", 6, base, space: false)
        field(SafeText.sanitize(e.reason, keepNewlines: false), c.reason, base)
        field(ConsoleView.duration(Int(s.now.timeIntervalSince(e.submittedAt))), 7, base, space: false)
        if let left = e.secondsToTarget(now: s.now) {
            let overdue = left < 0
            let text = overdue ? "!-" + ConsoleView.duration(-left) : ConsoleView.duration(left)
            field(text, 8, overdue && !selected ? Style(.overdue, bold: true, underline: true) : base, space: false)
        } else {
            field("✓", 8, base, space: false)
        }
        switch e.snooze(at: s.now) {
        case .returned: field(s.t(c.status >= 10 ? "snooze.returned" : "snooze.returned.short"), c.status, selected ? base : Style(.warning, bold: true))
        case .waiting: field(s.t(c.status >= 10 ? "snooze.waiting" : "snooze.waiting.short"), c.status, Style(.dim))
        case .none: field(s.t((c.status >= 10 ? "status." : "status.short.") + e.status.rawValue), c.status, base)
        }
        if c.owner > 0 { field(SafeText.sanitize(e.ownerName ?? "–", keepNewlines: false), c.owner, base) }
        // Highlighted only when there is something unread (else it looked like a selection in NO_COLOR).
        field(e.unreadCount > 0 ? "\(e.unreadCount)" : "", 3, selected || e.unreadCount == 0 ? base : Style(.hot, bold: true), space: false)
        if e.attachmentCount > 0 { b.put("📎", x: x, y: y, style: base) }
    }
}
