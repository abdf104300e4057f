/// Reads catalog YAML files into a `SymptomCatalog`, with errors that name file, line and column.
///
/// A catalog is one or more files, each a mapping with any of `version`, `redFlags` and `symptoms`:
/// ```yaml
/// symptoms:
///   - code: SORE-THROAT
///     sv: Halsont
///     en: Sore throat
///     terms: [ont i halsen, halsont, sore throat]
///     urgency: P5
///     redFlags:
///       - { label: svårt att svälja, terms: [svårt att svälja], urgency: P2 }
///     ageModifiers:
///       - { label: spädbarn, ageUnderMonths: 3, urgency: P1 }
///     advice: Drick mycket, ta receptfri smärtlindring vid behov.
/// ```
public enum CatalogParser {
    static let symptomKeys: Set<String> = ["code", "sv", "en", "terms", "urgency", "mission", "profession", "careLevel",
                                           "redFlags", "ageModifiers", "advice", "adviceEn"]
    static let ruleKeys: Set<String> = ["label", "terms", "with", "urgency", "ageUnderMonths", "ageUnder", "ageAtLeast",
                                        "feverAtLeast", "daysAtLeast", "systolicAtLeast", "sex"]

    /// Parses every file and merges them; duplicate symptom codes across files are errors.
    public static func parse(files: [(name: String, text: String)]) throws -> SymptomCatalog {
        var version: String?
        var symptoms: [Symptom] = []
        var flags: [TriageRule] = []
        var seen: [String: String] = [:]
        for (name, text) in files {
            let root = try YAMLReader.parse(text, file: name)
            let top = try root.mapping(allowed: ["version", "redFlags", "symptoms"])
            if let v = top["version"] { version = try v.string() }
            for r in try top["redFlags"]?.list() ?? [] { flags.append(try rule(r, requireTerms: true)) }
            for s in try top["symptoms"]?.list() ?? [] {
                let sym = try symptom(s)
                let codeNode = try s.mapping()["code"]!
                if let first = seen[sym.code] {
                    throw LotsError("duplicate symptom code \"\(sym.code)\" (first at \(first))", at: codeNode.location,
                                    fix: "give every symptom its own code")
                }
                seen[sym.code] = codeNode.location
                symptoms.append(sym)
            }
        }
        guard !symptoms.isEmpty else {
            throw LotsError("the catalog has no symptoms", at: files.first?.name ?? "catalog", fix: "add a symptoms: list")
        }
        return SymptomCatalog(version: version ?? "unversioned", symptoms: symptoms, redFlags: flags)
    }

    static func symptom(_ node: YAMLReader) throws -> Symptom {
        let m = try node.mapping(allowed: symptomKeys)
        let code = try m.required("code", in: node).string()
        let termsNode = try m.required("terms", in: node)
        let terms = try termsNode.strings()
        guard !terms.isEmpty else { throw termsNode.fail("symptom \(code) has no terms", fix: "add at least one phrase a citizen would write") }
        return Symptom(
            code: code,
            titleSv: try m.required("sv", in: node).string(),
            titleEn: try m["en"]?.string() ?? code,
            terms: terms,
            urgency: try m.required("urgency", in: node).value(Urgency.self, what: "urgency code"),
            mission: try m["mission"]?.value(CareMission.self, what: "care mission") ?? .somatisk,
            profession: try m["profession"]?.value(Profession.self, what: "profession") ?? .sjukskoterska,
            careLevel: try m["careLevel"]?.value(CareLevel.self, what: "care level") ?? .chatt,
            redFlags: try (m["redFlags"]?.list() ?? []).map { try rule($0, requireTerms: true) },
            ageModifiers: try (m["ageModifiers"]?.list() ?? []).map { try rule($0, requireTerms: false) },
            advice: try m["advice"]?.string() ?? "",
            adviceEn: try m["adviceEn"]?.string() ?? "")
    }

    static func rule(_ node: YAMLReader, requireTerms: Bool) throws -> TriageRule {
        let m = try node.mapping(allowed: ruleKeys)
        let terms = try m["terms"]?.strings() ?? []
        let fever = try m["feverAtLeast"]?.double()
        if requireTerms, terms.isEmpty, fever == nil, m["systolicAtLeast"] == nil {
            throw node.fail("a red flag needs terms or feverAtLeast", fix: "add terms: [...] with the phrases that raise urgency")
        }
        let r = TriageRule(
            label: try m["label"]?.string() ?? terms.first ?? "regel",
            terms: terms, with: try m["with"]?.strings() ?? [],
            urgency: try m.required("urgency", in: node).value(Urgency.self, what: "urgency code"),
            ageUnderMonths: try m["ageUnderMonths"]?.int(), ageUnder: try m["ageUnder"]?.int(),
            ageAtLeast: try m["ageAtLeast"]?.int(), feverAtLeast: fever,
            daysAtLeast: try m["daysAtLeast"]?.int(), systolicAtLeast: try m["systolicAtLeast"]?.int(),
            sex: try m["sex"]?.value(Sex.self, what: "sex"))
        if !requireTerms, r.terms.isEmpty, r.ageUnder == nil, r.ageUnderMonths == nil, r.ageAtLeast == nil, r.feverAtLeast == nil, r.daysAtLeast == nil, r.systolicAtLeast == nil {
            throw node.fail("an age modifier without any condition", fix: "add ageUnder, ageUnderMonths, ageAtLeast, feverAtLeast or daysAtLeast")
        }
        return r
    }
}
