/// Reads catalog YAML files into a `SymptomCatalog`, with errors that name file, line and column.
///
/// A catalog is one or more files, each a mapping with any of `version`, `findings`, `discriminators`
/// (also `redFlags`) and `symptoms`:
/// ```yaml
/// findings:
///   - {id: stridor, sv: stridor, en: stridor, terms: [väser när hen andas in, stridor],
///      question: {sv: "Låter det när hen andas in?", en: "Is there a noise when breathing in?"}}
/// discriminators:
///   - {label: stridor, any: [stridor], urgency: P1, source: "RETTS ESS 45"}
/// symptoms:
///   - code: SORE-THROAT
///     sv: Halsont
///     en: Sore throat
///     terms: [ont i halsen, halsont, sore throat]
///     urgency: P5
///     source: "1177: Halsont"
///     questions: [stridor]
///     redFlags:
///       - { label: svårt att svälja, terms: [svårt att svälja], urgency: P2 }
///     ageModifiers:
///       - { label: spädbarn, ageUnderMonths: 3, urgency: P1 }
///     advice: Drick mycket, ta receptfri smärtlindring vid behov.
///     pathway: stroke-tia        # optional: the national care pathway (vårdförlopp) the complaint may start
/// ```
/// Every finding a rule, complaint or question names must exist; questions need a finding with question text.
public enum CatalogParser {
    static let topKeys: Set<String> = ["version", "redFlags", "discriminators", "symptoms", "findings", "extend", "realWords"]
    static let symptomKeys: Set<String> = ["code", "sv", "en", "terms", "findings", "urgency", "mission", "profession", "careLevel",
                                           "redFlags", "rules", "ageModifiers", "questions", "advice", "adviceEn", "source", "background", "unless",
                                           "pathway", "refines"]
    static let ruleKeys: Set<String> = ["label", "en", "terms", "with", "any", "all", "none", "urgency", "ageUnderMonths", "ageUnder",
                                        "ageAtLeast", "feverAtLeast", "daysAtLeast", "systolicAtLeast", "painAtLeast", "sex",
                                        "mission", "source", "pregnancyWeekAtLeast", "pregnancyWeekUnder", "pulseAtLeast", "pulseUnder",
                                        "saturationUnder", "glucoseUnder", "glucoseAtLeast"]
    static let findingKeys: Set<String> = ["id", "sv", "en", "terms", "question", "not", "negated", "history"]

