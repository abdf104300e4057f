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

    /// A temperature in Fahrenheit at token `i`, in °C: 99.5–110 followed by F or "fahrenheit" ("degrees" between
    /// allowed), or a decimal in that range beside a fever word ("temperature 100.9"). Celsius never goes that high.
    func fahrenheitFever(at i: Int) -> Double? {
        let t = tokens[i]
        guard let n = t.number, t.text.first?.isNumber == true, (99.5...110).contains(n) else { return nil }
        var j = i + 1
        if j < tokens.count, ["degrees", "degree", "deg", "grader", "grad"].contains(tokens[j].text) { j += 1 }
        let unit = j < tokens.count && ["f", "fahrenheit", "farenheit", "faranheit"].contains(tokens[j].text)
        let decimalNearFeverWord = t.text.contains(where: { $0 == "." || $0 == "," })
            && tokens[max(0, i - 3)...min(tokens.count - 1, i + 3)].contains { Self.isFeverWord($0.text) || $0.text.hasPrefix("temp") }
        guard unit || decimalNearFeverWord else { return nil }
        return ((n - 32) * 5 / 9 * 10).rounded() / 10
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
