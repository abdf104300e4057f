import Foundation
import Testing
import LotsCore
import LotsUI

@Suite struct QueueScreenTests {
    @Test(arguments: [(80, 24), (200, 60)])
    func queueSnapshot(_ size: (Int, Int)) throws {
        try assertSnapshot(ConsoleView.render(Samples.queueState(), width: size.0, height: size.1), "queue-\(size.0)x\(size.1)")
    }

    @Test func rowsShowCodeAndSwedishLabelSoColourIsNotTheOnlySignal() {
        let text = ConsoleView.render(Samples.queueState(), width: 80, height: 24).lines()
        #expect(text[3].contains("112") && text[3].contains("Akut – ri"))
        #expect(text[4].contains("P1") && text[4].contains("Omgående"))
    }

    @Test func overdueRowIsMarkedWithTextAndAStyleThatSurvivesMonochrome() throws {
        let b = ConsoleView.render(Samples.queueState(), width: 80, height: 24)
        let row = b.lines()[4]  // P1, 40 minutes against a 15-minute target
        #expect(row.contains("!-25m"))
        let style = try #require(b.style(of: "!-25m", row: 4))
        #expect(style.role == .overdue)
        let mono = Theme.monochrome.look(style)
        #expect(mono.bold && mono.underline && mono.colors == nil)
    }

    @Test func wideGlyphsKeepColumnsAligned() {
        let lines = ConsoleView.render(Samples.queueState(), width: 80, height: 24).lines()
        // Every row is exactly 80 columns wide whatever it contains (CJK, emoji, åäö).
        for l in lines { #expect(CellWidth.of(l) == 80, "\(l)") }
        let wide = ConsoleView.render(Samples.queueState(), width: 200, height: 60).lines()
        #expect(wide[5].contains("Hostat i fyra veckor 🤒"))
        for l in wide { #expect(CellWidth.of(l) == 200) }
    }

    @Test func escapeSequencesInAReasonAreShownHarmlessly() {
        let text = ConsoleView.render(Samples.queueState(), width: 200, height: 60).text
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B })
        #expect(text.contains("Snuva och nästäppa␛[2J sedan tre dagar"))
    }

    @Test func hotlistShowsOwnChatsWithUnreadCount() {
        let line = ConsoleView.render(Samples.queueState(), width: 80, height: 24).lines()[1]
        #expect(line.hasPrefix("[1 LW P3 ✉2]"))
    }

    @Test func filtersNarrowTheQueue() {
        var s = Samples.queueState()
        _ = s.handle(.char("m"))
        #expect(s.visibleQueue.map(\.id) == [5])
        _ = s.handle(.char("a"))
        _ = s.handle(.char("u"))  // EMERGENCY
        #expect(s.visibleQueue.map(\.id) == [7])
        _ = s.handle(.char("u"))  // P1
        #expect(s.visibleQueue.map(\.id) == [3])
    }

    @Test func englishUIComesFromTheSameCatalog() {
        let text = ConsoleView.render(Samples.queueState(lang: .en), width: 80, height: 24).text
        #expect(text.contains("Urgency") && text.contains("Open") && text.contains("Quit"))
    }

    @Test func tinyWindowsSaySoInsteadOfCrashing() {
        let b = ConsoleView.render(Samples.queueState(), width: 20, height: 5)
        #expect(b.lines()[0].hasPrefix("Fönstret är för lit"))
        #expect(ConsoleView.render(Samples.queueState(), width: 0, height: 0).lines().isEmpty)
    }
}
