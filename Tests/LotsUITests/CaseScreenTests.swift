import Foundation
import Testing
import LotsCore
import LotsUI

@Suite struct CaseScreenTests {
    @Test(arguments: [(80, 24), (200, 60)])
    func caseSnapshot(_ size: (Int, Int)) throws {
        try assertSnapshot(ConsoleView.render(Samples.caseState(), width: size.0, height: size.1), "case-\(size.0)x\(size.1)")
    }

    @Test func hostileCitizenMessageIsVisibleTextNotControl() {
        let text = ConsoleView.render(Samples.caseState(), width: 200, height: 60).text
        let scalars = text.unicodeScalars.map(\.value)
        #expect(!scalars.contains(0x1B) && !scalars.contains(0x07) && !scalars.contains(0x202E) && !scalars.contains(0x9B))
        #expect(text.contains("Hej␛[2J␛]52;c;ZWNobyBoYWNrZWQ=␇ och [U+202E]dlrow olleh�31m"))
    }

    @Test func attachmentsShowSizeHashAndAGPSWarning() {
        let text = ConsoleView.render(Samples.caseState(), width: 200, height: 60).text
        #expect(text.contains("hals.jpg JPEG 640×480 8.3 kB sha 678c0186 · 2026:11:21 09:15:30"))
        #expect(text.contains("⚠ VARNING: GPS-position i bilden"))
    }

    @Test func draftIsRestoredIntoTheComposer() {
        let s = Samples.caseState()
        #expect(s.composer.text == "Utkast som sparats")
        #expect(ConsoleView.render(s, width: 80, height: 24).text.contains("Utkast som sparats"))
    }

    @Test func templateWithUnknownVariableIsShownAsAnErrorAndNeverInserted() {
        var s = Samples.caseState()
        _ = s.handle(.char("T"))
        for c in "trasig" { _ = s.handle(.char(c)) }
        let screen = ConsoleView.render(s, width: 100, height: 30).text
        #expect(screen.contains("✗ Okänd variabel {patient.shoeSize} – kan inte användas"))
        let effects = s.handle(.enter)
        #expect(effects.isEmpty)
        #expect(s.composer.text == "Utkast som sparats")
    }

    @Test func templatePreviewFillsVariablesAndEnterInsertsForEditing() {
        var s = Samples.caseState()
        _ = s.handle(.char("T"))
        for c in "hälsn" { _ = s.handle(.char(c)) }
        #expect(ConsoleView.render(s, width: 100, height: 30).text.contains("Hej Li! Jag heter Anna Lind."))
        let effects = s.handle(.enter)
        #expect(s.composer.text == "Utkast som sparatsHej Li! Jag heter Anna Lind.")
        #expect(s.composerTemplate == "GREETING")
        #expect(s.composerFocused)
        #expect(effects == [.saveDraft(caseId: 5, body: s.composer.text, templateCode: "GREETING")])
    }

    @Test func sendingAsksTheStoreAndTypingSavesTheDraft() {
        var s = Samples.caseState()
        _ = s.handle(.char("i"))
        #expect(s.handle(.char("!")) == [.saveDraft(caseId: 5, body: "Utkast som sparats!", templateCode: nil)])
        #expect(s.handle(.ctrl("s")) == [.send(caseId: 5, body: "Utkast som sparats!", templateCode: nil)])
        _ = s.apply(.sent)
        #expect(s.composer.isEmpty)
    }

    @Test func closingNeedsAnOutcomeAndForwardingANote() {
        var s = Samples.caseState()
        _ = s.handle(.char("x"))
        guard case .outcomes = s.modal else { Issue.record("no outcome picker"); return }
        #expect(s.handle(.escape).isEmpty && s.modal == nil)
        s.units = [UnitChoice(hsaId: "SE2321000016-DEMO3", name: "Vårdcentralen Norrby", type: .vardcentral, missions: [.somatisk],
                              address: "Norrbyvägen 12", openText: "öppet nu", isOpen: true, waitMinutes: 60)]
        _ = s.handle(.char("f"))
        #expect(ConsoleView.render(s, width: 100, height: 30).text.contains("★ Vårdcentralen Norrby  · rekommenderas av triagen · Vårdcentral · öppet nu · väntetid 1 h"))
        _ = s.handle(.enter)
        #expect(s.handle(.enter).isEmpty)  // an empty note is refused
        #expect(s.statusIsError)
        for c in "Behöver röntgen" { _ = s.handle(.char(c)) }
        #expect(s.handle(.enter) == [.forward(caseId: 5, unit: "SE2321000016-DEMO3", note: "Behöver röntgen")])
    }
}

/// The full rationale and a readable history (issue 12, defect 3).
@Suite struct CaseHistoryScreenTests {
    @Test func handoverNoteOverrideReasonAndRationaleAreReadableInFullAt80x24() {
        var s = Samples.caseState()
        let note = "till Vårdcentralen Norrby: Stabil nu men behöver EKG i dag, ring patienten före 15 och fråga om bröstsmärtan har kommit tillbaka"
        s.detail?.history.append(.init(at: Samples.now.addingTimeInterval(-60), actor: "bertil", kind: "forwarded", note: note))
        s.detail?.history.append(.init(at: Samples.now, actor: "anna", kind: "override", note: "P3 -> P2: låter andfådd i telefon"))
        s.detail?.rationale = "symptom LONG-COUGH Långvarig hosta (\"hostat i veckor\"), base P4; rule \"feber\" raises to P3; rule \"andnöd\" raises to EMERGENCY"
        _ = s.handle(.char("h"))
        #expect(s.screen == .caseHistory)
        let text = ConsoleView.render(s, width: 80, height: 24).text
        #expect(text.contains("rule \"andnöd\" raises to EMERGENCY"), "\(text)")
        let flat = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flat.contains("Stabil nu men behöver EKG i dag, ring patienten före 15 och fråga om bröstsmärtan har kommit tillbaka"), "\(text)")
        #expect(flat.contains("bertil · hänvisat"))
        #expect(flat.contains("låter andfådd i telefon"))
        _ = s.handle(.escape)
        #expect(s.screen == .caseView)
    }

    @Test func longHistoriesScroll() {
        var s = Samples.caseState()
        for i in 0..<40 { s.detail?.history.append(.init(at: Samples.now, actor: "anna", kind: "taken", note: "rad \(i)")) }
        _ = s.handle(.char("h"))
        #expect(!ConsoleView.render(s, width: 80, height: 24).text.contains("rad 39"))
        for _ in 0..<8 { _ = s.handle(.pageDown) }
        #expect(ConsoleView.render(s, width: 80, height: 24).text.contains("rad 39"))
    }
}

