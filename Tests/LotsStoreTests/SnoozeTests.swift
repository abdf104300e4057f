import Foundation
import Testing
import LotsCore
import LotsStore

/// Snooze (issue 14): on hold until a time or the citizen's answer, with a reason; the owner only; logged.
@Suite struct SnoozeTests {
    @Test func aSnoozedCaseCarriesItsTimeInTheQueueAndReturnsOnAReply() throws {
        let f = try StoreFixture()
        let anna = try f.clinician("anna"), bo = try f.clinician("bo")
        let id = try f.addCase("Hostat i fyra veckor")
        let later = Date().addingTimeInterval(3600)
        #expect(throws: LotsError.self) { try f.store.snooze(caseId: id, until: later, untilReply: false, reason: "labb", by: anna) }  // not hers yet
        try f.store.take(caseId: id, by: anna)
        #expect((#expect(throws: LotsError.self) { try f.store.snooze(caseId: id, until: later, untilReply: false, reason: " ", by: anna) })?.key == "err.snoozeReason")
        #expect(throws: LotsError.self) { try f.store.snooze(caseId: id, until: later, untilReply: false, reason: "labb", by: bo) }
        try f.store.snooze(caseId: id, until: later, untilReply: false, reason: "väntar på labbsvar", by: anna)
        var entry = try #require(try f.store.queue(unit: StoreFixture.unit).first { $0.id == id })
        #expect(abs(entry.snoozedUntil!.timeIntervalSince(later)) < 1 && entry.snooze(at: Date()) == .waiting)
        #expect(entry.snooze(at: later.addingTimeInterval(1)) == .returned)
        // Until the citizen answers: the answer brings it back now.
        try f.store.snooze(caseId: id, until: nil, untilReply: true, reason: "bad om foto", by: anna)
        entry = try #require(try f.store.queue(unit: StoreFixture.unit).first { $0.id == id })
        #expect(entry.snoozedUntilReply && entry.snooze(at: Date().addingTimeInterval(86_400)) == .waiting)
        try f.store.addCitizenMessage(caseId: id, body: "Här är fotot")
        entry = try #require(try f.store.queue(unit: StoreFixture.unit).first { $0.id == id })
        #expect(!entry.snoozedUntilReply && entry.snooze(at: Date().addingTimeInterval(1)) == .returned)
        // History and access log.
        let d = try #require(try f.store.caseDetail(id, for: anna))
        #expect(d.history.contains { $0.kind == "snoozed" && $0.note.contains("väntar på labbsvar") })
        #expect(try f.store.auditEvents(caseId: id).filter { $0.action == "snooze" }.count == 2)
        // Answering ends the hold.
        try f.store.sendStaffMessage(caseId: id, body: "Tack!", templateCode: nil, by: anna)
        entry = try #require(try f.store.queue(unit: StoreFixture.unit).first { $0.id == id })
        #expect(entry.snooze(at: Date().addingTimeInterval(1)) == .none)
    }
}
