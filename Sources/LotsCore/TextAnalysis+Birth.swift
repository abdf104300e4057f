/// A birth date told instead of an age: "föddes 10 oktober", "född den 3 nov", "born on 2 October", "född 2026-10-10".
/// For a baby the weeks matter (fever under three months is an emergency-room case), so the date gives the age.
extension TextAnalysis {
    static let monthNames: [String: Int] = [
        "januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "february": 2, "mars": 3, "mar": 3, "march": 3,
        "april": 4, "apr": 4, "maj": 5, "may": 5, "juni": 6, "jun": 6, "june": 6, "juli": 7, "jul": 7, "july": 7,
        "augusti": 8, "aug": 8, "august": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10,
        "october": 10, "november": 11, "nov": 11, "december": 12, "dec": 12]
    static let bornWords: Set<String> = ["fodd", "foddes", "fodda", "born", "fodelsedag", "fodelsedatum"]

    /// The day, month and (when written) year after a word for born, if the text gives one.
    func birthDate() -> (year: Int?, month: Int, day: Int)? {
        for (i, t) in tokens.enumerated() where Self.bornWords.contains(t.text) {
            var j = i + 1
            if j < tokens.count, ["den", "on", "the", "pa", ":"].contains(tokens[j].text) { j += 1 }
            let w = tokens[j..<min(tokens.count, j + 3)].map(\.text)
            func int(_ k: Int) -> Int? { k < w.count ? Int(w[k]) : nil }
            // "2026-10-10": the tokenizer drops the dashes.
            if let y = int(0), (1900...2100).contains(y), let m = int(1), (1...12).contains(m), let d = int(2), (1...31).contains(d) {
                return (y, m, d)
            }
            if let d = int(0), (1...31).contains(d), w.count > 1, let m = Self.monthNames[w[1]] {
                return (int(2).flatMap { (1900...2100).contains($0) ? $0 : nil }, m, d)
            }
            if w.count > 1, let m = Self.monthNames[w[0]], let d = int(1), (1...31).contains(d) { return (nil, m, d) }
        }
        return nil
    }

    /// Sets `statedAgeMonths` from a birth date before `now` (the latest such date when no year is written);
    /// a date after `now`, or more than two years back, is not a baby's and is left alone.
    public mutating func resolveBirthDate(now: StockholmTime) {
        guard let b = birthDate() else { return }
        let year = b.year ?? (b.month < now.month || b.month == now.month && b.day <= now.day ? now.year : now.year - 1)
        var months = (now.year - year) * 12 + now.month - b.month
        if now.day < b.day { months -= 1 }
        guard (0..<24).contains(months) else { return }
        statedAgeMonths = months
    }
}