/// Unfilled template variables never reach the patient (issue 12, defect 7).
@Suite struct UnfilledVariableTests {
    @Test func aKnownButUnfilledVariableTypedByHandIsRefusedAndNamed() {
        var s = Samples.caseState()
        _ = s.handle(.char("i"))
        s.composer.set("Hej {citizen.firstName}, hur mår du?")
        #expect(s.handle(.ctrl("s")).isEmpty)
        #expect(s.status == "Ej skickat: {citizen.firstName} är inte ifylld – skriv in texten eller ta bort den" && s.statusIsError)
        s.composer.set("Hej {patient.shoeSize}")
        #expect(s.handle(.ctrl("s")).isEmpty)
        #expect(s.status.contains("{patient.shoeSize}"))
        s.composer.set("Hej Li, hur mår du?")
        #expect(s.handle(.ctrl("s")) == [.send(caseId: 5, body: "Hej Li, hur mår du?", templateCode: nil)])
    }
}

/// The one-line history on the case screen speaks the UI's language (found in the walkthrough: "created").
@Suite struct CaseHistoryLineTests {
    @Test func historyKindsAreLabelsNotCodes() {
        let sv = ConsoleView.render(Samples.caseState(), width: 100, height: 30).text
        #expect(sv.contains("skapat") && sv.contains("taget") && !sv.contains("created") && !sv.contains(" taken"), "\(sv)")
        var c = Samples.caseState()
        c.lang = .en
        let en = ConsoleView.render(c, width: 100, height: 30).text
        #expect(en.contains("created") && en.contains("taken"), "\(en)")
    }
}

/// Staff notes in the console (issue 14): N writes one; it is drawn distinctly, with words, not colour alone.
@Suite struct StaffNoteScreenTests {
    @Test func capitalNWritesAStaffNote() {
        var s = Samples.caseState()
        _ = s.handle(.char("N"))
        #expect(ConsoleView.render(s, width: 80, height: 24).text.contains("Personalanteckning (syns aldrig för patienten)"))
        for c in "Ring upp kl 14" { _ = s.handle(.char(c)) }
        #expect(s.handle(.enter) == [.addStaffNote(caseId: 5, body: "Ring upp kl 14")])
        #expect(s.modal == nil)
    }

    @Test func aStaffNoteIsMarkedInTheChat() {
        var s = Samples.caseState()
        s.detail?.messages.append(Message(id: 9, caseId: 5, author: .staff, staffName: "Bertil Ek", body: "Misstänker kikhosta", templateCode: nil,
                                          at: Samples.now, isStaffNote: true))
        let text = ConsoleView.render(s, width: 80, height: 24).text
        #expect(text.contains("▌PERSONALANTECKNING – syns inte för patienten · Bertil Ek") || text.contains("▌PERSONALANTECKNING"), "\(text)")
        #expect(text.contains("▌ Misstänker kikhosta"), "\(text)")
    }
}

/// Patient context on the case screen (issue 14).
@Suite struct EarlierContactsScreenTests {
    static let contacts = [
        CaseDetail.EarlierContact(id: 3, submittedAt: Samples.now.addingTimeInterval(-86_400 * 30), symptomCode: "SORE-THROAT", reason: "Ont i halsen",
                                  urgency: .p4, status: .closed, outcome: .selfCareAdvice, unitName: "Vårdcentralen Demo Centrum"),
        CaseDetail.EarlierContact(id: 1, submittedAt: Samples.now.addingTimeInterval(-86_400 * 90), symptomCode: nil, reason: "Yrsel",
                                  urgency: .p2, status: .closed, outcome: .bookedVisit, unitName: "Närakuten Demo"),
    ]

    @Test func theCaseShowsEarlierContactsAndCOpensOne() {
        var s = Samples.caseState()
        s.detail?.earlierContacts = Self.contacts
        let text = ConsoleView.render(s, width: 80, height: 24).text
        #expect(text.contains("Tidigare kontakter (2, c visar): senast 2026-10-25 P4 Ont i halsen → Egenvård"), "\(text)")
        _ = s.handle(.char("c"))
        let picker = ConsoleView.render(s, width: 80, height: 24).text
        #expect(picker.contains("2026-08-26 P2 Yrsel") && picker.contains("Bokat besök · Närakuten Demo · #1"), "\(picker)")
        _ = s.handle(.down)
        #expect(s.handle(.enter) == [.openCase(1)])
    }

    @Test func withoutEarlierContactsCSaysSo() {
        var s = Samples.caseState()
        #expect(s.handle(.char("c")).isEmpty && s.modal == nil && s.status == "Inga tidigare kontakter")
    }
}
