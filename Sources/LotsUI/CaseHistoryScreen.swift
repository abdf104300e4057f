import Foundation
import LotsCore

/// A case's full triage rationale and its readable history: every transition with who, when and its whole
/// note (handover note, override reason, re-triage), wrapped to the width and scrolled with ↑/↓ and PgUp/PgDn.
enum CaseHistoryScreen {
    /// Every line at `width`: (text, style).
    static func lines(_ s: ConsoleState, _ d: CaseDetail, width: Int) -> [(String, Style)] {
        let w = max(10, width - 2)
        var out: [(String, Style)] = []
        out.append((s.t("case.rationale"), Style(.header, underline: true)))
        if d.triageUncertain { out.append(("⚠ " + s.t("triage.uncertain"), Style(.warning, bold: true))) }
        // One reason a line: the engine joins them with "; ", a re-triage adds a line of its own.
        let reasons = d.rationale.split(separator: "\n").flatMap { $0.components(separatedBy: "; ") }.filter { !$0.isEmpty }
        for r in reasons {
            for (i, l) in TextWrap.wrap(SafeText.sanitize(r, keepNewlines: false), width: w - 2).enumerated() {
                out.append(((i == 0 ? "• " : "  ") + l, Style(.normal)))
            }
        }
        out.append(("", Style(.normal)))
        out.append((s.t("case.history"), Style(.header, underline: true)))
        for h in d.history {
            let head = "\(ISOTime.local(h.at)) · \(SafeText.sanitize(h.actor, keepNewlines: false)) · "
                + Strings.t("history." + h.kind, s.lang)
            out.append((head, Style(.staff)))
            for l in TextWrap.wrap(SafeText.sanitize(h.note), width: w - 2) where !h.note.isEmpty { out.append(("  " + l, Style(.normal))) }
        }
        return out
    }

    static func render(_ s: ConsoleState, into b: inout CellBuffer) {
        guard let d = s.detail else { return }
        b.put(CellWidth.truncate("\(Strings.t("case.header", s.lang, Int(d.id))) · \(SafeText.sanitize(d.name, keepNewlines: false)) · "
                                 + s.t("history.title"), to: b.width - 1), x: 0, y: 2, style: Style(.header))
        let all = lines(s, d, width: b.width)
        let rows = max(1, b.height - 6)
        let scroll = min(s.historyScroll, max(0, all.count - rows))
        for (i, l) in all.dropFirst(scroll).prefix(rows).enumerated() { b.put(CellWidth.truncate(l.0, to: b.width - 1), x: 1, y: 3 + i, style: l.1) }
        if all.count > rows {
            b.put(Strings.t("history.more", s.lang, scroll + 1, min(all.count, scroll + rows), all.count), x: 1, y: b.height - 3, style: Style(.dim))
        }
    }
}
