import Foundation
import LotsCore

/// Renders the whole console for a state into a fresh buffer: a pure function, tested without a terminal.
public enum ConsoleView {
    public static let minWidth = 40
    public static let minHeight = 10

    public static func render(_ s: ConsoleState, width: Int, height: Int) -> CellBuffer {
        var b = CellBuffer(width: width, height: height)
        guard width >= minWidth, height >= minHeight else {
            b.put(CellWidth.truncate(s.t("small"), to: width), x: 0, y: 0, style: Style(.warning))
            return b
        }
        if s.locked {
            LoginScreen.renderLock(s, into: &b)
            return b
        }
        switch s.screen {
        case .login: LoginScreen.render(s, into: &b)
        case .queue: chrome(s, into: &b, context: .queue); QueueScreen.render(s, into: &b)
        case .caseView: chrome(s, into: &b, context: s.composerFocused ? .composer : .caseView); CaseScreen.render(s, into: &b)
        case .help: chrome(s, into: &b, context: .global); HelpScreen.render(s, into: &b)
        case .dashboard: chrome(s, into: &b, context: .dashboard); DashboardScreen.render(s, into: &b)
        case .phone: chrome(s, into: &b, context: .phone); PhoneScreen.render(s, into: &b)
        case .caseHistory: chrome(s, into: &b, context: .history); CaseHistoryScreen.render(s, into: &b)
        case .dayList: chrome(s, into: &b, context: .dayList); DayListScreen.render(s, into: &b)
        case .photo: chrome(s, into: &b, context: .photo); PhotoScreen.render(s, into: &b)
        }
        if let m = s.modal { ModalView.render(m, state: s, into: &b) }
        return b
    }

    /// Title bar, hotlist, status line and footer.
    static func chrome(_ s: ConsoleState, into b: inout CellBuffer, context: BindingContext) {
        let w = b.width, h = b.height
        b.fill(y: 0, style: Style(.title))
        let who = s.user.map { "\($0.displayName) (\($0.profession.map { Strings.profession($0, s.lang) } ?? Strings.role($0.role, s.lang)))" } ?? ""
        let clock = ISOTime.local(s.now).suffix(5)
        let left = " Lots │ \(s.unitName) │ \(who)"
        b.put(CellWidth.truncate(left, to: w - 8), x: 0, y: 0, style: Style(.title))
        b.put(String(clock), x: w - 6, y: 0, style: Style(.title))
        hotlist(s, into: &b)
        // On the queue, the status leaves room for the filter indicator (QueueScreen.info).
        let reserve = s.screen == .queue ? min(CellWidth.of(QueueScreen.info(s)), w / 2 - 1) + 2 : 0
        b.put(CellWidth.truncate(SafeText.sanitize(s.status, keepNewlines: false), to: max(0, w - 1 - reserve)), x: 1, y: h - 2,
              style: Style(s.statusIsError ? .error : .ok, bold: s.statusIsError))
        var x = 0
        for (key, label) in Bindings.footer(context, s.lang, role: s.user?.role) {
            let need = CellWidth.of(key) + CellWidth.of(label) + 2
            if x + need > w { break }
            x += b.put(key, x: x, y: h - 1, style: Style(.footerKey))
            x += b.put(" " + label + " ", x: x, y: h - 1, style: Style(.footerText))
        }
    }

    /// The clinician's open chats: slot, initials, urgency, unread count.
    static func hotlist(_ s: ConsoleState, into b: inout CellBuffer) {
        guard !s.hot.isEmpty else {
            // Only clinicians have chats: others are not told they have none.
            if s.user?.role == .clinician { b.put(s.t("hot.none"), x: 1, y: 1, style: Style(.dim)) }
            return
        }
        // Most urgent first; "+N" says how many did not fit (never cut off silently).
        var x = 0
        for (i, e) in s.hot.enumerated() {
            let initials = SafeText.sanitize(e.citizenName, keepNewlines: false).split(separator: " ").prefix(2).compactMap(\.first).map(String.init).joined()
            let unread = e.unreadCount > 0 ? " ✉\(e.unreadCount)" : ""
            let number = s.hotSlots[e.id].map { $0 <= 9 ? "\($0) " : "" } ?? ""
            let text = "[\(number)\(initials) \(QueueScreen.code(e.urgency))\(unread)]"
            let current = (s.screen == .caseView || s.screen == .caseHistory) && s.detail?.id == e.id
            let style = Style(e.unreadCount > 0 ? .hot : Theme.role(for: e.urgency.code), bold: current, reverse: current)
            let left = s.hot.count - i - 1
            let reserve = left > 0 ? CellWidth.of("+\(left)") + 1 : 0
            if x + CellWidth.of(text) + reserve > b.width {
                b.put("+\(s.hot.count - i)", x: x, y: 1, style: Style(.warning, bold: true))
                break
            }
            x += b.put(text, x: x, y: 1, style: style) + 1
        }
    }

    /// "1h05", "12m", "1d13h", "12d" – compact waiting time (hours kept under ten days).
    static func duration(_ seconds: Int) -> String {
        let s = max(0, seconds)
        if s < 3600 { return "\(s / 60)m" }
        if s < 86_400 {
            let m = (s % 3600) / 60  // not String(format:), which costs more than the rest of a queue row
            return "\(s / 3600)h" + (m < 10 ? "0" : "") + "\(m)"
        }
        let h = (s % 86_400) / 3600
        return "\(s / 86_400)d" + (h > 0 && s < 10 * 86_400 ? "\(h)h" : "")
    }
}
