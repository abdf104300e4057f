import Foundation
import LotsCore

/// The 1177 phone form: fields with their errors beside them, symptom search with red-flag questions,
/// and the live triage panel for this moment.
enum PhoneScreen {
    static func render(_ s: ConsoleState, into b: inout CellBuffer) {
        let f = s.phone
        let w = b.width
        let sv = s.lang == .sv
        b.put(s.t("phone.title"), x: 1, y: 2, style: Style(.header))
        let labelW = 14
        func field(_ y: Int, _ label: String, _ editor: TextEditor, _ which: PhoneForm.Field, note: (Bool, String)? = nil, width: Int = 30) {
            let focused = f.focus == which
            b.put(CellWidth.fit(label, labelW), x: 1, y: y, style: Style(focused ? .header : .normal))
            b.fill(x: labelW + 1, y: y, width: width, style: Style(.input, reverse: focused))
            b.put(CellWidth.truncate(SafeText.sanitize(editor.text, keepNewlines: false), to: width - 1), x: labelW + 1, y: y,
                  style: Style(.input, reverse: focused))
            let x = labelW + width + 3
            if let err = f.errors[which] {
                b.put(CellWidth.truncate("✗ " + err, to: max(0, w - x - 1)), x: x, y: y, style: Style(.error, bold: true))
            } else if let (ok, text) = note {
                b.put(CellWidth.truncate((ok ? "✓ " : "✗ ") + text, to: max(0, w - x - 1)), x: x, y: y, style: Style(ok ? .ok : .error, bold: !ok))
            }
        }
        let pnrNote = f.personnummerStatus(now: s.now, lang: s.lang)
        field(4, "Personnummer", f.personnummer, .personnummer, note: pnrNote, width: 16)
        field(5, s.t("phone.name"), f.name, .name)
        field(6, s.t("phone.phone"), f.phone, .phone, width: 16)
        field(7, s.t("phone.listed"), f.listedUnit, .listedUnit, width: 24)
        field(8, s.t("phone.reason"), f.reason, .reason, width: max(20, w - labelW - 4))
        field(9, s.t("phone.symptom"), f.symptomSearch, .symptomSearch, width: 24)
        var y = 10
        if f.focus == .symptomSearch {
            let matches = s.symptomMatches
            for (i, m) in matches.prefix(4).enumerated() {
                let sel = i == min(f.symptomSelection, matches.count - 1)
                b.put(CellWidth.truncate((sel ? "▶ " : "  ") + m.title + " (\(m.code))", to: w - labelW - 2), x: labelW + 1, y: y,
                      style: sel ? Style(.selected) : Style(.dim))
                y += 1
            }
        }
        if let c = f.chosen {
            b.put(CellWidth.truncate(s.t("phone.chosen") + c.title + " (\(c.code))", to: w - 2), x: 1, y: y, style: Style(.header))
            y += 1
        }
        if !f.questions.isEmpty {
            b.put(CellWidth.truncate(s.t("phone.questions"), to: w - 2), x: 1, y: y, style: Style(f.focus == .questions ? .header : .dim))
            y += 1
            let rows = max(1, b.height - y - 8)
            let states = [s.t("phone.notAsked"), s.t("phone.yes"), s.t("phone.no")]
            let markW = states.map(CellWidth.of).max() ?? 9
            let first = max(0, min(f.questionSelection - rows / 2, f.questions.count - rows))
            for (i, q) in f.questions.enumerated().dropFirst(first).prefix(rows) {
                let sel = f.focus == .questions && i == f.questionSelection
                let answer = f.answers[q.id]
                let mark = CellWidth.fit(answer == nil ? states[0] : answer! ? states[1] : states[2], markW)
                let style: Style = sel ? Style(.selected) : answer == true ? Style(.warning) : answer == nil ? Style(.dim) : Style(.normal)
                b.put(CellWidth.truncate("  [\(mark)] " + (sv ? q.sv : q.en), to: w - 2), x: 1, y: y, style: style)
                y += 1
            }
        }
        // Live triage panel.
        let py = max(y + 1, b.height - 7)
        b.put("── " + s.t("phone.triageNow") + " " + String(repeating: "─", count: max(0, w - 20)), x: 0, y: py, style: Style(.border))
        if let t = f.triage {
            var x = b.put(" \(QueueScreen.code(t.urgency)) \(Strings.urgency(t.urgency, s.lang)) ", x: 0, y: py + 1,
                          style: Style(Theme.role(for: t.urgency.code), bold: true, reverse: true))
            if !t.confident { x += b.put(" ⚠ " + s.t("triage.uncertain"), x: x, y: py + 1, style: Style(.warning, bold: true)) }
            x += b.put(CellWidth.truncate(" " + (t.symptomTitle ?? "–") + " · " + t.referralText, to: max(0, w - x - 1)), x: x, y: py + 1)
            if let unit = t.unitName {
                b.put(CellWidth.truncate(Strings.t("phone.destination", s.lang, SafeText.sanitize(unit, keepNewlines: false)), to: w - 2), x: 1, y: py + 2, style: Style(.header))
            }
            b.put(CellWidth.truncate(t.rationale, to: w - 2), x: 1, y: py + 3, style: Style(.dim))
            if !t.advice.isEmpty { b.put(CellWidth.truncate(s.t("phone.selfCare") + t.advice, to: w - 2), x: 1, y: py + 4) }
        }
        // The footer comes from the binding table (context .phone), drawn by the chrome.
    }
}
