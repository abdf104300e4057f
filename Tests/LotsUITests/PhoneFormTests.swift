import Foundation
import Testing
import LotsCore
@testable import LotsUI

/// The 1177 phone form: the engine's red-flag questions with three states, live triage, and the
/// confirmation an ending less urgent than the triage needs.
@Suite struct PhoneFormTests {
    static let breathing = FollowUpQuestion(id: "dyspnoea", sv: "Har du svårt att andas?", en: "Are you short of breath?")
    static let saliva = FollowUpQuestion(id: "drooling", sv: "Kan du svälja din saliv?", en: "Can you swallow your saliva?")

    static func triage(_ u: Urgency, _ questions: [FollowUpQuestion], confident: Bool = true) -> PhoneTriage {
        PhoneTriage(urgency: u, symptomTitle: "Halsont", referralText: "vårdcentral", rationale: "symtom", advice: "Drick varmt",
                    questions: questions, confident: confident)
    }

    func nurseState() -> ConsoleState {
        var s = ConsoleState(lang: .sv, now: Samples.now)
        let cecilia = StaffUser(id: 3, username: "cecilia", displayName: "Cecilia Berg", role: .phoneNurse, profession: .sjukskoterska,
                                unitHsaId: "SE2321000016-1177")
        _ = s.apply(.symptomsLoaded([SymptomChoice(code: "SORE-THROAT", title: "Halsont")]))
        _ = s.apply(.loggedIn(cecilia, unitName: "1177", templates: [], units: []))
        return s
    }

    @Test func typingAsksForLiveTriageWithTheChosenSymptom() {
        var s = nurseState()
        #expect(s.screen == .phone)
        for _ in 0..<4 { _ = s.handle(.tab) }  // to the reason
        var last: [ConsoleEffect] = []
        for c in "Ont i halsen" { last = s.handle(.char(c)) }
        #expect(last == [.triagePhone(text: "Ont i halsen", personnummer: "", answers: [:])])
        _ = s.handle(.tab)
        for c in "hals" { _ = s.handle(.char(c)) }
        #expect(s.handle(.enter) == [.triagePhone(text: "Ont i halsen. Halsont", personnummer: "", answers: [:])])
        #expect(s.phone.chosen?.code == "SORE-THROAT" && s.phone.focus == .questions)
    }

    @Test func redFlagQuestionsComeFromTheTriageAndStartNotAsked() {
        var s = nurseState()
        _ = s.apply(.phoneTriaged(Self.triage(.p5, [Self.breathing, Self.saliva])))
        #expect(s.phone.questions == [Self.breathing, Self.saliva] && s.phone.answers.isEmpty)
        let text = ConsoleView.render(s, width: 100, height: 30).text
        #expect(text.contains("[ej frågad] Har du svårt att andas?"), "\(text)")
        #expect(text.contains("[ej frågad] Kan du svälja din saliv?"))
    }

    @Test func spaceCyclesNotAskedYesNoAndTheAnswersFeedTheTriage() {
        var s = nurseState()
        _ = s.apply(.phoneTriaged(Self.triage(.p5, [Self.breathing, Self.saliva])))
        s.phone.focus = .questions
        #expect(s.handle(.char(" ")) == [.triagePhone(text: "", personnummer: "", answers: ["dyspnoea": true])])
        #expect(ConsoleView.render(s, width: 100, height: 30).text.contains("[ja       ] Har du svårt att andas?"))
        #expect(s.handle(.char(" ")) == [.triagePhone(text: "", personnummer: "", answers: ["dyspnoea": false])])
        #expect(s.handle(.char(" ")) == [.triagePhone(text: "", personnummer: "", answers: [:])])
        _ = s.handle(.down)
        #expect(s.handle(.char("n")) == [.triagePhone(text: "", personnummer: "", answers: ["drooling": false])])
        #expect(s.phone.answeredQuestions().map(\.question.id) == ["drooling"])  // the other was not asked: not stored
    }

