import Foundation
import LotsCore

/// Keys in pickers and prompts.
extension ConsoleState {
    /// The patient's language: what a template sent in the open case is written in.
    var patientLanguage: Lang { detail.flatMap { Lang(rawValue: $0.language) } ?? .sv }

    mutating func openTemplatePicker() {
        let patient = patientLanguage
        modal = .templates(PickerState(title: Strings.t("picker.templatesFor", lang, t("lang." + patient.rawValue)), items: templates.map {
            PickerItem(id: $0.code, title: lang == .sv ? $0.titleSv : $0.titleEn, detail: Strings.templateCategory($0.category, lang),
                       keywords: patient == .sv ? $0.bodySv : $0.bodyEn)
        }))
    }

    /// The last step of closing: the message the patient will get, in the patient's language, to edit or clear.
    mutating func confirmClose(_ outcome: Outcome, overrideReason: String?) {
        let text = Strings.t("close.message." + outcome.rawValue, patientLanguage)
        modal = .closeConfirm(outcome, overrideReason: overrideReason, TextEditor(text, maxLength: 4000))
    }

    /// One earlier contact as a picker row: date, urgency, complaint; outcome (or status) and unit.
    func contactItem(_ c: CaseDetail.EarlierContact) -> PickerItem {
        let what = c.outcome.map { Strings.outcome($0, lang) } ?? t("status." + c.status.rawValue)
        return PickerItem(id: String(c.id), title: "\(ISOTime.local(c.submittedAt).prefix(10)) \(QueueScreen.code(c.urgency)) "
                          + SafeText.sanitize(c.reason, keepNewlines: false),
                          detail: "\(what) · \(SafeText.sanitize(c.unitName, keepNewlines: false)) · #\(c.id)")
    }

    /// `/code` + Tab in the composer: the template with that code (or the one code it begins), filled for the case in
    /// the patient's language, with the picker's checks; otherwise Tab types a space as before.
    mutating func expandShortcut() -> [ConsoleEffect] {
        let word = composer.wordBeforeCursor
        guard word.count > 1, word.hasPrefix("/") else { composer.handle(.tab); draftDirty = true; return [] }
        let code = word.dropFirst().lowercased()
        let exact = templates.filter { $0.code.lowercased() == code }
        let found = exact.isEmpty ? templates.filter { $0.code.lowercased().hasPrefix(code) } : exact
        guard found.count == 1, let tpl = found.first else {
            setStatus(found.isEmpty ? Strings.t("shortcut.none", lang, String(word)) : Strings.t("shortcut.many", lang, String(word),
                      found.prefix(5).map { "/" + $0.code.lowercased() }.joined(separator: " ")), error: true)
            return []
        }
        let filled = TemplateRenderer.render(patientLanguage == .sv ? tpl.bodySv : tpl.bodyEn, values: templateValues)
        if let bad = filled.unknown.first { setStatus(Strings.t("picker.unknownVar", lang, bad), error: true); return [] }
        composer.replaceWordBeforeCursor(with: filled.text)
        composerTemplate = tpl.code
        draftDirty = true
        return [.saveDraft(caseId: detail?.id ?? 0, body: composer.text, templateCode: tpl.code)]
    }

    /// The template picker for the closing message: closing templates only, in the patient's language.
    mutating func openClosingTemplatePicker(_ outcome: Outcome, overrideReason: String?, _ editor: TextEditor) {
        let patient = patientLanguage
        let items = templates.filter { $0.category == "closing" }.map {
            PickerItem(id: $0.code, title: lang == .sv ? $0.titleSv : $0.titleEn, detail: Strings.templateCategory($0.category, lang),
                       keywords: patient == .sv ? $0.bodySv : $0.bodyEn)
        }
        let title = Strings.t("picker.closingTemplates", lang, t("lang." + patient.rawValue))
        modal = .closingTemplates(PickerState(title: title, items: items), outcome, overrideReason: overrideReason, editor)
    }

