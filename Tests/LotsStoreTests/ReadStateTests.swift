import Foundation
import Testing
import LotsCore
import LotsStore

/// Read state (issue 14): the unread position survives opening the case; the citizen's read receipt of staff messages.
@Suite struct ReadStateTests {
    @Test func theFirstUnreadCitizenMessageIsKnownFromTheDetailReadBeforeOpeningMarksItRead() throws {
        let f = try StoreFixture()
        let anna = try f.clinician("anna")
        let id = try f.addCase("Hostat i fyra veckor")
        try f.store.take(caseId: id, by: anna)
        try f.store.sendStaffMessage(caseId: id, body: "Har du feber?", templateCode: nil, by: anna)
        let old = try f.store.addCitizenMessage(caseId: id, body: "Nej")
        try f.store.markRead(caseId: id, by: anna)
        let first = try f.store.addCitizenMessage(caseId: id, body: "Men hostar blod nu")
        try f.store.addCitizenMessage(caseId: id, body: "Lite grann")
        let d = try #require(try f.store.caseDetail(id, for: anna))
        #expect(d.unreadCount == 2 && d.firstUnreadCitizenMessageId == first && first != old)
        try f.store.markRead(caseId: id, by: anna)
        #expect(try f.store.caseDetail(id, for: anna)?.firstUnreadCitizenMessageId == nil)
    }

    @Test func theCitizensReadReceiptMovesOnlyForwardAndNeverCoversANote() throws {
        let f = try StoreFixture()
        let anna = try f.clinician("anna")
        let id = try f.addCase("Ont i halsen")
        try f.store.take(caseId: id, by: anna)
        try f.store.sendStaffMessage(caseId: id, body: "Har du feber?", templateCode: nil, by: anna)
        try f.store.sendStaffMessage(caseId: id, body: "Hur länge?", templateCode: nil, by: anna)
        let msgs = try f.store.citizenVisibleMessages(caseId: id)
        let first = try #require(msgs.first { $0.body == "Har du feber?" }).id, second = try #require(msgs.last).id
        let note = try f.store.addStaffNote(caseId: id, body: "Ring upp", by: anna)
        #expect(try f.store.caseDetail(id, for: anna)?.citizenReadUpTo == nil)
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(try f.store.markReadByCitizen(caseId: id, upToMessageId: second, now: at) == second)
        #expect(try f.store.markReadByCitizen(caseId: id, upToMessageId: first) == second)  // never backwards
        let d = try #require(try f.store.caseDetail(id, for: anna))
        #expect(d.citizenReadUpTo == second && d.citizenReadAt == at && d.lastStaffMessageReadByCitizen == second)
        let e = #expect(throws: LotsError.self) { try f.store.markReadByCitizen(caseId: id, upToMessageId: note) }
        #expect(e?.code == .dataError && e?.location == "upToMessageId")
        let other = try f.addCase("Annat")
        #expect(throws: LotsError.self) { try f.store.markReadByCitizen(caseId: other, upToMessageId: first) }
        let missing = #expect(throws: LotsError.self) { try f.store.markReadByCitizen(caseId: 99_999, upToMessageId: first) }
        #expect(missing?.code == .noInput)
    }
}
