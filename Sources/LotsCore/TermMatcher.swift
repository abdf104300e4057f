/// A catalog phrase compiled for matching against `TextAnalysis` tokens.
///
/// Each content word of the phrase is a stem that matches a token when the token starts with it
/// ("bröst" ~ "bröstet"), ends with it in a compound ("ont" ~ "halsont", stems of 3+ letters), or
/// contains it inside a compound (stems of 5+ letters, "smärta" ~ "bröstsmärtan"). The words may come in
/// any order within a window, so "ont i magen" also matches "magen gör ont". Small function words are
/// ignored. A word written `^bröst` must start the token (no compounds); `=slö` must be the whole token;
/// `#10` is any number of at least 10 (`#1.5` too). "ont" also matches words for pain ("smärta", "värk", "pain").
/// A phrase that itself contains a negation ("kan inte andas") matches negated tokens; any other
/// phrase does not. Comparison is on folded UTF-8 bytes.
public struct CompiledTerm: Sendable {
    struct Stem: Sendable {
        enum Mode: Sendable { case compound, prefix, exact, number }
        let bytes: [UInt8]
        let mode: Mode
        /// Other stems that mean the same ("ont" ~ "smärta" ~ "värk" ~ "pain").
        let synonyms: [Stem]
        /// For `#N`: the least number that matches.
        let minimum: Double

        static let ont = Array("ont".utf8)
        /// Words that mean pain wherever "ont" stands in a phrase.
        static let painWords = ["smart", "vark", "pain", "ache", "hurt", "sore"]
        /// Contractions a phrase's "not" stands for ("not talking sense" matches "isn't talking sense").
        static let notWords = ["dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "hasnt", "havent", "couldnt", "wouldnt"]

        init(_ word: String) {
            var syn: [Stem] = []
            var minimum = 0.0
            switch word.first {
            case "^": mode = .prefix; bytes = Array(word.dropFirst().utf8)
            case "=": mode = .exact; bytes = Array(word.dropFirst().utf8)
            case "#": mode = .number; bytes = []; minimum = Double(word.dropFirst().replacingOccurrences(of: "d", with: ".")) ?? 0
            default:
                mode = .compound
                bytes = Array(word.utf8)
                if word == "ont" { syn = Self.painWords.map { Stem(bytes: Array($0.utf8), mode: .compound) } }
                if word == "not" { syn = Self.notWords.map { Stem(bytes: Array($0.utf8), mode: .exact) } }
            }
            self.synonyms = syn
            self.minimum = minimum
        }

        init(bytes: [UInt8], mode: Mode) {
            self.bytes = bytes
            self.mode = mode
            self.synonyms = []
            self.minimum = 0
        }

        func matches(_ token: TextAnalysis.Token) -> Bool {
            if mode == .number { return (token.number ?? -1) >= minimum && token.text.first?.isNumber == true }
            return matches(inWord: token) || synonyms.contains { $0.matches(inWord: token) }
        }

        /// A match inside a compound counts only where a compound part begins: not where a longer known word that
        /// starts earlier in the token runs across it ("slag" is no part of "nässelutslag", whose last part is
        /// "utslag"; "fall" none of "krampanfall").
        private func matches(inWord token: TextAnalysis.Token) -> Bool {
            guard let p = matchStart(token.bytes) else { return false }
            guard p > 0 else { return true }
            // A word that begins with a linking "s" right before the stem is the stem's own part ("visdoms|tand",
            // not "stand").
            let end = p + bytes.count, linked = token.bytes[p - 1] == UInt8(ascii: "s")
            // A three-letter word ends a compound only after a known first part ("hals|ont"): "jobbet" is no "bet",
            // "kissar" no "sår". "ont" after any first part is pain ("svinont", "skitont").
            if bytes.count <= 3, end == token.bytes.count, bytes != Self.ont, let heads = token.heads, p < 64,
               heads & (1 << UInt64(p)) == 0, !(linked && heads & (1 << UInt64(p - 1)) != 0) { return false }
            return !token.innerWords.contains { $0.lowerBound < p && $0.upperBound >= end && !(linked && $0.lowerBound == p - 1) }
        }

        func matches(_ token: [UInt8]) -> Bool { matchStart(token) != nil }

        /// Where in `token` the stem matches (0 for the token's start), or nil.
        func matchStart(_ token: [UInt8]) -> Int? {
            let n = bytes.count, m = token.count
            guard m >= n else { return nil }
            if mode == .exact { return m == n && token == bytes ? 0 : nil }
            // A one-letter word is itself ("p" in "p-stav" is not "på"); a two-letter one inflects but does not
            // begin longer words ("dö" ~ "dör", "döda", not "dotter").
            if n == 1 { return m == 1 && token == bytes ? 0 : nil }
            if n == 2, m > n + 2 { return nil }
            if token.starts(with: bytes) { return 0 }
            guard mode == .compound, m > n + 2 else { return nil }
            if n >= 3, token[(m - n)...].elementsEqual(bytes) { return m - n }
            guard n >= 5 else { return nil }
            var i = 1
            while i + n <= m {
                if token[i] == bytes[0], token[i..<(i + n)].elementsEqual(bytes) { return i }
                i += 1
            }
            return nil
        }
    }

