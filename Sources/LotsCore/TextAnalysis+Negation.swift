/// Denial and doubt: what a negator, a form's "nej" or a hedge reaches, marked on the tokens before any phrase is
/// matched (`CompiledTerm` reads `negated` and `uncertain`).
extension TextAnalysis {
    /// Negation reaches forward over at most three words to the next clause boundary; a clause-final
    /// "inte" ("andas inte") negates the word before it. Hedges mark their reach uncertain the same way.
    mutating func markNegation() {
        var i = 0
        while i < tokens.count {
            let t = tokens[i].text
            // "feberfri", "smärtfri": free of the thing named.
            if t.count > 5, t.hasSuffix("fri") || t.hasSuffix("fria") || t.hasSuffix("free") { tokens[i].negated = true }
            // "typ 1", "typ 2" name a kind (of diabetes), not a hedge; "vet inte hur många", "don't know if" doubt
            // what follows, they do not deny it.
            let doubting = saysNotKnowing(at: i)
            // "typ 30", "typ alla sina": an estimate of how much, not a doubt.
            if Self.hedges.contains(t) && !(t == "typ" && i + 1 < tokens.count && (tokens[i + 1].number != nil || Self.allWords.contains(tokens[i + 1].text))) || doubting {
                var j = i + 1
                while j < tokens.count, !tokens[j].isBoundary, j - i <= 4 { tokens[j].uncertain = true; j += 1 }
            }
            // A form's answer after the question: "Feber: nej", "andningsbesvär? no", "kräkningar nej".
            if Self.answersNo.contains(t), i + 1 == tokens.count || tokens[i + 1].isBoundary { denyQuestion(before: i) }
            guard Self.negators.contains(t), !doubting else { i += 1; continue }
            // Reach counts content words: "inga tankar på att ta livet av mig" negates "ta livet". "eller" joins
            // what is denied and takes none of the reach ("vill inte skada mig själv eller dö" denies dying too).
            // An aside that closes the clause ("svimmade inte vad jag vet", "andas inte alls") is no reach at all.
            let aside = Self.verbDenials.contains(t) ? asideLength(at: i + 1) : nil
            var j = i + 1 + (aside ?? 0)
            var reach = 0
            while aside == nil, j < tokens.count, !tokens[j].isBoundary, reach < 3 {
                tokens[j].negated = true
                // "kan inte sluta tänka på en knöl", "can't stop coughing": what is denied is the stopping.
                if Self.stopVerbs.contains(tokens[j].text) { reach = 1; j += 1; break }
                if !CompiledTerm.stopWords.contains(tokens[j].text) && !Self.orWords.contains(tokens[j].text) { reach += 1 }
                j += 1
            }
            if reach == 0, i > 0, !tokens[i - 1].isBoundary, Self.verbDenials.contains(t) {
                tokens[i - 1].negated = true
                // "sprider sig inte", "rör sig inte": the pronoun stands between the verb and its denial.
                if i > 1, CompiledTerm.reflexives.contains(tokens[i - 1].text), !tokens[i - 2].isBoundary { tokens[i - 2].negated = true }
            }
            i = j
        }
    }

    /// Negators that can stand after the verb they deny ("andas inte").
    static let verbDenials: Set<String> = ["inte", "ej", "not"]
    /// Asides that may close a clause after its denial ("inte vad jag vet", "inte alls", "inte heller").
    static let asides: [[String]] = [["vad", "jag", "vet"], ["vad", "vi", "vet"], ["vad", "jag", "sag"], ["vad", "jag", "marker"], ["sa", "vitt", "jag", "vet"],
                                     ["tror", "jag"], ["alls"], ["heller"], ["an"], ["annu"], ["idag"], ["at", "all"], ["that", "i", "know"], ["as", "far", "as", "i", "know"]]

    /// How many tokens an aside at `k` takes when it is all that is left of the clause, or nil.
    func asideLength(at k: Int) -> Int? {
        for a in Self.asides where k + a.count <= tokens.count && (k + a.count == tokens.count || tokens[k + a.count].isBoundary) {
            if a.indices.allSatisfy({ tokens[k + $0].text == a[$0] }) { return a.count }
        }
        return nil
    }

    /// Verbs of stopping: a denial of one leaves what follows standing.
    static let stopVerbs: Set<String> = ["sluta", "slutar", "slutat", "slutade", "stop", "stopped", "stopping", "quit"]
    /// Words that join alternatives under one denial.
    static let orWords: Set<String> = ["eller", "or", "nor"]
    static let answersNo: Set<String> = ["nej", "no", "nope", "nix"]

    /// Denies the words of the question an answer "nej" closes: back to the clause's start, three content words at most,
    /// over one mark between ("Feber: nej").
    mutating func denyQuestion(before i: Int) {
        var j = i - 1
        if j >= 0, [":", "?"].contains(tokens[j].text) || tokens[j].text == "," && j > 0 && !tokens[j - 1].isBoundary { j -= 1 }
        var reach = 0
        while j >= 0, !tokens[j].isBoundary, reach < 3 {
            tokens[j].negated = true
            if !CompiledTerm.stopWords.contains(tokens[j].text) { reach += 1 }
            j -= 1
        }
    }
}
