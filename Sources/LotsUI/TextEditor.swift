/// A multi-line UTF-8 text editor whose cursor moves by grapheme (so "å", "👍🏽" and "日" are one step).
///
/// Enter inserts a newline; Home/End go to the start/end of the line; Alt-b/Alt-f (and ^←/^→ as Alt
/// from the terminal) jump words; pasted text arrives as many keys and is inserted as it comes.
public struct TextEditor: Sendable, Equatable {
    public private(set) var chars: [Character]
    public private(set) var cursor: Int
    public var maxLength: Int

    public init(_ text: String = "", maxLength: Int = 8_000) {
        chars = Array(text)
        cursor = chars.count
        self.maxLength = maxLength
    }

    public var text: String { String(chars) }
    public var isEmpty: Bool { chars.isEmpty }

    public mutating func set(_ text: String) {
        chars = Array(text.prefix(maxLength))
        cursor = chars.count
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case let .char(c): insert(c)
        case .enter: insert("\n")
        case .tab: insert(" ")
        case .backspace: if cursor > 0 { chars.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"): if cursor < chars.count { chars.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(chars.count, cursor + 1)
        case .home, .ctrl("a"): cursor = lineStart(cursor)
        case .end, .ctrl("e"): cursor = lineEnd(cursor)
        case .alt("b"): wordLeft()
        case .alt("f"): wordRight()
        case .up: moveLine(-1)
        case .down: moveLine(1)
        case .ctrl("u"):
            // Kills the line before the cursor (readline); the start is taken before the text shrinks.
            let start = lineStart(cursor)
            chars.removeSubrange(start..<cursor)
            cursor = start
        default: return false
        }
        return true
    }

    public mutating func insert(_ c: Character) {
        guard chars.count < maxLength else { return }
        chars.insert(c, at: cursor)
        cursor += 1
    }

    public mutating func insert(_ s: String) { for c in s { insert(c) } }

    /// The word that ends at the cursor (back to the last whitespace), for `/code` + Tab.
    public var wordBeforeCursor: String {
        var j = cursor
        while j > 0, !chars[j - 1].isWhitespace { j -= 1 }
        return String(chars[j..<cursor])
    }

    /// Replaces the word before the cursor with `text`.
    public mutating func replaceWordBeforeCursor(with text: String) {
        let n = wordBeforeCursor.count
        chars.removeSubrange((cursor - n)..<cursor)
        cursor -= n
        insert(text)
    }

    func lineStart(_ i: Int) -> Int {
        var j = i
        while j > 0, chars[j - 1] != "\n" { j -= 1 }
        return j
    }

    func lineEnd(_ i: Int) -> Int {
        var j = i
        while j < chars.count, chars[j] != "\n" { j += 1 }
        return j
    }

    mutating func wordLeft() {
        while cursor > 0, !chars[cursor - 1].isLetter && !chars[cursor - 1].isNumber { cursor -= 1 }
        while cursor > 0, chars[cursor - 1].isLetter || chars[cursor - 1].isNumber { cursor -= 1 }
    }

    mutating func wordRight() {
        while cursor < chars.count, !chars[cursor].isLetter && !chars[cursor].isNumber { cursor += 1 }
        while cursor < chars.count, chars[cursor].isLetter || chars[cursor].isNumber { cursor += 1 }
    }

    mutating func moveLine(_ delta: Int) {
        let start = lineStart(cursor)
        let column = cursor - start
        if delta < 0 {
            guard start > 0 else { cursor = 0; return }
            let prevStart = lineStart(start - 1)
            cursor = min(prevStart + column, start - 1)
        } else {
            let end = lineEnd(cursor)
            guard end < chars.count else { cursor = chars.count; return }
            let nextStart = end + 1
            cursor = min(nextStart + column, lineEnd(nextStart))
        }
    }

    /// The text wrapped to `width` columns, and the cursor's (row, column) in that layout.
    public func layout(width: Int) -> (lines: [String], cursorRow: Int, cursorCol: Int) {
        var lines: [String] = [""]
        var col = 0
        var cur = (0, 0)
        for (i, c) in chars.enumerated() {
            if i == cursor { cur = (lines.count - 1, col) }
            if c == "\n" { lines.append(""); col = 0; continue }
            let w = CellWidth.of(c)
            if col + w > width { lines.append(""); col = 0; if i == cursor { cur = (lines.count - 1, 0) } }
            lines[lines.count - 1].append(c)
            col += w
        }
        if cursor == chars.count {
            if col >= width { lines.append(""); col = 0 }
            cur = (lines.count - 1, col)
        }
        return (lines, cur.0, cur.1)
    }
}
