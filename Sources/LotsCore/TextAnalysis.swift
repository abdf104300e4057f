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
        /// Inside the reach of a hedge ("kanske", "maybe"): still counted, but said in the rationale.
        public var uncertain: Bool = false
        /// The word was misspelt and read as the catalog's spelling (`original` keeps what was written).
        public var corrected: Bool = false
        /// Known catalog words that begin after the token's first letter ("utslag" in "nässelutslag"), as byte
        /// ranges: a compound's parts, set by the engine (`StemIndex.innerWords`).
        public var innerWords: [Range<Int>] = []
        /// Lengths of the catalog words of three letters or more that the token begins with ("hals" in "halsont"),
        /// as bits (bit n: a word of n letters; lengths under 64), nil until the engine sets them (`StemIndex.headLengths`).
        public var heads: UInt64?
        /// In a clause about years ago ("för sex år sedan"): history, not what the patient has now (`markRemotePast`).
        public var remote: Bool = false
    }

    /// The tokens; the engine may correct a misspelt word to the catalog's spelling (`TypoIndex`).
    public internal(set) var tokens: [Token] = []
    /// Highest temperature mentioned with a fever word nearby, or 38.0 for a bare mention of fever.
    public internal(set) var fever: Double?
    /// A fever the text says is over ("febern släppte igår"); counted only in an infant (`keepEndedFever`).
    public internal(set) var resolvedFever: Double?
    /// Longest duration mentioned ("sedan tre veckor" → 21), in days.
    public internal(set) var days: Int?
    /// An age stated in the text ("är 2 månader", "3 veckor gammal"), in months.
    public internal(set) var statedAgeMonths: Int?
    /// Longest duration mentioned, in hours (finer than `days` for "sedan en timme").
    public internal(set) var hours: Double?
    /// Highest systolic blood pressure written as `190/110`.
    public private(set) var systolic: Int?
    /// The lowest and the highest pulse stated ("pulsen visar 36-40"), per minute (`extractVitals`).
    public internal(set) var pulseLow: Int?
    public internal(set) var pulseHigh: Int?
    /// The lowest oxygen saturation stated ("saturationen 88"), in per cent.
    public internal(set) var saturation: Int?
    /// The lowest and highest blood sugar stated ("blodsockret 2,6"), in mmol/l.
    public internal(set) var glucoseLow: Double?
    public internal(set) var glucoseHigh: Double?
    /// The week of pregnancy stated ("gravid i vecka 30", "v 28", "34 weeks pregnant").
    public private(set) var pregnancyWeek: Int?
    /// A number with a unit that may be an age or a duration ("Pojken 12 år ramlade", "10 månader, förkyld"):
    /// decided by `resolveAges(givenYears:)` once the patient's age is known.
    var ambiguousSpans: [(months: Int, days: Int, hours: Double, years: Bool)] = []
    /// A pain score on the 0–10 scale ("8/10", "8 av 10", "9 out of 10").
    public private(set) var painScore: Int?

    static let negators: Set<String> = ["ingen", "inga", "inget", "inte", "ej", "utan", "aldrig", "icke", "varken",
                                        "no", "not", "without", "never", "nor", "dont", "doesnt", "havent", "hasnt", "didnt", "cant", "isnt",
                                        "cannot", "wont", "arent", "wasnt", "denies"]
    static let clauseWords: Set<String> = ["men", "och", "but", "and", "dock", "although", "however", "eftersom", "because",
                                           "though", "samt", "sedan", "since", "nu", "now", "then", "da"]
    /// Words of quantity after "typ" that make it an estimate ("typ alla sina tabletter"), not a hedge.
    static let allWords: Set<String> = ["alla", "allt", "hela", "all", "whole"]
    /// Hedges: what follows is uncertain, not absent.
    static let hedges: Set<String> = ["kanske", "eventuellt", "mojligen", "mojligtvis", "tror", "typ", "maybe", "perhaps", "possibly",
                                      "might", "think", "unsure", "osaker"]
    /// Words that make an age of a number and unit ("min 3 månaders bebis", "a 6 week old").
    static let personWords: Set<String> = ["bebis", "bebisen", "baby", "barn", "barnet", "son", "sonen", "dotter", "dottern", "flicka",
                                           "pojke", "kille", "tjej", "grabb", "infant", "bebbe", "spadbarn", "lillebror", "lillasyster",
                                           "pojken", "flickan", "killen", "tjejen", "grabben", "lillkillen", "lilltjejen", "lillen", "lillan",
                                           "babyn", "bebben", "ungen", "minstingen", "storebror", "storasyster", "child", "kid", "toddler"]
    /// Grown-ups a text is written about: "farfar 90 år", "my husband 81 years" state an age, not a duration.
    static let relativeWords: Set<String> = ["pappa", "mamma", "farfar", "farmor", "morfar", "mormor", "maken", "make", "frun", "fru",
                                             "sambo", "sambon", "bror", "brodern", "syster", "systern", "kvinna", "man", "dad", "mum", "mom",
                                             "father", "mother", "husband", "wife", "grandpa", "grandma", "grandfather", "grandmother",
                                             "brother", "sister", "partner", "patient", "patienten", "granny"]
    /// Swedish words for an N-year-old child.
    static let yearOldWords: [String: Int] = ["ettaring": 1, "tvaaring": 2, "trearing": 3, "fyraaring": 4, "femaring": 5, "sexaring": 6,
                                              "sjuaring": 7, "attaring": 8, "nioaring": 9, "tioaring": 10]
    static let numberWords: [String: Double] = [
        "en": 1, "ett": 1, "one": 1, "a": 1, "tva": 2, "two": 2, "par": 2, "tre": 3, "three": 3, "fyra": 4, "four": 4,
        "fem": 5, "five": 5, "sex": 6, "six": 6, "sju": 7, "seven": 7, "atta": 8, "eight": 8, "nio": 9, "nine": 9,
        "tio": 10, "ten": 10, "elva": 11, "tolv": 12, "fjorton": 14, "femton": 15, "tjugo": 20, "nagra": 3, "flera": 3, "several": 3, "few": 3, "many": 4]
    static let feverWords = ["feber", "grad", "temp", "fever", "degree", "febr", "c", "rektal", "orontemp", "matte", "mat", "termometer", "thermometer"]

    /// Units after a number in the fever range that make it something else ("42 nmol/L" of vitamin D).
    static let notTemperatureUnits: Set<String> = ["ar", "years", "year", "kg", "cm", "mm", "dagar", "days", "veckor", "weeks",
                                                   "nmol", "mmol", "umol", "mg", "ml", "mikrogram", "enheter", "units", "procent", "percent"]
    public init(_ text: String) {
        systolic = Self.bloodPressure(in: text)
        painScore = Self.painScore(in: Self.fold(text))
        tokenize(Self.fold(text))
        markNegation()
        markRemotePast()
        extractFacts()
        extractVitals()
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

    /// "8/10", "8 av 10", "8 of 10", "8 out of 10", "smärta 8 av 10": the highest score 0–10.
    static func painScore(in folded: String) -> Int? {
        guard folded.contains("10") else { return nil }
        let t = Array(folded.unicodeScalars)
        var best: Int?
        var i = 0
        while i < t.count {
            // A score: one or two digits not preceded by a digit or a decimal mark.
            guard isDigit(t[i]), i == 0 || !(isDigit(t[i - 1]) || t[i - 1] == "," || t[i - 1] == ".") else { i += 1; continue }
            var j = i, n = 0
            while j < t.count, isDigit(t[j]), j - i < 3 { n = n * 10 + Int(t[j].value - 48); j += 1 }
            if j < t.count, isDigit(t[j]) { i = j; continue }
            var k = j
            while k < t.count, t[k] == " " { k += 1 }
            var rest = String(String.UnicodeScalarView(t[k..<min(t.count, k + 12)]))
            var matchedSep = false
            for sep in ["/", "av ", "of ", "out of ", "utav "] where rest.hasPrefix(sep) {
                rest = String(rest.dropFirst(sep.count)).trimmingCharacters(in: .whitespaces)
                matchedSep = true
                break
            }
            if matchedSep, rest.hasPrefix("10"), !rest.dropFirst(2).hasPrefix("0"), n <= 10 { best = max(best ?? 0, n) }
            i = j
        }
        return best
    }

    /// Past forms of the auxiliaries phrases are written with, read as the present ("har inte kunnat kissa" is
    /// "kan inte kissa", "fick inte luft" is "får inte luft"); catalog phrases are read the same way.
    /// Only perfect forms: they say the state lasts ("har inte kunnat"); a simple past ("kunde inte", "fick inte")
    /// often tells of something over.
    /// "ej" is read as "inte" (session 7: "kan ej gå på foten" missed every "kan inte …" phrase), in the text and
    /// in the catalog's phrases alike.
    /// Text-message abbreviations are read as the words they stand for ("blöder mkt", "ngt i ögat"), only those
    /// that mean nothing else.
    static let readAs: [String: String] = ["kunnat": "kan", "fatt": "far", "orkat": "orkar", "ej": "inte",
                                           "cannot": "cant", "unable": "cant",
                                           "mkt": "mycket", "ngt": "nagot", "ngn": "nagon", "ngra": "nagra", "ngr": "nagra",
                                           "fr": "fran", "dgr": "dagar", "ggr": "ganger",
                                           // A phone nurse's shorthand ("krampar sed 6 min", "rycker fortf", "ont hö sida").
                                           "sed": "sedan", "fortf": "fortfarande", "illam": "illamaende", "blodn": "blodning",
                                           "inandn": "inandning", "utandn": "utandning", "ho": "hoger", "kv": "kvall",
                                           // "andar in" is how "andas in" is often typed ("det piper när han andar in").
                                           "andar": "andas"]

    /// The length of a Swedish ending after an abbreviation's colon ("ICD:n", "EKG:et"): one to three letters that end
    /// the word; nil otherwise.
    static func abbreviationSuffix(_ scalars: [Unicode.Scalar], after colon: Int) -> Int? {
        var n = 0
        while colon + 1 + n < scalars.count, isWordScalar(scalars[colon + 1 + n]), !isDigit(scalars[colon + 1 + n]) { n += 1 }
        let endsWord = colon + 1 + n == scalars.count || !isWordScalar(scalars[colon + 1 + n])
        return (1...3).contains(n) && endsWord ? n : nil
    }

    /// Splits on anything that is not a letter or digit; "38,5" and "38.5" stay one number token.
    mutating func tokenize(_ s: String) {
        // By scalars: the text is folded (lowercase, no diacritics), so nearly every scalar is ASCII and the
        // Unicode properties are asked only for the rest.
        let scalars = Array(s.unicodeScalars)
        var word = String.UnicodeScalarView()
        func flush() {
            guard !word.isEmpty else { return }
            var w = Self.readAs[String(word)] ?? String(word)
            // "i höstas" (last autumn) folds to the same letters as "hostas" (coughed): read it as the season.
            if w == "hostas", tokens.last?.text == "i" { w = "autumn" }
            let number = Self.isDigit(word.first!) ? Double(w.replacingOccurrences(of: ",", with: ".")) : Self.numberWords[w]
            tokens.append(Token(text: w, bytes: Array(w.utf8), number: number, negated: false,
                                isBoundary: Self.clauseWords.contains(w), original: String(word)))
            word = String.UnicodeScalarView()
        }
        func symbol(_ text: String, boundary: Bool, original: String) {
            tokens.append(Token(text: text, bytes: Array(text.utf8), number: nil, negated: false, isBoundary: boundary, original: original))
        }
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if Self.isWordScalar(c) {
                // "v34", "38grader": a word turns into a number or back; split there.
                if let last = word.last, last != ",", Self.isDigit(last) != Self.isDigit(c) { flush() }
                word.append(c)
            } else if (c == "," || c == "."), let last = word.last, Self.isDigit(last), i + 1 < scalars.count, Self.isDigit(scalars[i + 1]) {
                word.append(",")
            } else if c == ":", let last = word.last, Self.isDigit(last), i + 1 < scalars.count, scalars[i + 1].properties.isAlphabetic {
                // "var 4:e timme": an ordinal, not a pause.
                flush()
            } else if c == ":", let last = word.last, !Self.isDigit(last), let n = Self.abbreviationSuffix(scalars, after: i) {
                // "ICD:n", "EKG:t", "CRP:et": an abbreviation's ending, not a pause; the word is the abbreviation.
                flush()
                i += n
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
        joinPhrasing()
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

    /// "feber", "febern", "febrig", "fever", "feverish"; not "februari" (session 7: a trip in February was a fever).
    static func isFeverWord(_ w: String) -> Bool {
        (w.hasPrefix("feber") || w.hasPrefix("febr") || w == "fever" || w == "feverish") && !isMonthName(w)
    }

    static func isMonthName(_ w: String) -> Bool { w.hasPrefix("februar") || w.hasPrefix("february") }

    mutating func extractFacts() {
        var lastEvidence: Int?
        for (i, t) in tokens.enumerated() {
            // Temperature: 35–43.5 with a fever word within three tokens either side; a decimal 37.5–42.9
            // ("38,1 rektalt") or "har/haft 39" is a temperature without one.
            if let n = t.number, t.text.first!.isNumber, (35...43.5).contains(n), !followsAMeasureOtherThanTemperature(i),
               !(i + 1 < tokens.count && Self.notTemperatureUnits.contains(tokens[i + 1].text)) {
                let near = tokens[max(0, i - 3)...min(tokens.count - 1, i + 3)]
                let before = i > 0 ? tokens[i - 1].text : ""
                if near.contains(where: { tok in !Self.isMonthName(tok.text) && Self.feverWords.contains { tok.text.hasPrefix($0) && ($0 != "c" || tok.text == "c") } })
                    || (t.text.contains(",") && (37.5...42.9).contains(n))
                    || ((["har", "haft", "pa", "uppe", "had", "has", "of", "around", "kring", "runt"].contains(before)
                         || ["jag", "han", "hon", "hen", "he", "she"].contains(before) && i > 1 && ["har", "hade", "has", "had"].contains(tokens[i - 2].text))
                        && (38...42).contains(n)) {
                    fever = max(fever ?? 0, n)
                    lastEvidence = i
                }
            }
            // Fahrenheit, as visitors write it ("100.9 F", "103 degrees fahrenheit", "temp 101.3"): read as °C.
            if let c = fahrenheitFever(at: i) {
                fever = max(fever ?? 0, c)
                lastEvidence = i
            }
            // Durations and stated ages: a number followed by a unit.
            if let n = t.number, i + 1 < tokens.count {
                let unit = tokens[i + 1].text
                let d: Double? = unit.hasPrefix("dag") || unit == "dgr" || unit.hasPrefix("dygn") || unit.hasPrefix("day") ? 1
                    : unit.hasPrefix("veck") || unit.hasPrefix("week") || unit == "v" || unit == "wk" || unit == "wks" ? 7
                    : unit.hasPrefix("manad") || unit.hasPrefix("man") && unit.count == 3 || unit.hasPrefix("month") || unit == "mo" || unit == "mos" ? 30
                    : unit.hasPrefix("halvar") ? 182
                    : unit == "ar" || unit == "aret" || unit == "ars" || unit.hasPrefix("year") || unit == "yr" || unit == "yrs" || unit == "yo" ? 365
                    : unit.hasPrefix("tim") || unit.hasPrefix("hour") || unit == "h" ? 1.0 / 24
                    : unit.hasPrefix("minut") || unit == "min" ? 1.0 / 1440 : nil
                guard let d else { continue }
                // "en är nog 2 cm": "år" is neuter ("ett år"), so "en" before a folded "ar" is "one is", no year.
                if t.text == "en", d == 365 { continue }
                // "första passet på flera år", "first time in years": since when, not how long this has lasted.
                if d == 365, i > 0, ["pa", "in"].contains(tokens[i - 1].text) { continue }
                // "1 år 5 mån", "2 years and 3 months": the months add to an age just stated in years.
                if d == 30, let y = yearsJustBefore(i), statedAgeMonths == y * 12 {
                    statedAgeMonths = y * 12 + Int(n)
                    continue
                }
                if isStatedAge(number: i, unit: unit) {
                    if d >= 1 { statedAgeMonths = Int(d == 365 ? n * 12 : n * d / 30) }
                } else if d >= 7, !isDuration(number: i) {
                    ambiguousSpans.append((Int(d == 365 ? n * 12 : n * d / 30), Int(n * d), n * d * 24, d == 365))
                } else if !t.remote {
                    // A duration told as history ("stelkrampsspruta för 5 år sedan") is not how long this has lasted.
                    lasted(days: Int(n * d), hours: n * d * 24)
                }
            }
            if let years = Self.yearOldWords[t.text] { statedAgeMonths = years * 12 }
            if statedAgeMonths == nil, ["nyfodd", "nyfodda", "nyfodde", "newborn", "nyfodingen", "nyfoding"].contains(t.text) { statedAgeMonths = 0 }
            if let w = pregnancyWeek(at: i) { pregnancyWeek = w }
            if let d = illnessDay(at: i), !t.remote { lasted(days: d) }
            if let d = daysSinceSeason(at: i) { lasted(days: d) }
            if t.text == "igar" || t.text == "yesterday" || t.text == "inatt" || t.text == "igarkvall" { lasted(days: 1, hours: 12) }
        }
        let mentionAt = tokens.lastIndex { !$0.negated && Self.isFeverWord($0.text) }
        let mentions = mentionAt != nil
        let high = zip(tokens, tokens.dropFirst()).contains { ($0.text == "hog" || $0.text == "high") && $1.text.hasPrefix("feber") || $1.text.hasPrefix("fever") && $0.text == "high" }
        if fever == nil, mentions { fever = high ? 39.5 : 38.0 }
        if let f = fever, f < 38.0, !mentions { fever = f }
        // The mention that says it ended ("febern släppte") is no evidence of fever after the end.
        let end = feverEnd()
        let laterMention = mentionAt.flatMap { m in end.map { m > $0 } == true ? m : nil }
        clearEndedFever(at: end, lastEvidence: [lastEvidence, laterMention].compactMap { $0 }.max())
    }

    /// Whether the number at `i` with its unit states an age rather than how long something has lasted:
    /// "är 2 månader", "3 veckor gammal", "min 3 månaders bebis", "bebis på 6 veckor", "a 6 week old".
    func isStatedAge(number i: Int, unit: String) -> Bool {
        let before = i > 0 ? tokens[i - 1].text : ""
        let before2 = i > 1 ? tokens[i - 2].text : ""
        let after = i + 2 < tokens.count ? tokens[i + 2].text : ""
        if ["ar", "e", "is", "aged", "age", "alder", "blev", "turned", "fyller", "fyllde"].contains(before) || unit == "yo" { return true }
        // "sonen 2 år har feber", "min dotter 10 mån", "my son 3 months"
        if Self.personWords.contains(before) || Self.relativeWords.contains(before) || ["daughter", "boy", "girl", "hon", "han", "hen", "he", "she"].contains(before) { return true }
        if after.hasPrefix("gammal") || after.hasPrefix("gamla") || after == "old" || after == "gml" { return true }
        if before == "pa" && Self.personWords.contains(before2) { return true }
        // "föddes för tre veckor sedan", "born 3 weeks ago"
        if before == "for" && ["fodd", "foddes", "fodda"].contains(before2) || before == "born" { return true }
        // Genitive: "3 månaders bebis" (an age), but "3 dagars feber" (a duration).
        if unit.hasSuffix("s") || unit.hasSuffix("ars") { if Self.personWords.contains(after) { return true } }
        if (unit.hasPrefix("month") || unit.hasPrefix("week") || unit.hasPrefix("year")), Self.personWords.contains(after) || after == "son" || after == "daughter" || after == "boy" || after == "girl" { return true }
        return false
    }

    /// "i vecka 30", "gravid v 28", "vecka 34 av graviditeten", "34 weeks pregnant", "gravid 35 veckor": a week 4–43 at
    /// token `i`.
    func pregnancyWeek(at i: Int) -> Int? {
        let t = tokens[i].text
        if ["vecka", "v", "week", "graviditetsvecka", "gravidvecka", "gv"].contains(t), i + 1 < tokens.count, let n = tokens[i + 1].number,
           (4...43).contains(n), n == n.rounded() {
            if t == "gv" { return Int(n) }
            let before = i > 0 ? tokens[i - 1].text : ""
            let after = i + 2 < tokens.count ? tokens[i + 2].text : ""
            if ["i", "ar", "gravid", "pregnant", "in", "graviditetsvecka", "nu", "grav", "preg", ",", ".", "vara", "be"].contains(before) || i == 0 || t.hasPrefix("grav")
                || after.hasPrefix("grav") || after == "pregnant" || before == "" {
                return Int(n)
            }
        }
        if let n = t.first?.isNumber == true ? tokens[i].number : nil, (4...43).contains(n), i + 2 < tokens.count,
           tokens[i + 1].text.hasPrefix("week") || tokens[i + 1].text.hasPrefix("veck"), tokens[i + 2].text == "pregnant" || tokens[i + 2].text.hasPrefix("grav") {
            return Int(n)
        }
        // "gravid 35 veckor", "pregnant 36 weeks", "gravid i 35 veckor"
        if let n = t.first?.isNumber == true ? tokens[i].number : nil, (4...43).contains(n), n == n.rounded(), i + 1 < tokens.count,
           tokens[i + 1].text.hasPrefix("week") || tokens[i + 1].text.hasPrefix("veck"),
           tokens[max(0, i - 2)..<i].contains(where: { $0.text.hasPrefix("gravid") || $0.text == "pregnant" }) {
            return Int(n)
        }
        return nil
    }
}
