import Foundation
import LotsCore
import LotsStore
import LotsUI

/// The 1177 phone form's edge: live triage, validation, and storing the call.
extension ConsoleController {
    /// Catalog symptoms for the symptom search (their red-flag questions come from the live triage). Builds the
    /// triage engine at a phone nurse's log-in, so the form's first keystroke does not wait for it.
    func symptomChoices() throws -> [SymptomChoice] {
        try knowledge.engine.catalog.symptoms.map { s in SymptomChoice(code: s.code, title: lang == .sv ? s.titleSv : s.titleEn) }.sorted { $0.title < $1.title }
    }

    func phoneInput(text: String, personnummer: String, answers: [String: Bool], now: Date) -> TriageInput {
        if let p = try? Personnummer(personnummer, reference: now) {
            return TriageInput(text: text, ageYears: p.age(at: now), ageMonths: p.ageInMonths(at: now), sex: p.sex, answers: answers)
        }
        return TriageInput(text: text, ageYears: 40, answers: answers)
    }

    /// The citizen's own vårdcentral from the form's text (HSA-id or part of its name), if one matches.
    func listedUnit(_ text: String) -> String? {
        let folded = TextAnalysis.fold(text.trimmingCharacters(in: .whitespaces))
        guard !folded.isEmpty else { return nil }
        return knowledge.directory.providers.first {
            ($0.type == .vardcentral || $0.type == .digitalVardcentral) && ($0.hsaId.lowercased() == folded || TextAnalysis.fold($0.name).contains(folded))
        }?.hsaId
    }

    /// Where a call's digital case goes: non-urgent follow-up (P3–P5) to the citizen's own vårdcentral; urgent
    /// cases where the triage refers; else the nurse's unit. The live panel shows it and the call is stored there.
    func phoneDestination(_ triage: TriageResult, listed: String?) -> String {
        let referred = triage.referral.provider.flatMap { p in (try? store.unitName(p.hsaId)) != nil ? p.hsaId : nil }
        return (triage.urgency >= .p3 ? listed : nil) ?? referred ?? listed ?? user?.unitHsaId ?? "SE2321000016-1177"
    }

    func phoneTriage(text: String, personnummer: String, answers: [String: Bool], listedText: String = "", now: Date) throws -> PhoneTriage {
        let r = try knowledge.engine.triage(phoneInput(text: text, personnummer: personnummer, answers: answers, now: now), at: now)
        let destination = phoneDestination(r, listed: listedUnit(listedText))
        let unit = r.referral.provider.map { p in
            " – \(p.name) (\(p.hours.isOpen(at: now) ? Strings.t("open.now", lang) : p.hours.nextOpening(after: now).map { Strings.t("open.next", lang, ISOTime.local($0)) } ?? Strings.t("open.closed", lang)))"
        } ?? ""
        return PhoneTriage(urgency: r.urgency, symptomTitle: r.symptom.map { lang == .sv ? $0.titleSv : $0.titleEn },
                           referralText: Strings.providerType(r.referral.type, lang) + unit, rationale: r.rationaleText(english: lang == .en),
                           advice: (lang == .en ? r.symptom?.adviceEn : nil).flatMap { $0.isEmpty ? nil : $0 } ?? r.symptom?.advice ?? "",
                           questions: r.questions, confident: r.confident,
                           unitHsaId: destination, unitName: (try? store.unitName(destination)) ?? destination)
    }

