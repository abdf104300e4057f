import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore

/// Handling a case less urgently than its triage is an override: it needs a reason, kept in history and the access log.
@Suite struct TriageOverrideTests {
    @Test func selfCareAdviceOnAP1CaseNeedsAReasonAndIsRecordedAsAnOverride() throws {
        let f = try StoreFixture()
        let anna = try f.clinician()
        let id = try f.addCase("Ont i halsen")
        try f.store.take(caseId: id, by: anna)
        try f.store.overrideUrgency(caseId: id, to: .p1, reason: "låter påverkad", by: anna)
        #expect(throws: LotsError.self) { try f.store.close(caseId: id, outcome: .selfCareAdvice, by: anna) }
        #expect(try f.store.caseDetail(id)?.status == .active)  // nothing written
        try f.store.close(caseId: id, outcome: .selfCareAdvice, overrideReason: "Bedömd i telefon, mår bra", by: anna)
        let d = try #require(try f.store.caseDetail(id))
        #expect(d.status == .closed)
        #expect(d.history.contains { $0.kind == "override" && $0.note == "P1 -> self-care-advice: Bedömd i telefon, mår bra" })
        let events = try f.store.pool.read {
            try String.fetchAll($0, sql: "SELECT detail FROM auditEvent WHERE caseId = ? AND action = 'override-triage'", arguments: [id])
        }
        #expect(events.contains("P1 -> self-care-advice"))
    }

    @Test func otherOutcomesOfAP1CaseNeedNoReason() throws {
        let f = try StoreFixture()
        let anna = try f.clinician()
        let id = try f.addCase("Ont i halsen")
        try f.store.take(caseId: id, by: anna)
        try f.store.overrideUrgency(caseId: id, to: .p1, reason: "låter påverkad", by: anna)
        try f.store.close(caseId: id, outcome: .referred, by: anna)
        #expect(try f.store.caseDetail(id)?.history.contains { $0.kind == "override" && $0.note.contains("referred") } == false)
    }

    @Test func anUncertainTriageIsStoredAndShownInTheQueue() throws {
        let f = try StoreFixture()
        let intake = Intake(personnummer: try Personnummer("19121212-1212"), name: "Tolvan", phone: nil, channel: .app,
                            unit: StoreFixture.unit, submittedAt: Date(), reason: "Det känns konstigt")
        var triage = StoreFixture.engine.triage(intake.triageInput, at: Date())
        triage.confident = false
        let id = try f.store.createCase(intake, triage: triage, actor: .system("test"))
        let sure = try f.addCase("Ont i halsen sedan tre dagar")
        let queue = try f.store.queue(unit: StoreFixture.unit)
        #expect(queue.first { $0.id == id }?.uncertain == true)
        #expect(queue.first { $0.id == sure }?.uncertain == false)
        #expect(try f.store.caseDetail(id)?.triageUncertain == true)
    }
}

@Suite struct ClosedCaseTests {
    @Test func takingAClosedCaseIsRefusedEvenByItsLastOwner() throws {
        let f = try StoreFixture()
        let anna = try f.clinician()
        let id = try f.addCase("Ont i halsen")
        try f.store.take(caseId: id, by: anna)
        try f.store.close(caseId: id, outcome: .duplicate, by: anna)
        #expect(throws: LotsError.self) { try f.store.take(caseId: id, by: anna) }
    }
}

@Suite struct PatientLanguageStoreTests {
    func intake(_ language: String?) throws -> Intake {
        let lang = language.map { ", \"language\": \"\($0)\"" } ?? ""
        let json = """
        {"citizen": {"personnummer": "19121212-1212", "name": "Tolvan"}, "channel": "app", "unit": "\(StoreFixture.unit)",
         "submittedAt": "2026-11-23T09:12:00+01:00", "reason": "Ont i halsen"\(lang)}
        """
        return try IntakeParser(source: "test", now: ISOTime.parse("2026-11-23T10:00:00+01:00")!) { _ in Data() }.parse(Data(json.utf8))
    }

    @Test func theIntakesLanguageIsThePatientsAndIsStored() throws {
        let f = try StoreFixture()
        #expect(try intake(nil).language == "sv")
        let english = try intake("en")
        let id = try f.store.createCase(english, triage: StoreFixture.engine.triage(english.triageInput, at: Date()), actor: .system("test"))
        #expect(try f.store.caseDetail(id)?.language == "en")
        #expect(throws: LotsError.self) { try intake("de") }
    }
}

@Suite struct ClosingMessageTests {
    @Test func closingWithAMessageTellsThePatientInTheSameTransaction() throws {
        let f = try StoreFixture()
        let anna = try f.clinician()
        let id = try f.addCase("Ont i halsen")
        try f.store.take(caseId: id, by: anna)
        try f.store.close(caseId: id, outcome: .bookedVisit, message: "Du har fått en tid. Välkommen!", by: anna)
        let d = try #require(try f.store.caseDetail(id))
        #expect(d.status == .closed && d.messages.last?.author == .staff && d.messages.last?.body == "Du har fått en tid. Välkommen!")
    }
}

@Suite struct SetLanguageTests {
    @Test func staffSetThePatientsLanguageWithHistoryAndAudit() throws {
        let f = try StoreFixture()
        let anna = try f.clinician()
        let id = try f.addCase("Sore throat")
        try f.store.setLanguage(caseId: id, language: "en", by: anna)
        let d = try #require(try f.store.caseDetail(id))
        #expect(d.language == "en" && d.history.contains { $0.kind == "language" && $0.note == "sv -> en" })
        #expect(throws: LotsError.self) { try f.store.setLanguage(caseId: id, language: "de", by: anna) }
    }
}