    public let phrase: String
    let stems: [Stem]
    /// The stems' ids in the engine's `StemIndex` (empty until the engine interns them).
    var stemIds: [Int32] = []
    let acceptsNegated: Bool
    /// The phrase is of a history finding and counts where the text tells it as years ago (`Finding.history`).
    var acceptsRemote = false
    /// The phrase itself joins two statements ("skakade och svarade inte"): its words may stand on both sides of
    /// a clause word in the text (never of punctuation).
    let joinsClauses: Bool
    /// The phrase kept its small words around one content word ("fött i", "kissade på mig"): they say what the word
    /// means only in the phrase's order ("i fötterna" is no "fött i").
    let ordered: Bool
    /// The negation opens or closes the phrase ("andas inte", "not breathing"): then a qualifier right after
    /// it ("andas inte normalt", "not breathing properly") means something else, and the phrase does not match.
    let negationAtEdge: Bool
    /// Manner words after the denial deny only the manner ("andas inte snabbt eller tungt" is breathing).
    static let qualifiers: Set<String> = ["normalt", "ordentligt", "bra", "riktigt", "som", "lika", "sa", "sarskilt", "helt", "djupt", "av", "by",
                                          "normally", "properly", "well", "right", "like", "as", "very", "deeply", "fully", "too",
                                          "snabbt", "fort", "fortare", "snabbare", "tungt", "tyngre", "anstrangt", "konstigt", "annorlunda", "pipigt", "vasande", "hackigt",
                                          "ytligt", "fast", "faster", "quicker", "quickly", "rapidly", "heavily", "hard", "strangely", "weird", "funny", "noisily"]
    /// Specificity: total stem length, so longer, multi-word phrases win over single short words.
    public let weight: Int
    /// Whether stem k repeats an earlier one: a word the phrase says twice ("anfall efter anfall") needs two tokens.
    let repeats: [Bool]

    static let reflexives: Set<String> = ["mig", "sig", "dig"]
    static let degreeWords: Set<String> = ["valdigt", "mycket", "bara", "sa", "for", "jatte", "extremt", "otroligt", "ganska"]
    /// Degree words and copulas: they stand between a thing and what is said of it without parting them.
    static let linkWords: Set<String> = degreeWords.union(["very", "really", "so", "extremely", "super", "quite", "pretty", "totally", "all",
                                                           "are", "is", "was", "were", "been", "got", "gotten", "getting", "become", "became",
                                                           "look", "looks", "seem", "seems", "blev", "blivit", "blir",
                                                           "helt", "alldeles", "riktigt", "valdigt", "rejalt", "jattemycket"])
    /// Words that may stand between a negator and what it denies ("inga fler andetag", "not any air").
    static let smallWords: Set<String> = ["alls", "nagon", "nagot", "nagra", "mer", "fler", "langre", "nan", "riktig", "any", "more", "longer", "some"]
    static let stopWords: Set<String> = ["i", "pa", "att", "som", "av", "med", "har", "jag", "min", "mitt", "mina", "en", "ett",
                                         "the", "a", "of", "in", "my", "on", "to", "is", "det", "den", "sig", "mig", "for", "om", "vid",
                                         "nar", "when", "ar", "sa", "lite", "han", "hon", "hen"]

