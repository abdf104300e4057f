/// A clinical finding (face droop, chest pressure, stridor, saddle numbness, …) and the lay words for it.
///
/// Findings are what complaints, general discriminators and follow-up questions are written in. A finding is
/// present when one of its expressions matches the text (not negated) or when a form answer says yes.
///
/// ```yaml
/// findings:
///   - id: face-droop
///     sv: hängande mungipa
///     en: facial droop
///     terms: [hänger i mungipan, sned i ansiktet, face drooping]
///     question: {sv: "Hänger ena mungipan?", en: "Is one side of the face drooping?"}
///   - id: fetal-movements
///     terms: [sparkar, fosterrörelser]
///     negated: reduced-fetal-movements   # denied movements are a finding of their own
///   - id: seizure
///     terms: [kramp, kramper]
///     not: [kärlkramp, vadkramp]         # words that contain an expression but mean something else
/// ```
public struct Finding: Sendable, Equatable, Identifiable {
    public var id: String
    public var titleSv: String
    public var titleEn: String
    /// Lay expressions in Swedish and English; matched by stem, in any order, with one typo in longer words.
    public var terms: [String]
    /// The yes/no question a form asks for this finding (nil: never asked).
    public var questionSv: String?
    public var questionEn: String?
    /// Words or phrases that contain an expression but mean something else ("kärlkramp" is angina, not a
    /// seizure; "blodtryck" is not bleeding): a match that overlaps where one of these matches does not count.
    public var not: [String] = []
    /// The finding that is present when this one is denied ("bebisen har inte sparkat" is reduced fetal movements).
    public var whenNegated: String?
    /// A finding of the patient's history (a cancer, a blood clot): it counts also where the text tells it as years
    /// ago ("hade bröstcancer för fyra år sen"), which for other findings is history and not read.
    public var history = false

    public init(id: String, titleSv: String, titleEn: String, terms: [String], questionSv: String? = nil, questionEn: String? = nil,
                not: [String] = [], whenNegated: String? = nil) {
        self.id = id
        self.not = not
        self.whenNegated = whenNegated
        self.titleSv = titleSv
        self.titleEn = titleEn
        self.terms = terms
        self.questionSv = questionSv
        self.questionEn = questionEn
    }
}

/// A follow-up (red-flag) question the triage wants answered, keyed by the finding it asks about.
public struct FollowUpQuestion: Sendable, Equatable, Codable {
    /// The finding id; `--answer ID=yes|no` answers it.
    public var id: String
    public var sv: String
    public var en: String

    public init(id: String, sv: String, en: String) {
        self.id = id
        self.sv = sv
        self.en = en
    }
}
