/// What a cell means; the terminal maps roles to colours, or to reverse/bold in monochrome.
public enum Role: String, Sendable, CaseIterable {
    case normal, title, header, footerKey, footerText, selected, dim, error, ok, warning, overdue
    case emergency, p1, p2, p3, p4, p5
    case citizen, staff, system, input, border, hot
}

/// How one cell is drawn.
public struct Style: Sendable, Equatable, Hashable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let normal = Style()
}
