import Foundation

/// Triage of free text: findings, general discriminators and complaints from the catalog, then referral (DESIGN §3, §9).
///
/// 1. The text is analysed (`TextAnalysis`): folded tokens, misspellings read as catalog words, negation and
///    hedges, fever, duration, stated age, pain score, blood pressure.
/// 2. Every finding whose expressions match (not negated), or that a form answer says yes to, is present.
/// 3. Every complaint named by the text or identified by a present finding counts, unless its words are only a
///    part of a more specific complaint's words; background conditions count only when nothing else does.
/// 4. The base urgency of every counted complaint, every rule of those complaints and every general
///    discriminator that applies give urgencies; the most urgent wins. Nothing lowers it, except that a general
///    complaint's base gives way to a counted complaint that `refines` it (its rules still apply).
/// 5. No confident match means a human looks: the result is flagged and never below P3.
/// 6. The follow-up questions of the counted complaints that the text and answers leave open are listed.
///
/// ```swift
/// let engine = TriageEngine(catalog: catalog, directory: directory)
/// let r = engine.triage(TriageInput(text: "Ont i halsen, ingen feber", ageYears: 25), at: Date())
/// r.urgency   // .p5
/// ```
public struct TriageEngine: Sendable {
    public let catalog: SymptomCatalog
    public let policy: ReferralPolicy
    let compiled: CompiledCatalog

    public init(catalog: SymptomCatalog, directory: ProviderDirectory) {
        self.catalog = catalog
        self.policy = ReferralPolicy(directory: directory)
        self.compiled = CompiledCatalog(catalog)
    }

    /// What one complaint contributed.
    struct Candidate {
        var symptom: Int
        var match: CompiledTerm.Match?
        var score: Double
        /// The finding that identified it, when no phrase of its own did.
        var viaFinding: Int?
    }

    /// The words of `words` that the reader would take for a misspelling of a catalog word, each with that reading
    /// (for the catalog's `realWords` list, made by `lots catalog real-words`).
    public func typoReadings(of words: [String]) -> [(word: String, readAs: String)] {
        words.compactMap { w in
            let text = TextAnalysis(w)
            guard text.tokens.count == 1, let fixed = compiled.correction(of: text.tokens[0]) else { return nil }
            return (text.tokens[0].text, String(decoding: fixed, as: UTF8.self))
        }
    }

