import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

@Suite struct MaintenanceTests {
    @Test func backupHoldsEveryMessageAndPassesIntegrityCheck() throws {
        let f = try StoreFixture()
        var ids: [Int64] = []
        for i in 0..<20 {
            let c = try f.addCase("Hosta \(i)", serial: i + 1)
            ids.append(try f.store.addCitizenMessage(caseId: c, body: "meddelande \(i)"))
        }
        let path = f.dir.appendingPathComponent("backup.sqlite").path
        try f.store.backup(to: path)
        let attrs = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attrs[.posixPermissions] as! NSNumber).intValue == 0o600)
        let copy = try DatabaseQueue(path: path)
        let (integrity, stored) = try copy.read { db in
            (try String.fetchOne(db, sql: "PRAGMA integrity_check"), try Int64.fetchAll(db, sql: "SELECT id FROM message WHERE author = 'citizen' ORDER BY id"))
        }
        #expect(integrity == "ok")
        #expect(stored == ids)
        #expect(throws: LotsError.self) { try f.store.backup(to: path) }  // never overwrites
    }

    @Test func purgeRemovesTextMessagesAnswersImagesAndSearchEntriesButKeepsContactAndLog() throws {
        let f = try StoreFixture()
        let old = try f.addCase("Utslag på armen med penicillinallergi", serial: 1)
        let recent = try f.addCase("Utslag på benet", serial: 2)
        try f.store.addCitizenMessage(caseId: old, body: "penicillin gav utslag förut")
        try f.store.pool.write { db in
            try db.execute(sql: "INSERT INTO attachment (caseId, fileName, mimeType, width, height, byteCount, sha256, hasGPS, data) VALUES (?, 'a.jpg', 'image/jpeg', 1, 1, 3, 'x', 0, x'FFD8FF')", arguments: [old])
            try db.execute(sql: "INSERT INTO formAnswer (caseId, position, questionId, question, answer) VALUES (?, 0, 'q', 'Q?', 'ja')", arguments: [old])
            try db.execute(sql: "UPDATE careCase SET status = 'closed', outcome = 'self-care-advice', closedAt = ? WHERE id = ?",
                           arguments: [Date().addingTimeInterval(-100 * 86_400), old])
        }
        let auditBefore = try f.store.rowCounts()["auditEvent"]!
        let r = try f.store.purge(closedBefore: Date().addingTimeInterval(-90 * 86_400))
        #expect(r.messages == 2 && r.answers == 1 && r.images == 1)  // the system greeting and the citizen's message
        let d = try #require(try f.store.caseDetail(old))
        #expect(d.messages.isEmpty && d.answers.isEmpty && d.reason.isEmpty)
        #expect(d.attachments.first?.hasBytes == false && d.attachments.first?.sha256 == "x")
        #expect(d.outcome == .selfCareAdvice && d.urgency != .emergency)
        #expect(try f.store.search("penicillin").isEmpty)
        #expect(try f.store.caseDetail(recent)?.messages.count == 1)
        #expect(try f.store.rowCounts()["auditEvent"] == auditBefore + 1)
        #expect(try f.store.verifyAuditChain().broken == nil)
    }

    /// Issue 11, group 9: override reasons, handover notes and the index pages go too; the file keeps no word.
    @Test func purgeLeavesNoPurgedWordInTheStoreFile() throws {
        let f = try StoreFixture()
        let anna = try f.clinician()
        let old = try f.addCase("Kliande utslag zebrafink", serial: 1)
        try f.store.take(caseId: old, by: anna)
        _ = try f.store.sendStaffMessage(caseId: old, body: "Har du ätit kantarellsoppa?", templateCode: nil, by: anna)
        try f.store.addCitizenMessage(caseId: old, body: "ja flamingoglass igår")
        try f.store.overrideUrgency(caseId: old, to: .p2, reason: "misstänkt pelikanallergi", by: anna)
        let other = try #require(StoreFixture.directory.providers.first { $0.hsaId != StoreFixture.unit })
        _ = try f.store.forward(caseId: old, to: other.hsaId, note: "överlämning gällande vombatbett", by: anna)
        try f.store.pool.write { db in
            try db.execute(sql: "UPDATE careCase SET status = 'closed', outcome = 'self-care-advice', closedAt = ? WHERE id = ?",
                           arguments: [Date().addingTimeInterval(-100 * 86_400), old])
        }
        _ = try f.store.purge(closedBefore: Date().addingTimeInterval(-90 * 86_400))
        try f.store.pool.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: f.store.path))
        bytes.append((try? Data(contentsOf: URL(fileURLWithPath: f.store.path + "-wal"))) ?? Data())
        let text = String(decoding: bytes, as: UTF8.self)
        for word in ["zebrafink", "kantarellsoppa", "flamingoglass", "pelikanallergi", "vombatbett"] {
            #expect(!text.contains(word), "\(word) is still in the file")
        }
        #expect(try f.store.verifyAuditChain().broken == nil)
    }
}
