import LotsCore

/// One terminal cell: a grapheme (or "" for the right half of a wide glyph) and its style.
public struct Cell: Sendable, Equatable {
    public var text: String
    public var style: Style
    /// True for the second column of a wide glyph; the terminal skips it.
    public var isContinuation: Bool

    public static let blank = Cell(text: " ", style: .normal, isContinuation: false)
}

/// A grid of cells that every screen draws into. It never touches a terminal; `LotsTerminal` diffs two
/// buffers and writes only what changed, and tests compare `lines()` with expected text.
///
/// ```swift
/// var b = CellBuffer(width: 80, height: 24)
/// b.put("Hej åäö 日本", x: 0, y: 0)
/// b.lines()[0]   // "Hej åäö 日本" padded to 80 columns
/// ```
public struct CellBuffer: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` at (x, y), clipped to `maxWidth` columns and the buffer's edge. Control characters
    /// become U+FFFD (callers sanitize untrusted text first; this is the last line of defence).
    /// Returns the columns written. A wide glyph that does not fit is replaced by a space.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        if x >= 0, CellWidth.simpleCount(text) != nil {
            // One cell a scalar (see `CellWidth.simpleCount`): no grapheme breaking, no width lookups.
            for scalar in text.unicodeScalars {
                guard col < limit else { break }
                clearWide(at: col, y: y)
                cells[y * width + col] = Cell(text: Self.scalarText[Int(scalar.value)], style: style, isContinuation: false)
                col += 1
            }
            return col - x
        }
        for ch in text {
            var c = ch
            if let v = ch.unicodeScalars.first?.value, v < 0x20 || (0x7F...0x9F).contains(v) { c = "\u{FFFD}" }
            let w = CellWidth.of(c)
            if w == 0 { continue }
            if col + w > limit {
                if col < limit, w == 2 { self[col, y] = Cell(text: " ", style: style, isContinuation: false); col += 1 }
                break
            }
            if col >= 0 {
                clearWide(at: col, y: y)
                self[col, y] = Cell(text: String(c), style: style, isContinuation: false)
                if w == 2 {
                    clearWide(at: col + 1, y: y)
                    self[col + 1, y] = Cell(text: "", style: style, isContinuation: true)
                }
            }
            col += w
        }
        return col - x
    }

    /// `text` cut to `columns` (with `…`) or padded with spaces to exactly `columns`, like
    /// `put(CellWidth.fit(text, columns), …)` without building the padded string. Returns `columns`.
    @discardableResult
    public mutating func put(fitting text: String, columns: Int, x: Int, y: Int, style: Style = .normal) -> Int {
        let shown = CellWidth.of(text) <= columns ? text : CellWidth.truncate(text, to: columns)
        let n = put(shown, x: x, y: y, style: style, maxWidth: columns)
        if n < columns { fill(x: x + n, y: y, width: columns - n, style: style) }
        return columns
    }

    /// One-scalar strings for U+0000–U+02FF, so the fast path of `put` makes no string per cell.
    static let scalarText: [String] = (0..<0x300).map { String(Character(Unicode.Scalar(UInt32($0))!)) }

    /// Overwriting half of a wide glyph blanks its other half, so no orphan halves remain.
    mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let cell = self[x, y]
        if cell.isContinuation, x > 0 { self[x - 1, y] = Cell(text: " ", style: self[x - 1, y].style, isContinuation: false) }
        if !cell.isContinuation, x + 1 < width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(text: " ", style: cell.style, isContinuation: false)
        }
    }

    /// Fills a rectangle with spaces of a style.
    public mutating func fill(x: Int = 0, y: Int, width w: Int? = nil, height h: Int = 1, style: Style) {
        let lo = max(0, x), hi = min(width, x + (w ?? width))
        let top = max(0, y), bottom = min(height, y + h)
        guard lo < hi, top < bottom else { return }
        for yy in top..<bottom {
            clearWide(at: lo, y: yy)
            clearWide(at: hi - 1, y: yy)
            for xx in lo..<hi { self[xx, yy] = Cell(text: " ", style: style, isContinuation: false) }
        }
    }

    /// Each row as text (continuation cells skipped), for tests and screen dumps.
    public func lines() -> [String] {
        (0..<height).map { y in (0..<width).reduce(into: "") { s, x in if !self[x, y].isContinuation { s += self[x, y].text } } }
    }

    /// Rows with trailing spaces removed.
    public func trimmedLines() -> [String] {
        lines().map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
    }

    /// The whole buffer as one string, rows joined by newlines, trailing spaces removed.
    public var text: String { trimmedLines().joined(separator: "\n") }

    /// The style at the first column where `needle` starts on row `y`, if it occurs.
    public func style(of needle: String, row y: Int) -> Style? {
        var starts: [(String.Index, Int)] = []
        let line = (0..<width).reduce(into: "") { s, x in
            if !self[x, y].isContinuation { starts.append((s.endIndex, x)); s += self[x, y].text }
        }
        guard let r = line.range(of: needle) else { return nil }
        let col = starts.last { $0.0 <= r.lowerBound }?.1 ?? 0
        return self[col, y].style
    }
}
