/// Free text as a citizen writes it, broken into folded tokens with negation marked, plus the facts
/// the triage needs: temperature, how long it has lasted, and an infant's age in months.
///
/// Folding lowercases and maps å/ä→a, ö→o, é→e so that "Bröstet" and "brostet" match alike.
/// Negation ("ingen", "inte", "utan", "no", …) covers the next words up to a clause boundary
/// (punctuation, "men", "och", "but", "and") or four words, whichever comes first; a clause-final
/// "inte" ("röker inte") negates the word before it.
public struct TextAnalysis: Sendable {
    public struct Token: Sendable, Equatable {
        public var text: String
        /// The folded text as UTF-8 bytes, for fast stem comparison.
        public var bytes: [UInt8]
        /// The number this token spells ("38,5", "tre"), if any.
        public var number: Double?
        public var negated: Bool
        /// True for punctuation and clause words that end a negation's reach.
        public var isBoundary: Bool
        /// The word as written (for the rationale).
        public var original: String
    }

    public private(set) var tokens: [Token] = []
    /// Highest temperature mentioned with a fever word nearby, or 38.0 for a bare mention of fever.
    public private(set) var fever: Double?
    /// Longest duration mentioned ("sedan tre veckor" → 21), in days.
    public private(set) var days: Int?
    /// An age stated in the text ("är 2 månader", "3 veckor gammal"), in months.
    public private(set) var statedAgeMonths: Int?
    /// Highest systolic blood pressure written as `190/110`.
    public private(set) var systolic: Int?

    static let negators: Set<String> = ["ingen", "inga", "inget", "inte", "ej", "utan", "aldrig", "icke", "varken",
                                        "no", "not", "without", "never", "nor", "dont", "doesnt", "havent", "hasnt", "didnt", "cant", "isnt"]
    static let clauseWords: Set<String> = ["men", "och", "but", "and", "fast", "dock", "although", "however"]
    static let numberWords: [String: Double] = [
        "en": 1, "ett": 1, "one": 1, "a": 1, "tva": 2, "two": 2, "par": 2, "tre": 3, "three": 3, "fyra": 4, "four": 4,
        "fem": 5, "five": 5, "sex": 6, "six": 6, "sju": 7, "seven": 7, "atta": 8, "eight": 8, "nio": 9, "nine": 9,
        "tio": 10, "ten": 10, "elva": 11, "tolv": 12, "fjorton": 14, "femton": 15, "tjugo": 20, "nagra": 3, "several": 3, "few": 3]
    static let feverWords = ["feber", "grad", "temp", "fever", "degree", "febr", "c"]

