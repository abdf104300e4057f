/// The outcome of triage for one text: urgency, care, referral and the reasons.
public struct TriageResult: Sendable, Equatable {
    public var urgency: Urgency
    /// The matched catalog symptom, nil when nothing matched (safe default applies).
    public var symptom: Symptom?
    public var careLevel: CareLevel
    public var profession: Profession
    public var mission: CareMission
    public var referral: Referral
    /// Human-readable reasons: matched terms, rules applied, negations seen, referral rule.
    public var rationale: [String]
    public var catalogVersion: String
    /// The same reasons in English.
    public var rationaleEn: [String] = []
    /// False when no complaint or finding matched with confidence: a human must look (never below P3).
    public var confident: Bool = true
    /// Ids of the findings present (from the text or yes answers).
    public var findings: [String] = []
    /// Codes of every complaint that counted, best match first.
    public var complaints: [String] = []
    /// Follow-up questions the text and answers leave open.
    public var questions: [FollowUpQuestion] = []
    /// The national care pathway the first counted complaint that names one may start.
    public var pathway: CarePathway?

    public var isEmergency: Bool { urgency == .emergency }
    public var rationaleText: String { rationale.joined(separator: "; ") }
    /// The rationale in a language: `sv` for staff by default, `en` with `--lang en`.
    public func rationaleText(english: Bool) -> String { (english && !rationaleEn.isEmpty ? rationaleEn : rationale).joined(separator: "; ") }
}

/// Who the triage is for, and when.
public struct TriageInput: Sendable {
    public var text: String
    public var ageYears: Int
    /// Exact age in months when known (from a personnummer); else derived from the text or the years.
    public var ageMonths: Int?
    public var sex: Sex
    /// Extra yes/no answers from the form, by id; `yes` answers are read as text.
    public var answers: [String: Bool]

    public init(text: String, ageYears: Int, ageMonths: Int? = nil, sex: Sex = .x, answers: [String: Bool] = [:]) {
        self.text = text
        self.ageYears = ageYears
        self.ageMonths = ageMonths
        self.sex = sex
        self.answers = answers
    }
}
