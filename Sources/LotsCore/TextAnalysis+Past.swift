/// Events of years ago: "fick en stroke för sex år sedan", "hade feberkramp för ett år sen", "fainted once last
/// summer", "som barn hade jag astma". What such a clause tells is history, not what the patient has now, so no
/// finding or complaint is read from it alone (a benign corpus gave a healed stroke of six years ago 112 and a
/// febrile seizure of last year P1). Only year-scale and season words mark it: an injury "för tre veckor sedan" or
/// an operation last month still explains what happens now.
extension TextAnalysis {
    /// Words that count something ("för ett par år sedan", "a few years ago").
    static let someWords: Set<String> = ["ett", "en", "par", "nagra", "manga", "flera", "a", "few", "many", "several", "couple", "of"]
    static let causeWords: Set<String> = ["sen", "efter", "since", "after"]
    /// Words before a time that make it a start until now ("sedan i somras", "since last year").
    static let sinceWords: Set<String> = ["sedan", "sen", "since", "fran", "from", "efter"]
    static let agoWords: Set<String> = ["sedan", "sen"]
    static let seasonsPast: Set<String> = ["somras", "varas", "autumn", "vintras", "fjol"]
    static let seasons: Set<String> = ["summer", "spring", "autumn", "fall", "winter", "year"]

    /// The token range of the words that put a clause years back, if `i` begins such words.
    func remoteMarker(at i: Int) -> ClosedRange<Int>? {
        func text(_ k: Int) -> String? { k < tokens.count ? tokens[k].text : nil }
        // "sedan i somras", "since last year": from then until now, which is the present.
        if i > 0, Self.sinceWords.contains(tokens[i - 1].text) { return nil }
        let w = tokens[i].text
        // "för (ett par | 6 | många) år sedan", "för länge sedan"
        if w == "for" {
            if text(i + 1) == "lange", let n = text(i + 2), Self.agoWords.contains(n) { return i...(i + 2) }
            var k = i + 1
            while k < tokens.count, k <= i + 3, tokens[k].number != nil || Self.someWords.contains(tokens[k].text) { k += 1 }
            if k > i + 1, text(k) == "ar", let n = text(k + 1), Self.agoWords.contains(n) { return i...(k + 1) }
        }
        // "6 years ago", "a few years ago", "long ago"
        if w == "years" || w == "year", text(i + 1) == "ago" { return i...(i + 1) }
        if w == "long", text(i + 1) == "ago" { return i...(i + 1) }
        // "förra året", "i somras", "i fjol", "last summer", "som barn", "as a child"
        if w == "forra", text(i + 1) == "aret" { return i...(i + 1) }
        if w == "i", let n = text(i + 1), Self.seasonsPast.contains(n) { return i...(i + 1) }
        if w == "last", let n = text(i + 1), Self.seasons.contains(n) { return i...(i + 1) }
        // "this summer" told in the winter (or any season but the present one) is over.
        if w == "this", let n = text(i + 1), ["summer", "spring"].contains(n) { return i...(i + 1) }
        if w == "som", ["barn", "liten", "tonaring"].contains(text(i + 1)) { return i...(i + 1) }
        if w == "as", text(i + 1) == "a", ["child", "kid", "teenager"].contains(text(i + 2)) { return i...(i + 2) }
        return nil
    }

    /// Marks the clause that such words belong to as `remote`: the clause they stand in, or the one after them when
    /// they open it ("För två år sedan fick jag en stroke").
    mutating func markRemotePast() {
        var i = 0
        while i < tokens.count {
            guard let marker = remoteMarker(at: i) else { i += 1; continue }
            // Back to the clause's start, or to the "sen"/"efter" that makes it the cause of what the clause
            // before it tells ("vrickar foten sen jag skadade den för ett år sen").
            var lo = marker.lowerBound
            while lo > 0, !tokens[lo - 1].isBoundary, !Self.causeWords.contains(tokens[lo - 1].text) { lo -= 1 }
            var hi = marker.upperBound
            while hi + 1 < tokens.count, !tokens[hi + 1].isBoundary { hi += 1 }
            if lo == marker.lowerBound, hi == marker.upperBound, hi + 2 < tokens.count, tokens[hi + 1].bytes.count > 1 || tokens[hi + 1].text == "," {
                // The words open the sentence: the clause after them is the one they date.
                hi += 2
                while hi + 1 < tokens.count, !tokens[hi + 1].isBoundary { hi += 1 }
            }
            for k in lo...hi { tokens[k].remote = true }
            i = marker.upperBound + 1
        }
    }
}
