import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore

@Suite struct CaseActionsTests {
    func clinician(_ f: StoreFixture, _ name: String = "anna") throws -> StaffUser { try f.clinician(name) }

    @Test func takeSendAndCloseMoveThroughTheStatusMachine() throws {
        let f = try StoreFixture()
        let anna = try clinician(f)
        let id = try f.addCase("Ont i halsen")
        try f.store.take(caseId: id, by: anna)
        let msg = try f.store.sendStaffMessage(caseId: id, body: "Hej! Har du feber?", templateCode: "Q-FEVER", by: anna)
        var d = try #require(try f.store.caseDetail(id))
        #expect(d.status == .awaitingCitizen)
        #expect(d.ownerName == "Anna")
        #expect(d.messages.last?.id == msg && d.messages.last?.templateCode == "Q-FEVER")
        try f.store.addCitizenMessage(caseId: id, body: "Ja, 38,5")
        #expect(try f.store.caseDetail(id)?.status == .awaitingStaff)
        try f.store.close(caseId: id, outcome: .selfCareAdvice, by: anna)
        d = try #require(try f.store.caseDetail(id))
        #expect(d.status == .closed && d.outcome == .selfCareAdvice)
        #expect(d.history.map(\.kind) == ["created", "taken", "closed"])
        #expect(throws: LotsError.self) { try f.store.close(caseId: id, outcome: .duplicate, by: anna) }
    }

    @Test func writingRequiresOwnership() throws {
        let f = try StoreFixture()
        let anna = try clinician(f)
        let id = try f.addCase("Hosta")
        #expect(throws: LotsError.self) { try f.store.sendStaffMessage(caseId: id, body: "Hej", templateCode: nil, by: anna) }
    }

    @Test func openChatCapIsEnforcedPolitely() throws {
        let f = try StoreFixture()
        let anna = try clinician(f)
        for i in 0..<3 { try f.store.take(caseId: try f.addCase("Snuva \(i)", serial: i + 1), by: anna, cap: 3) }
        let fourth = try f.addCase("Snuva igen", serial: 9)
        #expect { try f.store.take(caseId: fourth, by: anna, cap: 3) } throws: {
            ($0 as? LotsError)?.what == "you already have 3 open chats (the limit is 3)"
        }
        #expect(try f.store.ownedOpenCases(staffId: anna.id).count == 3)
    }

    @Test func aTakenCaseCannotBeTakenByAnother() throws {
        let f = try StoreFixture()
        let anna = try clinician(f), bertil = try clinician(f, "bertil")
        let id = try f.addCase("Hosta")
        try f.store.take(caseId: id, by: anna)
        #expect(throws: LotsError.self) { try f.store.take(caseId: id, by: bertil) }
        try f.store.release(caseId: id, by: anna)
        try f.store.take(caseId: id, by: bertil)
        #expect(try f.store.caseDetail(id)?.ownerName == "Bertil")
    }

    @Test func forwardMovesTheCaseWithNoteMessageHistoryAndAudit() throws {
        let f = try StoreFixture()
        let anna = try clinician(f)
        let id = try f.addCase("Ont i ländryggen")
        try f.store.take(caseId: id, by: anna)
        #expect(throws: LotsError.self) { try f.store.forward(caseId: id, to: "SE2321000016-FYS1", note: "  ", by: anna) }
        try f.store.forward(caseId: id, to: "SE2321000016-FYS1", note: "Ryggbesvär, passar fysioterapeut", by: anna)
        let d = try #require(try f.store.caseDetail(id))
        #expect(d.status == .forwarded && d.unitHsaId == "SE2321000016-FYS1" && d.ownerName == nil)
        #expect(d.messages.last?.author == .system && d.messages.last?.body.contains("Fysioterapin Demo Centrum") == true)
        #expect(d.history.last?.note.contains("Ryggbesvär") == true)
        #expect(try f.store.queue(unit: "SE2321000016-FYS1").map(\.id) == [id])
        #expect(try f.store.queue(unit: StoreFixture.unit).isEmpty)
        let actions = try f.store.pool.read { try String.fetchAll($0, sql: "SELECT action FROM auditEvent WHERE caseId = ? ORDER BY id", arguments: [id]) }
        #expect(actions == ["create-case", "take", "forward"])
    }

    @Test func overrideNeedsAReasonAndReordersTheQueue() throws {
        let f = try StoreFixture()
        let anna = try clinician(f)
        let cold = try f.addCase("Snuva", minutesAgo: 30)
        let uti = try f.addCase("Svider när jag kissar", minutesAgo: 10)
        #expect(throws: LotsError.self) { try f.store.overrideUrgency(caseId: cold, to: .p2, reason: "", by: anna) }
        try f.store.overrideUrgency(caseId: cold, to: .p2, reason: "Astma i botten", by: anna)
        #expect(try f.store.queue(unit: StoreFixture.unit).map(\.id) == [cold, uti])
        #expect(try f.store.caseDetail(cold)?.history.last?.note == "P5 -> P2: Astma i botten")
    }

    @Test func draftsSurviveAndAreClearedBySending() throws {
        let f = try StoreFixture()
        let anna = try clinician(f)
        let id = try f.addCase("Hosta")
        try f.store.take(caseId: id, by: anna)
        try f.store.saveDraft(caseId: id, body: "Hej, jag undrar", templateCode: nil, by: anna)
        let reopened = try LotsStore.open(path: f.store.path)
        #expect(try reopened.draft(caseId: id, staffId: anna.id)?.body == "Hej, jag undrar")
        try reopened.sendStaffMessage(caseId: id, body: "Hej, jag undrar hur du mår", templateCode: nil, by: anna)
        #expect(try reopened.draft(caseId: id, staffId: anna.id) == nil)
    }
}