    /// Lowercases and folds Swedish and other Latin diacritics to ASCII letters.
    public static func fold(_ s: String) -> String {
        // By scalars, not Characters: comparing Characters costs a string comparison each.
        var out = String.UnicodeScalarView()
        for u in s.lowercased().unicodeScalars {
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

    public init(_ text: String) {
        systolic = Self.bloodPressure(in: text)
        tokenize(Self.fold(text))
        markNegation()
        extractFacts()
    }

    /// The highest `SYS/DIA` reading with plausible values (70–300 over 30–200).
    static func bloodPressure(in text: String) -> Int? {
        guard text.utf8.contains(UInt8(ascii: "/")) else { return nil }
        let chars = Array(text)
        var best: Int?
        var i = 0
        while i < chars.count {
            guard chars[i] == "/" else { i += 1; continue }
            var a = i - 1
            while a >= 0, chars[a] == " " { a -= 1 }
            var sysDigits = ""
            while a >= 0, chars[a].isASCII, chars[a].isNumber { sysDigits.insert(chars[a], at: sysDigits.startIndex); a -= 1 }
            var b = i + 1
            while b < chars.count, chars[b] == " " { b += 1 }
            var diaDigits = ""
            while b < chars.count, chars[b].isASCII, chars[b].isNumber { diaDigits.append(chars[b]); b += 1 }
            if let sys = Int(sysDigits), let dia = Int(diaDigits), (70...300).contains(sys), (30...200).contains(dia), sys > dia {
                best = max(best ?? 0, sys)
            }
            i += 1
        }
        return best
    }

    /// Splits on anything that is not a letter or digit; "38,5" and "38.5" stay one number token.
    mutating func tokenize(_ s: String) {
        // By scalars: the text is folded (lowercase, no diacritics), so nearly every scalar is ASCII and the
        // Unicode properties are asked only for the rest.
        let scalars = Array(s.unicodeScalars)
        var word = String.UnicodeScalarView()
        func flush() {
            guard !word.isEmpty else { return }
            let w = String(word)
            let number = Self.isDigit(word.first!) ? Double(w.replacingOccurrences(of: ",", with: ".")) : Self.numberWords[w]
            tokens.append(Token(text: w, bytes: Array(w.utf8), number: number, negated: false,
                                isBoundary: Self.clauseWords.contains(w), original: w))
            word = String.UnicodeScalarView()
        }
        func symbol(_ text: String, boundary: Bool, original: String) {
            tokens.append(Token(text: text, bytes: Array(text.utf8), number: nil, negated: false, isBoundary: boundary, original: original))
        }
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if Self.isWordScalar(c) {
                word.append(c)
            } else if (c == "," || c == "."), let last = word.last, Self.isDigit(last), i + 1 < scalars.count, Self.isDigit(scalars[i + 1]) {
                word.append(",")
            } else {
                flush()
                if c == "°" { symbol("grad", boundary: false, original: "°") }
                switch c {
                case ",", ".", ";", ":", "!", "?", "(", ")", "\n": symbol(String(c), boundary: true, original: String(c))
                default: break
                }
            }
            i += 1
        }
        flush()
    }

    static func isDigit(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x80 ? (u.value >= 48 && u.value <= 57) : Character(u).isNumber
    }

    /// Letters, digits and the marks that belong to a letter.
    static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || (v >= 48 && v <= 57) }
        let ch = Character(u)
        if ch.isLetter || ch.isNumber { return true }
        switch u.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    mutating func markNegation() {
        var i = 0
        while i < tokens.count {
            let t = tokens[i].text
            // "feberfri", "smärtfri": free of the thing named.
            if t.count > 5, t.hasSuffix("fri") || t.hasSuffix("fria") || t.hasSuffix("free") { tokens[i].negated = true }
            guard Self.negators.contains(t) else { i += 1; continue }
            var j = i + 1
            var reach = 0
            while j < tokens.count, !tokens[j].isBoundary, reach < 4 {
                tokens[j].negated = true
                j += 1
                reach += 1
            }
            if reach == 0, i > 0, !tokens[i - 1].isBoundary, ["inte", "ej", "not"].contains(t) {
                tokens[i - 1].negated = true
            }
            i = j
        }
    }

    mutating func extractFacts() {
        for (i, t) in tokens.enumerated() {
            // Temperature: 35–43.5 with a fever word within three tokens either side.
            if let n = t.number, t.text.first!.isNumber, (35...43.5).contains(n) {
                let near = tokens[max(0, i - 3)...min(tokens.count - 1, i + 3)]
                if near.contains(where: { tok in Self.feverWords.contains { tok.text.hasPrefix($0) && (tok.text != "c" || $0 == "c") } }) {
                    fever = max(fever ?? 0, n)
                }
            }
            // Durations and stated ages: a number followed by a unit.
            if let n = t.number, i + 1 < tokens.count {
                let unit = tokens[i + 1].text
                let d: Double? = unit.hasPrefix("dag") || unit.hasPrefix("dygn") || unit.hasPrefix("day") ? 1
                    : unit.hasPrefix("veck") || unit.hasPrefix("week") ? 7
                    : unit.hasPrefix("manad") || unit.hasPrefix("man") && unit.count == 3 || unit.hasPrefix("month") ? 30
                    : unit == "ar" || unit == "aret" || unit.hasPrefix("year") ? 365
                    : unit.hasPrefix("tim") || unit.hasPrefix("hour") ? 1.0 / 24 : nil
                guard let d else { continue }
                let before = i > 0 ? tokens[i - 1].text : ""
                let after = i + 2 < tokens.count ? tokens[i + 2].text : ""
                if before == "ar" || before == "is" || after.hasPrefix("gammal") || after.hasPrefix("gamla") || after == "old" {
                    if d >= 7 { statedAgeMonths = Int(n * d / 30) }
                } else {
                    days = max(days ?? 0, Int(n * d))
                }
            }
            if t.text == "igar" || t.text == "yesterday" || t.text == "inatt" { days = max(days ?? 0, 1) }
        }
        let mentions = tokens.contains { !$0.negated && ($0.text.hasPrefix("feber") || $0.text.hasPrefix("febr") || $0.text == "fever" || $0.text == "feverish") }
        let high = zip(tokens, tokens.dropFirst()).contains { ($0.text == "hog" || $0.text == "high") && $1.text.hasPrefix("feber") || $1.text.hasPrefix("fever") && $0.text == "high" }
        if fever == nil, mentions { fever = high ? 39.5 : 38.0 }
        if let f = fever, f < 38.0, !mentions { fever = f }
    }
}
