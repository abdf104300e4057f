import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore

/// Coordinator actions (issue 14): assign/reassign within the unit and the clinician's cap, silent owners, chat caps.
@Suite struct CoordinatorTests {
    func supervisor(_ f: StoreFixture) throws -> StaffUser {
        try f.store.addUser(username: "david", displayName: "David", role: .supervisor, profession: nil, unit: StoreFixture.unit,
                            password: "demo", actor: .system("t"))
        return try #require(try f.store.user(named: "david"))
    }

    @Test func aSupervisorReassignsAnOpenCaseToAClinicianOfTheUnitLogged() throws {
        let f = try StoreFixture()
        let anna = try f.clinician("anna"), bo = try f.clinician("bo"), david = try supervisor(f)
        let id = try f.addCase("Hostat i fyra veckor")
        try f.store.take(caseId: id, by: anna)
        try f.store.sendStaffMessage(caseId: id, body: "Har du feber?", templateCode: nil, by: anna)
        try f.store.addCitizenMessage(caseId: id, body: "Ja, 39")
        try f.store.assign(caseId: id, to: bo.id, by: david)
        let d = try #require(try f.store.caseDetail(id))
        #expect(d.ownerName == "Bo" && d.status == .awaitingStaff)  // the chat stands where it stood
        #expect(try f.store.ownedOpenCases(staffId: bo.id).map(\.id) == [id] && f.store.ownedOpenCases(staffId: anna.id).isEmpty)
        let h = try #require(d.history.last)
        #expect(h.kind == "assigned" && h.actor == "david" && h.note == "anna → bo")
        #expect(try f.store.auditEvents(caseId: id).contains { $0.action == "assign" && $0.actor.contains("david") })
        // Bo may now write; Anna may not release what is no longer hers.
        try f.store.sendStaffMessage(caseId: id, body: "Jag tar över", templateCode: nil, by: bo)
        #expect(throws: LotsError.self) { try f.store.release(caseId: id, by: anna) }
        // An unowned case becomes active with its new owner.
        let fresh = try f.addCase("Ont i halsen", serial: 2)
        try f.store.assign(caseId: fresh, to: anna.id, by: david)
        #expect(try f.store.caseDetail(fresh)?.status == .active)
    }

    @Test func assignmentsAreRefusedWithReasons() throws {
        let f = try StoreFixture()
        let anna = try f.clinician("anna"), david = try supervisor(f)
        try f.store.addUser(username: "olle", displayName: "Olle", role: .clinician, profession: .lakare, unit: "SE2321000016-DEMO2",
                            password: "demo", actor: .system("t"))
        let olle = try #require(try f.store.user(named: "olle"))
        let id = try f.addCase("Hosta")
        func key(_ body: () throws -> Void) -> String? {
            do { try body(); return nil } catch let e as LotsError { return e.key ?? e.code.rawValue.description } catch { return "\(error)" }
        }
        #expect(key { try f.store.assign(caseId: id, to: olle.id, by: david) } == "err.assignNotClinician")
        #expect(key { try f.store.assign(caseId: id, to: david.id, by: david) } == "err.assignNotClinician")
        #expect(key { try f.store.assign(caseId: id, to: anna.id, by: anna) } == "err.denied")  // clinicians do not assign
        try f.store.assign(caseId: id, to: anna.id, by: david)
        #expect(key { try f.store.assign(caseId: id, to: anna.id, by: david) } == "err.assignSame")
        // The target's own cap counts.
        let admin = try f.admin()
        try f.store.setChatCap(username: "anna", cap: 1, by: admin)
        let second = try f.addCase("Snuva", serial: 2)
        #expect(key { try f.store.assign(caseId: second, to: anna.id, by: david) } == "err.assignFull")
        try f.store.close(caseId: id, outcome: .selfCareAdvice, by: anna)
        #expect(key { try f.store.assign(caseId: id, to: anna.id, by: david) } == "err.closedAssign")
    }

