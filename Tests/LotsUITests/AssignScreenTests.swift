import Foundation
import Testing
import LotsCore
@testable import LotsUI

/// Coordinator actions in the console (issue 14): the supervisor's assign picker, silent owners on the dashboard.
@Suite struct AssignScreenTests {
    static let david = StaffUser(id: 4, username: "david", displayName: "David Holm", role: .supervisor, profession: nil,
                                 unitHsaId: "SE2321000016-DEMO1")
    static let clinicians = [
        ClinicianLoad(id: 1, username: "anna", displayName: "Anna Lind", openChats: 2, chatCap: 6, lastSeenAt: Samples.now),
        ClinicianLoad(id: 2, username: "bo", displayName: "Bo Berg", openChats: 1, chatCap: 6, lastSeenAt: Samples.now.addingTimeInterval(-30)),
        ClinicianLoad(id: 3, username: "cia", displayName: "Cia Ek", openChats: 3, chatCap: 3, lastSeenAt: Samples.now),
        ClinicianLoad(id: 5, username: "dan", displayName: "Dan Ås", openChats: 0, chatCap: 6, lastSeenAt: nil),
    ]

    func supervisorInCase(lang: Lang = .sv) -> ConsoleState {
        var s = ConsoleState(lang: lang, now: Samples.now)
        _ = s.apply(.loggedIn(Self.david, unitName: "Vårdcentralen Demo Centrum", templates: [], units: []))
        _ = s.apply(.queueLoaded(Samples.queue, hot: []))
        _ = s.apply(.caseLoaded(Samples.detail, draft: nil, draftTemplate: nil, templateValues: [:]))
        return s
    }

    @Test func aSupervisorPicksAClinicianAndTheCaseIsAssigned() throws {
        var s = supervisorInCase()
        #expect(ConsoleView.render(s, width: 80, height: 24).text.contains("a Tilldela"))
        #expect(s.handle(.char("a")) == [.loadClinicians(caseId: 5)])
        _ = s.apply(.cliniciansLoaded(caseId: 5, Self.clinicians))
        guard case let .assign(p)? = s.modal else { Issue.record("no picker"); return }
        // Room and online first, the full one after, the current owner (Anna) last.
        #expect(p.items.map(\.id) == ["2", "5", "3", "1"], "\(p.items.map(\.title))")
        let lines = ConsoleView.render(s, width: 80, height: 24).lines()
        #expect(lines.contains { $0.contains("Tilldela ärende 5 till") }, "\(lines)")
        #expect(lines.contains { $0.contains("Bo Berg") && $0.contains("1 av 6 chattar · inloggad") }, "\(lines)")
        #expect(lines.contains { $0.contains("Dan Ås") && $0.contains("ej inloggad") })
        #expect(lines.contains { $0.contains("Cia Ek") && $0.contains("ingen plats") })
        #expect(lines.contains { $0.contains("Anna Lind") && $0.contains("har ärendet nu") })
        for c in "dan" { _ = s.handle(.char(c)) }
        #expect(s.handle(.enter) == [.assign(caseId: 5, staffId: 5, name: "Dan Ås")])
        #expect(s.modal == nil)
    }

    @Test func cliniciansAreNotOfferedAssignAndAClosedCaseSaysWhy() {
        var s = Samples.caseState()
        #expect(s.handle(.char("a")).isEmpty && s.modal == nil)
        #expect(s.status == "Tilldela kliniker: inte för din roll (Vårdpersonal)", "\(s.status)")
        #expect(!ConsoleView.render(s, width: 200, height: 60).lines().last!.contains("Tilldela"))
        var sup = supervisorInCase(lang: .en)
        sup.detail?.status = .closed
        #expect(sup.handle(.char("a")).isEmpty && sup.statusIsError && sup.status.contains("closed"), "\(sup.status)")
    }

    @Test func silentOwnersAreOnTheDashboardAndDrillDownToTheQueue() throws {
        var s = supervisorInCase()
        var stats = DashboardScreenTests.stats
        stats.silentOwners = [SilentOwnerCase(id: 3, urgency: .p1, reason: "Svårt att andas", ownerName: "Anna Lind",
                                              waitingSince: Samples.now.addingTimeInterval(-50 * 60))]
        _ = s.apply(.dashboardLoaded(stats))
        s.screen = .dashboard
        let lines = ConsoleView.render(s, width: 80, height: 24).lines()
        let head = try #require(lines.firstIndex { $0.contains("Tysta ägare – omfördela: 1") }, "\(lines)")
        #expect(lines[head + 1].contains("#3") && lines[head + 1].contains("tyst 50m · Anna Lind"), "\(lines[head + 1])")
        for _ in 0..<7 { _ = s.handle(.down) }
        _ = s.handle(.enter)
        #expect(s.screen == .queue && s.visibleQueue.map(\.id) == [3])
        #expect(ConsoleView.render(s, width: 80, height: 24).text.contains("tysta ägare"))
    }
}