    /// Triage at a moment in time (which decides the referral).
    public func triage(_ input: TriageInput, at date: Date, ownUnit: String? = nil) -> TriageResult {
        var text = TextAnalysis(input.text)
        text.resolveAges(givenYears: input.ageMonths.map { $0 / 12 } ?? input.ageYears)
        let now = StockholmTime(date)
        text.resolveBirthDate(now: now)
        text.resolveSinceWeekday(now: now)
        compiled.correctSpelling(&text)
        compiled.markCompoundParts(&text)
        let months = input.ageMonths ?? (input.ageYears < 2 ? text.statedAgeMonths : nil) ?? input.ageYears * 12 + (input.ageYears == 0 ? 6 : 0)
        let years = input.ageMonths.map { $0 / 12 } ?? (input.ageYears == 0 ? months / 12 : input.ageYears)
        text.keepEndedFever(ageMonths: months)
        var why = Rationale()

        // Findings and complaint phrases.
        let (matched, matchedIds) = compiled.index.matches(in: text)
        var findings: [Int: CompiledTerm.Match] = [:]
        var negatedFindings = Set<Int>()
        var perSymptom: [Int: (best: CompiledTerm.Match, extra: Double)] = [:]
        var negatedPhrases: [String] = []
        // Findings stated by denying another ("har inte sparkat"), with the denial that states them.
        var deniedMeans: [Int: CompiledTerm.Match] = [:]
        for k in compiled.candidatePhrases(matched, ids: matchedIds) {
            let phrase = compiled.phrases[k]
            guard let m = phrase.term.match(in: text) else { continue }
            switch phrase.owner {
            case let .finding(f):
                if compiled.isExcluded(finding: f, m, in: text) { continue }
                if m.negated {
                    negatedFindings.insert(f)
                    negatedPhrases.append(phrase.term.phrase)
                    if let g = compiled.findingWhenNegated[f], findings[g] == nil { deniedMeans[g] = m }
                }
                else if findings[f].map({ m.score > $0.score }) ?? true { findings[f] = m }
            case let .symptom(si):
                if m.negated { negatedPhrases.append(phrase.term.phrase); continue }
                if let cur = perSymptom[si] {
                    perSymptom[si] = m.score > cur.best.score ? (m, cur.extra + cur.best.score * 0.3) : (cur.best, cur.extra + m.score * 0.3)
                } else {
                    perSymptom[si] = (m, 0)
                }
            }
        }
        var answeredYes = Set<Int>(), answeredNo = Set<Int>()
        for (id, yes) in input.answers {
            guard let f = compiled.findingIndex[id] else { continue }
            if yes { answeredYes.insert(f) } else { answeredNo.insert(f) }
        }
        for (g, m) in deniedMeans where findings[g] == nil { var m = m; m.negated = false; findings[g] = m }
        var present = Set(findings.keys).union(answeredYes)
        // Facts read from numbers count as their findings ("har haft 39" is fever, "i vecka 30" is pregnancy).
        if text.fever.map({ $0 >= 38 }) == true, let f = compiled.findingIndex["fever-word"] { present.insert(f) }
        if text.pregnancyWeek != nil, let f = compiled.findingIndex["pregnancy"] { present.insert(f) }
        for f in present.sorted() {
            let m = findings[f]
            why.add("fynd: \(catalog.findings[f].titleSv)" + (m.map { " (\"\(Rationale.words(of: $0, in: text))\")" } ?? (answeredYes.contains(f) ? " (svar ja)" : " (ur texten)")),
                    "finding: \(catalog.findings[f].titleEn)" + (m.map { " (\"\(Rationale.words(of: $0, in: text))\")" } ?? (answeredYes.contains(f) ? " (answered yes)" : " (from the text)")))
            if let m, m.uncertain { why.add("osäkert uttryckt: \(catalog.findings[f].titleSv)", "stated with uncertainty: \(catalog.findings[f].titleEn)") }
        }

        // Complaints: named in the text, or identified by a present finding.
        var candidates = perSymptom.map { Candidate(symptom: $0.key, match: $0.value.best, score: $0.value.best.score + $0.value.extra) }
        for f in present {
            for si in compiled.symptomsByFinding[f] where perSymptom[si] == nil && !candidates.contains(where: { $0.symptom == si }) {
                candidates.append(Candidate(symptom: si, match: findings[f], score: findings[f]?.score ?? 6, viaFinding: f))
            }
        }
        let counted = countedComplaints(candidates.filter { c in !compiled.symptomUnless[c.symptom].contains(where: present.contains) })

        // Urgency: base of every counted complaint, their rules, every discriminator.
        // No complaint at all: staff assess (P3) unless something below raises it.
        var urgency = counted.isEmpty ? Urgency.p3 : Urgency.p5
        var decider: (symptom: Int?, mission: CareMission?) = (nil, nil)
        var evidence = false
        // A general complaint's base gives way when a counted complaint makes it precise; its rules still apply.
        let refinedCodes = Set(counted.flatMap { catalog.symptoms[$0.symptom].refines })
        for c in counted {
            let s = catalog.symptoms[c.symptom]
            let how = c.viaFinding.map { "fynd \(catalog.findings[$0].titleSv)" } ?? c.match.map { "\"\(Rationale.words(of: $0, in: text))\"" } ?? ""
            let howEn = c.viaFinding.map { "finding \(catalog.findings[$0].titleEn)" } ?? c.match.map { "\"\(Rationale.words(of: $0, in: text))\"" } ?? ""
            if refinedCodes.contains(s.code) {
                why.add("besvär \(s.code) \(s.titleSv) (\(how)), grund \(s.urgency.code) gäller inte: ett mer precist besvär räknas",
                        "complaint \(s.code) \(s.titleEn) (\(howEn)), base \(s.urgency.code) set aside: a more precise complaint counts")
                continue
            }
            why.add("besvär \(s.code) \(s.titleSv) (\(how)), grund \(s.urgency.code)", "complaint \(s.code) \(s.titleEn) (\(howEn)), base \(s.urgency.code)")
            if s.urgency < urgency || decider.symptom == nil && s.urgency == urgency { urgency = s.urgency; decider = (c.symptom, nil) }
        }
        var mask = [Bool](repeating: false, count: catalog.findings.count)
        for f in present { mask[f] = true }
        let facts = RuleFacts(text: text, mask: mask, ageYears: years, ageMonths: months, sex: input.sex,
                              matched: matched, catalog: catalog)
        func consider(_ r: CompiledCatalog.CompiledRule, symptom: Int?) {
            guard let hit = compiled.applies(r, facts) else { return }
            let rule = r.rule
            let src = rule.source.map { " [\($0)]" } ?? ""
            if rule.urgency < urgency {
                why.add("regel \"\(rule.label)\" (\(hit.sv)) höjer till \(rule.urgency.code)\(src)",
                        "rule \"\(rule.labelEn ?? rule.label)\" (\(hit.en)) raises to \(rule.urgency.code)\(src)")
                urgency = rule.urgency
                decider = (symptom ?? decider.symptom, rule.mission)
            } else {
                why.add("regel \"\(rule.label)\" (\(hit.sv)), \(rule.urgency.code), ingen ändring",
                        "rule \"\(rule.labelEn ?? rule.label)\" (\(hit.en)), \(rule.urgency.code), no change")
                if rule.urgency == urgency, let m = rule.mission, decider.mission == nil { decider.mission = m }
            }
            if rule.needsEvidence { evidence = true }
        }
        for k in compiled.discriminatorCandidates(present: present) { consider(compiled.discriminators[k], symptom: nil) }
        for c in counted { for r in compiled.symptomRules[c.symptom] { consider(r, symptom: c.symptom) } }

        // Confidence: a complaint or finding matched by its own words, not only by a short or corrected word.
        // A word read through a spelling correction counts when it is long (a short one may be another word).
        func sure(_ m: CompiledTerm.Match) -> Bool { m.term.weight >= (m.corrected ? 7 : 4) }
        // A complaint identified only by a fact read from a number ("har haft 39") is not a confident match.
        let strong = counted.contains { c in c.match.map(sure) ?? c.viaFinding.map { answeredYes.contains($0) } ?? true }
            || findings.values.contains(where: sure)
            || evidence || !answeredYes.isEmpty
        if !strong {
            if urgency > .p3 { urgency = .p3 }
            why.add(counted.isEmpty ? "ingen säker träff i katalogen: lägst P3, bedöms av personal" : "osäker träff: lägst P3, bedöms av personal",
                    counted.isEmpty ? "no confident catalog match: at least P3, assessed by staff" : "uncertain match: at least P3, assessed by staff")
        }
        let negated = Array(Set(negatedPhrases)).sorted()
        if !negated.isEmpty {
            why.add("negerat, räknas inte: " + negated.prefix(5).map { "\"\($0)\"" }.joined(separator: ", "),
                    "negated, not counted: " + negated.prefix(5).map { "\"\($0)\"" }.joined(separator: ", "))
        }
        why.addFacts(text: text, ageYears: years, ageMonths: months, statedMonths: input.ageYears < 2 && input.ageMonths == nil ? text.statedAgeMonths : nil)

        let symptom = decider.symptom.map { catalog.symptoms[$0] } ?? counted.first.map { catalog.symptoms[$0.symptom] }
        var careLevel = symptom?.careLevel ?? .video
        var profession = symptom?.profession ?? .sjukskoterska
        let mission = decider.mission ?? symptom?.mission ?? .somatisk
        careLevel = max(careLevel, CareLevel.minimum(for: urgency))
        if urgency <= .p1 { profession = .lakare }
        let referral = policy.refer(urgency: urgency, mission: mission, age: years, at: date, ownUnit: ownUnit)
        why.add("hänvisning \(referral.type.rawValue): \(referral.reason)", "referral \(referral.type.rawValue): \(referral.reason)")

        var result = TriageResult(urgency: urgency, symptom: symptom, careLevel: careLevel, profession: profession, mission: mission,
                                  referral: referral, rationale: why.sv, catalogVersion: catalog.version)
        result.rationaleEn = why.en
        result.confident = strong
        result.findings = present.sorted().map { catalog.findings[$0].id }
        result.complaints = counted.map { catalog.symptoms[$0.symptom].code }
        result.pathway = counted.lazy.compactMap { self.catalog.symptoms[$0.symptom].pathway }.first
        result.questions = questions(for: counted, known: present.union(answeredNo).union(negatedFindings))
        return result
    }

