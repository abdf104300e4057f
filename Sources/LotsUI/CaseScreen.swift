import Foundation
import LotsCore

/// One case: who, the triage card, the form, attachments (with a GPS warning), history, the chat
/// transcript (times in Europe/Stockholm) and the composer. Every citizen string passes SafeText.
enum CaseScreen {
    static func line(_ t: String) -> String { SafeText.sanitize(t, keepNewlines: false) }

    static func render(_ s: ConsoleState, into b: inout CellBuffer) {
        guard let d = s.detail else { return }
        let w = b.width
        var y = 2
        let head = "\(Strings.t("case.header", s.lang, Int(d.id))) · \(line(d.name)) · \(d.personnummer) · "
            + "\(Strings.t("case.age", s.lang, d.ageYears)), \(Strings.sex(d.sex, s.lang))"
            + (d.phone.map { " · " + line($0) } ?? "") + " · \(line(d.unitName)) · \(Strings.channel(d.channel, s.lang))"
        b.put(CellWidth.truncate(head, to: w - 1), x: 0, y: y, style: Style(.header))
        y += 1
        // Triage card.
        let urgencyText = " \(QueueScreen.code(d.urgency)) \(Strings.urgency(d.urgency, s.lang)) "
        var x = b.put(urgencyText, x: 0, y: y, style: Style(Theme.role(for: d.urgency.code), bold: true, reverse: true))
        if d.triageUncertain { x += b.put(" ⚠ " + s.t("triage.uncertain"), x: x, y: y, style: Style(.warning, bold: true)) }
        let symptom = d.symptomCode.map { "\($0) \(line(d.symptomTitle ?? ""))" } ?? "–"
        let card = " \(s.t("case.symptom")): \(symptom) · \(s.t("case.care")): \(Strings.careLevel(d.careLevel, s.lang)), "
            + Strings.profession(d.profession, s.lang).lowercased()
            + " · \(s.t("case.referral")): \(Strings.providerType(d.referralType, s.lang))" + (d.referralUnitName.map { " (\(line($0)))" } ?? "")
            + " · \(s.t("col.status")): \(s.t("status." + d.status.rawValue))" + (d.ownerName.map { ", \(line($0))" } ?? "")
        x += b.put(CellWidth.truncate(card, to: w - x), x: x, y: y)
        y += 1
        let wide = b.height >= 40
        for l in TextWrap.wrap("\(s.t("case.rationale")): \(line(d.rationale))", width: w - 1).prefix(wide ? 3 : 1) {
            b.put(CellWidth.truncate(l, to: w - 1), x: 0, y: y, style: Style(.dim)); y += 1
        }
        for l in TextWrap.wrap("\(s.t("col.reason")): \(line(d.reason))", width: w - 1).prefix(wide ? 4 : 2) {
            b.put(l, x: 0, y: y); y += 1
        }
        var form = d.answers.map { "\(line($0.question)) \(line($0.answer))" }
        if let h = d.selfRatedHealth { form.append(Strings.t("case.health", s.lang, h)) }
        if let e = d.expectations, !e.isEmpty { form.append("\(s.t("case.expectations")): \(line(e))") }
        if !form.isEmpty {
            b.put(CellWidth.truncate("\(s.t("case.answers")): " + form.joined(separator: " · "), to: w - 1), x: 0, y: y); y += 1
        }
        if let last = d.earlierContacts.first {
            // Patient context: how many earlier contacts, the latest in brief; c lists them.
            let what = last.outcome.map { Strings.outcome($0, s.lang) } ?? s.t("status." + last.status.rawValue)
            let text = Strings.t("contacts.line", s.lang, d.earlierContacts.count, "\(ISOTime.local(last.submittedAt).prefix(10)) "
                                 + "\(QueueScreen.code(last.urgency)) \(line(last.reason)) → \(what)")
            b.put(CellWidth.truncate(text, to: w - 1), x: 0, y: y, style: Style(.dim)); y += 1
        }
        if let care = CareLine.text(d, s.lang) {
            b.put(CellWidth.truncate(care, to: w - 1), x: 0, y: y, style: Style(.header)); y += 1
        }
        for a in d.attachments.prefix(wide ? 6 : 2) {
            let kind = a.mimeType == "image/png" ? "PNG" : "JPEG"
            var text = "📎 \(line(a.fileName)) \(kind) \(a.width)×\(a.height) \(byteText(a.byteCount)) sha \(a.sha256.prefix(8))"
            if let c = a.capturedAt { text += " · \(c)" }
            x = b.put(CellWidth.truncate(text, to: w - 1), x: 0, y: y)
            if a.hasGPS { b.put(CellWidth.truncate(" ⚠ " + s.t("case.gps"), to: max(0, w - x - 1)), x: x, y: y, style: Style(.warning, bold: true)) }
            y += 1
        }
        if !d.history.isEmpty {
            let text = "\(s.t("case.history")): " + d.history.suffix(wide ? 4 : 2).map {
                "\(ISOTime.local($0.at).suffix(5)) \(line($0.actor)) \(Strings.t("history." + $0.kind, s.lang))" + ($0.note.isEmpty ? "" : " (\(line($0.note)))")
            }.joined(separator: " · ")
            b.put(CellWidth.truncate(text, to: w - 1), x: 0, y: y, style: Style(.dim)); y += 1
        }
        // Chat transcript fills what is left above the composer.
        let composerRows = s.composerFocused ? max(3, min(8, b.height / 5)) : 2
        let chatBottom = b.height - 3 - composerRows - 1
        b.put("── \(s.t("case.chat")) " + String(repeating: "─", count: max(0, w - 8 - CellWidth.of(s.t("case.chat")))), x: 0, y: y, style: Style(.border))
        y += 1
        var rendered: [(String, Style)] = []
        let readUpTo = d.lastStaffMessageReadByCitizen
        for m in d.messages {
            if m.id == s.unreadDivider {
                let label = " " + s.t("chat.newMessages") + " "
                let side = max(2, (w - 1 - CellWidth.of(label)) / 2)
                rendered.append((String(repeating: "┄", count: side) + label + String(repeating: "┄", count: side), Style(.warning, bold: true)))
            }
            let who: String
            let style: Style
            switch m.author {
            case .citizen: who = s.t("author.citizen"); style = Style(.citizen)
            case .staff where m.isStaffNote:
                // Not a colour alone: a marker and the words say it never reached the patient.
                who = "▌" + s.t("note.marker") + " · " + line(m.staffName ?? s.t("author.staff")); style = Style(.warning, bold: true)
            case .staff: who = line(m.staffName ?? s.t("author.staff")) + (m.templateCode.map { " [\($0)]" } ?? ""); style = Style(.staff)
            case .system: who = s.t("author.system"); style = Style(.system)
            }
            rendered.append(("\(ISOTime.local(m.at).suffix(11)) \(who):", style))
            for l in TextWrap.wrap(SafeText.sanitize(m.body), width: w - 3) { rendered.append(((m.isStaffNote ? "▌ " : "  ") + l, Style(.normal))) }
            if m.id == readUpTo {
                let at = d.citizenReadAt.map { " " + ISOTime.local($0).suffix(5) } ?? ""
                rendered.append(("  ✓ " + s.t("chat.readByCitizen") + at, Style(.dim)))
            }
        }
        let rows = max(0, chatBottom - y + 1)
        let maxScroll = max(0, rendered.count - rows)
        let scroll = min(s.transcriptScroll, maxScroll)
        let start = max(0, rendered.count - rows - scroll)
        for (i, r) in rendered.dropFirst(start).prefix(rows).enumerated() { b.put(r.0, x: 0, y: y + i, style: r.1) }
        if scroll > 0 { b.put("↓ \(scroll)", x: w - 6, y: chatBottom, style: Style(.dim)) }
        composer(s, d, top: chatBottom + 1, rows: composerRows, into: &b)
    }

