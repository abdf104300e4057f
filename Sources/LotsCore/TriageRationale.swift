import Foundation

/// The triage's reasons in Swedish (for staff) and English (`--lang en`), line by line, in step.
struct Rationale {
    private(set) var sv: [String] = []
    private(set) var en: [String] = []

    mutating func add(_ s: String, _ e: String) {
        sv.append(s)
        en.append(e)
    }

    /// The words of the text a match covered, as written (misspellings included), sanitized later by SafeText.
    static func words(of m: CompiledTerm.Match, in text: TextAnalysis) -> String {
        text.tokens[m.tokenRange].filter { !$0.isBoundary || $0.bytes.count > 1 }.map(\.original).joined(separator: " ")
    }

    static func decimal(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }

    /// The facts read from the text and the patient: age, stated age, fever, duration, pain score, blood pressure.
    mutating func addFacts(text: TextAnalysis, ageYears: Int, ageMonths: Int, statedMonths: Int?) {
        var sv: [String] = [], en: [String] = []
        if ageYears < 2 {
            sv.append("ålder \(ageMonths) mån"); en.append("age \(ageMonths) months")
        } else {
            sv.append("ålder \(ageYears) år"); en.append("age \(ageYears)")
        }
        if let m = statedMonths { sv.append("angiven ålder \(m) mån"); en.append("stated age \(m) months") }
        if let f = text.fever { sv.append("feber \(Self.decimal(f)) °C"); en.append("fever \(Self.decimal(f)) °C") }
        if let d = text.days, d > 0 { sv.append("\(d) dagar"); en.append("\(d) days") }
        if let p = text.painScore { sv.append("smärta \(p)/10"); en.append("pain \(p)/10") }
        if let s = text.systolic { sv.append("systoliskt \(s)"); en.append("systolic \(s)") }
        if let lo = text.pulseLow, let hi = text.pulseHigh {
            sv.append(lo == hi ? "puls \(lo)" : "puls \(lo)–\(hi)"); en.append(lo == hi ? "pulse \(lo)" : "pulse \(lo)–\(hi)")
        }
        if let s = text.saturation { sv.append("saturation \(s) %"); en.append("saturation \(s) %") }
        if let lo = text.glucoseLow, let hi = text.glucoseHigh {
            let v = lo == hi ? Self.decimal(lo) : "\(Self.decimal(lo))–\(Self.decimal(hi))"
            sv.append("blodsocker \(v)"); en.append("blood sugar \(v)")
        }
        if let w = text.pregnancyWeek { sv.append("graviditetsvecka \(w)"); en.append("pregnancy week \(w)") }
        add("fakta: " + sv.joined(separator: ", "), "facts: " + en.joined(separator: ", "))
    }
}
