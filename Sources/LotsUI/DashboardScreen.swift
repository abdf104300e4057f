import Foundation
import LotsCore

/// The supervisor's live dashboard: open cases by urgency × status, the oldest wait per urgency, cases
/// past their response target, arrivals per hour as a sparkline, the median first answer today, and
/// staff online with their open chats. Enter on a row opens the queue filtered to it.
enum DashboardScreen {
    static let statuses: [CaseStatus] = [.new, .active, .awaitingCitizen, .awaitingStaff, .forwarded]

    static func render(_ s: ConsoleState, into b: inout CellBuffer) {
        guard let d = s.dashboard else { return }
        let w = b.width
        b.put(CellWidth.truncate(Strings.t("dash.title", s.lang, d.unitName), to: w - 1), x: 1, y: 2, style: Style(.header))
        let median = d.medianFirstResponseMinutesToday.map { ConsoleState.minutesText(Int($0.rounded())) } ?? "–"
        b.put(CellWidth.truncate(Strings.t("dash.summary", s.lang, d.totalOpen, d.overdue.count, median), to: w - 2), x: 1, y: 3)
        // Narrower columns before the oldest wait is cut: labels and statuses take their short forms.
        let stat = w >= 100 ? 11 : 6
        let label = w >= 100 ? 22 : w >= 80 ? 10 : 0
        var header = CellWidth.fit("", 2 + 4 + label + 1)
        for st in statuses { header += CellWidth.fit(s.t((stat >= 11 ? "status." : "status.short.") + st.rawValue), stat - 1) + " " }
        header += CellWidth.fit(s.t("dash.total"), 7) + s.t("dash.oldest")
        b.put(CellWidth.truncate(header, to: w - 1), x: 0, y: 5, style: Style(.header))
        for (i, u) in Urgency.allCases.enumerated() {
            let y = 6 + i
            let selected = s.dashboardSelection == i
            let base = selected ? Style(.selected) : Style(.normal)
            b.fill(y: y, style: base)
            var x = b.put(selected ? "▶ " : "  ", x: 0, y: y, style: base)
            let name = label >= 20 ? Strings.urgency(u, s.lang) : Strings.t("urgency.short." + u.code, s.lang)
            x += b.put(CellWidth.fit(QueueScreen.code(u), 4) + (label > 0 ? CellWidth.fit(name, label) : "") + " ", x: x, y: y,
                       style: selected ? base : Style(Theme.role(for: u.code), bold: u <= .p1))
            for st in statuses { x += b.put(CellWidth.fit(String(d.open[u]?[st] ?? 0), stat), x: x, y: y, style: base) }
            x += b.put(CellWidth.fit(String(d.openCount(u)), 7), x: x, y: y, style: Style(base.role, bold: true))
            if let o = d.oldest[u] {
                let text = ConsoleView.duration(Int(s.now.timeIntervalSince(o.submittedAt))) + " (#\(o.caseId))"
                b.put(CellWidth.of(text) <= w - x ? text : ConsoleView.duration(Int(s.now.timeIntervalSince(o.submittedAt))), x: x, y: y, style: base)
            }
        }
        let oy = 12
        let selected = s.dashboardSelection == 6
        b.fill(y: oy, style: selected ? Style(.selected) : Style(.normal))
        b.put((selected ? "▶ " : "  ") + s.t("dash.overdue") + ": \(d.overdue.count)", x: 0, y: oy,
              style: selected ? Style(.selected) : Style(.overdue, bold: true, underline: true))
        var y = oy + 1
        for e in d.overdue.prefix(max(0, b.height - 20)) {
            let line = "    \(QueueScreen.code(e.urgency)) #\(e.id) \(ConsoleView.duration(Int(s.now.timeIntervalSince(e.submittedAt)))) · "
                + SafeText.sanitize(e.reason, keepNewlines: false)
            b.put(CellWidth.truncate(line, to: w - 2), x: 0, y: y, style: Style(.dim))
            y += 1
        }
        // Silent owners: the citizen has waited on the owner past the target; Enter lists them to reassign (a).
        let selectedSilent = s.dashboardSelection == 7
        b.fill(y: y, style: selectedSilent ? Style(.selected) : Style(.normal))
        b.put((selectedSilent ? "▶ " : "  ") + s.t("dash.silent") + ": \(d.silentOwners.count)", x: 0, y: y,
              style: selectedSilent ? Style(.selected) : Style(.warning, bold: true))
        y += 1
        for c in d.silentOwners.prefix(max(0, b.height - 21 - min(d.overdue.count, max(0, b.height - 20)))) {
            let line = "    \(QueueScreen.code(c.urgency)) #\(c.id) " + Strings.t("dash.silentLine", s.lang,
                ConsoleView.duration(Int(s.now.timeIntervalSince(c.waitingSince))), SafeText.sanitize(c.ownerName, keepNewlines: false))
                + " · " + SafeText.sanitize(c.reason, keepNewlines: false)
            b.put(CellWidth.truncate(line, to: w - 2), x: 0, y: y, style: Style(.dim))
            y += 1
        }
        y += 1
        let spark = DashboardStats.sparkline(d.arrivalsPerHour)
        let sy = min(y, b.height - 6)
        let prefix = "\(s.t("dash.arrivals")): "
        b.put(CellWidth.truncate(prefix + spark + "  (max \(d.arrivalsPerHour.max() ?? 0)/h, \(d.arrivalsPerHour.reduce(0, +)))", to: w - 2), x: 1, y: sy)
        // Hour labels under the sparkline: the Stockholm hour each sixth bar starts.
        let first = s.now.addingTimeInterval(-24 * 3600)
        var labels = String(repeating: " ", count: CellWidth.of(prefix))
        for i in stride(from: 0, to: 24, by: 6) {
            let hour = StockholmTime(first.addingTimeInterval(Double(i) * 3600)).hour
            labels += CellWidth.fit(String(format: "%02d", hour), 6)
        }
        b.put(CellWidth.truncate(labels, to: w - 2), x: 1, y: sy + 1, style: Style(.dim))
        y = sy + 1
        let staff = d.staffOnline.isEmpty ? s.t("dash.none")
            : d.staffOnline.map { "\(SafeText.sanitize($0.name, keepNewlines: false)) (\(Strings.n("dash.chats", $0.openChats, s.lang)))" }.joined(separator: ", ")
        b.put(CellWidth.truncate("\(s.t("dash.staff")): \(staff)", to: w - 2), x: 1, y: min(y + 1, b.height - 4))
        if let waits = d.waits, !waits.expected.isEmpty || !waits.measured.isEmpty {
            b.put(CellWidth.truncate("\(s.t("dashboard.waits")): \(waits.summary(now: s.now))", to: w - 2), x: 1, y: min(y + 2, b.height - 3),
                  style: Style(waits.hasStaleForecast(now: s.now) ? .warning : .normal))
        }
    }
}