    @Test func answeredQuestionsStayListedWhenTheEngineNoLongerAsksThem() {
        var s = nurseState()
        _ = s.apply(.phoneTriaged(Self.triage(.p5, [Self.breathing, Self.saliva])))
        s.phone.answers["dyspnoea"] = true
        _ = s.apply(.phoneTriaged(Self.triage(.p1, [Self.saliva])))
        #expect(s.phone.questions.map(\.id) == ["dyspnoea", "drooling"])
        _ = s.apply(.phoneTriaged(Self.triage(.p1, [])))
        #expect(s.phone.questions.map(\.id) == ["dyspnoea"])  // open and no longer asked: gone; answered: kept
    }

    @Test func selfCareOnAnUrgentCallAsksForConfirmationAndAReason() {
        var s = nurseState()
        _ = s.apply(.phoneTriaged(Self.triage(.emergency, [])))
        #expect(s.handle(.ctrl("e")).isEmpty)
        guard case .phoneOverride(.selfCare, .emergency, _)? = s.modal else { Issue.record("no confirmation: \(String(describing: s.modal))"); return }
        let text = ConsoleView.render(s, width: 100, height: 30).text
        #expect(text.contains("Bekräfta: triagen säger 112 Akut – ring 112"), "\(text)")
        #expect(text.contains("Avsluta ändå med egenvårdsråd? Skäl (krävs)"))
        #expect(s.handle(.enter).isEmpty && s.statusIsError)  // no reason, nothing stored
        for c in "Har redan ringt 112" { _ = s.handle(.char(c)) }
        #expect(s.handle(.enter) == [.submitPhone(s.phone, .selfCare, overrideReason: "Har redan ringt 112")])
        #expect(s.modal == nil)
    }

    @Test func aDigitalCaseForA112CallAlsoNeedsAReasonButNotForAP1Call() {
        var s = nurseState()
        _ = s.apply(.phoneTriaged(Self.triage(.emergency, [])))
        #expect(s.handle(.ctrl("s")).isEmpty)
        _ = s.handle(.escape)
        _ = s.apply(.phoneTriaged(Self.triage(.p1, [])))
        #expect(s.handle(.ctrl("s")) == [.submitPhone(s.phone, .digitalCase, overrideReason: nil)])
        #expect(s.handle(.ctrl("a")) == [.submitPhone(s.phone, .call112, overrideReason: nil)])
    }

    @Test func selfCareOnASelfCareTriageNeedsNoConfirmation() {
        var s = nurseState()
        _ = s.apply(.phoneTriaged(Self.triage(.p5, [])))
        #expect(s.handle(.ctrl("e")) == [.submitPhone(s.phone, .selfCare, overrideReason: nil)])
    }

    @Test func theStoreCanStillAskForTheConfirmation() {
        var s = nurseState()
        _ = s.apply(.phoneNeedsOverride(.selfCare, .p1))
        guard case .phoneOverride(.selfCare, .p1, _)? = s.modal else { Issue.record("no confirmation"); return }
    }

    @Test func uncertainTriageIsFlaggedInTheLivePanel() {
        var s = nurseState()
        _ = s.apply(.phoneTriaged(Self.triage(.p3, [], confident: false)))
        #expect(ConsoleView.render(s, width: 100, height: 30).text.contains("⚠ ej säker automatisk bedömning"))
    }

    @Test func errorsAppearBesideTheirFields() {
        var s = nurseState()
        for c in "19121212-1213" { _ = s.handle(.char(c)) }
        let text = ConsoleView.render(s, width: 100, height: 30).text
        #expect(text.contains("✗ ogiltigt personnummer \"19121212-1213\": kontrollsiffran är 3"), "\(text)")
        #expect(s.handle(.ctrl("s")).count == 1)
        _ = s.apply(.phoneInvalid([.name: "namn saknas"]))
        #expect(ConsoleView.render(s, width: 100, height: 30).text.contains("✗ namn saknas"))
    }
}

