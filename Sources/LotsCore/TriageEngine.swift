import Foundation

/// Triage of free text against the symptom catalog, then referral by DESIGN §3.
///
/// 1. The text is analysed (`TextAnalysis`): folded tokens, negation, fever, duration, stated age.
/// 2. The best-matching symptom wins by phrase specificity; ties go to the more urgent symptom.
/// 3. Every global red flag and the symptom's own red flags found anywhere in the text, and its age
///    modifiers, may raise urgency (never lower it). The most urgent wins.
/// 4. Text that matches no symptom gets P3 ("assessment by staff"), raised by red flags, never P5.
///
/// ```swift
/// let engine = TriageEngine(catalog: catalog, directory: directory)
/// let r = engine.triage(TriageInput(text: "Ont i halsen, ingen feber", ageYears: 25), at: Date())
/// r.urgency   // .p5
/// ```
public struct TriageEngine: Sendable {
    public let catalog: SymptomCatalog
    public let policy: ReferralPolicy
    let symptomTerms: [(symptom: Int, term: CompiledTerm)]
    /// For each stem id, the positions in `symptomTerms` of the phrases keyed by it (each phrase by its rarest stem).
    let termsByStem: [[Int32]]
    let index: StemIndex
    let globalFlags: [CompiledRule]
    let symptomFlags: [[CompiledRule]]
    let symptomModifiers: [[CompiledRule]]

    struct CompiledRule: Sendable {
        let rule: TriageRule
        let terms: [CompiledTerm]
        let with: [CompiledTerm]
    }

    public init(catalog: SymptomCatalog, directory: ProviderDirectory) {
        self.catalog = catalog
        self.policy = ReferralPolicy(directory: directory)
        var index = StemIndex()
        func term(_ phrase: String) -> CompiledTerm {
            var t = CompiledTerm(phrase)
            t.stemIds = t.stems.map { index.intern($0) }
            return t
        }
        var terms: [(Int, CompiledTerm)] = []
        for (i, s) in catalog.symptoms.enumerated() {
            for t in s.terms { terms.append((i, term(t))) }
        }
        symptomTerms = terms
        func compile(_ r: TriageRule) -> CompiledRule { CompiledRule(rule: r, terms: r.terms.map(term), with: r.with.map(term)) }
        globalFlags = catalog.redFlags.map(compile)
        symptomFlags = catalog.symptoms.map { $0.redFlags.map(compile) }
        symptomModifiers = catalog.symptoms.map { $0.ageModifiers.map(compile) }
        var uses = [Int](repeating: 0, count: index.stems.count)
        for (_, t) in terms { for id in Set(t.stemIds) { uses[Int(id)] += 1 } }
        var byStem = [[Int32]](repeating: [], count: index.stems.count)
        for (k, (_, t)) in terms.enumerated() {
            guard let key = t.stemIds.min(by: { uses[Int($0)] < uses[Int($1)] }) else { continue }
            byStem[Int(key)].append(Int32(k))
        }
        termsByStem = byStem
        self.index = index
    }

    /// Positions in `symptomTerms` of the phrases whose stems all match some token, in catalog order.
    func candidateTerms(_ matched: [Bool]) -> [Int] {
        candidateTerms(matched, ids: matched.indices.filter { matched[$0] }.map(Int32.init))
    }

    func candidateTerms(_ matched: [Bool], ids: [Int32]) -> [Int] {
        var out: [Int] = []
        for id in ids {
            for k in termsByStem[Int(id)] where symptomTerms[Int(k)].term.stemIds.allSatisfy({ matched[Int($0)] }) { out.append(Int(k)) }
        }
        return out.sorted()
    }