    /// Validates every field (errors beside them, nothing stored), then stores the call as a case.
    /// Ending the call less urgently than the triage needs `overrideReason` (asked for when missing), recorded as an override.
    func submitPhone(_ form: PhoneForm, _ outcome: PhoneOutcome, overrideReason: String?) throws -> [ConsoleEvent] {
        let u = try currentUser()
        let now = Date()
        var errors: [PhoneForm.Field: String] = [:]
        var pnr: Personnummer?
        do { pnr = try Personnummer(form.personnummer.text, reference: now) } catch let e as LotsError { errors[.personnummer] = Strings.error(e, lang) }
        let name = form.name.text.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors[.name] = Strings.t("phone.err.name", lang) }
        let phone = form.phone.text.trimmingCharacters(in: .whitespaces)
        if !phone.isEmpty, phone.range(of: #"^\+?[0-9][0-9 \-]{5,18}$"#, options: .regularExpression) == nil {
            errors[.phone] = Strings.t("phone.err.phone", lang)
        }
        if form.reason.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors[.reason] = Strings.t("phone.err.reason", lang)
        }
        let listed = listedUnit(form.listedUnit.text)
        if listed == nil, !form.listedUnit.text.trimmingCharacters(in: .whitespaces).isEmpty {
            errors[.listedUnit] = Strings.t("phone.err.listed", lang)
        }
        guard errors.isEmpty, let pnr else { return [.phoneInvalid(errors)] }
        let text = form.triageText
        let engine = try knowledge.engine
        var triage = engine.triage(TriageInput(text: text, ageYears: pnr.age(at: now), ageMonths: pnr.ageInMonths(at: now), sex: pnr.sex,
                                               answers: form.answers), at: now)
        // The complaint the nurse chose is the case's complaint (the triage's urgency still counts every finding).
        if let code = form.chosen?.code, let chosen = engine.catalog.symptom(code) { triage.symptom = chosen }
        if outcome.isLessUrgent(than: triage.urgency), (overrideReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return [.phoneTriaged(try phoneTriage(text: text, personnummer: form.personnummer.text, answers: form.answers,
                                              listedText: form.listedUnit.text, now: now)),
                    .phoneNeedsOverride(outcome, triage.urgency)]
        }
        // The unit the live panel showed for this triage; worked out the same way if the panel is behind.
        let shown = form.triage.flatMap { $0.urgency == triage.urgency ? $0.unitHsaId : nil }
        let unit = shown ?? phoneDestination(triage, listed: listed)
        // Only the questions the nurse asked: one not asked is never stored as "no".
        let answers = form.answeredQuestions().map { FormAnswer(id: $0.question.id, question: $0.question.sv, answer: $0.yes ? "ja" : "nej") }
        let intake = Intake(personnummer: pnr, name: name, phone: phone.isEmpty ? nil : phone, channel: .phone, unit: unit, submittedAt: now,
                            reason: form.reason.text.trimmingCharacters(in: .whitespacesAndNewlines), answers: answers)
        let id = try store.createCase(intake, triage: triage, actor: Actor(user: u), source: "phone", createdBy: u.id, now: now)
        let unitName = (try? store.unitName(unit)) ?? unit
        switch outcome {
        case .digitalCase:
            if let overrideReason, outcome.isLessUrgent(than: triage.urgency) {
                try store.recordOverride(caseId: id, to: "digitalt ärende", reason: overrideReason, by: u, now: now)
            }
            // The SMS goes to the patient: in the patient's language (a phone case's is Swedish until staff set it).
            let patient = Lang(rawValue: intake.language) ?? .sv
            let sms = Strings.t("phone.sms", patient, String(name.split(separator: " ").first ?? ""), "\(id)", unitName)
            try store.addSystemNote(caseId: id, body: Strings.t("phone.sms.note", patient, sms))
            return [.phoneDone(Strings.t("phone.done.case", lang, "\(id)", unitName) + sms)]
        case .selfCare:
            try store.closeAsContact(caseId: id, outcome: .selfCareAdvice, note: Strings.t("phone.note.selfCare", .sv, triage.symptom?.advice ?? ""),
                                     overrideReason: overrideReason, by: u, now: now)
            return [.phoneDone(Strings.t("phone.done.selfCare", lang, "\(id)"))]
        case .call112:
            try store.closeAsContact(caseId: id, outcome: .emergency112, note: Strings.t("phone.note.call112", .sv), by: u)
            return [.phoneDone(Strings.t("phone.done.call112", lang, "\(id)"))]
        }
    }
}
