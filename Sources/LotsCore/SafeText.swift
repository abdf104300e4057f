/// Makes untrusted text (citizen messages, templates, catalog text) harmless for a terminal.
///
/// Nothing that could steer a terminal survives: C0 controls except newline become Control Pictures
/// (`␛`, `␇`, …), so `ESC [2J` shows as the visible text `␛[2J`; DEL becomes `␡`; C1 controls (including
/// the 8-bit CSI 0x9B) become U+FFFD; bidi controls become a visible `[U+202E]`-style tag; invisible
/// zero-width spaces are dropped. Tabs become a space.
///
/// ```swift
/// SafeText.sanitize("hej\u{1B}[2J")   // "hej␛[2J"
/// ```
public enum SafeText {
    static let bidi: Set<UInt32> = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
    static let invisible: Set<UInt32> = [0x200B, 0x2060, 0xFEFF, 0x00AD]

    /// The sanitized text; `keepNewlines: false` also turns newlines into `␤` for one-line fields.
    public static func sanitize(_ text: String, keepNewlines: Bool = true) -> String {
        // Most text needs nothing: return it as it is without building a copy (queue rows are drawn often).
        if text.unicodeScalars.allSatisfy({ isPlain($0.value, keepNewlines: keepNewlines) }) { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            switch v {
            case 0x0A where keepNewlines: out.append(s)
            case 0x09: out.append(" ")
            case 0x0D: continue
            case 0x00...0x1F: out.append(Unicode.Scalar(0x2400 + v)!)
            case 0x7F: out.append("\u{2421}")
            case 0x80...0x9F: out.append("\u{FFFD}")
            default:
                if bidi.contains(v) {
                    out.append(contentsOf: "[U+\(String(v, radix: 16, uppercase: true))]".unicodeScalars)
                } else if invisible.contains(v) {
                    continue
                } else if (0xD800...0xDFFF).contains(v) || v == 0xFFFE || v == 0xFFFF {
                    out.append("\u{FFFD}")
                } else {
                    out.append(s)
                }
            }
        }
        return String(out)
    }

    /// A scalar `sanitize` keeps as it is, decided by ranges alone (no set lookups) for the common cases.
    @inline(__always)
    static func isPlain(_ v: UInt32, keepNewlines: Bool) -> Bool {
        if v >= 0x20 && v < 0x7F { return true }
        if v == 0x0A { return keepNewlines }
        if v < 0xA0 { return false }
        if v < 0x061C { return v != 0xAD }
        return !bidi.contains(v) && !invisible.contains(v) && !(0xD800...0xDFFF).contains(v) && v != 0xFFFE && v != 0xFFFF
    }

    /// True when `sanitize` would change nothing.
    public static func isClean(_ text: String, keepNewlines: Bool = true) -> Bool {
        sanitize(text, keepNewlines: keepNewlines) == text
    }
}
