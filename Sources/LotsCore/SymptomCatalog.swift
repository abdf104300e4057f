/// A rule that raises urgency: a red flag (found by its terms) or an age modifier (conditions only).
///
/// All conditions must hold. A rule only ever raises urgency; it never lowers it.
public struct TriageRule: Sendable, Equatable {
    /// A short name shown in the rationale, e.g. `strålar ut i armen` or `spädbarn med feber`.
    public var label: String
    /// Any one of these phrases (not negated) triggers the rule; empty means no phrase is needed.
    public var terms: [String]
    /// Every one of these phrases must also be present (for combinations such as fever + stiff neck).
    public var with: [String]
    public var urgency: Urgency
    public var ageUnderMonths: Int?
    public var ageUnder: Int?
    public var ageAtLeast: Int?
    /// Fever of at least this many °C (a bare mention of fever counts as 38.0).
    public var feverAtLeast: Double?
    /// Symptoms lasting at least this many days.
    public var daysAtLeast: Int?
    /// A blood pressure reading with at least this systolic value.
    public var systolicAtLeast: Int?
    public var sex: Sex?

    public init(label: String, terms: [String] = [], with: [String] = [], urgency: Urgency, ageUnderMonths: Int? = nil,
                ageUnder: Int? = nil, ageAtLeast: Int? = nil, feverAtLeast: Double? = nil, daysAtLeast: Int? = nil, systolicAtLeast: Int? = nil, sex: Sex? = nil) {
        self.label = label
        self.terms = terms
        self.with = with
        self.urgency = urgency
        self.ageUnderMonths = ageUnderMonths
        self.ageUnder = ageUnder
        self.ageAtLeast = ageAtLeast
        self.feverAtLeast = feverAtLeast
        self.daysAtLeast = daysAtLeast
        self.systolicAtLeast = systolicAtLeast
        self.sex = sex
    }
}

/// One symptom description of the catalog (cf. Hänvisningsstödet).
public struct Symptom: Sendable, Equatable, Identifiable {
    public var code: String
    public var titleSv: String
    public var titleEn: String
    /// Phrases and synonyms citizens write, Swedish first, English too. Matched by stem and in any order.
    public var terms: [String]
    public var urgency: Urgency
    public var mission: CareMission
    public var profession: Profession
    public var careLevel: CareLevel
    public var redFlags: [TriageRule]
    public var ageModifiers: [TriageRule]
    /// Self-care advice in Swedish (and English when given).
    public var advice: String
    public var adviceEn: String

    public var id: String { code }

    public init(code: String, titleSv: String, titleEn: String, terms: [String], urgency: Urgency, mission: CareMission = .somatisk,
                profession: Profession = .sjukskoterska, careLevel: CareLevel = .chatt, redFlags: [TriageRule] = [],
                ageModifiers: [TriageRule] = [], advice: String = "", adviceEn: String = "") {
        self.code = code
        self.titleSv = titleSv
        self.titleEn = titleEn
        self.terms = terms
        self.urgency = urgency
        self.mission = mission
        self.profession = profession
        self.careLevel = careLevel
        self.redFlags = redFlags
        self.ageModifiers = ageModifiers
        self.advice = advice
        self.adviceEn = adviceEn
    }
}

/// The symptom catalog: symptoms plus red flags that apply whatever the symptom.
public struct SymptomCatalog: Sendable {
    public var version: String
    public var symptoms: [Symptom]
    /// Red flags searched for in every text (airway, circulation, consciousness, suicide, …).
    public var redFlags: [TriageRule]

    public init(version: String, symptoms: [Symptom], redFlags: [TriageRule]) {
        self.version = version
        self.symptoms = symptoms
        self.redFlags = redFlags
    }

    public func symptom(_ code: String) -> Symptom? { symptoms.first { $0.code == code } }
}
