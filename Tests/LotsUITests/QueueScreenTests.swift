import Foundation
import Testing
import LotsCore
@testable import LotsUI

@Suite struct QueueScreenTests {
    @Test(arguments: [(80, 24), (200, 60)])
    func queueSnapshot(_ size: (Int, Int)) throws {
        try assertSnapshot(ConsoleView.render(Samples.queueState(), width: size.0, height: size.1), "queue-\(size.0)x\(size.1)")
    }

    @Test func rowsShowCodeAndSwedishLabelSoColourIsNotTheOnlySignal() {
        let text = ConsoleView.render(Samples.queueState(), width: 80, height: 24).lines()
        #expect(text[3].contains("112") && text[3].contains("Akut 112"))  // the short label at 80 columns
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

/// Own chats in the hotlist (issue 12, defect 4).
@Suite struct HotlistTests {
    static let chats: [QueueEntry] = [
        Samples.entry(2, .p4, "Anna Andersson", "Eksem", minutesAgo: 100, owner: "Anna Lind"),
        Samples.entry(3, .p3, "Bo Berg", "Hosta", minutesAgo: 50, owner: "Anna Lind", unread: 1),
        Samples.entry(4, .p5, "Cia Ceder", "Snuva", minutesAgo: 20, owner: "Anna Lind"),
        Samples.entry(5, .p2, "Dan Dahl", "Feber", minutesAgo: 10, owner: "Anna Lind"),
        Samples.entry(8, .p4, "Gus Grön", "Ont i knät", minutesAgo: 30, owner: "Anna Lind", unread: 12),
        Samples.entry(9, .emergency, "Eva Ek", "Bröstsmärta", minutesAgo: 5, owner: "Anna Lind"),
    ]

    func state(hot: [QueueEntry]) -> ConsoleState {
        var s = ConsoleState(lang: .sv, now: Samples.now)
        _ = s.apply(.loggedIn(Samples.anna, unitName: "Vårdcentralen Demo Centrum", templates: [], units: []))
        _ = s.apply(.queueLoaded(Samples.queue, hot: hot))
        return s
    }

    @Test func mostUrgentFirstWithPlusNWhenTheyDoNotFitAt60Columns() {
        let line = ConsoleView.render(state(hot: Self.chats), width: 60, height: 20).lines()[1]
        #expect(line.hasPrefix("[1 EE 112] [2 DD P2] [3 BB P3 ✉1] [4 AA P4]"), "\(line)")
        let shown = line.split(separator: "[").count
        #expect(shown < Self.chats.count)
        #expect(line.trimmingCharacters(in: .whitespaces).hasSuffix("+\(Self.chats.count - shown)"), "\(line)")
        #expect(ConsoleView.render(state(hot: Self.chats), width: 120, height: 30).lines()[1].trimmingCharacters(in: .whitespaces)
            .hasSuffix("[6 CC P5]"))
    }

    @Test func aChatKeepsItsNumberWhileItStaysOpen() {
        var s = state(hot: Self.chats)
        let before = s.hotSlots
        #expect(s.handle(.alt("1")) == [.openCase(9)])
        // Case 3 closes and a new urgent chat arrives: the others keep their numbers, the new one takes the free one.
        let next = Self.chats.filter { $0.id != 3 } + [Samples.entry(11, .p1, "Fia Fors", "Andnöd", minutesAgo: 1, owner: "Anna Lind")]
        _ = s.apply(.queueLoaded(Samples.queue, hot: next))
        for id: Int64 in [2, 4, 5, 8, 9] { #expect(s.hotSlots[id] == before[id]) }
        #expect(s.hotSlots[11] == before[3])
        #expect(s.hot.map(\.id) == [9, 11, 5, 2, 8, 4])  // P4s: longest waiting first
    }
}

@Suite struct UnreadColumnTests {
    @Test func theUnreadColumnIsHighlightedOnlyWhenSomethingIsUnread() {
        let s = Samples.queueState()
        let b = ConsoleView.render(s, width: 80, height: 24)
        let header = b.lines()[2]
        let x = CellWidth.of(String(header[..<header.firstIndex(of: "✉")!]))
        for (i, e) in s.visibleQueue.enumerated() where e.id != s.selectedId {
            let style = b[x, 3 + i].style
            #expect((style == Style(.normal)) == (e.unreadCount == 0), "row \(e.id): \(style)")
        }
    }
}

/// Columns by priority, short forms that stay distinct (issue 12, defect 11).
@Suite struct QueueColumnTests {
    func state() -> ConsoleState {
        var s = Samples.queueState()
        s.queue[4].status = .awaitingCitizen
        return s
    }

    @Test(arguments: [80, 90, 100])
    func statusesStayDistinctAt80To100Columns(_ width: Int) {
        let text = ConsoleView.render(state(), width: width, height: 24).text
        #expect(text.contains("väntar oss") && text.contains("väntar pat"), "\(text)")
        #expect(!text.contains("väntar …") && !text.contains("Närmaste …"), "\(text)")
    }

    @Test func atSixtyColumnsTheReasonOutranksTheUrgencyLabel() {
        let c = QueueScreen.columns(width: 60)
        #expect(c.reason >= 15 && c.label == 0, "\(c)")
        let text = ConsoleView.render(state(), width: 60, height: 20).text
        #expect(text.contains("Ont i bröstet so"), "\(text)")
        #expect(text.contains("v.oss") && text.contains("v.pat"))
    }

    @Test func atSixtyColumnsTheCodeKeepsASpaceBeforeTheAge() {
        var s = state()
        s.queue[0].uncertain = true  // "112?" fills the code's four columns
        let lines = ConsoleView.render(s, width: 60, height: 20).lines()
        #expect(lines.contains { $0.contains("Prio Ålder") }, "\(lines)")
        #expect(lines.contains { $0.contains("112? 62 m") }, "\(lines)")
        #expect(lines.contains { $0.contains("P1   50 k") }, "\(lines)")
    }

    @Test func wideScreensShowEveryColumnWhole() {
        let text = ConsoleView.render(state(), width: 200, height: 60).text
        #expect(text.contains("Vardag närmaste tiden") && text.contains("Ont i bröstet som strålar ut i vänster arm"))
    }
}

@Suite struct ShortLabelTests {
    @Test func shortFormsStayDistinctInBothLanguages() {
        for lang in Lang.allCases {
            let urgencies = Urgency.allCases.map { Strings.t("urgency.short." + $0.code, lang) }
            let statuses = CaseStatus.allCases.map { Strings.t("status.short." + $0.rawValue, lang) }
            #expect(Set(urgencies).count == urgencies.count && urgencies.allSatisfy { CellWidth.of($0) <= 9 }, "\(urgencies)")
            #expect(Set(statuses).count == statuses.count && statuses.allSatisfy { CellWidth.of($0) <= 6 }, "\(statuses)")
        }
    }
}
