import Foundation
import Testing
import LotsCore
import LotsStore

/// Citizen and staff messages as stored (issue 11, groups 7 and 13).
@Suite struct MessagesTests {
    @Test func aNulByteIsRefusedNotTruncated() throws {
        let f = try StoreFixture()
        let id = try f.addCase("Ont i halsen")
        let before = try f.store.messages(caseId: id).count
        #expect(throws: LotsError.self) { try f.store.addCitizenMessage(caseId: id, body: "abc\u{0}def") }
        #expect(try f.store.messages(caseId: id).count == before)
        let anna = try f.clinician()
        try f.store.take(caseId: id, by: anna)
        #expect(throws: LotsError.self) { try f.store.sendStaffMessage(caseId: id, body: "hej\u{0}då", templateCode: nil, by: anna) }
        #expect(try f.store.messages(caseId: id).count == before)
    }

    @Test func combiningMarksCountAgainstTheMessageLimit() throws {
        let f = try StoreFixture()
        let id = try f.addCase("Ont i halsen")
        let zalgo = String(repeating: "a" + String(repeating: "\u{0301}", count: 500), count: 8_000)  // 8,000 characters, 4 M code points
        let start = Date()
        #expect(throws: LotsError.self) { try f.store.addCitizenMessage(caseId: id, body: zalgo) }
        #expect(Date().timeIntervalSince(start) < 10)
        try f.store.addCitizenMessage(caseId: id, body: String(repeating: "å", count: 8_000))
    }
}
