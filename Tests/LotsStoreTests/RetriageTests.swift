import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore

/// A citizen message with new findings raises the case (never lowers it), with history, access log and,
/// at EMERGENCY, the call-112 instruction to the citizen.
@Suite struct RetriageTests {
    let retriage: @Sendable (TriageInput) -> TriageResult = { StoreFixture.engine.triage($0, at: Date()) }

    @Test func breathingDifficultyInAMessageRaisesAP4Case() throws {
        let f = try StoreFixture()
        let id = try f.addCase("Hostat i fyra veckor, ingen feber, röker inte")
        #expect(try f.store.caseDetail(id)?.urgency == .p4)
        try f.store.addCitizenMessage(caseId: id, body: "Nu har jag fått svårt att andas", retriage: retriage)
        let d = try #require(try f.store.caseDetail(id))
        #expect(d.urgency == .p1)
        #expect(d.history.contains { $0.kind == "retriage" && $0.note.contains("P4 → P1") })
        #expect(d.rationale.contains("omtriage på meddelande"))
        let events = try f.store.pool.read { try String.fetchAll($0, sql: "SELECT action FROM auditEvent WHERE caseId = ?", arguments: [id]) }
        #expect(events.contains("retriage"))
        #expect(!d.messages.contains { $0.author == .system && $0.body.contains("Ring 112") })
    }

    @Test func anEmergencyInAMessageSendsTheCall112Instruction() throws {
        let f = try StoreFixture()
        let id = try f.addCase("Ont i halsen sedan två dagar")
        try f.store.addCitizenMessage(caseId: id, body: "Nu hänger ena mungipan och jag får inte fram orden", retriage: retriage)
        let d = try #require(try f.store.caseDetail(id))
        #expect(d.urgency == .emergency)
        #expect(d.messages.last?.author == .system)
        #expect(d.messages.last?.body.contains("Ring 112 nu") == true)
    }

    @Test func aCalmerMessageNeverLowersTheCase() throws {
        let f = try StoreFixture()
        let id = try f.addCase("Ont i bröstet som strålar ut i vänster arm")
        let before = try #require(try f.store.caseDetail(id)?.urgency)
        try f.store.addCitizenMessage(caseId: id, body: "Nu känns det bättre, bara lite snuva", retriage: retriage)
        #expect(try f.store.caseDetail(id)?.urgency == before)
        #expect(try f.store.caseDetail(id)?.history.contains { $0.kind == "retriage" } == false)
    }
}
