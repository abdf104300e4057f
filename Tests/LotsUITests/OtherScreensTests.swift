import Foundation
import Testing
import LotsCore
@testable import LotsUI

@Suite struct OtherScreensTests {
    @Test(arguments: [(80, 24), (200, 60)])
    func loginSnapshot(_ size: (Int, Int)) throws {
        var s = ConsoleState(lang: .sv, now: Samples.now, user: "anna")
        for c in "hemligt" { _ = s.handle(.char(c)) }
        try assertSnapshot(ConsoleView.render(s, width: size.0, height: size.1), "login-\(size.0)x\(size.1)")
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func helpSnapshot(_ size: (Int, Int)) throws {
        var s = Samples.queueState()
        _ = s.handle(.f(1))
        try assertSnapshot(ConsoleView.render(s, width: size.0, height: size.1), "help-\(size.0)x\(size.1)")
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func templatePickerSnapshot(_ size: (Int, Int)) throws {
        var s = Samples.caseState()
        _ = s.handle(.char("T"))
        try assertSnapshot(ConsoleView.render(s, width: size.0, height: size.1), "templates-\(size.0)x\(size.1)")
    }

    @Test func passwordIsNeverDrawn() {
        var s = ConsoleState(lang: .sv, now: Samples.now, user: "anna")
        for c in "hemligt" { _ = s.handle(.char(c)) }
        let text = ConsoleView.render(s, width: 80, height: 24).text
        #expect(!text.contains("hemligt"))
        #expect(text.contains("•••••••"))
    }
}

@Suite struct EverySizeTests {
    /// Every screen and modal at every small size renders without trapping (a range check once killed the
    /// dashboard in a 10-row pane) and fills exactly the buffer.
    @Test func everyScreenRendersAtEverySmallSize() {
        var states: [ConsoleState] = [ConsoleState(lang: .sv, now: Samples.now), Samples.queueState(), Samples.caseState()]
        var help = Samples.queueState(); _ = help.handle(.f(1)); states.append(help)
        var picker = Samples.caseState(); _ = picker.handle(.char("T")); states.append(picker)
        var close = Samples.caseState(); _ = close.handle(.char("x")); states.append(close)
        var search = Samples.queueState(); _ = search.handle(.char("/")); states.append(search)
        var locked = Samples.queueState(); locked.lockAfter = 5; _ = locked.apply(.tick(Samples.now.addingTimeInterval(9))); states.append(locked)
        var dash = ConsoleState(lang: .sv, now: Samples.now)
        _ = dash.apply(.loggedIn(StaffUser(id: 4, username: "david", displayName: "David", role: .supervisor, profession: nil, unitHsaId: "U"),
                                 unitName: "U", templates: [], units: []))
        _ = dash.apply(.dashboardLoaded(DashboardScreenTests.stats)); states.append(dash)
        var phone = ConsoleState(lang: .sv, now: Samples.now)
        _ = phone.apply(.loggedIn(StaffUser(id: 3, username: "c", displayName: "C", role: .phoneNurse, profession: nil, unitHsaId: "U"),
                                  unitName: "U", templates: [], units: []))
        states.append(phone)
        for s in states {
            for w in [1, 20, 39, 40, 41, 57, 80] {
                for h in [1, 5, 9, 10, 11, 12, 13, 16, 24] {
                    let b = ConsoleView.render(s, width: w, height: h)
                    #expect(b.lines().count == h && b.lines().allSatisfy { CellWidth.of($0) == w })
                }
            }
        }
    }
}

/// Dashboard, pickers, durations and plurals (issue 12, defect 13).
@Suite struct WorkingDayDetailsTests {
    func supervisor(width: Int, height: Int) -> String {
        var s = ConsoleState(lang: .sv, now: Samples.now)
        let david = StaffUser(id: 4, username: "david", displayName: "David Holm", role: .supervisor, profession: nil, unitHsaId: "SE2321000016-DEMO1")
        _ = s.apply(.loggedIn(david, unitName: "Vårdcentralen Demo Centrum", templates: [], units: []))
        _ = s.apply(.queueLoaded(Samples.queue, hot: []))
        _ = s.apply(.dashboardLoaded(DashboardScreenTests.stats))
        return ConsoleView.render(s, width: width, height: height).text
    }

    @Test func dashboardSaysOneChatShowsHourLabelsAndKeepsTheOldestWaitAt60Columns() {
        let text = supervisor(width: 80, height: 24)
        #expect(text.contains("Anna Lind (2 chattar)"))
        #expect(text.contains("median första svar (ärenden från i dag) 12 min"))
        let lines = text.split(separator: "\n")
        let spark = lines.firstIndex { $0.contains("Ankomster senaste 24 h") }!
        #expect(lines[spark + 1].contains("10") && lines[spark + 1].contains("16") && lines[spark + 1].contains("22"), "\(lines[spark + 1])")
        let narrow = supervisor(width: 60, height: 20)
        #expect(narrow.contains("40m (#3)"), "\(narrow)")
        #expect(Strings.n("dash.chats", 1, .sv) == "1 chatt" && Strings.n("queue.count", 1, .sv) == "1 öppet ärende")
        #expect(Strings.n("dash.chats", 1, .en) == "1 chat" && Strings.n("queue.count", 2, .en) == "2 open cases")
    }

    @Test func thirtySevenHoursIsNotOneDay() {
        #expect(ConsoleView.duration(37 * 3600) == "1d13h")
        #expect(ConsoleView.duration(24 * 3600) == "1d")
        #expect(ConsoleView.duration(12 * 86_400) == "12d")
    }

    @Test func ctrlUClearsAPickersFilter() {
        var s = Samples.caseState()
        _ = s.handle(.char("T"))
        for c in "häls" { _ = s.handle(.char(c)) }
        _ = s.handle(.ctrl("u"))
        guard case let .templates(p)? = s.modal else { Issue.record("no picker"); return }
        #expect(p.filter.text.isEmpty && p.visible.count == Samples.templates.count)
    }

    @Test func theOverridePickerStartsOnTheCasesOwnUrgency() {
        var s = Samples.caseState()
        _ = s.handle(.char("o"))
        guard case let .urgencies(p)? = s.modal else { Issue.record("no picker"); return }
        #expect(p.selected?.id == "P3")
    }

    @Test func theProviderPickerMarksTheUnitTheTriageRecommends() {
        var s = Samples.caseState()
        s.units = [UnitChoice(hsaId: "A", name: "Vårdcentralen Alfa", type: .vardcentral, missions: [], address: "", openText: "öppet nu", isOpen: true, waitMinutes: 5),
                   UnitChoice(hsaId: "N", name: "Vårdcentralen Norrby", type: .vardcentral, missions: [], address: "", openText: "öppet nu", isOpen: true, waitMinutes: 60)]
        _ = s.handle(.char("f"))
        guard case let .providers(p)? = s.modal else { Issue.record("no picker"); return }
        #expect(p.selected?.id == "N" && p.selected?.title == "★ Vårdcentralen Norrby")
        #expect(ConsoleView.render(s, width: 100, height: 30).text.contains("rekommenderas av triagen"))
    }

    @Test func theLockScreenAsksOnlyForThePassword() {
        var s = Samples.caseState()
        s.locked = true
        _ = s.apply(.unlockFailed(Strings.t("lock.failed", .sv)))
        let text = ConsoleView.render(s, width: 80, height: 24).text
        #expect(text.contains("Fel lösenord") && !text.contains("användarnamn"))
    }
}
