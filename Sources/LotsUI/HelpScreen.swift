/// Key help generated from the binding table, so it can never drift from what the keys do.
enum HelpScreen {
    static func render(_ s: ConsoleState, into b: inout CellBuffer) {
        b.put(s.t("help.title"), x: 1, y: 2, style: Style(.header))
        let names: [BindingContext: (String, String)] = [.global: ("Överallt", "Everywhere"), .queue: ("Kön", "Queue"),
                                                        .caseView: ("Ärende", "Case"), .composer: ("Skrivfält", "Composer")]
        var y = 3
        var x = 1
        let colWidth = b.width >= 120 ? b.width / 2 - 2 : b.width - 2
        for ctx in [BindingContext.global, .queue, .caseView, .composer] {
            let rows = Bindings.all.filter { $0.context == ctx && !($0.action.rawValue.hasPrefix("hot") && $0.action != .hot1) }
            if y + rows.count + 1 > b.height - 3, x == 1, b.width >= 120 { y = 3; x = colWidth + 3 }
            guard y < b.height - 3 else { break }
            b.put(s.lang == .sv ? names[ctx]!.0 : names[ctx]!.1, x: x, y: y, style: Style(.header, underline: true))
            y += 1
            for r in rows where y < b.height - 3 {
                let keys = r.action == .hot1 ? "Alt-1…9, F2…F10" : r.keys.map(\.label).joined(separator: ", ")
                let label = r.action == .hot1 ? (s.lang == .sv ? "Byt till chatt 1…9" : "Switch to chat 1…9") : r.label(s.lang)
                b.put(CellWidth.fit(keys, 16), x: x + 1, y: y, style: Style(.footerKey))
                b.put(CellWidth.truncate(label, to: colWidth - 19), x: x + 18, y: y)
                y += 1
            }
        }
        b.put(s.t("help.close"), x: 1, y: b.height - 3, style: Style(.dim))
    }
}