    public init(_ phrase: String) {
        self.phrase = phrase
        // "#1.5" keeps its decimal (written "#1d5" inside, since "." splits words).
        let decimals = phrase.replacingOccurrences(of: #"#(\d+)[.,](\d+)"#, with: "#$1d$2", options: .regularExpression)
        var words = TextAnalysis.joinContractions(TextAnalysis.fold(decimals).split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "^" && $0 != "=" && $0 != "#" }).map { TextAnalysis.readAs[String($0)] ?? String($0) })
        // An idiom's small words are kept, as whole words ("ont i magen då och då" is not any "ont i magen").
        for k in words.indices.dropFirst().dropLast() where TextAnalysis.isIdiom(Array(words[(k - 1)...(k + 1)])) {
            for j in (k - 1)...(k + 1) { words[j] = "=" + words[j] }
        }
        // "lite" after a word of degree is a quantity, not a hedge: "kissar väldigt lite" is not "kissar väldigt mycket".
        for k in words.indices.dropFirst() where words[k] == "lite" && Self.degreeWords.contains(words[k - 1]) {
            words[k - 1] = "=" + words[k - 1]; words[k] = "=lite"
        }
        let negating = words.contains { TextAnalysis.negators.contains($0) }
        self.joinsClauses = words.dropFirst().dropLast().contains { TextAnalysis.clauseWords.contains($0) }
        // Clause words ("och", "and") end a statement in the text, so a phrase cannot require them.
        var content = words.filter { !(Self.stopWords.contains($0) || TextAnalysis.clauseWords.contains($0)) || words.count == 1 }
        // A phrase never shrinks to one word: "kissade på mig" is not "kissade" (which "kissade i blöjan" also says),
        // "dricker för lite" is not "dricker". When one word would be left, the small words stay, as whole words.
        let ordered = content.count == 1 && words.count > 1
        if ordered {
            content = words.map { content.contains($0) ? $0 : "=" + $0 }
        }
        self.ordered = ordered
        let chosen = content.isEmpty ? words : content
        self.stems = chosen.map(Stem.init)
        self.acceptsNegated = negating
        self.negationAtEdge = negating && (chosen.first.map { TextAnalysis.negators.contains($0) } == true
                                            || chosen.last.map { TextAnalysis.negators.contains($0) } == true)
        self.weight = stems.reduce(0) { $0 + $1.bytes.count } + 2 * (stems.count - 1)
        let stems = self.stems
        self.repeats = stems.indices.map { k in stems[..<k].contains { $0.bytes == stems[k].bytes && $0.mode == stems[k].mode } }
    }

    /// Where the phrase matched, if it did.
    public struct Match: Sendable {
        public var term: CompiledTerm
        public var tokenRange: ClosedRange<Int>
        public var negated: Bool
        public var score: Double
        /// A hedge ("kanske") covers one of the words.
        public var uncertain: Bool = false
        /// One of the words was read through a spelling correction.
        public var corrected: Bool = false
    }

    /// The best match in `text`, or nil at once when one of the stems matched no token (`StemIndex.matched`).
    func match(in text: TextAnalysis, matched: [Bool]) -> Match? {
        for id in stemIds where !matched[Int(id)] { return nil }
        return match(in: text)
    }

