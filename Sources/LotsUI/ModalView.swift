import LotsCore

/// Pickers and prompts drawn over the current screen.
enum ModalView {
    static func render(_ m: ConsoleModal, state s: ConsoleState, into b: inout CellBuffer) {
        switch m {
        case let .templates(p): picker(p, s, into: &b, preview: templatePreview(p, s))
        case let .providers(p): picker(p, s, into: &b, preview: nil)
        case let .outcomes(p): picker(p, s, into: &b, preview: nil)
        case let .urgencies(p): picker(p, s, into: &b, preview: nil)
        case let .slots(p, chosen): picker(SlotPicker.marked(p, chosen), s, into: &b, preview: (SlotPicker.hint(chosen, s.lang), nil))
        case let .note(_, name, editor): prompt(s.t("picker.providers") + ": " + name, s.t("prompt.note"), editor, into: &b)
        case let .reason(u, editor): prompt(s.t("picker.urgency") + ": " + u.code, s.t("prompt.reason"), editor, into: &b)
        case let .search(editor): prompt(s.t("prompt.search"), "", editor, into: &b)
        case let .templateEdit(code, editor): prompt(code ?? s.t("picker.newTemplate"), s.t("prompt.template"), editor, into: &b)
        case let .phoneOverride(outcome, u, editor):
            prompt(Strings.t("override.title", s.lang, "\(QueueScreen.code(u)) \(Strings.urgency(u, s.lang))"), s.t("override.phone." + outcome.rawValue), editor, into: &b)
        case let .snooze(editor): prompt(s.t("snooze.title"), s.t("snooze.hint"), editor, into: &b)
        case let .contacts(p): picker(p, s, into: &b, preview: nil)
        case let .assign(p): picker(p, s, into: &b, preview: nil)
        case let .staffNote(editor): prompt(s.t("note.title"), s.t("note.hint"), editor, into: &b)
        case let .closingTemplates(p, _, _, _): picker(p, s, into: &b, preview: templatePreview(p, s))
        case let .closeConfirm(outcome, _, editor):
            prompt(Strings.t("close.title", s.lang, Int(s.detail?.id ?? 0), Strings.outcome(outcome, s.lang)),
                   Strings.t("close.hint", s.lang, s.t("lang." + s.patientLanguage.rawValue)), editor, into: &b)
        case let .closeOverride(_, u, editor):
            prompt(Strings.t("override.title", s.lang, "\(QueueScreen.code(u)) \(Strings.urgency(u, s.lang))"), s.t("override.close"), editor, into: &b)
        }
    }

    /// The chosen template with variables filled for this case; an unknown variable is an error line.
    static func templatePreview(_ p: PickerState, _ s: ConsoleState) -> (text: String, error: String?)? {
        guard let item = p.selected, let t = s.templates.first(where: { $0.code == item.id }) else { return nil }
        let r = TemplateRenderer.render(s.patientLanguage == .sv ? t.bodySv : t.bodyEn, values: s.templateValues)
        return (r.text, r.unknown.first.map { Strings.t("picker.unknownVar", s.lang, $0) })
    }

    static func box(_ b: inout CellBuffer, x: Int, y: Int, w: Int, h: Int, title: String) {
        for yy in y..<(y + h) { b.fill(x: x, y: yy, width: w, style: Style(.normal)) }
        b.put("┌" + String(repeating: "─", count: w - 2) + "┐", x: x, y: y, style: Style(.border))
        for yy in (y + 1)..<(y + h - 1) {
            b.put("│", x: x, y: yy, style: Style(.border))
            b.put("│", x: x + w - 1, y: yy, style: Style(.border))
        }
        b.put("└" + String(repeating: "─", count: w - 2) + "┘", x: x, y: y + h - 1, style: Style(.border))
        b.put(" " + CellWidth.truncate(title, to: w - 4) + " ", x: x + 2, y: y, style: Style(.header))
    }

    static func picker(_ p: PickerState, _ s: ConsoleState, into b: inout CellBuffer, preview: (text: String, error: String?)?) {
        let w = min(b.width - 2, 100), h = b.height - 4, x = (b.width - w) / 2, y = 2
        box(&b, x: x, y: y, w: w, h: h, title: p.title)
        b.put(s.t("picker.filter") + p.filter.text + "▏", x: x + 2, y: y + 1, style: Style(.input))
        if case .templates = s.modal {
            let hint = s.t("picker.templateKeys")
            b.put(hint, x: x + w - 2 - CellWidth.of(hint), y: y + 1, style: Style(.dim))
        }
        let previewLines = preview.map { TextWrap.wrap(SafeText.sanitize($0.text), width: w - 4) } ?? []
        let previewRows = preview == nil ? 0 : min(max(3, previewLines.count + 2), h / 2)
        let listRows = h - 4 - previewRows
        let items = p.visible
        let sel = min(p.selection, max(0, items.count - 1))
        let first = max(0, min(sel - listRows / 2, items.count - listRows))
        for (i, item) in items.dropFirst(first).prefix(max(0, listRows)).enumerated() {
            let selected = first + i == sel
            let style = selected ? Style(.selected) : Style(.normal)
            b.fill(x: x + 1, y: y + 2 + i, width: w - 2, style: style)
            let text = SafeText.sanitize(item.title, keepNewlines: false) + (item.detail.isEmpty ? "" : "  · " + SafeText.sanitize(item.detail, keepNewlines: false))
            b.put((selected ? "▶ " : "  ") + CellWidth.truncate(text, to: w - 6), x: x + 1, y: y + 2 + i, style: style)
        }
        if let preview {
            let py = y + h - previewRows - 1
            b.put(s.t("picker.preview"), x: x + 2, y: py, style: Style(.header, underline: true))
            if let err = preview.error {
                b.put(CellWidth.truncate("✗ " + err, to: w - 4), x: x + 2, y: py + 1, style: Style(.error, bold: true))
            }
            for (i, line) in previewLines.prefix(previewRows - (preview.error == nil ? 1 : 2)).enumerated() {
                b.put(line, x: x + 2, y: py + 1 + (preview.error == nil ? 0 : 1) + i)
            }
        }
    }

    static func prompt(_ title: String, _ label: String, _ editor: TextEditor, into b: inout CellBuffer) {
        let w = min(b.width - 2, 90), x = (b.width - w) / 2
        let layout = editor.layout(width: w - 4)
        let h = min(b.height - 2, max(5, layout.lines.count + 4)), y = max(1, (b.height - h) / 2)
        box(&b, x: x, y: y, w: w, h: h, title: title)
        if !label.isEmpty { b.put(CellWidth.truncate(label, to: w - 4), x: x + 2, y: y + 1, style: Style(.dim)) }
        for (i, line) in layout.lines.suffix(h - 3).enumerated() {
            b.put(SafeText.sanitize(line), x: x + 2, y: y + 2 + i, style: Style(.input))
        }
    }
}
