/// An urgency rule: a general discriminator (applies to every text) or a rule of one complaint.
///
/// All conditions must hold: the findings (`any` one of, `all` of, `none` of), inline phrases (`terms`: any one,
/// `with`: every one), and the facts (age, sex, fever, duration, pain score, blood pressure). A rule only ever
/// raises urgency; it never lowers it. Every rule names its source.
public struct TriageRule: Sendable, Equatable {
    /// A short name shown in the rationale, e.g. `strålar ut i armen` or `spädbarn med feber`.
    public var label: String
    /// The label in English (falls back to `label`).
    public var labelEn: String?
    /// Any one of these phrases (not negated) triggers the rule; empty means no phrase is needed.
    public var terms: [String]
    /// Every one of these phrases must also be present (for combinations such as fever + stiff neck).
    public var with: [String]
    /// Finding ids: at least one must be present.
    public var any: [String]
    /// Finding ids: every one must be present.
    public var all: [String]
    /// Finding ids: none may be present.
    public var none: [String]
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
    /// A stated pain score (0–10) of at least this.
    public var painAtLeast: Int?
    public var sex: Sex?
    /// A stated week of pregnancy of at least / under this.
    public var pregnancyWeekAtLeast: Int?
    public var pregnancyWeekUnder: Int?
    /// A stated pulse of at least / under this many beats a minute, and a saturation under this per cent.
    public var pulseAtLeast: Int?
    public var pulseUnder: Int?
    public var saturationUnder: Int?
    /// A stated blood sugar under / of at least this (mmol/l).
    public var glucoseUnder: Double?
    public var glucoseAtLeast: Double?
    /// The care mission when this rule decides (a suicide plan refers to psychiatry).
    public var mission: CareMission?
    /// Where the urgency comes from (guideline, RETTS ESS, 1177 page title).
    public var source: String?

    public init(label: String, labelEn: String? = nil, terms: [String] = [], with: [String] = [], any: [String] = [], all: [String] = [],
                none: [String] = [], urgency: Urgency, ageUnderMonths: Int? = nil, ageUnder: Int? = nil, ageAtLeast: Int? = nil,
                feverAtLeast: Double? = nil, daysAtLeast: Int? = nil, systolicAtLeast: Int? = nil, painAtLeast: Int? = nil,
                sex: Sex? = nil, mission: CareMission? = nil, source: String? = nil) {
        self.label = label
        self.labelEn = labelEn
        self.terms = terms
        self.with = with
        self.any = any
        self.all = all
        self.none = none
        self.urgency = urgency
        self.ageUnderMonths = ageUnderMonths
        self.ageUnder = ageUnder
        self.ageAtLeast = ageAtLeast
        self.feverAtLeast = feverAtLeast
        self.daysAtLeast = daysAtLeast
        self.systolicAtLeast = systolicAtLeast
        self.painAtLeast = painAtLeast
        self.sex = sex
        self.mission = mission
        self.source = source
    }

    /// True when the rule needs something from the text or the answers (not only age, sex or numbers).
    var needsEvidence: Bool { !terms.isEmpty || !any.isEmpty || !all.isEmpty }
}
