import Testing
import LotsCore
import LotsUI

@Suite struct BindingsTests {
    @Test func noKeyIsBoundTwiceInOneContext() {
        for ctx in BindingContext.allCases {
            let keys = Bindings.all.filter { $0.context == ctx }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "duplicate key in \(ctx)")
        }
    }

    @Test func helpListsEveryBindingFromTheTable() {
        var s = Samples.queueState()
        _ = s.handle(.char("?"))
        var text = ConsoleView.render(s, width: 200, height: 60).text
        for _ in 0..<5 { _ = s.handle(.pageDown); text += ConsoleView.render(s, width: 80, height: 24).text }
        for b in Bindings.all where !b.action.rawValue.hasPrefix("hot") && b.applies(to: .clinician)
            && Bindings.contexts(for: .clinician).contains(b.context) {
            #expect(text.contains(b.label(.sv)), "help lacks \(b.action)")
        }
        #expect(text.contains("Alt-1…9, F2…F10"))
        _ = s.handle(.escape)
        #expect(s.screen == .queue)
    }

    @Test func footerComesFromTheTable() {
        let footer = ConsoleView.render(Samples.queueState(), width: 200, height: 60).lines()[59]
        for (key, label) in Bindings.footer(.queue, .sv) { #expect(footer.contains("\(key) \(label)")) }
    }

    @Test func printableKeysAreTextInTheComposer() {
        #expect(Bindings.action(for: .char("q"), in: .composer) == nil)
        #expect(Bindings.action(for: .ctrl("c"), in: .composer) == .quit)
        #expect(Bindings.action(for: .char("q"), in: .queue) == .quit)
        #expect(Bindings.action(for: .alt("3"), in: .caseView) == .hot3)
    }

    static let cecilia = StaffUser(id: 3, username: "cecilia", displayName: "Cecilia Berg", role: .phoneNurse, profession: .sjukskoterska,
                                   unitHsaId: "SE2321000016-1177")
    static let david = StaffUser(id: 4, username: "david", displayName: "David Holm", role: .supervisor, profession: nil,
                                 unitHsaId: "SE2321000016-DEMO1")

    func state(_ u: StaffUser) -> ConsoleState {
        var s = ConsoleState(lang: .sv, now: Samples.now)
        _ = s.apply(.loggedIn(u, unitName: "x", templates: [], units: []))
        _ = s.apply(.queueLoaded(Samples.queue, hot: []))
        return s
    }

    func help(_ s: ConsoleState) -> String {
        var s = s
        s.helpReturn = s.screen
        s.screen = .help
        var text = ""
        for _ in 0..<8 { text += ConsoleView.render(s, width: 100, height: 30).text; _ = s.handle(.pageDown) }
        return text
    }

    @Test func phoneNursesSeeThePhoneFormsKeysAndAreNotOfferedTake() {
        var s = state(Self.cecilia)
        #expect(s.screen == .phone)
        let text = help(s)
        for label in ["Skapa digitalt ärende", "Avsluta med egenvård", "Ring 112", "Mina ärenden", "Följdfråga", "Samtalsformulär"] {
            #expect(text.contains(label), "help lacks \(label)")
        }
        #expect(!text.contains(" Ta\n") && !text.contains("Skriv") && !text.contains("Hänvisa"), "\(text)")
        #expect(ConsoleView.render(s, width: 100, height: 30).lines()[29].contains("^S Skapa digitalt ärende"))
        _ = s.handle(.ctrl("l"))
        #expect(s.screen == .queue)
        let footer = ConsoleView.render(s, width: 120, height: 30).lines()[29]
        #expect(!footer.contains("t Ta") && footer.contains("Esc Samtalsformulär"), "\(footer)")
        #expect(s.handle(.char("t")).isEmpty && s.status.contains("inte för din roll"))
        _ = s.handle(.escape)
        #expect(s.screen == .phone, "Esc leaves the phone nurse's case list")
    }

    @Test func supervisorsAreNotOfferedTakeAndSeeTheDashboardKeys() {
        var s = state(Self.david)
        _ = s.handle(.char("d"))
        #expect(s.screen == .queue)
        #expect(!ConsoleView.render(s, width: 120, height: 30).lines()[29].contains("t Ta"))
        _ = s.handle(.enter)
        let text = help(s)
        #expect(text.contains("Visa i kön") && !text.contains("Skapa digitalt ärende"))
    }

    @Test func supervisorsAreNotOfferedChatsTheyCannotHave() {
        var s = state(Self.david)
        let screen = ConsoleView.render(s, width: 120, height: 30).text
        #expect(!screen.contains("Inga egna chattar"), "\(screen)")
        _ = s.handle(.char("?"))
        let text = help(s)
        #expect(!text.contains("Byt till chatt") && !text.contains("Nästa olästa"), "\(text)")
        #expect(help(Samples.queueState()).contains("Byt till chatt"))
    }

    @Test func cliniciansSeeTheComposersEditingKeys() {
        let text = help(Samples.queueState())
        #expect(text.contains("Radera till radens början") && text.contains("Skicka") && !text.contains("Skapa digitalt ärende"))
    }
}
