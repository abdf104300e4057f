import Foundation
import LotsCore
import LotsStore
import LotsUI

/// The 1177 phone form's edge: live triage, validation, and storing the call.
extension ConsoleController {
    /// Catalog symptoms with their red-flag questions, for the symptom search.
    func symptomChoices() -> [SymptomChoice] {
        engine.catalog.symptoms.map { s in
            SymptomChoice(code: s.code, title: lang == .sv ? s.titleSv : s.titleEn,
                          questions: s.redFlags.compactMap { r in r.terms.first.map { RedFlagQuestion(label: r.label, phrase: $0) } })
        }.sorted { $0.title < $1.title }
    }

    func phoneInput(text: String, personnummer: String, now: Date) -> TriageInput {
        if let p = try? Personnummer(personnummer, reference: now) {
            return TriageInput(text: text, ageYears: p.age(at: now), ageMonths: p.ageInMonths(at: now), sex: p.sex)
        }
        return TriageInput(text: text, ageYears: 40)
    }

    func phoneTriage(text: String, personnummer: String, now: Date) -> PhoneTriage {
        let r = engine.triage(phoneInput(text: text, personnummer: personnummer, now: now), at: now)
        let unit = r.referral.provider.map { p in
            " – \(p.name) (\(p.hours.isOpen(at: now) ? Strings.t("open.now", lang) : p.hours.nextOpening(after: now).map { Strings.t("open.next", lang, ISOTime.local($0)) } ?? Strings.t("open.closed", lang)))"
        } ?? ""
        return PhoneTriage(urgency: r.urgency, symptomTitle: r.symptom.map { lang == .sv ? $0.titleSv : $0.titleEn },
                           referralText: r.referral.type.swedishName + unit, rationale: r.rationaleText, advice: r.symptom?.advice ?? "")
    }

    /// Validates every field (errors beside them, nothing stored), then stores the call as a case.
    func submitPhone(_ form: PhoneForm, _ outcome: PhoneOutcome) throws -> [ConsoleEvent] {
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
        let triage = engine.triage(TriageInput(text: text, ageYears: pnr.age(at: now), ageMonths: pnr.ageInMonths(at: now), sex: pnr.sex), at: now)
        // Non-urgent digital follow-up belongs at the citizen's own vårdcentral; urgent cases go where triage refers.
        let referred = triage.referral.provider.flatMap { p in (try? store.unitName(p.hsaId)) != nil ? p.hsaId : nil }
        let unit = (triage.urgency >= .p3 ? listed : nil) ?? referred ?? listed ?? u.unitHsaId ?? "SE2321000016-1177"
        let answers = form.chosen.map { c in zip(c.questions, form.answers).map { FormAnswer(id: c.code, question: $0.label, answer: $1 ? "ja" : "nej") } } ?? []
        let intake = Intake(personnummer: pnr, name: name, phone: phone.isEmpty ? nil : phone, channel: .phone, unit: unit, submittedAt: now,
                            reason: text, answers: answers)
        let id = try store.createCase(intake, triage: triage, actor: Actor(user: u), source: "phone", createdBy: u.id, now: now)
        let unitName = (try? store.unitName(unit)) ?? unit
        switch outcome {
        case .digitalCase:
            let sms = "Hej \(name.split(separator: " ").first ?? "")! Du har pratat med 1177. Fortsätt kontakten digitalt i 1177-appen, ärende \(id) hos \(unitName)."
            try store.addSystemNote(caseId: id, body: "SMS till patienten: " + sms)
            return [.phoneDone((lang == .sv ? "Ärende \(id) skapat hos \(unitName). SMS: " : "Case \(id) created at \(unitName). SMS: ") + sms)]
        case .selfCare:
            try store.closeAsContact(caseId: id, outcome: .selfCareAdvice, note: "Egenvårdsråd per telefon: " + (triage.symptom?.advice ?? ""), by: u)
            return [.phoneDone(lang == .sv ? "Samtalet registrerat som kontakt med egenvårdsråd (ärende \(id))" : "Call recorded with self-care advice (case \(id))")]
        case .call112:
            try store.closeAsContact(caseId: id, outcome: .emergency112, note: "Uppmanad att ringa 112", by: u)
            return [.phoneDone(lang == .sv ? "Uppmaning att ringa 112 registrerad (ärende \(id))" : "Call-112 instruction recorded (case \(id))")]
        }
    }
}
