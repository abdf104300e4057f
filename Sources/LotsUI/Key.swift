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

// MARK: - Escape sequences

extension Key {
    /// True for the byte that ends a CSI (`ESC [ … final`) or SS3 (`ESC O final`) sequence.
    public static func isFinalByte(_ c: Character) -> Bool {
        guard let v = c.asciiValue else { return false }
        return (0x40...0x7E).contains(v)
    }

    /// The key an escape sequence names, given what follows ESC (`[1~`, `OH`, `[A`, `[1;5C`…), or nil for a
    /// sequence Lots does not use: the console ignores it, never types it. ncurses decodes what terminfo
    /// names; this covers the variants tmux, screen, rxvt and xterm send besides.
    public static func decodeEscape(_ body: String) -> Key? {
        guard let intro = body.first, intro == "[" || intro == "O", let final = body.last, body.count >= 2, isFinalByte(final) else { return nil }
        let params = body.dropFirst().dropLast()
        let first = params.split(separator: ";").first.map(String.init) ?? ""
        switch final {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "P", "Q", "R", "S": return intro == "O" || first == "1" ? .f(Int(final.asciiValue! - 0x4F)) : nil
        case "~":
            switch first {
            case "1", "7": return .home
            case "4", "8": return .end
            case "3": return .delete
            case "5": return .pageUp
            case "6": return .pageDown
            case "11", "12", "13", "14", "15": return .f(Int(first)! - 10)
            case "17", "18", "19", "20", "21": return .f(Int(first)! - 11)
            case "23", "24": return .f(Int(first)! - 12)
            default: return nil
            }
        default: return nil
        }
    }
}
