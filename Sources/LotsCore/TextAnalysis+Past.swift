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

    /// Days since a season named as a start until now ("sedan i somras", "sen i höstas", "since last summer"): at
    /// least a month, so complaints of that long count as lasting (the date of writing is not known here).
    func daysSinceSeason(at i: Int) -> Int? {
        guard i + 2 < tokens.count else { return nil }
        let a = tokens[i + 1].text, b = tokens[i + 2].text
        guard a == "i" || a == "last" || a == "forra", Self.sinceWords.contains(tokens[i].text) else { return nil }
        guard a == "i" && Self.seasonsPast.contains(b) || a == "last" && Self.seasons.contains(b) || a == "forra" && b == "aret" else { return nil }
        return b == "autumn" || b == "fall" ? 30 : 60
    }

    /// Ordinal numbers as words ("tredje dagen", "the third day").
    static let ordinals: [String: Int] = ["andra": 2, "tredje": 3, "fjarde": 4, "femte": 5, "sjatte": 6, "sjunde": 7, "attonde": 8, "nionde": 9, "tionde": 10,
                                          "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10]

    /// Days told as the day of the illness: "tredje dagen", "dag 4", "the third day", "day 5", "4:e dagen".
    func illnessDay(at i: Int) -> Int? {
        let w = tokens[i].text
        guard i + 1 < tokens.count else { return nil }
        let next = tokens[i + 1].text
        if next == "dagen" || next == "day" || next == "dygnet", let n = Self.ordinals[w] { return n }
        if w == "dag" || w == "day", let n = tokens[i + 1].number, tokens[i + 1].text.first?.isNumber == true, n >= 2, n <= 30, n == n.rounded() {
            // "dag 4" is the fourth day; "dag 4 efter operationen" too. Not a date ("den 4 dec") nor "4 dagar".
            return Int(n)
        }
        return nil
    }

    /// Past weekdays as written after "i" ("sedan i torsdags"), 0 = Monday, and English ones after "since".
    static let pastWeekdays: [String: Int] = ["mandags": 0, "tisdags": 1, "onsdags": 2, "torsdags": 3, "fredags": 4, "lordags": 5, "sondags": 6]
    static let weekdays: [String: Int] = ["monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6]

    /// A complaint "sedan i torsdags" or "since Thursday" has lasted from that weekday until `now` (a week when it is
    /// the same weekday): "feber sedan i torsdags", written on a Sunday, is three days of fever.
    public mutating func resolveSinceWeekday(now: StockholmTime) {
        for i in tokens.indices where i + 1 < tokens.count && Self.sinceWords.contains(tokens[i].text) {
            let a = tokens[i + 1].text
            let day = a == "i" && i + 2 < tokens.count ? Self.pastWeekdays[tokens[i + 2].text] : Self.weekdays[a]
            guard let day else { continue }
            let d = (now.weekday - day + 7) % 7
            let n = d == 0 ? 7 : d
            days = max(days ?? 0, n)
            hours = max(hours ?? 0, Double(n * 24))
        }
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
