import Foundation
import Testing
import LotsCore
import LotsStore

/// Staff-only notes (issue 14): never in what the citizen side reads, marked in the journal, logged.
@Suite struct StaffNotesTests {
    @Test func aStaffNoteNeverAppearsInTheCitizenVisibleMessages() throws {
        let f = try StoreFixture()
        let anna = try f.clinician("anna"), bo = try f.clinician("bo")
        let id = try f.addCase("Hostat i fyra veckor")
        try f.store.take(caseId: id, by: anna)
        try f.store.sendStaffMessage(caseId: id, body: "Har du feber?", templateCode: nil, by: anna)
        try f.store.addCitizenMessage(caseId: id, body: "Nej")
        let before = try #require(try f.store.caseDetail(id, for: anna))
        // Any clinician of the unit may note, owner or not; the note changes neither status nor unread count.
        try f.store.addStaffNote(caseId: id, body: "Misstänker kikhosta – ring upp i eftermiddag", by: bo)
        let after = try #require(try f.store.caseDetail(id, for: anna))
        #expect(after.status == before.status)
        let note = try #require(after.messages.last)
        #expect(note.isStaffNote && note.body.contains("kikhosta") && note.staffName == "Bo")
        let citizen = try f.store.citizenVisibleMessages(caseId: id)
        #expect(citizen.map(\.body).contains("Har du feber?") && citizen.map(\.body).contains("Nej"))
        #expect(!citizen.contains { $0.isStaffNote || $0.body.contains("kikhosta") }, "\(citizen)")
        #expect(citizen.count == after.messages.count - 1)
        // Logged to the person.
        let events = try f.store.auditEvents(caseId: id)
        #expect(events.contains { $0.action == "staff-note" && $0.actor.contains("bo") }, "\(events.map(\.action))")
    }

    @Test func theJournalExportMarksStaffNotes() throws {
        let f = try StoreFixture()
        let anna = try f.clinician("anna")
        let id = try f.addCase("Ont i halsen")
        try f.store.addStaffNote(caseId: id, body: "Ring upp kl 14", by: anna)
        let note = try f.store.withCase(id, for: anna, action: "export") { JournalNote.render($0) }
        let line = try #require(note.split(separator: "\n").first { $0.contains("Ring upp kl 14") })
        #expect(line.contains("PERSONALANTECKNING – ej synlig för patienten"), "\(line)")
    }

    @Test func supervisorsAndOtherUnitsCannotWriteNotes() throws {
        let f = try StoreFixture()
        let id = try f.addCase("Ont i halsen")
        try f.store.addUser(username: "david", displayName: "David", role: .supervisor, profession: nil, unit: StoreFixture.unit,
                            password: "demo", actor: .system("t"))
        let david = try #require(try f.store.user(named: "david"))
        let e = #expect(throws: LotsError.self) { try f.store.addStaffNote(caseId: id, body: "x", by: david) }
        #expect(e?.code == .denied)
        #expect(try f.store.citizenVisibleMessages(caseId: id).allSatisfy { !$0.isStaffNote })
    }
}
