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
        #expect(s.handle(.alt("1")) == [.openCase(22)])  // chats are numbered most urgent first
        #expect(s.handle(.f(4)) == [.openCase(20)])
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
        _ = s.handle(.up); _ = s.handle(.up)  // from the case's own P3 to P1
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

@Suite struct ScreenLockTests {
    @Test func inactivityLocksHidesPatientDataAndKeepsTheDraft() {
        var s = Samples.caseState()
        s.lockAfter = 60
        _ = s.handle(.char("i"))
        _ = s.handle(.char("!"))
        #expect(s.apply(.tick(Samples.now.addingTimeInterval(30))).isEmpty)
        let effects = s.apply(.tick(Samples.now.addingTimeInterval(61)))
        #expect(effects == [.saveDraft(caseId: 5, body: "Utkast som sparats!", templateCode: nil), .lock])
        let screen = ConsoleView.render(s, width: 80, height: 24).text
        #expect(screen.contains("Skärmen är låst – Anna Lind"))
        #expect(!screen.contains("Li Wei") && !screen.contains("19900571"))
        for c in "demo" { _ = s.handle(.char(c)) }
        #expect(s.handle(.enter) == [.unlock(password: "demo")])
        _ = s.apply(.unlocked)
        #expect(!s.locked && s.screen == .caseView && s.composer.text == "Utkast som sparats!")
    }

    @Test func wrongUnlockPasswordStaysLocked() {
        var s = Samples.queueState()
        s.lockAfter = 5
        _ = s.apply(.tick(Samples.now.addingTimeInterval(10)))
        _ = s.apply(.unlockFailed("Fel användarnamn eller lösenord"))
        #expect(s.locked)
        #expect(ConsoleView.render(s, width: 80, height: 24).text.contains("Fel användarnamn eller lösenord"))
    }

    @Test func logoutReturnsToTheLoginScreen() {
        var s = Samples.queueState()
        #expect(s.handle(.char("L")) == [.logout])
        _ = s.apply(.loggedOut)
        #expect(s.screen == .login && s.user == nil && s.queue.isEmpty)
    }
}

@Suite struct DashboardScreenTests {
    static let stats = DashboardStats(unitName: "Vårdcentralen Demo Centrum", open: [.p1: [.new: 1], .p3: [.new: 2, .awaitingStaff: 1]],
                                      oldest: [.p1: .init(caseId: 3, submittedAt: Samples.now.addingTimeInterval(-2400))],
                                      overdue: [Samples.queue[1]], arrivalsPerHour: Array(repeating: 0, count: 20) + [1, 3, 0, 2],
                                      medianFirstResponseMinutesToday: 12, staffOnline: [.init(name: "Anna Lind", openChats: 2)])

    func supervisorState() -> ConsoleState {
        var s = ConsoleState(lang: .sv, now: Samples.now)
        let david = StaffUser(id: 4, username: "david", displayName: "David Holm", role: .supervisor, profession: nil, unitHsaId: "SE2321000016-DEMO1")
        #expect(s.apply(.loggedIn(david, unitName: "Vårdcentralen Demo Centrum", templates: [], units: [])) == [.loadQueue, .loadDashboard])
        _ = s.apply(.queueLoaded(Samples.queue, hot: []))
        _ = s.apply(.dashboardLoaded(Self.stats))
        return s
    }

    @Test func supervisorsLandOnTheDashboard() throws {
        let s = supervisorState()
        #expect(s.screen == .dashboard)
        try assertSnapshot(ConsoleView.render(s, width: 80, height: 24), "dashboard-80x24")
        try assertSnapshot(ConsoleView.render(s, width: 200, height: 60), "dashboard-200x60")
    }

    @Test func tilesDrillDownToTheFilteredQueue() {
        var s = supervisorState()
        _ = s.handle(.down)
        _ = s.handle(.enter)
        #expect(s.screen == .queue && s.visibleQueue.map(\.id) == [3])
        _ = s.handle(.char("d"))
        #expect(s.screen == .dashboard)
        for _ in 0..<5 { _ = s.handle(.down) }  // from P1 to the overdue tile (the silent owners' tile is below it)
        _ = s.handle(.enter)
        #expect(s.visibleQueue.map(\.id) == [3])  // the overdue tile: only the P1 case is past its target
    }
}

