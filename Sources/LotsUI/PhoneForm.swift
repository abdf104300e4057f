import Foundation
import LotsCore

/// A catalog symptom (complaint) as the phone form's search offers it.
public struct SymptomChoice: Sendable, Equatable {
    public var code: String
    public var title: String
    public init(code: String, title: String) { self.code = code; self.title = title }
}

/// What the live triage panel shows for the call so far.
public struct PhoneTriage: Sendable, Equatable {
    public var urgency: Urgency
    public var symptomTitle: String?
    public var referralText: String
    public var rationale: String
    public var advice: String
    /// The engine's red-flag questions that the text and answers leave open.
    public var questions: [FollowUpQuestion]
    /// False: no confident match – the panel shows "ej säker automatisk bedömning".
    public var confident: Bool
    /// The unit a digital case from this call goes to (shown, and used when the call is stored).
    public var unitHsaId: String?
    public var unitName: String?
    public init(urgency: Urgency, symptomTitle: String?, referralText: String, rationale: String, advice: String,
                questions: [FollowUpQuestion] = [], confident: Bool = true, unitHsaId: String? = nil, unitName: String? = nil) {
        self.urgency = urgency; self.symptomTitle = symptomTitle; self.referralText = referralText; self.rationale = rationale; self.advice = advice
        self.questions = questions; self.confident = confident; self.unitHsaId = unitHsaId; self.unitName = unitName
    }
}

/// How a call ends.
public enum PhoneOutcome: String, Sendable, Equatable {
    /// A digital case (channel phone) in the referred unit's queue, with a text for the citizen.
    case digitalCase
    /// Closed as a phone contact with self-care advice.
    case selfCare
    /// The citizen was told to call 112; recorded and closed.
    case call112

    /// The least urgent triage this outcome fits without an override: self-care fits only P5, a digital
    /// case anything below EMERGENCY, the call-112 instruction everything.
    public var fits: Urgency {
        switch self {
        case .selfCare: .p5
        case .digitalCase: .p1
        case .call112: .emergency
        }
    }

    /// True when ending the call this way is less urgent than `triage` says (it then needs a reason).
    public func isLessUrgent(than triage: Urgency) -> Bool { triage < fits }
}

/// The 1177 phone form: fields, chosen symptom, the engine's red-flag questions with their answers, live triage, errors.
public struct PhoneForm: Sendable, Equatable {
    public enum Field: Int, Sendable, CaseIterable { case personnummer, name, phone, listedUnit, reason, symptomSearch, questions }

    public var personnummer = TextEditor("", maxLength: 13)
    public var name = TextEditor("", maxLength: 200)
    public var phone = TextEditor("", maxLength: 20)
    /// The citizen's own vårdcentral (HSA-id or part of its name): non-urgent digital cases go there.
    public var listedUnit = TextEditor("", maxLength: 60)
    public var reason = TextEditor("", maxLength: 4000)
    public var symptomSearch = TextEditor("", maxLength: 60)
    public var focus: Field = .personnummer
    public var symptomSelection = 0
    public var chosen: SymptomChoice?
    /// The red-flag questions listed so far: the engine's open ones, and every answered one (it stays listed).
    public var questions: [FollowUpQuestion] = []
    /// Finding id → yes/no for the questions the nurse asked; a question not asked has no entry (never "no").
    public var answers: [String: Bool] = [:]
    public var questionSelection = 0
    public var triage: PhoneTriage?
    /// Field → error, shown next to the field; nothing is stored while any is present.
    public var errors: [Field: String] = [:]

    public init() {}

    /// The free text the triage reads: the reason and the chosen symptom (answers go to the engine as answers).
    public var triageText: String {
        [reason.text, chosen?.title ?? ""].filter { !$0.isEmpty }.joined(separator: ". ")
    }

    /// Takes a new live triage: its open questions join the list; answered ones stay; unanswered ones the
    /// engine no longer asks leave.
    public mutating func takeTriage(_ t: PhoneTriage) {
        triage = t
        var list = questions.filter { answers[$0.id] != nil || t.questions.contains($0) }
        for q in t.questions where !list.contains(where: { $0.id == q.id }) { list.append(q) }
        questions = list
        questionSelection = min(questionSelection, max(0, list.count - 1))
    }

    /// The next answer state of a question: not asked → yes → no → not asked.
    public mutating func cycleAnswer(_ id: String) {
        switch answers[id] {
        case nil: answers[id] = true
        case true?: answers[id] = false
        case false?: answers[id] = nil
        }
    }

    /// The answered questions only, in list order, with their text (what the case stores).
    public func answeredQuestions() -> [(question: FollowUpQuestion, yes: Bool)] {
        questions.compactMap { q in answers[q.id].map { (q, $0) } }
    }

    /// Personnummer feedback: derived age and sex, or what is wrong.
    public func personnummerStatus(now: Date, lang: Lang = .sv) -> (ok: Bool, text: String)? {
        let t = personnummer.text.trimmingCharacters(in: .whitespaces)
        guard t.count >= 10 else { return nil }
        do {
            let p = try Personnummer(t, reference: now)
            return (true, "\(Strings.t("case.age", lang, p.age(at: now))), \(Strings.sex(p.sex, lang))")
        } catch let e as LotsError {
            return (false, Strings.error(e, lang))
        } catch { return (false, "\(error)") }
    }
}