/// Closing a P1/112 case as self-care advice is an override with a reason.
@Suite struct CloseOverrideTests {
    @Test func closingAP1CaseAsSelfCareAdviceAsksForAReason() {
        var s = Samples.caseState()
        s.detail?.urgency = .p1
        _ = s.handle(.char("x"))
        for c in "self-care" { _ = s.handle(.char(c)) }
        #expect(s.handle(.enter).isEmpty)
        guard case .closeOverride(.selfCareAdvice, .p1, _)? = s.modal else { Issue.record("no confirmation: \(String(describing: s.modal))"); return }
        for c in "Bedömd i telefon, mår bra" { _ = s.handle(.char(c)) }
        #expect(s.handle(.enter).isEmpty)  // then what the patient will be told
        #expect(s.handle(.enter) == [.close(caseId: 5, outcome: .selfCareAdvice, overrideReason: "Bedömd i telefon, mår bra",
                                            message: Strings.t("close.message.self-care-advice", .sv))])
    }

    @Test func closingAP3CaseAsSelfCareAdviceNeedsNoReason() {
        var s = Samples.caseState()
        _ = s.handle(.char("x"))
        for c in "self-care" { _ = s.handle(.char(c)) }
        #expect(s.handle(.enter).isEmpty)
        #expect(s.handle(.enter) == [.close(caseId: 5, outcome: .selfCareAdvice, message: Strings.t("close.message.self-care-advice", .sv))])
    }

    @Test func closingShowsWhatThePatientWillBeToldInThePatientsLanguage() {
        var s = Samples.caseState()
        s.detail?.language = "en"
        s.templates.append(PhraseTemplate(code: "CLOSE-BOOKED", category: "closing", titleSv: "Avslut", titleEn: "Closing",
                                          bodySv: "Tack {citizen.firstName}!", bodyEn: "Thank you {citizen.firstName}!"))
        _ = s.handle(.char("x"))
        for c in "booked" { _ = s.handle(.char(c)) }
        _ = s.handle(.enter)
        let text = ConsoleView.render(s, width: 100, height: 30).text
        #expect(text.contains("Avsluta ärende 5: Bokat besök") && text.contains("Patienten får (på engelska)"), "\(text)")
        #expect(text.contains("You have an appointment and the case is closed."))
        _ = s.handle(.ctrl("t"))
        #expect(s.handle(.enter).isEmpty)  // the template picker: Enter takes the chosen template into the message
        #expect(s.handle(.enter) == [.close(caseId: 5, outcome: .bookedVisit, message: "Thank you Li!")])
    }

    @Test func controlTOpensThePickerOfClosingTemplatesOnly() {
        var s = Samples.caseState()
        s.templates.append(PhraseTemplate(code: "CLOSE-THANKS", category: "closing", titleSv: "Tack och avslut", titleEn: "Thanks",
                                          bodySv: "Tack {citizen.firstName}, hör av dig igen!", bodyEn: "Thanks {citizen.firstName}!"))
        s.templates.append(PhraseTemplate(code: "CLOSE-SHORT", category: "closing", titleSv: "Kort avslut", titleEn: "Short",
                                          bodySv: "Vi avslutar nu.", bodyEn: "We close now."))
        s.templates.append(PhraseTemplate(code: "CLOSE-BAD", category: "closing", titleSv: "Trasigt avslut", titleEn: "Broken",
                                          bodySv: "Hej {patient.shoeSize}", bodyEn: "Hi {patient.shoeSize}"))
        _ = s.handle(.char("x"))
        for c in "booked" { _ = s.handle(.char(c)) }
        _ = s.handle(.enter)
        _ = s.handle(.ctrl("t"))
        guard case let .closingTemplates(p, .bookedVisit, nil, _)? = s.modal else { Issue.record("no picker: \(String(describing: s.modal))"); return }
        #expect(p.items.map(\.id) == ["CLOSE-THANKS", "CLOSE-SHORT", "CLOSE-BAD"])  // not GREETING or BROKEN (not closing)
        let screen = ConsoleView.render(s, width: 80, height: 24).text
        #expect(screen.contains("Avslutsmallar") && screen.contains("Tack och avslut") && !screen.contains("Hälsning"), "\(screen)")
        #expect(screen.contains("Tack Li, hör av dig igen!"), "preview filled for the case: \(screen)")
        // Esc goes back to the closing step with its text unchanged.
        _ = s.handle(.escape)
        guard case let .closeConfirm(_, _, editor)? = s.modal else { Issue.record("Esc left closing"); return }
        #expect(editor.text == Strings.t("close.message.booked-visit", .sv))
        // A template with an unknown variable is refused, as in the composer's picker.
        _ = s.handle(.ctrl("t"))
        for c in "trasigt" { _ = s.handle(.char(c)) }
        #expect(s.handle(.enter).isEmpty)
        #expect(s.status.contains("patient.shoeSize"))
        _ = s.handle(.ctrl("u"))
        for c in "kort" { _ = s.handle(.char(c)) }
        _ = s.handle(.enter)
        #expect(s.handle(.enter) == [.close(caseId: 5, outcome: .bookedVisit, message: "Vi avslutar nu.")])
    }

    @Test func anUnfilledVariableInTheClosingMessageIsRefused() {
        var s = Samples.caseState()
        _ = s.handle(.char("x"))
        for c in "booked" { _ = s.handle(.char(c)) }
        _ = s.handle(.enter)
        _ = s.handle(.ctrl("u"))
        for c in "Hej {citizen.firstName}" { _ = s.handle(.char(c)) }
        #expect(s.handle(.enter).isEmpty)
        #expect(s.status.contains("{citizen.firstName}"))
        guard case .closeConfirm? = s.modal else { Issue.record("closing left"); return }
    }

    @Test func clearingTheClosingMessageClosesWithoutOne() {
        var s = Samples.caseState()
        _ = s.handle(.char("x"))
        for c in "duplicate" { _ = s.handle(.char(c)) }
        _ = s.handle(.enter)
        _ = s.handle(.ctrl("u"))
        #expect(s.handle(.enter) == [.close(caseId: 5, outcome: .duplicate)])
    }
}