/// An action the case's state forbids says why and asks nothing of the store (issue 12, defect 5).
@Suite struct ForbiddenActionTests {
    @Test func takingAClosedCaseSaysItIsClosed() {
        var s = Samples.caseState()
        s.detail?.status = .closed
        #expect(s.handle(.char("t")).isEmpty)
        #expect(s.status == "Ärende 5 är avslutat och kan inte tas" && s.statusIsError)
        for key in ["f", "x", "o", "i", "T"] {
            s.setStatus("")
            #expect(s.handle(.char(Character(key))).isEmpty && s.modal == nil, "\(key)")
            #expect(s.status == "Ärende 5 är avslutat – det kan inte ändras", "\(key)")
        }
    }

    @Test func takingYourOwnCaseAgainSaysSo() {
        var s = Samples.caseState()
        #expect(s.handle(.char("t")).isEmpty)
        #expect(s.status == "Ärende 5 är redan ditt")
    }
}

/// What staff expect besides the defects (issue 12): confirmation before quitting, a status line that
/// belongs to the screen, notifications.
@Suite struct StaffExpectationsTests {
    @Test func qWithOpenChatsSaysSoAndASecondQQuits() {
        var s = Samples.queueState()
        #expect(s.handle(.char("q")).isEmpty)
        #expect(s.status == "Du har 1 öppen chatt – q igen avslutar")
        #expect(s.handle(.char("q")) == [.quit])
        var other = Samples.queueState()
        _ = other.handle(.char("q"))
        _ = other.handle(.down)  // anything else disarms it
        #expect(other.handle(.char("q")).isEmpty)
        #expect(other.handle(.ctrl("c")) == [.quit])
    }

    @Test func theStatusLineClearsWhenTheScreenOrCaseChanges() {
        var s = Samples.caseState()
        s.setStatus("Meddelandet skickat")
        _ = s.handle(.escape)
        #expect(s.screen == .queue && s.status.isEmpty)
        s.setStatus("Du har tagit ärende 5")
        var other = Samples.detail
        other.id = 9
        _ = s.apply(.caseLoaded(other, draft: nil, draftTemplate: nil, templateValues: [:]))
        #expect(s.status.isEmpty)
    }

    @Test func theFilterIndicatorIsNeverHiddenByTheStatus() {
        var s = Samples.queueState()
        _ = s.handle(.char("u"))
        s.setStatus(String(repeating: "Ett mycket långt statusmeddelande ", count: 4))
        let line = ConsoleView.render(s, width: 80, height: 24).lines()[22]
        #expect(line.contains("brådska EMERGENCY") || line.contains("brådska"), "\(line)")
    }

    @Test func aReplyInOwnChatIsAnAlert() {
        var s = Samples.queueState()
        var chat = Samples.queue[2]
        chat.unreadCount += 1
        _ = s.apply(.queueChanged(QueueChanges(changed: [chat], removed: [], rev: 2), hot: [chat]))
        #expect(s.alerts == 1 && s.status == "Nytt meddelande från patienten i ärende 5")
    }

    @Test func overdueChatsAreRemindedEveryFewMinutes() {
        var s = Samples.queueState()
        let late = Samples.entry(3, .p1, "Åsa Öberg", "Huvudvärk", minutesAgo: 40, owner: "Anna Lind")
        _ = s.apply(.queueLoaded(Samples.queue, hot: [late]))
        _ = s.apply(.tick(Samples.now))
        #expect(s.alerts == 0, "not the moment a chat is taken")
        _ = s.apply(.tick(Samples.now.addingTimeInterval(ConsoleState.reminderInterval)))
        #expect(s.alerts == 1 && s.status.hasPrefix("Påminnelse: 1 av dina 1 chattar"))
        _ = s.apply(.tick(Samples.now.addingTimeInterval(ConsoleState.reminderInterval + 60)))
        #expect(s.alerts == 1)
        _ = s.apply(.tick(Samples.now.addingTimeInterval(2 * ConsoleState.reminderInterval + 1)))
        #expect(s.alerts == 2)
    }
}
