/// One complaint of the catalog (a symptom description of Hänvisningsstödet): how citizens name it, the
/// findings that identify it, its base urgency, the rules that raise it, the questions to ask, and advice.
public struct Symptom: Sendable, Equatable, Identifiable {
    public var code: String
    public var titleSv: String
    public var titleEn: String
    /// Phrases and synonyms citizens write, Swedish first, English too. Matched by stem and in any order.
    public var terms: [String]
    /// Finding ids that also identify this complaint (a stroke is recognised by face droop or arm weakness).
    public var findings: [String]
    public var urgency: Urgency
    public var mission: CareMission
    public var profession: Profession
    public var careLevel: CareLevel
    /// Rules found by their phrases or findings (red flags of this complaint).
    public var redFlags: [TriageRule]
    /// Rules that need only facts (age, fever, duration).
    public var ageModifiers: [TriageRule]
    /// Finding ids to ask about when they are not yet known (the red-flag questions of the form).
    public var questions: [String]
    /// Self-care advice in Swedish (and English when given).
    public var advice: String
    public var adviceEn: String
    /// Where the base urgency comes from (national guideline, RETTS ESS, 1177's advice page by title).
    public var source: String
    /// A background condition (diabetes, asthma, blood thinners): counts only when nothing else matched.
    public var background: Bool
    /// Finding ids that explain the words otherwise (chest pain on pressing a rib): then the complaint does not count.
    public var unless: [String] = []
    /// Codes of more general complaints this one makes precise ("lätt återkommande magont" refines "ont i magen"):
    /// when both count, the general one's base urgency gives way to this one's; its rules still apply.
    public var refines: [String] = []
    /// The national care pathway (vårdförlopp) this complaint may start, if any.
    public var pathway: CarePathway?

    public var id: String { code }

    public init(code: String, titleSv: String, titleEn: String, terms: [String], findings: [String] = [], urgency: Urgency,
                mission: CareMission = .somatisk, profession: Profession = .sjukskoterska, careLevel: CareLevel = .chatt,
                redFlags: [TriageRule] = [], ageModifiers: [TriageRule] = [], questions: [String] = [], advice: String = "",
                adviceEn: String = "", source: String = "", background: Bool = false) {
        self.code = code
        self.titleSv = titleSv
        self.titleEn = titleEn
        self.terms = terms
        self.findings = findings
        self.urgency = urgency
        self.mission = mission
        self.profession = profession
        self.careLevel = careLevel
        self.redFlags = redFlags
        self.ageModifiers = ageModifiers
        self.questions = questions
        self.advice = advice
        self.adviceEn = adviceEn
        self.source = source
        self.background = background
    }

    /// Every rule of the complaint, red flags first.
    public var rules: [TriageRule] { redFlags + ageModifiers }
}

/// The triage knowledge: findings, general discriminators and complaints.
public struct SymptomCatalog: Sendable {
    public var version: String
    public var symptoms: [Symptom]
    /// General discriminators searched for in every text (airway, breathing, circulation, consciousness, …).
    public var redFlags: [TriageRule]
    public var findings: [Finding]
    /// Words of the language that are never read as a misspelling of a catalog word ("simmar" is not "svimmar"),
    /// folded (å/ä → a, ö → o). Made by `lots catalog real-words` from word lists.
    public var realWords: Set<String>

    public init(version: String, symptoms: [Symptom], redFlags: [TriageRule], findings: [Finding] = [], realWords: Set<String> = []) {
        self.realWords = realWords
        self.version = version
        self.symptoms = symptoms
        self.redFlags = redFlags
        self.findings = findings
    }

    public func symptom(_ code: String) -> Symptom? { symptoms.first { $0.code == code } }
    public func finding(_ id: String) -> Finding? { findings.first { $0.id == id } }
}
