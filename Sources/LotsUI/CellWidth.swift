/// Display width of text in terminal columns: 0 for combining marks, 2 for East Asian wide characters
/// and emoji, 1 otherwise. Counted per grapheme (`Character`), as a terminal draws it.
public enum CellWidth {
    /// Columns one grapheme takes.
    public static func of(_ c: Character) -> Int {
        // Fast path, most of every frame: one printable scalar below the combining marks (ASCII, Latin-1, åäö).
        let utf8 = c.utf8
        if let b = utf8.first, (utf8.count == 1 && b >= 0x20 && b < 0x7F) || (utf8.count == 2 && b >= 0xC2 && b < 0xCC && !(b == 0xC2 && utf8.last! < 0xA0)) {
            return 1
        }
        guard let first = c.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return 1 }  // drawn as a placeholder
        if c.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        if isWide(v) { return 2 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark { return 0 }
        if v == 0x200B || v == 0x200D || v == 0x2060 { return 0 }
        return 1
    }

    /// Columns a string takes.
    public static func of(_ s: String) -> Int {
        simpleCount(s) ?? s.reduce(0) { $0 + of($1) }
    }

    /// The number of scalars when every one is a printable ASCII or Latin scalar below the combining marks
    /// (U+0020–U+007E, U+00A0–U+02FF): then each scalar is one grapheme one column wide. Else nil.
    /// Nearly all text in a frame is like this, and scalars are much cheaper to walk than graphemes.
    @inline(__always)
    static func simpleCount(_ s: String) -> Int? {
        var n = 0
        for scalar in s.unicodeScalars {
            let v = scalar.value
            guard (v >= 0x20 && v < 0x7F) || (v >= 0xA0 && v < 0x300) else { return nil }
            n += 1
        }
        return n
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `s` that fits in `columns`, with `…` when cut.
    public static func truncate(_ s: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(s) <= columns { return s }
        var out = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > columns - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// `s` truncated or padded with spaces to exactly `columns`.
    public static func fit(_ s: String, _ columns: Int, alignRight: Bool = false) -> String {
        let t = truncate(s, to: columns)
        let pad = String(repeating: " ", count: max(0, columns - of(t)))
        return alignRight ? pad + t : t + pad
    }
}