    static func composer(_ s: ConsoleState, _ d: CaseDetail, top: Int, rows: Int, into b: inout CellBuffer) {
        let owner = d.ownerName != nil && d.ownerName == s.user?.displayName && d.status != .closed && d.status != .forwarded
        let label = owner ? s.t("case.composer") + (s.composerTemplate.map { " · [\($0)]" } ?? "") : s.t("case.composer.locked")
        b.put("── " + CellWidth.truncate(label, to: b.width - 6) + " ", x: 0, y: top, style: Style(.border, bold: s.composerFocused))
        let layout = s.composer.layout(width: b.width - 2)
        let visible = rows
        let first = max(0, layout.cursorRow - visible + 1)
        for (i, l) in layout.lines.dropFirst(first).prefix(visible).enumerated() {
            b.fill(x: 0, y: top + 1 + i, style: Style(.input))
            b.put(" " + SafeText.sanitize(l), x: 0, y: top + 1 + i, style: Style(.input))
        }
        if s.composerFocused {
            let cy = top + 1 + layout.cursorRow - first, cx = 1 + layout.cursorCol
            if cy < b.height - 2, cx < b.width {
                var cell = b[cx, cy]
                cell.style = Style(.input, reverse: true)
                b[cx, cy] = cell
            }
        }
    }

    static func byteText(_ n: Int) -> String {
        n < 1024 ? "\(n) B" : n < 1024 * 1024 ? String(format: "%.1f kB", Double(n) / 1024) : String(format: "%.1f MB", Double(n) / 1_048_576)
    }
}
