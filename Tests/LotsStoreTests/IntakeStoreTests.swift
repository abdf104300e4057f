import Foundation
import Testing
import LotsCore
import LotsStore

/// Storing intakes (issue 11, group 8): a case keeps the patient's details as given with it.
@Suite struct IntakeStoreTests {
    @Test func aLaterIntakeDoesNotRewriteThePatientOfEarlierCases() throws {
        let f = try StoreFixture()
        let pnr = try Personnummer(Personnummer.make(year: 1980, month: 3, day: 14, serial: 1))
        func intake(_ name: String, _ phone: String?) -> Intake {
            Intake(personnummer: pnr, name: name, phone: phone, channel: .app, unit: StoreFixture.unit, submittedAt: Date(), reason: "Ont i halsen")
        }
        let first = try f.store.createCase(intake("Eva Andersson", "+46701111111"), triage: StoreFixture.engine.triage(intake("", nil).triageInput, at: Date()), actor: .system("test"))
        let second = try f.store.createCase(intake("Eva Berg", "+46702222222"), triage: StoreFixture.engine.triage(intake("", nil).triageInput, at: Date()), actor: .system("test"))
        let d1 = try #require(try f.store.caseDetail(first))
        let d2 = try #require(try f.store.caseDetail(second))
        #expect(d1.name == "Eva Andersson" && d1.phone == "+46701111111")
        #expect(d2.name == "Eva Berg" && d2.phone == "+46702222222")
        #expect(JournalNote.render(d1).contains("Eva Andersson"))
        #expect(try f.store.queue(unit: StoreFixture.unit).first { $0.id == first }?.citizenName == "Eva Andersson")
    }
}