    /// The complaints that count: the best first; one whose words lie inside a better one's is a part of it;
    /// background conditions only when nothing else matched. (Letting such parts count by their rules was tried in
    /// session 10: their broad red flags over-triaged six development cases for two gains.)
    func countedComplaints(_ candidates: [Candidate]) -> [Candidate] {
        let sorted = candidates.sorted { ($0.score, -$0.symptom) > ($1.score, -$1.symptom) }
        let foreground = sorted.filter { !catalog.symptoms[$0.symptom].background }
        var out: [Candidate] = []
        for c in foreground.isEmpty ? sorted : foreground {
            if let r = c.match?.tokenRange, c.viaFinding == nil,
               out.contains(where: { o in o.viaFinding == nil && o.match.map { $0.tokenRange.contains(r.lowerBound) && $0.tokenRange.contains(r.upperBound) && $0.tokenRange != r } ?? false }) {
                continue
            }
            out.append(c)
        }
        return out
    }

    /// Questions of the counted complaints about findings not yet known, most urgent complaint first.
    func questions(for counted: [Candidate], known: Set<Int>) -> [FollowUpQuestion] {
        var out: [FollowUpQuestion] = []
        var seen = known
        for c in counted.sorted(by: { catalog.symptoms[$0.symptom].urgency < catalog.symptoms[$1.symptom].urgency }) {
            for id in catalog.symptoms[c.symptom].questions {
                guard let f = compiled.findingIndex[id], seen.insert(f).inserted, let sv = catalog.findings[f].questionSv else { continue }
                out.append(FollowUpQuestion(id: id, sv: sv, en: catalog.findings[f].questionEn ?? sv))
            }
        }
        return out
    }
}
