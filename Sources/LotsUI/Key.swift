/// A key press, decoded by the terminal layer.
public enum Key: Sendable, Hashable {
    case char(Character)
    case ctrl(Character)
    case alt(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, backspace, delete, tab, backTab
    case f(Int)
    case resize

    /// How the key is written in the footer and help screen.
    public var label: String {
        switch self {
        case .char(" "): "Space"
        case let .char(c): String(c)
        case let .ctrl(c): "^" + String(c).uppercased()
        case let .alt(c): "Alt-" + String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case let .f(n): "F\(n)"
        case .resize: "resize"
        }
    }
}
