/// A fever that is over: "febern släppte", "nu feberfri", "the fever broke". Roseola's rash comes when the fever
/// has gone, and a fever that is over neither counts as fever nor lasts for days; a temperature stated after the
/// words that end it ("feberfri i morse men nu 39 igen") is a fever again.
extension TextAnalysis {
    /// Words that say a fever is over when they follow a fever word in the same clause ("febern är borta").
    static let feverEnds: Set<String> = ["slappte", "slappt", "slappit", "borta", "forsvann", "forsvunnit", "gone", "broke", "vek", "avtog"]
    /// Words that say so alone.
    static let feverFree: Set<String> = ["feberfri", "feberfria", "feberfritt", "feverfree", "afebril"]

    /// The token index where the text says the fever ended, if it does.
    func feverEnd() -> Int? {
        var end: Int?
        for (i, t) in tokens.enumerated() {
            if Self.feverFree.contains(t.text) { end = i; continue }
            guard Self.isFeverWord(t.text) else { continue }
            var j = i + 1
            while j < tokens.count, j <= i + 3, !tokens[j].isBoundary {
                let w = tokens[j].text
                if Self.feverEnds.contains(w) || (["gatt", "gick", "gone"].contains(w) && j + 1 < tokens.count && tokens[j + 1].text == "over") {
                    end = j
                    break
                }
                j += 1
            }
        }
        return end
    }

    /// Clears `fever` when the text says it is over and states no fever after that; `resolvedFever` keeps it.
    mutating func clearEndedFever(at end: Int?, lastEvidence: Int?) {
        guard fever != nil, let end else { return }
        if let last = lastEvidence, last > end { return }
        resolvedFever = fever
        fever = nil
    }

    /// In an infant under three months any fever, even one that is over, is what decides (1177: Feber hos barn).
    public mutating func keepEndedFever(ageMonths: Int) {
        if fever == nil, ageMonths < 3, let f = resolvedFever { fever = f }
    }
}
