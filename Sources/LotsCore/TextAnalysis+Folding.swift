/// Folding: how a text and the catalog's phrases are brought to one lowercase ASCII form before reading.
extension TextAnalysis {
    /// Pronouns whose "'s" is dropped whole when folding ("he's" → "he").
    static let apostropheS: Set<String> = ["he", "she", "it", "that", "there", "what", "who", "where", "here", "let"]

    /// Lowercases and folds Swedish and other Latin diacritics to ASCII letters.
    public static func fold(_ s: String) -> String {
        // By scalars, not Characters: comparing Characters costs a string comparison each.
        var out = String.UnicodeScalarView()
        let scalars = Array(s.lowercased().unicodeScalars)
        var skip = false
        for (k, u) in scalars.enumerated() {
            if skip { skip = false; continue }
            // "he's" is "he", not the Swedish "hes" (hoarse): a pronoun's "'s" is dropped whole.
            if u.value == 0x2019 || u.value == 0x27, k + 1 < scalars.count, scalars[k + 1] == "s",
               k + 2 == scalars.count || !scalars[k + 2].properties.isAlphabetic,
               Self.apostropheS.contains(String(String.UnicodeScalarView(scalars[..<k].reversed().prefix { $0.properties.isAlphabetic }.reversed()))) {
                skip = true; continue
            }
            switch u.value {
            case 0xE5, 0xE4, 0xE1, 0xE0, 0xE2: out.append("a")  // å ä á à â
            case 0xF6, 0xF8, 0xF3, 0xF2, 0xF4: out.append("o")  // ö ø ó ò ô
            case 0xE9, 0xE8, 0xEA, 0xEB: out.append("e")        // é è ê ë
            case 0xFC, 0xFA: out.append("u")                    // ü ú
            case 0xED, 0xEF: out.append("i")                    // í ï
            case 0x2019, 0x27: break                            // ’ '
            case 0x300...0x36F: break                           // combining marks of decomposed å, é, …
            default: out.append(u)
            }
        }
        return String(out)
    }
}