    /// The best match in `text`: stems in any order within a window of `stems.count + 5` tokens.
    public func match(in text: TextAnalysis) -> Match? {
        let tokens = text.tokens
        guard let first = stems.first else { return nil }
        var best: Match?
        for i in tokens.indices where !tokens[i].isBoundary && first.matches(tokens[i]) {
            let lo = max(0, i - stems.count - 5), hi = min(tokens.count - 1, i + stems.count + 5)
            var used: [Int] = [i]
            var ok = true
            for (k, stem) in stems.enumerated().dropFirst() {
                let repeated = repeats[k]
                // The nearest token matching this stem, allowing the same token for compounds.
                var found: Int?
                if acceptsNegated {
                    // A negation changes meaning with word order ("vaknar inte" is not "inte vakna"): keep the phrase's order.
                    var j = used.last! + 1
                    // Within the next two content words (the phrase drops small words, so the text may have
                    // them: "inte när jag sitter still"). A content word right after a negator is what it denies
                    // ("no trouble breathing" is not "no breathing"): after a negator, only a small word may come between.
                    let afterNegator = TextAnalysis.negators.contains(tokens[used.last!].text)
                    var content = 0
                    while j <= hi, content < 2, found == nil, !tokens[j].isBoundary || (joinsClauses && tokens[j].bytes.count > 1) {
                        if stem.matches(tokens[j]) { found = j; break }
                        let small = Self.stopWords.contains(tokens[j].text) || Self.smallWords.contains(tokens[j].text)
                        if !small { content += 1; if afterNegator { break } }
                        j += 1
                    }
                    guard let c = found else { ok = false; break }
                    used.append(c)
                    continue
                }
                for d in 0...(hi - lo) {
                    for j in [i - d, i + d] where j >= lo && j <= hi && !tokens[j].isBoundary && !(repeated && used.contains(j)) && stem.matches(tokens[j]) {
                        found = j
                        break
                    }
                    if found != nil { break }
                }
                guard let c = found else { ok = false; break }
                used.append(c)
            }
            guard ok else { continue }
            // The nearest token may be the wrong one of a word said twice ("andas med högt ljud när han andas in"):
            // when the nearest ones are out of order, the phrase's words read in order win if they are there.
            // Only close together: far apart, words in order are as likely to belong to different statements.
            if stems.count > 1, used != used.sorted(), let inOrder = forward(from: i, to: hi, in: tokens),
               inOrder.last! - i < stems.count + 3 { used = inOrder }
            if ordered, used != used.sorted() { continue }
            // A number belongs to the word beside it: "#10 tabletter" is ten tablets, not an age, a dose or a pain
            // score elsewhere in the window ("15 och vill börja med p-piller"). It counts the word after it
            // ("tog #10 waran" is no "pappa 81 tog sin waran"); a phrase's last number follows the word before it.
            if stems.count > 1, stems.indices.contains(where: { k in
                guard stems[k].mode == .number else { return false }
                if k + 1 < used.count { return !(1...2).contains(used[k + 1] - used[k]) }
                return !(1...2).contains(used[k] - used[k - 1])
            }) { continue }
            let range = used.min()!...used.max()!
            // Words out of the phrase's order ("magen gör ont" for "ont i magen") must stand together, one word between at most: far
            // apart they usually belong to different statements ("ont i magen och har svårt" is not "svårt ont").
            // Degree words and copulas between them do not part them ("lips are very swollen", "läpparna har blivit
            // jättesvullna").
            if stems.count > 1, used != used.sorted(),
               range.count - tokens[range].filter({ Self.linkWords.contains($0.text) }).count > stems.count + 1 { continue }
            // A clause boundary inside the span means the words belong to different statements.
            if stems.count > 1, tokens[range].contains(where: { $0.isBoundary && $0.bytes.count == 1 }) { continue }
            if negationAtEdge, range.upperBound + 1 < tokens.count, Self.qualifiers.contains(tokens[range.upperBound + 1].text) { continue }
            // Words that all tell of years ago are history ("fick en stroke för sex år sedan").
            if !acceptsRemote, used.allSatisfy({ tokens[$0].remote }) { continue }
            let negated = !acceptsNegated && used.contains { tokens[$0].negated }
            let compact = Double(stems.count) / Double(range.count)
            var m = Match(term: self, tokenRange: range, negated: negated, score: Double(weight) + compact)
            m.uncertain = used.contains { tokens[$0].uncertain }
            m.corrected = used.contains { tokens[$0].corrected }
            if best == nil || (best!.negated && !negated) || (best!.negated == negated && m.score > best!.score) { best = m }
        }
        return best
    }

    /// The phrase's words in its order from token `i` (the first word) up to `hi`, each the first that matches.
    func forward(from i: Int, to hi: Int, in tokens: [TextAnalysis.Token]) -> [Int]? {
        var used = [i]
        for stem in stems.dropFirst() {
            var j = used.last! + 1
            while j <= hi, tokens[j].isBoundary || !stem.matches(tokens[j]) { j += 1 }
            guard j <= hi else { return nil }
            used.append(j)
        }
        return used
    }
}
