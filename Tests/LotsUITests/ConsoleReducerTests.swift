import Foundation
import Testing
import LotsCore
import LotsUI

@Suite struct ConsoleReducerTests {
    @Test func selectionStaysOnTheSameCaseWhenNewCasesArrive() {
        var s = Samples.queueState()
        _ = s.handle(.down)
        _ = s.handle(.down)
        #expect(s.selectedId == 5)
        let newcomer = Samples.entry(11, .emergency, "Ny Patient", "Andnöd", minutesAgo: 1)
        _ = s.apply(.queueLoaded([newcomer] + Samples.queue, hot: []))
        #expect(s.selectedId == 5)
    }

    @Test func loginAsksTheStoreAndShowsFailures() {
        var s = ConsoleState(lang: .sv, now: Samples.now, user: "anna")
        #expect(s.loginFocusPassword)
        for c in "demo" { _ = s.handle(.char(c)) }
        #expect(s.handle(.enter) == [.login(user: "anna", password: "demo")])
        _ = s.apply(.loginFailed("Fel användarnamn eller lösenord"))
        #expect(s.loginPassword.isEmpty)
        let text = ConsoleView.render(s, width: 80, height: 24).text
        #expect(text.contains("Fel användarnamn eller lösenord"))
        #expect(!text.contains("demo"))
    }

    @Test func nextUnreadJumpsToTheMostUrgentChatWithCitizenMessages() {
        var s = Samples.queueState()
        let hot = [Samples.entry(20, .p4, "A B", "x", minutesAgo: 5, unread: 1), Samples.entry(21, .p2, "C D", "y", minutesAgo: 3, unread: 3),
                   Samples.entry(22, .p1, "E F", "z", minutesAgo: 1)]
        _ = s.apply(.queueLoaded(Samples.queue, hot: hot))
        #expect(s.handle(.char("n")) == [.openCase(21)])
        #expect(s.handle(.alt("1")) == [.openCase(20)])
        #expect(s.handle(.f(4)) == [.openCase(22)])
    }

    @Test func quittingSavesADirtyDraftFirst() {
        var s = Samples.caseState()
        _ = s.handle(.char("i"))
        _ = s.handle(.char("x"))
        let effects = s.handle(.ctrl("c"))
        #expect(effects.last == .quit)
        #expect(effects.first == .saveDraft(caseId: 5, body: "Utkast som sparatsx", templateCode: nil))
    }

    @Test func overrideAsksForUrgencyThenAReason() {
        var s = Samples.caseState()
        _ = s.handle(.char("o"))
        _ = s.handle(.down)  // P1
        _ = s.handle(.enter)
        for c in "Andnöd i vila" { _ = s.handle(.char(c)) }
        #expect(s.handle(.enter) == [.override(caseId: 5, urgency: .p1, reason: "Andnöd i vila")])
    }
}

@Suite struct PersonalTemplateTests {
    @Test func composerTextBecomesAPersonalTemplate() {
        var s = Samples.caseState()
        _ = s.handle(.char("T"))
        _ = s.handle(.ctrl("n"))
        guard case .templateEdit(nil, let editor) = s.modal else { Issue.record("no editor"); return }
        #expect(editor.text == "Utkast som sparats")
        _ = s.handle(.char("!"))
        #expect(s.handle(.ctrl("s")) == [.saveTemplate(code: nil, body: "Utkast som sparats!")])
    }

    @Test func sharedTemplatesCannotBeEdited() {
        var s = Samples.caseState()
        _ = s.handle(.char("T"))
        _ = s.handle(.ctrl("e"))
        #expect(s.statusIsError)
        guard case .templates = s.modal else { Issue.record("picker closed"); return }
    }
}
