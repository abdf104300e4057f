/// Word wrapping by display width, for chat messages and long fields.
public enum TextWrap {
    /// Lines of at most `width` columns; words longer than a line are broken.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var w = String(word)
                var ww = CellWidth.of(w)
                if lineWidth > 0, lineWidth + 1 + ww > width {
                    out.append(line); line = ""; lineWidth = 0
                }
                while ww > width {  // break a very long word
                    let room = width - lineWidth - (lineWidth > 0 ? 1 : 0)
                    var head = ""
                    var hw = 0
                    for c in w { let cw = CellWidth.of(c); if hw + cw > room { break }; head.append(c); hw += cw }
                    if head.isEmpty { out.append(line); line = ""; lineWidth = 0; continue }
                    line += (lineWidth > 0 ? " " : "") + head
                    out.append(line); line = ""; lineWidth = 0
                    w = String(w.dropFirst(head.count)); ww = CellWidth.of(w)
                }
                if lineWidth > 0 { line += " "; lineWidth += 1 }
                line += w
                lineWidth += ww
            }
            out.append(line)
        }
        return out
    }
}
