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