@Suite struct PersonalTemplateStoreTests {
    @Test func personalTemplatesAreCheckedOwnedAndListedForTheirOwnerOnly() throws {
        let f = try StoreFixture()
        try f.store.addUser(username: "anna", displayName: "Anna", role: .clinician, profession: .sjukskoterska, unit: StoreFixture.unit,
                            password: "demo", actor: .system("t"))
        try f.store.addUser(username: "bo", displayName: "Bo", role: .clinician, profession: .lakare, unit: StoreFixture.unit,
                            password: "demo", actor: .system("t"))
        let anna = try #require(try f.store.user(named: "anna")), bo = try #require(try f.store.user(named: "bo"))
        let unknown = #expect(throws: LotsError.self) { try f.store.savePersonalTemplate(code: nil, body: "Hej {patient.skostorlek}", by: anna) }
        #expect(unknown?.key == "err.templateVariable" && unknown?.args.first == "patient.skostorlek")  // the console shows it in its language
        let code = try f.store.savePersonalTemplate(code: nil, body: "Hej {citizen.firstName}, ring oss gärna.", by: anna)
        #expect(code == "MY-ANNA-1")
        #expect(try f.store.templates(for: anna.id).first { $0.code == code }?.isPersonal == true)
        #expect(try f.store.templates(for: bo.id).contains { $0.code == code } == false)
        let notYours = #expect(throws: LotsError.self) { try f.store.savePersonalTemplate(code: code, body: "Kapat", by: bo) }
        #expect(notYours?.key == "err.templateNotYours")
        #expect((#expect(throws: LotsError.self) { try f.store.savePersonalTemplate(code: nil, body: "  ", by: anna) })?.key == "err.templateEmpty")
        try f.store.savePersonalTemplate(code: code, body: "Hej {citizen.firstName}!", by: anna)
        #expect(try f.store.templates(for: anna.id).first { $0.code == code }?.bodySv == "Hej {citizen.firstName}!")
    }
}
