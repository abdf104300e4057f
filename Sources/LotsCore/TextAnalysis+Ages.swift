/// Ages and durations told with the same words: "12 år" is the boy's age in "Pojken 12 år ramlade" and how long
/// in "ont i ryggen i 12 år". A number with a unit is a duration after a word such as "sedan", "i", "for" or before
/// "sedan", "ago"; a stated age after a person or "är" (`isStatedAge`); otherwise it waits for the patient's age.
extension TextAnalysis {
    static let durationBefore: Set<String> = ["sedan", "sen", "sedn", "i", "in", "for", "since", "over", "senaste", "sista", "last",
                                              "past", "efter", "after", "under", "varit", "haft", "pagatt", "hallit", "within", "inom",
                                              "nastan", "almost", "ca", "cirka", "about", "around", "ungefar", "typ", "drygt", "snart"]
    static let durationAfter: Set<String> = ["sedan", "sen", "ago", "tillbaka", "back", "nu", "now", "framat", "till"]

    /// Whether the number at `i` (with its unit at `i + 1`) says how long: "sedan 3 veckor", "i 2 månader",
    /// "3 veckor sedan", "for 6 months".
    func isDuration(number i: Int) -> Bool {
        let before = i > 0 ? tokens[i - 1].text : ""
        let after = i + 2 < tokens.count ? tokens[i + 2].text : ""
        // A perfect tense before it ("hostat 3 veckor", "haft ont 2 månader" reads "ont", so also two back) tells how long.
        let supine = [before, i > 1 ? tokens[i - 2].text : ""].contains { $0.count > 3 && ["at", "it", "tt", "ft", "ts"].contains(String($0.suffix(2))) }
        return Self.durationBefore.contains(before) || Self.durationAfter.contains(after) || supine
    }

    /// Decides the spans that could be either: one that gives the patient's own age is the age ("Flickan 8 år",
    /// "lillkillen 8 mån", "10 månader, förkyld" of a 10-month-old); any other is a duration.
    public mutating func resolveAges(givenYears: Int) {
        for span in ambiguousSpans {
            let isAge = span.years ? span.months / 12 == givenYears : givenYears < 3 && span.months / 12 == givenYears
            if isAge {
                if statedAgeMonths == nil { statedAgeMonths = span.months }
            } else {
                lasted(days: span.days, hours: span.hours)
            }
        }
        ambiguousSpans = []
    }

    /// The whole number of years written just before token `i` ("1 år [och] 5 mån"), if any.
    func yearsJustBefore(_ i: Int) -> Int? {
        var j = i - 1
        if j >= 0, ["och", "and", "o"].contains(tokens[j].text) { j -= 1 }
        guard j >= 1, ["ar", "ars", "year", "years", "yr", "yrs"].contains(tokens[j].text),
              let y = tokens[j - 1].number, y == y.rounded(), y < 18 else { return nil }
        return Int(y)
    }

    /// Words of measures that are not temperatures (matched as word beginnings).
    static let otherMeasures = ["puls", "pulse", "hjartfrekvens", "heart", "saturation", "sat", "syre", "oxygen", "spo", "blodsocker",
                                "sugar", "glukos", "keton", "andetag", "breaths", "vikt", "weight", "kilo"]

    /// "pulsen var 40", "saturation 88", "blodsocker 40": a number that measures something else is no temperature.
    func followsAMeasureOtherThanTemperature(_ i: Int) -> Bool {
        tokens[max(0, i - 3)..<i].contains { t in Self.otherMeasures.contains { t.text.hasPrefix($0) } }
    }
}
