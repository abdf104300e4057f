import Foundation
import LotsCore
import LotsStore
import LotsUI

/// The 1177 phone form's edge: live triage, validation, and storing the call.
extension ConsoleController {
    /// Catalog symptoms for the symptom search (their red-flag questions come from the live triage).
    func symptomChoices() -> [SymptomChoice] {
        engine.catalog.symptoms.map { s in SymptomChoice(code: s.code, title: lang == .sv ? s.titleSv : s.titleEn) }.sorted { $0.title < $1.title }
    }

    func phoneInput(text: String, personnummer: String, answers: [String: Bool], now: Date) -> TriageInput {
        if let p = try? Personnummer(personnummer, reference: now) {
            return TriageInput(text: text, ageYears: p.age(at: now), ageMonths: p.ageInMonths(at: now), sex: p.sex, answers: answers)
        }
        return TriageInput(text: text, ageYears: 40, answers: answers)
    }

    func phoneTriage(text: String, personnummer: String, answers: [String: Bool], now: Date) -> PhoneTriage {
        let r = engine.triage(phoneInput(text: text, personnummer: personnummer, answers: answers, now: now), at: now)
        let unit = r.referral.provider.map { p in
            " – \(p.name) (\(p.hours.isOpen(at: now) ? Strings.t("open.now", lang) : p.hours.nextOpening(after: now).map { Strings.t("open.next", lang, ISOTime.local($0)) } ?? Strings.t("open.closed", lang)))"
        } ?? ""
        return PhoneTriage(urgency: r.urgency, symptomTitle: r.symptom.map { lang == .sv ? $0.titleSv : $0.titleEn },
                           referralText: r.referral.type.swedishName + unit, rationale: r.rationaleText(english: lang == .en),
                           advice: (lang == .en ? r.symptom?.adviceEn : nil).flatMap { $0.isEmpty ? nil : $0 } ?? r.symptom?.advice ?? "",
                           questions: r.questions, confident: r.confident)
    }

    /// Validates every field (errors beside them, nothing stored), then stores the call as a case.
    /// Ending the call less urgently than the triage needs `overrideReason` (asked for when missing), recorded as an override.
    func submitPhone(_ form: PhoneForm, _ outcome: PhoneOutcome, overrideReason: String?) throws -> [ConsoleEvent] {
        let u = try currentUser()
        let now = Date()
        var errors: [PhoneForm.Field: String] = [:]
        var pnr: Personnummer?
        do { pnr = try Personnummer(form.personnummer.text, reference: now) } catch let e as LotsError { errors[.personnummer] = e.what }
        let name = form.name.text.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors[.name] = lang == .sv ? "namn saknas" : "name is missing" }
        let phone = form.phone.text.trimmingCharacters(in: .whitespaces)
        if !phone.isEmpty, phone.range(of: #"^\+?[0-9][0-9 \-]{5,18}$"#, options: .regularExpression) == nil {
            errors[.phone] = lang == .sv ? "ogiltigt telefonnummer" : "invalid phone number"
        }
        if form.reason.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors[.reason] = lang == .sv ? "skriv vad personen berättar" : "write what the caller says"
        }
        var listed: String?
        let listedText = TextAnalysis.fold(form.listedUnit.text.trimmingCharacters(in: .whitespaces))
        if !listedText.isEmpty {
            listed = engine.policy.directory.providers.first {
                ($0.type == .vardcentral || $0.type == .digitalVardcentral) && ($0.hsaId.lowercased() == listedText || TextAnalysis.fold($0.name).contains(listedText))
            }?.hsaId
            if listed == nil { errors[.listedUnit] = lang == .sv ? "ingen vårdcentral med det namnet" : "no vårdcentral by that name" }
        }
        guard errors.isEmpty, let pnr else { return [.phoneInvalid(errors)] }
        let text = form.triageText
        let triage = engine.triage(TriageInput(text: text, ageYears: pnr.age(at: now), ageMonths: pnr.ageInMonths(at: now), sex: pnr.sex,
                                               answers: form.answers), at: now)
        if outcome.isLessUrgent(than: triage.urgency), (overrideReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return [.phoneTriaged(phoneTriage(text: text, personnummer: form.personnummer.text, answers: form.answers, now: now)),
                    .phoneNeedsOverride(outcome, triage.urgency)]
        }
        // Non-urgent digital follow-up belongs at the citizen's own vårdcentral; urgent cases go where triage refers.
        let referred = triage.referral.provider.flatMap { p in (try? store.unitName(p.hsaId)) != nil ? p.hsaId : nil }
        let unit = (triage.urgency >= .p3 ? listed : nil) ?? referred ?? listed ?? u.unitHsaId ?? "SE2321000016-1177"
        // Only the questions the nurse asked: one not asked is never stored as "no".
        let answers = form.answeredQuestions().map { FormAnswer(id: $0.question.id, question: $0.question.sv, answer: $0.yes ? "ja" : "nej") }
        let intake = Intake(personnummer: pnr, name: name, phone: phone.isEmpty ? nil : phone, channel: .phone, unit: unit, submittedAt: now,
                            reason: text, answers: answers)
        let id = try store.createCase(intake, triage: triage, actor: Actor(user: u), source: "phone", createdBy: u.id, now: now)
        let unitName = (try? store.unitName(unit)) ?? unit
        switch outcome {
        case .digitalCase:
            if let overrideReason, outcome.isLessUrgent(than: triage.urgency) {
                try store.recordOverride(caseId: id, to: "digitalt ärende", reason: overrideReason, by: u, now: now)
            }
            let sms = "Hej \(name.split(separator: " ").first ?? "")! Du har pratat med 1177. Fortsätt kontakten digitalt i 1177-appen, ärende \(id) hos \(unitName)."
            try store.addSystemNote(caseId: id, body: "SMS till patienten: " + sms)
            return [.phoneDone((lang == .sv ? "Ärende \(id) skapat hos \(unitName). SMS: " : "Case \(id) created at \(unitName). SMS: ") + sms)]
        case .selfCare:
            try store.closeAsContact(caseId: id, outcome: .selfCareAdvice, note: "Egenvårdsråd per telefon: " + (triage.symptom?.advice ?? ""),
                                     overrideReason: overrideReason, by: u, now: now)
            return [.phoneDone(lang == .sv ? "Samtalet registrerat som kontakt med egenvårdsråd (ärende \(id))" : "Call recorded with self-care advice (case \(id))")]
        case .call112:
            try store.closeAsContact(caseId: id, outcome: .emergency112, note: "Uppmanad att ringa 112", by: u)
            return [.phoneDone(lang == .sv ? "Uppmaning att ringa 112 registrerad (ärende \(id))" : "Call-112 instruction recorded (case \(id))")]
        }
    }
}