/// A case raised by new words from the patient, or a new urgent case, is said at once.
@Suite struct RaisedCaseAlertTests {
    @Test func aRaisedCaseIsAnnouncedAndMovesToItsNewPlace() {
        var s = Samples.queueState()
        var raised = Samples.queue[3]  // case 9, P4
        raised.urgency = .p1
        raised.unreadCount = 1
        _ = s.apply(.queueChanged(QueueChanges(changed: [raised], removed: [], rev: 2), hot: []))
        #expect(s.status == "Ärende 9 höjt till P1 – ny information från patienten")
        #expect(s.alerts == 1)
        #expect(s.queue.map(\.id) == [7, 9, 3, 5, 2])  // P1 and waiting longest: before case 3
        #expect(ConsoleView.render(s, width: 80, height: 24).text.contains("Ärende 9 höjt till P1"))
    }

    @Test func aNewUrgentCaseIsAnnouncedButNotTheFirstRead() {
        var s = Samples.queueState()
        #expect(s.status.isEmpty && s.alerts == 0)  // the first read of the queue announces nothing
        let new = Samples.entry(11, .emergency, "Ny Patient", "Kan inte andas", minutesAgo: 0)
        _ = s.apply(.queueChanged(QueueChanges(changed: [new], removed: [], rev: 2), hot: []))
        #expect(s.status == "Nytt ärende 11: 112 Akut – ring 112")
        let calm = Samples.entry(12, .p4, "Lugn Patient", "Eksem", minutesAgo: 0)
        s.setStatus("")
        _ = s.apply(.queueChanged(QueueChanges(changed: [calm], removed: [], rev: 3), hot: []))
        #expect(s.status.isEmpty)
    }
}

/// The uncertainty flag on queue and case screens.
@Suite struct UncertainTriageTests {
    @Test func uncertainTriageIsFlaggedInTheQueueAndTheCase() {
        var s = Samples.queueState()
        s.queue[2].uncertain = true
        let q80 = ConsoleView.render(s, width: 80, height: 24).text
        #expect(q80.contains("P3? ej säker"), "\(q80)")
        #expect(ConsoleView.render(s, width: 200, height: 60).text.contains("P3? ej säker automatisk"))
        var c = Samples.caseState()
        c.detail?.triageUncertain = true
        #expect(ConsoleView.render(c, width: 100, height: 30).text.contains("⚠ ej säker automatisk bedömning"))
    }
}
