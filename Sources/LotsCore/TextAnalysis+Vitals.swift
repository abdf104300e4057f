/// Vital signs citizens measure at home and write down: a pulse from a watch or a blood-pressure meter ("pulsen
/// visar 36-40", "puls runt 105", "heart rate 150", "140 slag i minuten") and an oxygen saturation from a finger
/// meter ("saturationen 88", "syremättnad 89 %") and a blood sugar ("blodsockret 2,6", "sockret var nere på 3,1",
/// "bs 24"). RETTS grades them; a rule asks with `pulseAtLeast`, `pulseUnder`, `saturationUnder`, `glucoseUnder`
/// and `glucoseAtLeast`.
extension TextAnalysis {
    /// Words that announce a pulse (matched as word beginnings: "pulsen", "pulsklockan").
    static let pulseWords = ["puls", "pulse", "hjartfrekvens"]
    /// Words that announce a saturation.
    static let saturationWords = ["saturation", "syremattnad", "syresattning", "spo2", "spo", "sat", "oxygen", "syre"]
    /// Words that announce a blood sugar (word beginnings), and the short ones that must be whole words.
    static let glucoseWords = ["blodsock", "sockret", "sockervarde", "sockerv", "glukos", "glucose", "sugar"]
    static let glucoseShort: Set<String> = ["bs", "socker", "pg"]
    /// Words that make a text one about diabetes (word beginnings), and units that make a number a dose.
    static let diabetesWords = ["diabet", "insulin", "sockersjuk", "glimepirid", "glibenklamid", "glipizid", "mindiab", "novorapid",
                                "humalog", "lantus", "insulatard", "fiasp", "toujeo", "tresiba"]
    static let doseUnits: Set<String> = ["mg", "ml", "g", "e", "enheter", "units", "tabletter", "tablett", "kg", "l", "liter", "mm", "cm", "dl"]
    /// Units after a pulse number: "140 slag i minuten", "140 bpm", "140 slag/min".
    static let pulseUnits: Set<String> = ["slag", "bpm", "beats", "spm"]

    /// The lowest and highest pulse and blood sugar stated, and the lowest saturation.
    mutating func extractVitals() {
        var lastPulse = -9
        // In a text about diabetes a decimal number that is no temperature or dose is a blood sugar ("hade 2,6").
        let diabetes = tokens.contains { t in Self.diabetesWords.contains { t.text.hasPrefix($0) } }
        for (i, t) in tokens.enumerated() {
            guard let n = t.number, t.text.first?.isNumber == true else { continue }
            let unit = i + 1 < tokens.count ? tokens[i + 1].text : ""
            let bareSugar = diabetes && t.text.contains(",") && (1...33).contains(n) && !Self.doseUnits.contains(unit)
                && !Self.isFeverWord(unit) && !unit.hasPrefix("grad") && !followsAMeasureOtherThanTemperature(i)
            if (0.5...60).contains(n), bareSugar || saysGlucose(before: i) {
                glucoseLow = min(glucoseLow ?? n, n)
                glucoseHigh = max(glucoseHigh ?? n, n)
                continue
            }
            guard n == n.rounded() else { continue }
            let value = Int(n)
            // The measure word stands just before, with no other number between ("puls 118 och 38 grader").
            var before: [Token] = []
            var j = i - 1
            while j >= 0, j >= i - 3, tokens[j].number == nil { before.append(tokens[j]); j -= 1 }
            let next = i + 1 < tokens.count ? tokens[i + 1].text : ""
            if Self.isFeverWord(next) || next.hasPrefix("grad") || next == "c" { continue }
            let saysPulse = before.contains { b in Self.pulseWords.contains { b.text.hasPrefix($0) } }
                || (before.contains { $0.text == "heart" } && before.contains { $0.text == "rate" })
                || Self.pulseUnits.contains(next)
                || i - lastPulse == 1 || (i - lastPulse == 2 && ["till", "to"].contains(tokens[i - 1].text))  // "36-40", "36 till 40"
            if saysPulse, (20...260).contains(value) {
                pulseLow = min(pulseLow ?? value, value)
                pulseHigh = max(pulseHigh ?? value, value)
                lastPulse = i
            } else if before.contains(where: { b in Self.saturationWords.contains { b.text == $0 || ($0.count > 4 && b.text.hasPrefix($0)) } }),
                      (50...100).contains(value) {
                saturation = min(saturation ?? value, value)
            }
        }
    }

    /// A blood-sugar word within the four words before token `i`, with no other number between
    /// ("blodsockret var nere på 3,1", "sockret 2,4"); "mmol" after the number says so too.
    func saysGlucose(before i: Int) -> Bool {
        if i + 1 < tokens.count, tokens[i + 1].text.hasPrefix("mmol") { return true }
        // The second number of a range ("blodsockret 18-20") follows the first.
        if i >= 1, tokens[i - 1].number != nil, tokens[i - 1].text.first?.isNumber == true, saysGlucose(before: i - 1) { return true }
        var j = i - 1
        while j >= 0, j >= i - 4, tokens[j].number == nil {
            let w = tokens[j].text
            if Self.glucoseShort.contains(w) || Self.glucoseWords.contains(where: { w.hasPrefix($0) }) { return true }
            j -= 1
        }
        return false
    }
}