    /// Triage at a moment in time (which decides the referral).
    public func triage(_ input: TriageInput, at date: Date, ownUnit: String? = nil) -> TriageResult {
        let text = TextAnalysis(input.text + " " + input.answers.filter(\.value).keys.sorted().joined(separator: " . "))
        let months = input.ageMonths ?? (input.ageYears < 2 ? text.statedAgeMonths : nil) ?? input.ageYears * 12 + (input.ageYears == 0 ? 6 : 0)
        var rationale: [String] = []

        // Best symptom: its best phrase, plus a little for every other phrase of it that matched.
        var perSymptom: [Int: (best: CompiledTerm.Match, extra: Double)] = [:]
        var negatedSeen: [String] = []
        let (matched, matchedIds) = index.matches(in: text)
        for k in candidateTerms(matched, ids: matchedIds) {
            let (si, term) = symptomTerms[k]
            guard let m = term.match(in: text) else { continue }
            if m.negated { negatedSeen.append(term.phrase); continue }
            if let cur = perSymptom[si] {
                perSymptom[si] = m.score > cur.best.score ? (m, cur.extra + cur.best.score * 0.3) : (cur.best, cur.extra + m.score * 0.3)
            } else {
                perSymptom[si] = (m, 0)
            }
        }
        var best: (symptom: Int, match: CompiledTerm.Match)?
        var bestScore = 0.0
        for (si, v) in perSymptom {
            let score = v.best.score + v.extra
            let better = best == nil || score > bestScore + 0.01
                || (abs(score - bestScore) <= 0.01 && (catalog.symptoms[si].urgency, si) < (catalog.symptoms[best!.symptom].urgency, best!.symptom))
            if better { best = (si, v.best); bestScore = score }
        }

        var urgency: Urgency
        var careLevel: CareLevel
        var profession: Profession
        var mission: CareMission
        let symptom = best.map { catalog.symptoms[$0.symptom] }
        if let symptom, let best {
            urgency = symptom.urgency
            careLevel = symptom.careLevel
            profession = symptom.profession
            mission = symptom.mission
            rationale.append("symptom \(symptom.code) \(symptom.titleSv) (\"\(best.match.term.phrase)\"), base \(symptom.urgency.code)")
        } else {
            urgency = .p3
            careLevel = .video
            profession = .sjukskoterska
            mission = .somatisk
            rationale.append("no catalog symptom matched: P3, assessment by staff")
        }

        // Red flags and modifiers: the most urgent wins. (Walked in place: copying the rules cost more than testing them.)
        func consider(_ r: CompiledRule) {
            guard let why = applies(r, text: text, matched: matched, ageYears: input.ageYears, ageMonths: months, sex: input.sex,
                                    negated: &negatedSeen) else { return }
            if r.rule.urgency < urgency {
                rationale.append("\(why) raises to \(r.rule.urgency.code)")
                urgency = r.rule.urgency
            } else {
                rationale.append("\(why) (\(r.rule.urgency.code), no change)")
            }
        }
        for r in globalFlags { consider(r) }
        if let b = best {
            for r in symptomFlags[b.symptom] { consider(r) }
            for r in symptomModifiers[b.symptom] { consider(r) }
        }
        if !negatedSeen.isEmpty {
            rationale.append("negated, not counted: " + Array(Set(negatedSeen)).sorted().prefix(4).map { "\"\($0)\"" }.joined(separator: ", "))
        }
        if let f = text.fever { rationale.append(String(format: "fever %.1f °C", f)) }

        careLevel = max(careLevel, CareLevel.minimum(for: urgency))
        if urgency <= .p1 { profession = .lakare }
        let referral = policy.refer(urgency: urgency, mission: mission, age: input.ageYears, at: date, ownUnit: ownUnit)
        rationale.append("referral \(referral.type.rawValue): \(referral.reason)")
        return TriageResult(urgency: urgency, symptom: symptom, careLevel: careLevel, profession: profession, mission: mission,
                            referral: referral, rationale: rationale, catalogVersion: catalog.version)
    }

    /// The reason a rule applies, or nil. Negated term matches are collected for the rationale.
    func applies(_ r: CompiledRule, text: TextAnalysis, matched: [Bool], ageYears: Int, ageMonths: Int, sex: Sex, negated: inout [String]) -> String? {
        let rule = r.rule
        if let a = rule.ageUnderMonths, ageMonths >= a { return nil }
        if let a = rule.ageUnder, ageYears >= a { return nil }
        if let a = rule.ageAtLeast, ageYears < a { return nil }
        if let s = rule.sex, s != sex { return nil }
        if let d = rule.daysAtLeast, (text.days ?? 0) < d { return nil }
        if let f = rule.feverAtLeast, (text.fever ?? 0) < f { return nil }
        if let p = rule.systolicAtLeast, (text.systolic ?? 0) < p { return nil }
        var found = ""
        if !r.terms.isEmpty {
            var hit: CompiledTerm.Match?
            for t in r.terms {
                guard let m = t.match(in: text, matched: matched) else { continue }
                if m.negated { negated.append(t.phrase) } else { hit = m; break }
            }
            guard let hit else { return nil }
            found = "\"\(hit.term.phrase)\""
        }
        for w in r.with {
            guard let m = w.match(in: text, matched: matched), !m.negated else { return nil }
            found += " + \"\(w.phrase)\""
        }
        var conds: [String] = []
        if let a = rule.ageUnderMonths { conds.append("age < \(a) months") }
        if let a = rule.ageUnder { conds.append("age < \(a)") }
        if let a = rule.ageAtLeast { conds.append("age ≥ \(a)") }
        if let f = rule.feverAtLeast { conds.append(String(format: "fever ≥ %.1f", f)) }
        if let d = rule.daysAtLeast { conds.append("≥ \(d) days") }
        if let p = rule.systolicAtLeast { conds.append("systolic ≥ \(p)") }
        let detail = ([found].filter { !$0.isEmpty } + conds).joined(separator: ", ")
        return "rule \"\(rule.label)\" (\(detail))"
    }
}
