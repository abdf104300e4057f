import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore

/// Every role's allowed and denied actions, against the store API.
@Suite struct RoleAccessTests {
    struct World {
        let f: StoreFixture
        let clinician, otherUnitClinician, supervisor, phoneNurse, admin: StaffUser
        let ownCase, otherCase: Int64
    }

    func world() throws -> World {
        let f = try StoreFixture()
        func add(_ name: String, _ role: Role, _ unit: String?) throws -> StaffUser {
            try f.store.addUser(username: name, displayName: name, role: role, profession: role == .clinician ? .sjukskoterska : nil,
                                unit: unit, password: "demo", actor: .system("t"))
            return try #require(try f.store.user(named: name))
        }
        let w = World(f: f, clinician: try add("anna", .clinician, StoreFixture.unit),
                      otherUnitClinician: try add("olle", .clinician, "SE2321000016-DEMO2"),
                      supervisor: try add("david", .supervisor, StoreFixture.unit),
                      phoneNurse: try add("cecilia", .phoneNurse, "SE2321000016-1177"),
                      admin: try add("admin", .admin, nil),
                      ownCase: try f.addCase("Hosta", serial: 1), otherCase: try f.addCase("Snuva", unit: "SE2321000016-DEMO2", serial: 2))
        return w
    }

    func denied(_ body: () throws -> Void) -> Bool {
        do { try body(); return false } catch let e as LotsError { return e.code == .denied } catch { return false }
    }

    @Test func clinicianWorksOwnUnitOnly() throws {
        let w = try world()
        #expect(try w.f.store.caseDetail(w.ownCase, for: w.clinician) != nil)
        try w.f.store.take(caseId: w.ownCase, by: w.clinician)
        try w.f.store.sendStaffMessage(caseId: w.ownCase, body: "Hej", templateCode: nil, by: w.clinician)
        #expect(denied { _ = try w.f.store.caseDetail(w.otherCase, for: w.clinician) })
        #expect(denied { try w.f.store.take(caseId: w.otherCase, by: w.clinician) })
        #expect(try w.f.store.queue(for: w.clinician).map(\.id) == [w.ownCase])
    }

    @Test func forwardedCaseMovesAccessToTheReceivingUnit() throws {
        let w = try world()
        try w.f.store.take(caseId: w.ownCase, by: w.clinician)
        try w.f.store.forward(caseId: w.ownCase, to: "SE2321000016-DEMO2", note: "Hör till er", by: w.clinician)
        #expect(try w.f.store.caseDetail(w.ownCase, for: w.otherUnitClinician) != nil)
        try w.f.store.take(caseId: w.ownCase, by: w.otherUnitClinician)
        #expect(denied { try w.f.store.close(caseId: w.ownCase, outcome: .duplicate, by: w.clinician) })
    }

