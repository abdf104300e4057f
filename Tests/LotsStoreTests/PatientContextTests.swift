import Foundation
import Testing
import LotsCore
import LotsStore

/// Patient context (issue 14): a case lists the patient's earlier contacts; opening one is a logged access.
@Suite struct PatientContextTests {
    @Test func aCaseListsThePatientsEarlierContactsNewestFirst() throws {
        let f = try StoreFixture()
        let anna = try f.clinician("anna")
        let first = try f.addCase("Ont i halsen", minutesAgo: 600, serial: 7)
        try f.store.close(caseId: first, outcome: .selfCareAdvice, overrideReason: nil, message: nil, by: anna)
        let second = try f.addCase("Hosta", minutesAgo: 300, unit: "SE2321000016-DEMO2", serial: 7)
        _ = try f.addCase("Someone else", minutesAgo: 200, serial: 8)
        let now = try f.addCase("Feber igen", serial: 7)
        let d = try #require(try f.store.caseDetail(now, for: anna))
        #expect(d.earlierContacts.map(\.id) == [second, first])
        let closed = try #require(d.earlierContacts.last)
        #expect(closed.outcome == .selfCareAdvice && closed.reason == "Ont i halsen" && closed.status == .closed)
        #expect(d.earlierContacts.first?.unitName.isEmpty == false)
        // Opening an earlier contact is an access to that case, logged to the person.
        _ = try f.store.caseDetail(first, for: anna)
        #expect(try f.store.auditEvents(caseId: first).contains { $0.action == "open-case" && $0.actor.contains("anna") })
        // One of another unit stays closed to her (and the denial is logged).
        #expect(throws: LotsError.self) { _ = try f.store.caseDetail(second, for: anna) }
    }
}
