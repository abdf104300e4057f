/// Vital signs citizens measure at home and write down: a pulse from a watch or a blood-pressure meter ("pulsen
/// visar 36-40", "puls runt 105", "heart rate 150", "140 slag i minuten") and an oxygen saturation from a finger
/// meter ("saturationen 88", "syremättnad 89 %"). RETTS grades both; a rule asks for them with `pulseAtLeast`,
/// `pulseUnder` and `saturationUnder`.
extension TextAnalysis {
    /// Words that announce a pulse (matched as word beginnings: "pulsen", "pulsklockan").
    static let pulseWords = ["puls", "pulse", "hjartfrekvens"]
    /// Words that announce a saturation.
    static let saturationWords = ["saturation", "syremattnad", "syresattning", "spo2", "spo", "sat", "oxygen", "syre"]
    /// Units after a pulse number: "140 slag i minuten", "140 bpm", "140 slag/min".
    static let pulseUnits: Set<String> = ["slag", "bpm", "beats", "spm"]

    /// The lowest and highest pulse stated, and the lowest saturation.
    mutating func extractVitals() {
        var lastPulse = -9
        for (i, t) in tokens.enumerated() {
            guard let n = t.number, n == n.rounded(), t.text.first?.isNumber == true else { continue }
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
}
