import Foundation
import Testing
import LotsCore
import LotsUI

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