    mutating func handleModal(_ key: Key) -> [ConsoleEffect] {
        guard let m = modal else { return [] }
        if key == .ctrl("c") { return saveDraftIfDirty() + [.quit] }
        if key == .escape {
            // Leaving the closing template picker goes back to the closing step, not out of closing.
            if case let .closingTemplates(_, outcome, reason, editor) = m { modal = .closeConfirm(outcome, overrideReason: reason, editor) } else { modal = nil }
            return []
        }
        switch m {
        case var .templates(p):
            if key == .ctrl("n") { modal = .templateEdit(code: nil, TextEditor(composer.text, maxLength: 4000)); return [] }
            if key == .ctrl("e"), let item = p.selected, let tpl = templates.first(where: { $0.code == item.id }) {
                guard tpl.isPersonal else { setStatus(t("msg.notPersonal"), error: true); return [] }
                modal = .templateEdit(code: tpl.code, TextEditor(tpl.bodySv, maxLength: 4000)); return []
            }
            if key == .enter, let item = p.selected, let tpl = templates.first(where: { $0.code == item.id }) {
                let filled = TemplateRenderer.render(patientLanguage == .sv ? tpl.bodySv : tpl.bodyEn, values: templateValues)
                if let bad = filled.unknown.first { setStatus(Strings.t("picker.unknownVar", lang, bad), error: true); return [] }
                composer.insert(filled.text)
                composerTemplate = tpl.code
                composerFocused = true
                draftDirty = true
                modal = nil
                return [.saveDraft(caseId: detail?.id ?? 0, body: composer.text, templateCode: tpl.code)]
            }
            _ = p.handle(key); modal = .templates(p)
        case let .slots(p, chosen): return handleSlotPicker(key, p, chosen)
        case var .providers(p):
            if key == .enter, let item = p.selected { modal = .note(unit: item.id, name: item.title, TextEditor("", maxLength: 2000)); return [] }
            _ = p.handle(key); modal = .providers(p)
        case .note(let unit, let name, var editor):
            if key == .enter {
                let note = editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !note.isEmpty, let d = detail else { setStatus(t("msg.emptyNote"), error: true); return [] }
                modal = nil
                return saveDraftIfDirty() + [.forward(caseId: d.id, unit: unit, note: note)]
            }
            editor.handle(key); modal = .note(unit: unit, name: name, editor)
        case var .outcomes(p):
            if key == .enter, let item = p.selected, let o = Outcome(rawValue: item.id), let d = detail {
                if o == .selfCareAdvice, d.urgency <= .p1 {
                    modal = .closeOverride(o, d.urgency, TextEditor("", maxLength: 500))
                    return []
                }
                confirmClose(o, overrideReason: nil)
                return []
            }
            _ = p.handle(key); modal = .outcomes(p)
        case var .urgencies(p):
            if key == .enter, let item = p.selected, let u = Urgency(rawValue: item.id) { modal = .reason(u, TextEditor("", maxLength: 500)); return [] }
            _ = p.handle(key); modal = .urgencies(p)
        case .reason(let u, var editor):
            if key == .enter {
                let reason = editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !reason.isEmpty, let d = detail else { setStatus(t("msg.emptyNote"), error: true); return [] }
                modal = nil
                return [.override(caseId: d.id, urgency: u, reason: reason)]
            }
            editor.handle(key); modal = .reason(u, editor)
        case .phoneOverride(let outcome, let u, var editor):
            if key == .enter {
                let reason = editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !reason.isEmpty else { setStatus(t("msg.emptyReason"), error: true); return [] }
                modal = nil
                return [.submitPhone(phone, outcome, overrideReason: reason)]
            }
            editor.handle(key); modal = .phoneOverride(outcome, u, editor)
        case .closeOverride(let outcome, let u, var editor):
            if key == .enter {
                let reason = editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !reason.isEmpty else { setStatus(t("msg.emptyReason"), error: true); return [] }
                confirmClose(outcome, overrideReason: reason)
                return []
            }
            editor.handle(key); modal = .closeOverride(outcome, u, editor)
        case .closeConfirm(let outcome, let reason, var editor):
            if key == .enter, let d = detail {
                let text = editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
                // The closing message goes to the patient like any other: nothing unfilled in it.
                if let r = text.range(of: #"\{[^{}\n]*\}"#, options: .regularExpression) {
                    setStatus(Strings.t("composer.unfilled", lang, String(text[r])), error: true)
                    return []
                }
                modal = nil
                return [.close(caseId: d.id, outcome: outcome, overrideReason: reason, message: text.isEmpty ? nil : text)]
            }
            if key == .ctrl("t") { openClosingTemplatePicker(outcome, overrideReason: reason, editor); return [] }
            editor.handle(key); modal = .closeConfirm(outcome, overrideReason: reason, editor)
        case .closingTemplates(var p, let outcome, let reason, var editor):
            if key == .enter, let item = p.selected, let tpl = templates.first(where: { $0.code == item.id }) {
                // The same checks as the composer's picker: a template with an unknown variable is not used.
                let filled = TemplateRenderer.render(patientLanguage == .sv ? tpl.bodySv : tpl.bodyEn, values: templateValues)
                if let bad = filled.unknown.first { setStatus(Strings.t("picker.unknownVar", lang, bad), error: true); return [] }
                editor.set(filled.text)
                modal = .closeConfirm(outcome, overrideReason: reason, editor)
                return []
            }
            _ = p.handle(key); modal = .closingTemplates(p, outcome, overrideReason: reason, editor)
        case .snooze(var editor):
            if key == .enter, let d = detail {
                guard let spec = SnoozeSpec.parse(editor.text, now: now) else { setStatus(t("snooze.bad"), error: true); return [] }
                guard !spec.reason.isEmpty else { setStatus(t("msg.emptyReason"), error: true); return [] }
                modal = nil
                return [.snooze(caseId: d.id, until: spec.until, untilReply: spec.untilReply, reason: spec.reason)]
            }
            editor.handle(key); modal = .snooze(editor)
        case let .assign(p):
            return handleAssignPicker(p, key)
        case var .contacts(p):
            if key == .enter, let item = p.selected, let id = Int64(item.id) {
                modal = nil
                return saveDraftIfDirty() + [.openCase(id)]
            }
            _ = p.handle(key); modal = .contacts(p)
        case .staffNote(var editor):
            if key == .enter {
                let note = editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !note.isEmpty, let d = detail else { setStatus(t("msg.emptyNote"), error: true); return [] }
                modal = nil
                return [.addStaffNote(caseId: d.id, body: note)]
            }
            editor.handle(key); modal = .staffNote(editor)
        case .templateEdit(let code, var editor):
            if key == .ctrl("s") {
                modal = nil
                return [.saveTemplate(code: code, body: editor.text)]
            }
            editor.handle(key); modal = .templateEdit(code: code, editor)
        case var .search(editor):
            if key == .enter {
                modal = nil
                let q = editor.text.trimmingCharacters(in: .whitespaces)
                if q.isEmpty { filter.search = nil; filter.searchIds = nil; return [] }
                return [.search(q)]
            }
            editor.handle(key); modal = .search(editor)
        }
        return []
    }
}
