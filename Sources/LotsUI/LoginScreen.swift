/// The login form: user name and password, centred.
enum LoginScreen {
    static func render(_ s: ConsoleState, into b: inout CellBuffer) {
        let w = min(50, b.width - 2), x = (b.width - w) / 2, y = max(0, b.height / 2 - 4)
        b.fill(y: 0, style: Style(.title))
        b.put(" Lots", x: 0, y: 0, style: Style(.title))
        b.put(s.t("login.title"), x: x, y: y, style: Style(.header))
        let label = max(CellWidth.of(s.t("login.user")), CellWidth.of(s.t("login.password"))) + 2
        b.put(s.t("login.user"), x: x, y: y + 2)
        b.fill(x: x + label, y: y + 2, width: w - label, style: Style(.input, reverse: !s.loginFocusPassword))
        b.put(CellWidth.truncate(s.loginUser.text, to: w - label - 1), x: x + label, y: y + 2, style: Style(.input, reverse: !s.loginFocusPassword))
        b.put(s.t("login.password"), x: x, y: y + 3)
        b.fill(x: x + label, y: y + 3, width: w - label, style: Style(.input, reverse: s.loginFocusPassword))
        b.put(String(repeating: "•", count: min(s.loginPassword.chars.count, w - label - 1)), x: x + label, y: y + 3,
              style: Style(.input, reverse: s.loginFocusPassword))
        b.put(CellWidth.truncate(s.t("login.hint"), to: b.width - x), x: x, y: y + 5, style: Style(.dim))
        if !s.status.isEmpty { b.put(CellWidth.truncate(s.status, to: b.width - x), x: x, y: y + 7, style: Style(.error, bold: true)) }
    }

    /// The lock screen: no patient data, only who is logged in and a password field.
    static func renderLock(_ s: ConsoleState, into b: inout CellBuffer) {
        let w = min(60, b.width - 2), x = (b.width - w) / 2, y = max(0, b.height / 2 - 3)
        b.fill(y: 0, style: Style(.title))
        b.put(" Lots", x: 0, y: 0, style: Style(.title))
        b.put(s.t("lock.title") + " – " + (s.user?.displayName ?? ""), x: x, y: y, style: Style(.header))
        let label = s.t("login.password") + "  "
        b.put(label, x: x, y: y + 2)
        let lw = CellWidth.of(label)
        b.fill(x: x + lw, y: y + 2, width: w - lw, style: Style(.input, reverse: true))
        b.put(String(repeating: "•", count: min(s.unlockPassword.chars.count, w - lw - 1)), x: x + lw, y: y + 2, style: Style(.input, reverse: true))
        b.put(CellWidth.truncate(s.t("lock.hint"), to: b.width - x), x: x, y: y + 4, style: Style(.dim))
        if !s.lockMessage.isEmpty { b.put(CellWidth.truncate(s.lockMessage, to: b.width - x), x: x, y: y + 6, style: Style(.error, bold: true)) }
    }
}