    /// Parses every file and merges them; duplicate symptom codes or finding ids across files are errors.
    public static func parse(files: [(name: String, text: String)]) throws -> SymptomCatalog {
        var version: String?
        var symptoms: [Symptom] = []
        var flags: [TriageRule] = []
        var findings: [Finding] = []
        var seen: [String: String] = [:]
        var seenFindings: [String: String] = [:]
        var realWords = Set<String>()
        // Finding references are checked once every file is read (a complaint may use a finding of another file).
        var references: [(id: String, at: YAMLReader, needsQuestion: Bool)] = []
        // Complaint codes named by `refines:`, checked the same way.
        var refined: [(code: String, by: String, at: YAMLReader)] = []
        for (name, text) in files {
            let root = try YAMLReader.parse(text, file: name)
            let top = try root.mapping(allowed: topKeys)
            if let v = top["version"] { version = try v.string() }
            for w in try top["realWords"]?.strings() ?? [] { realWords.insert(TextAnalysis.fold(w)) }
            for f in try top["findings"]?.list() ?? [] {
                let finding = try self.finding(f, references: &references)
                let idNode = try f.mapping()["id"]!
                if let first = seenFindings[finding.id] {
                    throw LotsError("duplicate finding id \"\(finding.id)\" (first at \(first))", at: idNode.location,
                                    fix: "give every finding its own id, or add the terms to the first one")
                }
                seenFindings[finding.id] = idNode.location
                findings.append(finding)
            }
            for key in ["redFlags", "discriminators"] {
                for r in try top[key]?.list() ?? [] {
                    flags.append(try rule(r, requireEvidence: true, references: &references))
                }
            }
            for s in try top["symptoms"]?.list() ?? [] {
                let sym = try symptom(s, references: &references)
                let codeNode = try s.mapping()["code"]!
                if let first = seen[sym.code] {
                    throw LotsError("duplicate symptom code \"\(sym.code)\" (first at \(first))", at: codeNode.location,
                                    fix: "give every symptom its own code")
                }
                seen[sym.code] = codeNode.location
                if let r = try s.mapping()["refines"] { refined += sym.refines.map { ($0, sym.code, r) } }
                symptoms.append(sym)
            }
        }
        // `extend:` adds lay expressions to findings (`id:`) or complaints (`code:`) defined elsewhere (a lexicon
        // kept apart from the model).
        for (name, text) in files {
            let top = try YAMLReader.parse(text, file: name).mapping(allowed: topKeys)
            for e in try top["extend"]?.list() ?? [] {
                let m = try e.mapping(allowed: ["id", "code", "terms", "not", "unless", "refines", "history"])
                if let codeNode = m["code"] {
                    let code = try codeNode.string()
                    // Session 10: `not:` on a complaint was read and ignored; say so instead.
                    if let n = m["not"] {
                        throw n.fail("not: works on findings, not on complaint \(code)",
                                     fix: "define a finding for the look-alike and list it under unless:, or move the phrases to a finding's not:")
                    }
                    guard let i = symptoms.firstIndex(where: { $0.code == code }) else {
                        throw codeNode.fail("extend names unknown symptom code \"\(code)\"", fix: "use a code defined under symptoms: or correct it")
                    }
                    // `unless:` adds findings that explain the complaint away (a benign look-alike: "när jag vrider på mig").
                    if let u = m["unless"] {
                        let ids = try u.strings()
                        symptoms[i].unless += ids
                        for id in ids { references.append((id, u, false)) }
                    }
                    // `refines:` names general complaints whose base gives way to this one's.
                    if let r = m["refines"] {
                        let codes = try r.strings()
                        symptoms[i].refines += codes
                        refined += codes.map { ($0, code, r) }
                    }
                    if m["unless"] == nil && m["refines"] == nil || m["terms"] != nil { symptoms[i].terms += try m.required("terms", in: e).strings() }
                    continue
                }
                let id = try m.required("id", in: e).string()
                guard let i = findings.firstIndex(where: { $0.id == id }) else {
                    throw e.fail("extend names unknown finding \"\(id)\"", fix: "define it under findings: or correct the id")
                }
                findings[i].terms += try m["terms"]?.strings() ?? []
                findings[i].not += try m["not"]?.strings() ?? []
                if let h = m["history"] { findings[i].history = try h.bool() }
            }
        }
        guard !symptoms.isEmpty else {
            throw LotsError("the catalog has no symptoms", at: files.first?.name ?? "catalog", fix: "add a symptoms: list")
        }
        let byId = Dictionary(findings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for ref in references {
            guard let f = byId[ref.id] else {
                throw ref.at.fail("unknown finding \"\(ref.id)\"", fix: "define it under findings: (id, sv, en, terms) or correct the id")
            }
            if ref.needsQuestion, f.questionSv == nil {
                throw ref.at.fail("finding \"\(ref.id)\" has no question", fix: "add question: {sv: ..., en: ...} to the finding")
            }
        }
        for ref in refined where ref.code == ref.by || seen[ref.code] == nil {
            throw ref.at.fail(ref.code == ref.by ? "symptom \(ref.by) refines itself" : "refines names unknown symptom code \"\(ref.code)\"",
                              fix: "name the more general complaint's code (defined under symptoms:)")
        }
        return SymptomCatalog(version: version ?? "unversioned", symptoms: symptoms, redFlags: flags, findings: findings, realWords: realWords)
    }

    static func finding(_ node: YAMLReader, references: inout [(id: String, at: YAMLReader, needsQuestion: Bool)]) throws -> Finding {
        let m = try node.mapping(allowed: findingKeys)
        let id = try m.required("id", in: node).string()
        let termsNode = try m.required("terms", in: node)
        let terms = try termsNode.strings()
        guard !terms.isEmpty else { throw termsNode.fail("finding \(id) has no terms", fix: "add the words citizens use for it") }
        var qSv: String?, qEn: String?
        if let q = m["question"] {
            let qm = try q.mapping(allowed: ["sv", "en"])
            qSv = try qm.required("sv", in: q).string()
            qEn = try qm["en"]?.string() ?? qSv
        }
        var negated: String?
        if let n = m["negated"] {
            negated = try n.string()
            references.append((negated!, n, false))
        }
        var f = Finding(id: id, titleSv: try m.required("sv", in: node).string(), titleEn: try m["en"]?.string() ?? id,
                        terms: terms, questionSv: qSv, questionEn: qEn, not: try m["not"]?.strings() ?? [], whenNegated: negated)
        f.history = try m["history"]?.bool() ?? false
        return f
    }

    static func symptom(_ node: YAMLReader, references: inout [(id: String, at: YAMLReader, needsQuestion: Bool)]) throws -> Symptom {
        let m = try node.mapping(allowed: symptomKeys)
        let code = try m.required("code", in: node).string()
        let terms = try m["terms"]?.strings() ?? []
        let findings = try m["findings"]?.strings() ?? []
        if terms.isEmpty && findings.isEmpty {
            throw node.fail("symptom \(code) has no terms", fix: "add at least one phrase a citizen would write, or findings: [...]")
        }
        if let f = m["findings"] { for id in findings { references.append((id, f, false)) } }
        let questions = try m["questions"]?.strings() ?? []
        if let q = m["questions"] { for id in questions { references.append((id, q, true)) } }
        let flags = try (m["redFlags"]?.list() ?? []) + (m["rules"]?.list() ?? [])
        let unless = try m["unless"]?.strings() ?? []
        if let u = m["unless"] { for id in unless { references.append((id, u, false)) } }
        var symptom = Symptom(
            code: code,
            titleSv: try m.required("sv", in: node).string(),
            titleEn: try m["en"]?.string() ?? code,
            terms: terms,
            findings: findings,
            urgency: try m.required("urgency", in: node).value(Urgency.self, what: "urgency code"),
            mission: try m["mission"]?.value(CareMission.self, what: "care mission") ?? .somatisk,
            profession: try m["profession"]?.value(Profession.self, what: "profession") ?? .sjukskoterska,
            careLevel: try m["careLevel"]?.value(CareLevel.self, what: "care level") ?? .chatt,
            redFlags: try flags.map { try rule($0, requireEvidence: true, references: &references) },
            ageModifiers: try (m["ageModifiers"]?.list() ?? []).map { try rule($0, requireEvidence: false, references: &references) },
            questions: questions,
            advice: try m["advice"]?.string() ?? "",
            adviceEn: try m["adviceEn"]?.string() ?? "",
            source: try m["source"]?.string() ?? "",
            background: try m["background"].map { try $0.bool() } ?? false)
        symptom.unless = unless
        symptom.refines = try m["refines"]?.strings() ?? []
        symptom.pathway = try m["pathway"]?.value(CarePathway.self, what: "care pathway")
        return symptom
    }

    static func rule(_ node: YAMLReader, requireEvidence: Bool, references: inout [(id: String, at: YAMLReader, needsQuestion: Bool)]) throws -> TriageRule {
        let m = try node.mapping(allowed: ruleKeys)
        let terms = try m["terms"]?.strings() ?? []
        let any = try m["any"]?.strings() ?? [], all = try m["all"]?.strings() ?? [], none = try m["none"]?.strings() ?? []
        for key in ["any", "all", "none"] {
            guard let n = m[key] else { continue }
            for id in try n.strings() { references.append((id, n, false)) }
        }
        let fever = try m["feverAtLeast"]?.double()
        let hasFacts = fever != nil || m["daysAtLeast"] != nil || m["systolicAtLeast"] != nil || m["painAtLeast"] != nil || m["pregnancyWeekAtLeast"] != nil
            || m["pulseAtLeast"] != nil || m["pulseUnder"] != nil || m["saturationUnder"] != nil
            || m["glucoseUnder"] != nil || m["glucoseAtLeast"] != nil
        if requireEvidence, terms.isEmpty, any.isEmpty, all.isEmpty, !hasFacts {
            throw node.fail("a rule needs terms, findings (any/all) or a fact such as feverAtLeast",
                            fix: "add terms: [...] with the phrases, or any: [finding ids]")
        }
        var r = TriageRule(
            label: try m["label"]?.string() ?? terms.first ?? any.first ?? all.first ?? "regel",
            labelEn: try m["en"]?.string(),
            terms: terms, with: try m["with"]?.strings() ?? [], any: any, all: all, none: none,
            urgency: try m.required("urgency", in: node).value(Urgency.self, what: "urgency code"),
            ageUnderMonths: try m["ageUnderMonths"]?.int(), ageUnder: try m["ageUnder"]?.int(),
            ageAtLeast: try m["ageAtLeast"]?.int(), feverAtLeast: fever,
            daysAtLeast: try m["daysAtLeast"]?.int(), systolicAtLeast: try m["systolicAtLeast"]?.int(),
            painAtLeast: try m["painAtLeast"]?.int(),
            sex: try m["sex"]?.value(Sex.self, what: "sex"),
            mission: try m["mission"]?.value(CareMission.self, what: "care mission"),
            source: try m["source"]?.string())
        r.pregnancyWeekAtLeast = try m["pregnancyWeekAtLeast"]?.int()
        r.pregnancyWeekUnder = try m["pregnancyWeekUnder"]?.int()
        r.pulseAtLeast = try m["pulseAtLeast"]?.int()
        r.pulseUnder = try m["pulseUnder"]?.int()
        r.saturationUnder = try m["saturationUnder"]?.int()
        r.glucoseUnder = try m["glucoseUnder"]?.double()
        r.glucoseAtLeast = try m["glucoseAtLeast"]?.double()
        if !requireEvidence, !r.needsEvidence, r.ageUnder == nil, r.ageUnderMonths == nil, r.ageAtLeast == nil, r.feverAtLeast == nil,
           r.daysAtLeast == nil, r.systolicAtLeast == nil, r.painAtLeast == nil, r.pulseAtLeast == nil, r.pulseUnder == nil,
           r.saturationUnder == nil, r.glucoseUnder == nil, r.glucoseAtLeast == nil {
            throw node.fail("an age modifier without any condition", fix: "add ageUnder, ageUnderMonths, ageAtLeast, feverAtLeast or daysAtLeast")
        }
        return r
    }
}
