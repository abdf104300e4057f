/// A catalog phrase compiled for matching against `TextAnalysis` tokens.
///
/// Each content word of the phrase is a stem that matches a token when the token starts with it
/// ("bröst" ~ "bröstet"), ends with it in a compound ("ont" ~ "halsont", stems of 3+ letters), or
/// contains it inside a compound (stems of 5+ letters, "smärta" ~ "bröstsmärtan"). The words may come in
/// any order within a window, so "ont i magen" also matches "magen gör ont". Small function words are
/// ignored. A word written `^bröst` must start the token (no compounds); `=slö` must be the whole token.
/// A phrase that itself contains a negation ("kan inte andas") matches negated tokens; any
/// other phrase does not.
public struct CompiledTerm: Sendable {
    public let phrase: String
    let stems: [String]
    let acceptsNegated: Bool
    /// Specificity: total stem length, so longer, multi-word phrases win over single short words.
    public let weight: Int

    static let stopWords: Set<String> = ["i", "pa", "att", "som", "av", "med", "har", "jag", "min", "mitt", "mina", "en", "ett",
                                         "the", "a", "of", "in", "my", "on", "to", "is", "det", "den", "sig", "mig", "for", "om", "vid", "nar", "when", "ar", "sa", "lite", "han", "hon", "hen"]

    public init(_ phrase: String) {
        self.phrase = phrase
        let words = TextAnalysis.fold(phrase).split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "^" && $0 != "=" }).map(String.init)
        let negating = words.contains { TextAnalysis.negators.contains($0) }
        let content = words.filter { !Self.stopWords.contains($0) || words.count == 1 }
        self.stems = content.isEmpty ? words : content
        self.acceptsNegated = negating
        self.weight = stems.reduce(0) { $0 + $1.filter { $0 != "^" && $0 != "=" }.count } + 2 * (stems.count - 1)
    }

    /// Where the phrase matched, if it did.
    public struct Match: Sendable {
        public var term: CompiledTerm
        public var tokenRange: ClosedRange<Int>
        public var negated: Bool
        public var score: Double
    }

    static func stemMatches(_ stem: String, _ token: String) -> Bool {
        if stem.first == "=" { return token == stem.dropFirst() }
        if stem.first == "^" { return token.hasPrefix(stem.dropFirst()) }
        if token.hasPrefix(stem) { return true }
        if stem.count >= 3, token.count > stem.count + 2, token.hasSuffix(stem) { return true }
        if stem.count >= 5, token.count > stem.count + 2, token.contains(stem) { return true }
        return false
    }

    /// The best match in `text`: stems in any order within a window of `stems.count + 5` tokens.
    public func match(in text: TextAnalysis) -> Match? {
        let tokens = text.tokens
        guard let first = stems.first else { return nil }
        var best: Match?
        for (i, tok) in tokens.enumerated() where !tok.isBoundary && Self.stemMatches(first, tok.text) {
            let lo = max(0, i - stems.count - 5), hi = min(tokens.count - 1, i + stems.count + 5)
            var used: [Int] = [i]
            var ok = true
            for stem in stems.dropFirst() {
                // The nearest token matching this stem, allowing the same token for compounds.
                let candidates = (lo...hi).filter { !tokens[$0].isBoundary && Self.stemMatches(stem, tokens[$0].text) }
                guard let c = candidates.min(by: { abs($0 - i) < abs($1 - i) }) else { ok = false; break }
                used.append(c)
            }
            guard ok else { continue }
            let range = used.min()!...used.max()!
            // A clause boundary inside the span means the words belong to different statements.
            if stems.count > 1, tokens[range].contains(where: { $0.isBoundary && $0.text.count == 1 && ",.;!?".contains($0.text) }) { continue }
            let negated = !acceptsNegated && used.contains { tokens[$0].negated }
            let compact = Double(stems.count) / Double(range.count)
            let m = Match(term: self, tokenRange: range, negated: negated, score: Double(weight) + compact)
            if best == nil || (best!.negated && !negated) || (best!.negated == negated && m.score > best!.score) { best = m }
        }
        return best
    }
}
