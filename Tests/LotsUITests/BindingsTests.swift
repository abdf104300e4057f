import Testing
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
        for b in Bindings.all where !b.action.rawValue.hasPrefix("hot") {
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
}
