/// How long a complaint has lasted when the text says it without a number and a unit: since a season ("sedan i
/// somras"), since a weekday ("sedan i torsdags", counted to the date of writing), or as the day of the illness
/// ("tredje dagen", "dag 4"). Numbers with units are read in `extractFacts`.
extension TextAnalysis {
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
            lasted(days: n)
        }
    }

    /// Records that the complaint has lasted at least `days` days (or `hours` hours, when given): the longest
    /// duration the text tells wins.
    mutating func lasted(days d: Int, hours h: Double? = nil) {
        days = max(days ?? 0, d)
        hours = max(hours ?? 0, h ?? Double(d * 24))
    }
}
