import Foundation
import Testing
import LotsCore
@testable import LotsUI

/// Snooze in the console (issue 14): the prompt, and a case that comes back to the top with a marker at its time.
@Suite struct SnoozeScreenTests {
    @Test func theSnoozePromptUnderstandsTimesAndReplies() throws {
        let now = Samples.now  // 10:30 in Stockholm
        #expect(SnoozeSpec.parse("+30m labbsvar", now: now) == SnoozeSpec(until: now.addingTimeInterval(1800), untilReply: false, reason: "labbsvar"))
        #expect(SnoozeSpec.parse("+2h ring upp", now: now)?.until == now.addingTimeInterval(7200))
        #expect(SnoozeSpec.parse("14:00 efter lunch", now: now)?.until == ISOTime.parse("2026-11-24T14:00:00+01:00"))
        #expect(SnoozeSpec.parse("08:00 i morgon", now: now)?.until == ISOTime.parse("2026-11-25T08:00:00+01:00"))
        #expect(SnoozeSpec.parse("svar väntar på foto", now: now) == SnoozeSpec(until: nil, untilReply: true, reason: "väntar på foto"))
        #expect(SnoozeSpec.parse("sen", now: now) == nil && SnoozeSpec.parse("25:00 x", now: now) == nil)
    }

    @Test func zAsksWhenAndWhy() {
        var s = Samples.caseState()
        _ = s.handle(.char("z"))
        #expect(ConsoleView.render(s, width: 80, height: 24).text.contains("Vila ärendet"))
        for c in "+2h" { _ = s.handle(.char(c)) }
        #expect(s.handle(.enter).isEmpty && s.status == "Skriv ett skäl först")
        for c in " labbsvar" { _ = s.handle(.char(c)) }
        #expect(s.handle(.enter) == [.snooze(caseId: 5, until: Samples.now.addingTimeInterval(7200), untilReply: false, reason: "labbsvar")])
    }

    @Test func aSnoozedCaseWaitsAtTheBottomAndComesBackToTheTopAtItsTime() throws {
        var s = Samples.queueState()
        s.queue[0].snoozedUntil = Samples.now.addingTimeInterval(200)  // case 7, the 112 case, on hold for a few minutes
        #expect(s.visibleQueue.last?.id == 7)
        var lines = ConsoleView.render(s, width: 80, height: 24).lines()
        #expect(lines.contains { $0.contains("Ont i bröstet") && $0.contains("vilar") }, "\(lines)")
        _ = s.apply(.tick(Samples.now.addingTimeInterval(201)))  // (before the screen lock)
        #expect(s.visibleQueue.first?.id == 7)
        lines = ConsoleView.render(s, width: 80, height: 24).lines()
        let first = try #require(lines.firstIndex { $0.contains("Ont i bröstet") }), header = lines.firstIndex { $0.contains("Kontaktorsak") }
        #expect(first == header.map { $0 + 1 } && lines[first].contains("⏰ åter nu"), "\(lines)")
    }
}
