/// The catalog made ready for matching: every phrase of every finding and complaint interned in one
/// `StemIndex`, rules with their finding ids resolved, and the spelling index.
struct CompiledCatalog: Sendable {
    enum Owner: Sendable { case finding(Int), symptom(Int) }

    struct Phrase: Sendable {
        let owner: Owner
        let term: CompiledTerm
    }

    /// A class, not a struct: every triage walks every discriminator, and copying a struct of this many references
    /// (the rule's strings and lists, the terms) cost half the triage time in retains and releases.
    final class CompiledRule: Sendable {
        let rule: TriageRule
        let terms: [CompiledTerm]
        let with: [CompiledTerm]
        let any: [Int]
        let all: [Int]
        let none: [Int]

        init(rule: TriageRule, terms: [CompiledTerm], with: [CompiledTerm], any: [Int], all: [Int], none: [Int]) {
            self.rule = rule
            self.terms = terms
            self.with = with
            self.any = any
            self.all = all
            self.none = none
        }
    }

    let phrases: [Phrase]
    /// For each stem id, the positions in `phrases` keyed by it (each phrase by its rarest stem).
    let phrasesByStem: [[Int32]]
    let index: StemIndex
    let typos: TypoIndex
    let findingIndex: [String: Int]
    /// For each finding, the complaints it identifies.
    let symptomsByFinding: [[Int]]
    /// For each complaint, the findings that explain its words otherwise (`unless`).
    let symptomUnless: [[Int]]
    let discriminators: [CompiledRule]
    /// For each finding, the discriminators that need it (keyed by the first of `all`, else by each of `any`); the
    /// rules that need no finding are `unkeyedDiscriminators`. A triage tests only what its findings can satisfy.
    let discriminatorsByFinding: [[Int32]]
    let unkeyedDiscriminators: [Int32]
    let symptomRules: [[CompiledRule]]
    /// For each finding, words or phrases that contain one of its expressions but mean something else.
    let findingNot: [[CompiledTerm]]
    /// For each finding, the finding present when it is denied.
    let findingWhenNegated: [Int?]

