import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore

@Suite struct AuditLogTests {
    @Test func intactChainVerifies() throws {
        let f = try StoreFixture()
        for i in 0..<5 { try f.addCase("Snuva \(i)", serial: i + 1) }
        let r = try f.store.verifyAuditChain()
        #expect(r.count == 5 && r.broken == nil)
    }

    @Test func changedRowIsNamed() throws {
        let f = try StoreFixture()
        for i in 0..<4 { try f.addCase("Hosta \(i)", serial: i + 1) }
        try f.store.pool.write { try $0.execute(sql: "UPDATE auditEvent SET actor = 'mallory' WHERE id = 3") }
        let r = try f.store.verifyAuditChain()
        #expect(r.broken?.id == 3)
        #expect(r.broken?.why.contains("content does not match") == true)
    }

    @Test func deletedRowIsNamed() throws {
        let f = try StoreFixture()
        for i in 0..<4 { try f.addCase("Hosta \(i)", serial: i + 1) }
        try f.store.pool.write { try $0.execute(sql: "DELETE FROM auditEvent WHERE id = 2") }
        #expect(try f.store.verifyAuditChain().broken?.id == 3)
    }

    @Test func patientExtractCoversEveryCaseOfThePersonnummer() throws {
        let f = try StoreFixture()
        let a = try f.addCase("Snuva", serial: 7)
        let b = try f.addCase("Hosta", serial: 7)
        _ = try f.addCase("Ont i halsen", serial: 8)
        let pnr = Personnummer.make(year: 1980, month: 3, day: 14, serial: 7)
        let events = try f.store.auditEvents(personnummer: pnr)
        #expect(Set(events.compactMap(\.caseId)) == [a, b])
    }

    @Test func fiveFailuresLockTheAccountWithGrowingDelay() throws {
        let f = try StoreFixture()
        try f.store.addUser(username: "eva", displayName: "Eva", role: .clinician, profession: .lakare, unit: StoreFixture.unit,
                            password: "rätt", actor: .system("t"))
        let t0 = Date()
        for i in 0..<5 { #expect(try f.store.login(username: "eva", password: "fel", now: t0.addingTimeInterval(Double(i))) == nil) }
        #expect { try f.store.login(username: "eva", password: "rätt", now: t0.addingTimeInterval(10)) } throws: {
            ($0 as? LotsError)?.what.contains("locked") == true
        }
        #expect(try f.store.login(username: "eva", password: "rätt", now: t0.addingTimeInterval(40))?.username == "eva")
        let actions = try f.store.pool.read { try String.fetchAll($0, sql: "SELECT action FROM auditEvent WHERE actor = 'eva' ORDER BY id") }
        #expect(actions == Array(repeating: "login-failed", count: 5) + ["denied", "login"])
    }
}
