/// Key help generated from the binding table, so it can never drift from what the keys do.
/// Two columns when the terminal is wide; ↑/↓ and PgUp/PgDn scroll when it does not fit.
enum HelpScreen {
    /// Every help line: (text, is a heading).
    static func lines(_ s: ConsoleState, width: Int) -> [(String, Bool)] {
        var out: [(String, Bool)] = []
        for ctx in Bindings.contexts(for: s.user?.role) {
            out.append((s.t("help.ctx." + ctx.rawValue), true))
            for r in Bindings.all where r.context == ctx && r.applies(to: s.user?.role) && !(r.action.rawValue.hasPrefix("hot") && r.action != .hot1) {
                let keys = r.action == .hot1 ? "Alt-1…9, F2…F10" : r.keys.map(\.label).joined(separator: ", ")
                let label = r.action == .hot1 ? s.t("help.hot") : r.label(s.lang)
                out.append((CellWidth.fit(keys, 16) + "  " + label, false))
            }
        }
        return out
    }

    static func render(_ s: ConsoleState, into b: inout CellBuffer) {
        b.put(s.t("help.title"), x: 1, y: 2, style: Style(.header))
        let all = lines(s, width: b.width)
        let rows = b.height - 6
        let columns = b.width >= 120 && all.count > rows ? 2 : 1
        let colWidth = (b.width - 2) / columns
        let maxScroll = max(0, all.count - rows * columns)
        let scroll = min(s.helpScroll, maxScroll)
        for (i, line) in all.dropFirst(scroll).prefix(rows * columns).enumerated() {
            let x = 1 + (i / rows) * colWidth, y = 3 + i % rows
            b.put(CellWidth.truncate(line.0, to: colWidth - 2), x: x + (line.1 ? 0 : 1), y: y,
                  style: line.1 ? Style(.header, underline: true) : Style(.normal))
        }
        let more = maxScroll > 0 ? s.t("help.scroll") : ""
        b.put(CellWidth.truncate(s.t("help.close") + more, to: b.width - 2), x: 1, y: b.height - 3, style: Style(.dim))
    }
}