    init(_ catalog: SymptomCatalog) {
        var index = StemIndex()
        func term(_ phrase: String) -> CompiledTerm {
            var t = CompiledTerm(phrase)
            t.stemIds = t.stems.map { index.intern($0) }
            return t
        }
        var phrases: [Phrase] = []
        for (i, f) in catalog.findings.enumerated() {
            for t in f.terms {
                var compiled = term(t)
                compiled.acceptsRemote = f.history
                phrases.append(Phrase(owner: .finding(i), term: compiled))
            }
        }
        for (i, s) in catalog.symptoms.enumerated() { for t in s.terms { phrases.append(Phrase(owner: .symptom(i), term: term(t))) } }
        let findingIndex = Dictionary(catalog.findings.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var byFinding = [[Int]](repeating: [], count: catalog.findings.count)
        for (i, s) in catalog.symptoms.enumerated() {
            for id in s.findings { if let f = findingIndex[id] { byFinding[f].append(i) } }
        }
        func compile(_ r: TriageRule) -> CompiledRule {
            CompiledRule(rule: r, terms: r.terms.map(term), with: r.with.map(term), any: r.any.compactMap { findingIndex[$0] },
                         all: r.all.compactMap { findingIndex[$0] }, none: r.none.compactMap { findingIndex[$0] })
        }
        symptomUnless = catalog.symptoms.map { $0.unless.compactMap { findingIndex[$0] } }
        findingNot = catalog.findings.map { $0.not.map(CompiledTerm.init) }
        findingWhenNegated = catalog.findings.map { $0.whenNegated.flatMap { findingIndex[$0] } }
        discriminators = catalog.redFlags.map(compile)
        var rulesByFinding = [[Int32]](repeating: [], count: catalog.findings.count)
        var unkeyed: [Int32] = []
        for (k, r) in discriminators.enumerated() {
            if let first = r.all.first { rulesByFinding[first].append(Int32(k)) }
            else if !r.any.isEmpty { for f in Set(r.any) { rulesByFinding[f].append(Int32(k)) } }
            else { unkeyed.append(Int32(k)) }
        }
        discriminatorsByFinding = rulesByFinding
        unkeyedDiscriminators = unkeyed
        symptomRules = catalog.symptoms.map { $0.rules.map(compile) }
        var uses = [Int](repeating: 0, count: index.stems.count)
        for p in phrases { for id in Set(p.term.stemIds) { uses[Int(id)] += 1 } }
        var byStem = [[Int32]](repeating: [], count: index.stems.count)
        for (k, p) in phrases.enumerated() {
            guard let key = p.term.stemIds.min(by: { uses[Int($0)] < uses[Int($1)] }) else { continue }
            byStem[Int(key)].append(Int32(k))
        }
        self.phrases = phrases
        self.phrasesByStem = byStem
        self.findingIndex = findingIndex
        self.symptomsByFinding = byFinding
        self.typos = TypoIndex(stems: index.stems.filter { $0.mode != .number }.map(\.bytes), realWords: catalog.realWords)
        self.index = index
    }

    /// Whether a match of finding `f` lies on a word that means something else ("kärlkramp" for a seizure). A denied
    /// exclusion excludes nothing: "kan prata hela meningar" rules out "cannot speak in sentences", but "kan inte prata
    /// hela meningar" is the finding itself.
    func isExcluded(finding f: Int, _ m: CompiledTerm.Match, in text: TextAnalysis) -> Bool {
        findingNot[f].contains { n in n.match(in: text).map { !$0.negated && $0.tokenRange.overlaps(m.tokenRange) } ?? false }
    }

    /// The same, from the matched stems alone.
    func candidatePhrases(_ matched: [Bool]) -> [Int] {
        candidatePhrases(matched, ids: matched.indices.filter { matched[$0] }.map(Int32.init))
    }

    /// Positions in `discriminators` of the rules these findings may satisfy, in catalog order (the others fail on
    /// their findings, so the result is the same as testing them all).
    func discriminatorCandidates(present: Set<Int>) -> [Int] {
        var out = unkeyedDiscriminators
        for f in present { out += discriminatorsByFinding[f] }
        out.sort()
        var last: Int32 = -1
        return out.compactMap { k in defer { last = k }; return k == last ? nil : Int(k) }
    }

    /// Positions in `phrases` of the phrases whose stems all match some token, in catalog order.
    func candidatePhrases(_ matched: [Bool], ids: [Int32]) -> [Int] {
        var out: [Int] = []
        for id in ids {
            for k in phrasesByStem[Int(id)] where phrases[Int(k)].term.stemIds.allSatisfy({ matched[Int($0)] }) { out.append(Int(k)) }
        }
        return out.sorted()
    }

    /// Reads a misspelt word as the catalog word it is one typo away from (words no stem starts).
    func correctSpelling(_ text: inout TextAnalysis) {
        for i in text.tokens.indices {
            guard let fixed = correction(of: text.tokens[i]) else { continue }
            text.tokens[i].bytes = fixed
            text.tokens[i].text = String(decoding: fixed, as: UTF8.self)
            text.tokens[i].corrected = true
        }
    }

    /// Marks in each token the known words that begin inside it, so that a stem matches a compound only where one
    /// of its parts begins (`CompiledTerm.Stem`).
    func markCompoundParts(_ text: inout TextAnalysis) {
        for i in text.tokens.indices where !text.tokens[i].isBoundary {
            text.tokens[i].innerWords = index.innerWords(of: text.tokens[i].bytes)
            text.tokens[i].heads = index.headLengths(of: text.tokens[i].bytes)
        }
    }

    /// The catalog word a token would be read as, or nil when it stays itself.
    func correction(of t: TextAnalysis.Token) -> [UInt8]? {
        guard !t.isBoundary, t.number == nil, t.bytes.count >= TypoIndex.minimumLength, !CompiledTerm.stopWords.contains(t.text),
              !index.startsWithStem(t.bytes), !index.endsWithStem(t.bytes) else { return nil }
        return typos.correction(of: t.bytes)
    }

    /// The reason a rule applies (Swedish and English), or nil.
    func applies(_ r: CompiledRule, _ f: RuleFacts) -> (sv: String, en: String)? {
        // Findings first: most rules fail there, before the rule's fields are read (over a thousand rules a triage).
        if !r.any.isEmpty, !f.hasAny(r.any) { return nil }
        for id in r.all where !f.mask[id] { return nil }
        if f.hasAny(r.none) { return nil }
        let rule = r.rule
        if let a = rule.ageUnderMonths, f.ageMonths >= a { return nil }
        if let a = rule.ageUnder, f.ageYears >= a { return nil }
        if let a = rule.ageAtLeast, f.ageYears < a { return nil }
        // An unknown sex (x) never switches a rule off: rules only raise, and "gravid v 10, blöder" must not wait for a sex field.
        if let s = rule.sex, f.sex != .x, s != f.sex { return nil }
        if let d = rule.daysAtLeast, (f.text.days ?? 0) < d { return nil }
        if let v = rule.feverAtLeast, (f.text.fever ?? 0) < v { return nil }
        if let p = rule.systolicAtLeast, (f.text.systolic ?? 0) < p { return nil }
        if let p = rule.painAtLeast, (f.text.painScore ?? 0) < p { return nil }
        if let w = rule.pregnancyWeekAtLeast, (f.text.pregnancyWeek ?? 0) < w { return nil }
        if let w = rule.pregnancyWeekUnder, (f.text.pregnancyWeek ?? 99) >= w { return nil }
        if let p = rule.pulseAtLeast, (f.text.pulseHigh ?? 0) < p { return nil }
        if let p = rule.pulseUnder, (f.text.pulseLow ?? 999) >= p { return nil }
        if let s = rule.saturationUnder, (f.text.saturation ?? 999) >= s { return nil }
        if let g = rule.glucoseUnder, (f.text.glucoseLow ?? 999) >= g { return nil }
        if let g = rule.glucoseAtLeast, (f.text.glucoseHigh ?? 0) < g { return nil }
        var found: [String] = []
        if !r.terms.isEmpty {
            guard let hit = r.terms.lazy.compactMap({ $0.match(in: f.text, matched: f.matched) }).first(where: { !$0.negated }) else { return nil }
            found.append("\"\(hit.term.phrase)\"")
        }
        for w in r.with {
            guard let m = w.match(in: f.text, matched: f.matched), !m.negated else { return nil }
            found.append("\"\(w.phrase)\"")
        }
        let ids = (r.any.filter { f.mask[$0] }.prefix(2) + r.all)
        var sv = found + ids.map { f.catalog.findings[$0].titleSv }
        var en = found + ids.map { f.catalog.findings[$0].titleEn }
        func both(_ s: String, _ e: String) { sv.append(s); en.append(e) }
        if let a = rule.ageUnderMonths { both("ålder < \(a) mån", "age < \(a) months") }
        if let a = rule.ageUnder { both("ålder < \(a) år", "age < \(a)") }
        if let a = rule.ageAtLeast { both("ålder ≥ \(a) år", "age ≥ \(a)") }
        if let v = rule.feverAtLeast { both("feber ≥ \(Rationale.decimal(v))", "fever ≥ \(Rationale.decimal(v))") }
        if let d = rule.daysAtLeast { both("≥ \(d) dagar", "≥ \(d) days") }
        if let p = rule.systolicAtLeast { both("systoliskt ≥ \(p)", "systolic ≥ \(p)") }
        if let p = rule.painAtLeast { both("smärta ≥ \(p)/10", "pain ≥ \(p)/10") }
        if let w = rule.pregnancyWeekAtLeast { both("graviditetsvecka ≥ \(w)", "pregnancy week ≥ \(w)") }
        if let w = rule.pregnancyWeekUnder { both("graviditetsvecka < \(w)", "pregnancy week < \(w)") }
        if let p = rule.pulseAtLeast { both("puls ≥ \(p)", "pulse ≥ \(p)") }
        if let p = rule.pulseUnder { both("puls < \(p)", "pulse < \(p)") }
        if let s = rule.saturationUnder { both("saturation < \(s) %", "saturation < \(s) %") }
        if let g = rule.glucoseUnder { both("blodsocker < \(Rationale.decimal(g))", "blood sugar < \(Rationale.decimal(g))") }
        if let g = rule.glucoseAtLeast { both("blodsocker ≥ \(Rationale.decimal(g))", "blood sugar ≥ \(Rationale.decimal(g))") }
        return (sv.joined(separator: ", "), en.joined(separator: ", "))
    }
}

/// What a rule is tested against: the analysed text, the findings present, and who the patient is.
struct RuleFacts {
    let text: TextAnalysis
    /// For each finding, whether it is present (an array: a thousand rules a triage test it without hashing).
    let mask: [Bool]
    let ageYears: Int
    let ageMonths: Int
    let sex: Sex
    let matched: [Bool]
    let catalog: SymptomCatalog

    /// Whether any of these findings is present.
    func hasAny(_ ids: [Int]) -> Bool {
        for id in ids where mask[id] { return true }
        return false
    }
}
