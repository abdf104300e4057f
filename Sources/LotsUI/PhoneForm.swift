import Foundation
import LotsCore

/// A catalog symptom as the phone form offers it: title and its red-flag questions.
public struct SymptomChoice: Sendable, Equatable {
    public var code: String
    public var title: String
    /// (label, the phrase that is added to the triage text when answered yes).
    public var questions: [RedFlagQuestion]
    public init(code: String, title: String, questions: [RedFlagQuestion]) { self.code = code; self.title = title; self.questions = questions }
}

public struct RedFlagQuestion: Sendable, Equatable {
    public var label: String
    public var phrase: String
    public init(label: String, phrase: String) { self.label = label; self.phrase = phrase }
}

/// What the live triage panel shows for the call so far.
public struct PhoneTriage: Sendable, Equatable {
    public var urgency: Urgency
    public var symptomTitle: String?
    public var referralText: String
    public var rationale: String
    public var advice: String
    public init(urgency: Urgency, symptomTitle: String?, referralText: String, rationale: String, advice: String) {
        self.urgency = urgency; self.symptomTitle = symptomTitle; self.referralText = referralText; self.rationale = rationale; self.advice = advice
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
}

/// The 1177 phone form: fields, chosen symptom, answers to its red-flag questions, live triage, errors.
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
    public var answers: [Bool] = []
    public var questionSelection = 0
    public var triage: PhoneTriage?
    /// Field → error, shown next to the field; nothing is stored while any is present.
    public var errors: [Field: String] = [:]

    public init() {}

    /// The free text the triage reads: the reason, the chosen symptom and the questions answered yes.
    public var triageText: String {
        var parts = [reason.text]
        if let c = chosen {
            parts.append(c.title)
            for (q, yes) in zip(c.questions, answers) where yes { parts.append(q.phrase) }
        }
        return parts.filter { !$0.isEmpty }.joined(separator: ". ")
    }

    /// Personnummer feedback: derived age and sex, or what is wrong.
    public func personnummerStatus(now: Date) -> (ok: Bool, text: String)? {
        let t = personnummer.text.trimmingCharacters(in: .whitespaces)
        guard t.count >= 10 else { return nil }
        do {
            let p = try Personnummer(t, reference: now)
            return (true, "\(p.age(at: now)) år, \(p.sex == .f ? "kvinna" : "man")")
        } catch let e as LotsError {
            return (false, e.what)
        } catch { return (false, "\(error)") }
    }
}
