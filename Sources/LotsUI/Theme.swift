/// Maps semantic roles to terminal colours (8 basic colours) or, in monochrome, to attributes only.
///
/// Monochrome is used when NO_COLOR is set or the terminal has no colours; every meaning that colour
/// carries is also carried by text (urgency codes, `!` for overdue) or by reverse/bold/underline.
public struct Theme: Sendable {
    /// One of the 8 basic colours, or -1 for the terminal's default.
    public struct Colors: Sendable, Hashable { public var fg: Int16; public var bg: Int16 }
    public struct Look: Sendable, Equatable {
        public var colors: Colors?
        public var bold: Bool
        public var reverse: Bool
        public var underline: Bool
    }

    public let isMonochrome: Bool

    public static let color = Theme(isMonochrome: false)
    public static let monochrome = Theme(isMonochrome: true)

    // Basic colour numbers as in curses.
    static let black: Int16 = 0, red: Int16 = 1, green: Int16 = 2, yellow: Int16 = 3, blue: Int16 = 4, magenta: Int16 = 5, cyan: Int16 = 6, white: Int16 = 7

    /// The look of a style under this theme.
    public func look(_ s: Style) -> Look {
        var look = isMonochrome ? mono(s.role) : colored(s.role)
        look.bold = look.bold || s.bold
        look.reverse = look.reverse != s.reverse
        look.underline = look.underline || s.underline
        return look
    }

    func colored(_ r: Role) -> Look {
        func c(_ fg: Int16, _ bg: Int16 = -1, bold: Bool = false, reverse: Bool = false) -> Look {
            Look(colors: Colors(fg: fg, bg: bg), bold: bold, reverse: reverse, underline: false)
        }
        switch r {
        case .normal, .input: return Look(colors: nil, bold: false, reverse: false, underline: false)
        case .title: return c(Self.white, Self.blue, bold: true)
        case .header: return c(Self.cyan, bold: true)
        case .footerKey: return c(Self.black, Self.cyan)
        case .footerText: return c(-1)
        case .selected: return c(Self.black, Self.cyan)
        case .dim: return c(Self.blue)
        case .error, .overdue: return c(Self.red, bold: true)
        case .ok: return c(Self.green)
        case .warning: return c(Self.yellow, bold: true)
        case .emergency: return c(Self.white, Self.red, bold: true)
        case .p1: return c(Self.red, bold: true)
        case .p2: return c(Self.yellow, bold: true)
        case .p3: return c(Self.yellow)
        case .p4: return c(Self.green)
        case .p5: return c(Self.cyan)
        case .citizen: return c(Self.magenta, bold: true)
        case .staff: return c(Self.green, bold: true)
        case .system: return c(Self.blue)
        case .border: return c(Self.blue)
        case .hot: return c(Self.black, Self.yellow)
        }
    }

    func mono(_ r: Role) -> Look {
        func m(bold: Bool = false, reverse: Bool = false, underline: Bool = false) -> Look {
            Look(colors: nil, bold: bold, reverse: reverse, underline: underline)
        }
        switch r {
        case .title, .footerKey, .selected, .emergency, .hot: return m(bold: r == .emergency, reverse: true)
        case .header, .p1, .error, .overdue, .warning, .citizen, .staff: return m(bold: true)
        case .input: return m(underline: true)
        default: return m()
        }
    }

    /// The role that shows an urgency.
    public static func role(for code: String) -> Role {
        switch code {
        case "EMERGENCY": .emergency
        case "P1": .p1
        case "P2": .p2
        case "P3": .p3
        case "P4": .p4
        default: .p5
        }
    }
}