    /// Supervisors read their unit (logged) and make exactly one kind of write: assigning an open case of their
    /// unit to one of its clinicians (issue 14). Everything else a case can be changed by is refused and logged.
    @Test func supervisorReadsOwnUnitLoggedAndWritesOnlyAssignments() throws {
        let w = try world()
        #expect(try w.f.store.caseDetail(w.ownCase, for: w.supervisor) != nil)
        try w.f.store.assign(caseId: w.ownCase, to: w.clinician.id, by: w.supervisor)
        #expect(try w.f.store.caseDetail(w.ownCase)?.ownerName == "anna")
        let refused: [(String, () throws -> Void)] = [
            ("take", { try w.f.store.take(caseId: w.ownCase, by: w.supervisor) }),
            ("override", { try w.f.store.overrideUrgency(caseId: w.ownCase, to: .p1, reason: "x", by: w.supervisor) }),
            ("send", { _ = try w.f.store.sendStaffMessage(caseId: w.ownCase, body: "Hej", templateCode: nil, by: w.supervisor) }),
            ("note", { _ = try w.f.store.addStaffNote(caseId: w.ownCase, body: "x", by: w.supervisor) }),
            ("release", { try w.f.store.release(caseId: w.ownCase, by: w.supervisor) }),
            ("forward", { _ = try w.f.store.forward(caseId: w.ownCase, to: "SE2321000016-DEMO2", note: "x", by: w.supervisor) }),
            ("close", { try w.f.store.close(caseId: w.ownCase, outcome: .duplicate, by: w.supervisor) }),
            ("snooze", { try w.f.store.snooze(caseId: w.ownCase, until: nil, untilReply: true, reason: "x", by: w.supervisor) }),
            ("draft", { try w.f.store.saveDraft(caseId: w.ownCase, body: "x", templateCode: nil, by: w.supervisor) }),
            ("language", { try w.f.store.setLanguage(caseId: w.ownCase, language: "en", by: w.supervisor) }),
            ("other unit", { _ = try w.f.store.caseDetail(w.otherCase, for: w.supervisor) }),
            ("assign other unit", { try w.f.store.assign(caseId: w.otherCase, to: w.otherUnitClinician.id, by: w.supervisor) }),
        ]
        for (what, body) in refused { #expect(denied(body), "\(what)") }
        let actions = try w.f.store.pool.read {
            try String.fetchAll($0, sql: "SELECT action FROM auditEvent WHERE actor = 'david' ORDER BY id")
        }
        #expect(actions == ["open-case", "assign"] + Array(repeating: "denied", count: refused.count), "\(actions)")
        // And the case is as the assignment left it: the supervisor's refused writes changed nothing.
        let d = try #require(try w.f.store.caseDetail(w.ownCase))
        #expect(d.ownerName == "anna" && d.urgency != .p1 && d.status == .active && d.messages.allSatisfy { $0.author != .staff })
    }

    @Test func phoneNurseSeesOnlyCasesTheyCreated() throws {
        let w = try world()
        #expect(denied { _ = try w.f.store.caseDetail(w.ownCase, for: w.phoneNurse) })
        #expect(try w.f.store.queue(for: w.phoneNurse).isEmpty)
        let intake = Intake(personnummer: try Personnummer("19121212-1212"), name: "Tolvan", phone: nil, channel: .phone,
                            unit: StoreFixture.unit, submittedAt: Date(), reason: "Ont i halsen")
        let id = try w.f.store.createCase(intake, triage: StoreFixture.engine.triage(intake.triageInput, at: Date()), actor: Actor(user: w.phoneNurse),
                                          createdBy: w.phoneNurse.id)
        #expect(try w.f.store.caseDetail(id, for: w.phoneNurse) != nil)
        #expect(try w.f.store.queue(for: w.phoneNurse).map(\.id) == [id])
        #expect(denied { try w.f.store.take(caseId: id, by: w.phoneNurse) })
    }

    @Test func adminSeesNoPatientData() throws {
        let w = try world()
        #expect(denied { _ = try w.f.store.caseDetail(w.ownCase, for: w.admin) })
        #expect(try w.f.store.queue(for: w.admin).isEmpty)
        #expect(denied { try w.f.store.saveDraft(caseId: w.ownCase, body: "x", templateCode: nil, by: w.admin) })
    }
}

@Suite struct AdminAccessTests {
    @Test func onlyAdminsManageUsersCatalogUnitsAndTemplates() throws {
        let f = try StoreFixture()
        for (name, role) in [("admin", Role.admin), ("anna", .clinician), ("david", .supervisor), ("cecilia", .phoneNurse)] {
            try f.store.addUser(username: name, displayName: name, role: role, profession: nil, unit: role == .admin ? nil : StoreFixture.unit,
                                password: "demo", actor: .system("t"))
        }
        let admin = try #require(try f.store.user(named: "admin"))
        let catalog = [("a.yaml", "symptoms:\n  - {code: A, sv: A, terms: [aaa], urgency: P4}\n")]
        try f.store.addUser(username: "eva", displayName: "Eva", role: .clinician, profession: .lakare, unit: StoreFixture.unit, password: "demo", by: admin)
        try f.store.importCatalog(files: catalog, by: admin)
        try f.store.importDirectoryAndTemplates(StoreFixture.directory, templates: [], by: admin)
        for name in ["anna", "david", "cecilia"] {
            let u = try #require(try f.store.user(named: name))
            #expect { try f.store.addUser(username: "x\(name)", displayName: "X", role: .admin, profession: nil, unit: nil, password: "demo", by: u) }
                throws: { ($0 as? LotsError)?.code == .denied }
            #expect { try f.store.importCatalog(files: catalog, by: u) } throws: { ($0 as? LotsError)?.code == .denied }
            #expect { try f.store.importDirectoryAndTemplates(StoreFixture.directory, templates: [], by: u) } throws: { ($0 as? LotsError)?.code == .denied }
        }
        let denials = try f.store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM auditEvent WHERE action = 'denied'") }
        #expect(denials == 9)
    }
}