    @Test func casesWhoseOwnerIsSilentPastTheTargetAreListed() throws {
        let f = try StoreFixture()
        let anna = try f.clinician("anna")
        let now = Date()
        // P-levels come from the triage; the test reads the case's own target rather than assuming one.
        let silent = try f.addCase("Hostat i fyra veckor", minutesAgo: 3 * 24 * 60, serial: 1)  // taken, never answered
        let answered = try f.addCase("Ont i halsen", minutesAgo: 3 * 24 * 60, serial: 2)       // answered, citizen quiet
        let fresh = try f.addCase("Snuva", serial: 3)                                           // just taken
        let unowned = try f.addCase("Ont i örat", minutesAgo: 3 * 24 * 60, serial: 4)            // overdue but nobody's
        for id in [silent, answered, fresh] { try f.store.take(caseId: id, by: anna) }
        try f.store.sendStaffMessage(caseId: answered, body: "Drick mycket", templateCode: nil, by: anna)
        let list = try f.store.silentOwnerCases(unit: StoreFixture.unit, now: now)
        #expect(list.map(\.id) == [silent], "\(list)")
        #expect(list.first?.ownerName == "Anna" && (list.first?.overdueSeconds(at: now) ?? 0) > 0)
        #expect(!list.contains { $0.id == unowned })
        // The citizen writes to the answered case: silent again once the target passes from that message.
        try f.store.addCitizenMessage(caseId: answered, body: "Hjälp", now: now.addingTimeInterval(-2 * 24 * 3600))
        #expect(try f.store.silentOwnerCases(unit: StoreFixture.unit, now: now).map(\.id).sorted() == [silent, answered].sorted())
        // On hold: not silent.
        try f.store.snooze(caseId: silent, until: now.addingTimeInterval(3600), untilReply: false, reason: "labb", by: anna)
        #expect(try f.store.silentOwnerCases(unit: StoreFixture.unit, now: now).map(\.id) == [answered])
    }

    @Test func theChatCapIsAPerUserSettingThatTakeUses() throws {
        let f = try StoreFixture()
        let anna = try f.clinician("anna"), admin = try f.admin()
        #expect(try f.store.chatCap(for: anna) == 6)
        #expect(throws: LotsError.self) { try f.store.setChatCap(username: "anna", cap: 2, by: anna) }
        try f.store.setChatCap(username: "anna", cap: 2, by: admin)
        #expect(try f.store.chatCap(for: anna) == 2)
        let ids = try (1...3).map { try f.addCase("Hosta \($0)", serial: $0) }
        try f.store.take(caseId: ids[0], by: anna)
        try f.store.take(caseId: ids[1], by: anna)
        let e = #expect(throws: LotsError.self) { try f.store.take(caseId: ids[2], by: anna, cap: 10) }  // a flag never raises it
        #expect(e?.key == "err.chatCap")
        #expect(throws: LotsError.self) { try f.store.setChatCap(username: "nobody", cap: 3, by: admin) }
        #expect(throws: LotsError.self) { try f.store.setChatCap(username: "anna", cap: 0, by: admin) }
        let logged = try f.store.pool.read { try String.fetchAll($0, sql: "SELECT detail FROM auditEvent WHERE action = 'set-chat-cap'") }
        #expect(logged == ["anna 2"])
    }
}

/// Opening an attachment in the photo viewer (issue 14): allowed as reading the case is, and logged.
@Suite struct ViewAttachmentTests {
    @Test func viewingAnAttachmentIsLoggedAndNeedsAccessToTheCase() throws {
        let f = try StoreFixture()
        let anna = try f.clinician("anna")
        try f.store.addUser(username: "olle", displayName: "Olle", role: .clinician, profession: .lakare, unit: "SE2321000016-DEMO2",
                            password: "demo", actor: .system("t"))
        let olle = try #require(try f.store.user(named: "olle"))
        let id = try f.addCase("Utslag")
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xD9])
        let attachment = try f.store.pool.write { db -> Int64 in
            try db.execute(sql: """
                INSERT INTO attachment (caseId, fileName, mimeType, width, height, byteCount, sha256, hasGPS, data)
                VALUES (?, 'a.jpg', 'image/jpeg', 1, 1, 4, 'x', 0, ?)
                """, arguments: [id, jpeg])
            return db.lastInsertedRowID
        }
        #expect(try f.store.viewAttachment(attachment, for: anna) == jpeg)
        let e = #expect(throws: LotsError.self) { _ = try f.store.viewAttachment(attachment, for: olle) }
        #expect(e?.code == .denied)
        let events = try f.store.auditEvents(caseId: id)
        #expect(events.filter { $0.action == "view-attachment" }.map(\.actor) == ["anna"], "\(events.map(\.action))")
        #expect(events.contains { $0.action == "view-attachment" && $0.detail == "attachment \(attachment)" })
        #expect(throws: LotsError.self) { _ = try f.store.viewAttachment(99_999, for: anna) }
    }
}
