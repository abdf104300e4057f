import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

@Suite struct LotsStoreTests {
    @Test func migrationFromEmptyCreatesEveryTableWithTheStoreRules() throws {
        let f = try StoreFixture()
        let tables = try f.store.pool.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        for t in ["unit", "staff", "citizen", "careCase", "caseHistory", "formAnswer", "attachment", "message", "message_ft",
                  "careCase_ft", "template", "forward", "auditEvent", "catalogFile"] {
            #expect(tables.contains(t), "missing table \(t)")
        }
        let (mode, sync, fk) = try f.store.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(sync == 2)  // FULL
        #expect(fk == 1)
        #expect(try f.store.rowCounts()["unit"] == StoreFixture.directory.providers.count)
    }

    @Test func reopeningAMigratedStoreKeepsItsRows() throws {
        let f = try StoreFixture()
        let id = try f.addCase("Ont i halsen")
        let again = try LotsStore.open(path: f.store.path)
        #expect(try again.caseDetail(id)?.reason == "Ont i halsen")
    }

    @Test func databaseFileIsCreatedOwnerOnly() throws {
        let f = try StoreFixture()
        _ = try f.addCase("Snuva")
        for suffix in ["", "-wal", "-shm"] {
            let attrs = try FileManager.default.attributesOfItem(atPath: f.store.path + suffix)
            #expect((attrs[.posixPermissions] as! NSNumber).intValue & 0o077 == 0, "\(suffix) is readable by others")
        }
    }

    @Test func worldWritableDatabaseIsRefused() throws {
        let dir = TestPaths.temporaryDirectory()
        let path = dir.appendingPathComponent("open.sqlite").path
        _ = try LotsStore.open(path: path)
        chmod(path, 0o666)
        #expect { try LotsStore.open(path: path) } throws: { ($0 as? LotsError)?.what.contains("world-writable") == true }
    }

    @Test func queueIsOrderedByUrgencyThenWaitingTime() throws {
        let f = try StoreFixture()
        let cold = try f.addCase("Snuva och nästäppa", minutesAgo: 90)                       // P5, oldest
        let chest = try f.addCase("Ont i bröstet som strålar ut i armen", minutesAgo: 5)   // EMERGENCY
        let uti1 = try f.addCase("Svider när jag kissar", minutesAgo: 60)                  // P4, older
        let uti2 = try f.addCase("Svider när jag kissar", minutesAgo: 10)                  // P4, newer
        _ = try f.addCase("Snuva", unit: "SE2321000016-DEMO2")                              // another unit
        let ids = try f.store.queue(unit: StoreFixture.unit).map(\.id)
        #expect(ids == [chest, uti1, uti2, cold])
    }

    @Test func closedCasesLeaveTheQueue() throws {
        let f = try StoreFixture()
        let a = try f.addCase("Snuva")
        let b = try f.addCase("Hosta")
        try f.store.closeDemoCases([a], now: Date(), seed: 1)
        #expect(try f.store.queue(unit: StoreFixture.unit).map(\.id) == [b])
    }

    @Test func queueQueryUsesThePartialIndex() throws {
        let f = try StoreFixture()
        let plan = try f.store.pool.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT c.id FROM careCase c INDEXED BY careCase_queue
                WHERE c.unitHsaId = ? AND c.status <> 'closed' ORDER BY c.urgencyRank, c.submittedAt, c.id
                """, arguments: [StoreFixture.unit]).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("careCase_queue") })
    }

    @Test func createCaseStoresEverythingAndAnAuditEvent() throws {
        let f = try StoreFixture()
        let before = try f.store.rowCounts()
        let id = try f.addCase("Ont i halsen sedan tre dagar, feber 38,5")
        let after = try f.store.rowCounts()
        #expect(after["careCase"] == before["careCase"]! + 1)
        #expect(after["message"] == before["message"]! + 1)      // the first system message
        #expect(after["caseHistory"] == before["caseHistory"]! + 1)
        #expect(after["auditEvent"] == before["auditEvent"]! + 1)
        let detail = try #require(try f.store.caseDetail(id))
        // Three days of fever is seen within a day (session 7), so the fever complaint decides: P3.
        #expect(detail.urgency == .p3)
        #expect(detail.symptomCode == "FEVER")
        #expect(detail.messages.first?.author == .system)
    }

    @Test func unknownUnitWritesNothing() throws {
        let f = try StoreFixture()
        let before = try f.store.rowCounts()
        #expect(throws: LotsError.self) { try f.addCase("Snuva", unit: "SE2321000016-NOPE") }
        #expect(try f.store.rowCounts() == before)
    }

    @Test func citizenReplyRaisesUnreadAndWaitsForStaff() throws {
        let f = try StoreFixture()
        let id = try f.addCase("Hosta")
        try f.store.addCitizenMessage(caseId: id, body: "Nu har jag feber också")
        let row = try #require(try f.store.queue(unit: StoreFixture.unit).first { $0.id == id })
        #expect(row.unreadCount == 1)
        #expect(try f.store.messages(caseId: id).last?.body == "Nu har jag feber också")
        #expect(throws: LotsError.self) { try f.store.addCitizenMessage(caseId: 999_999, body: "hej") }
        #expect(throws: LotsError.self) { try f.store.addCitizenMessage(caseId: id, body: "   ") }
    }

    @Test func fullTextSearchFindsMessagesAndReasons() throws {
        let f = try StoreFixture()
        let a = try f.addCase("Ont i halsen")
        let b = try f.addCase("Vrickat foten")
        try f.store.addCitizenMessage(caseId: a, body: "Jag har tagit penicillin förut")
        #expect(try f.store.search("penicillin") == [a])
        #expect(try f.store.search("vrick") == [b])
        #expect(try f.store.search("zzzz").isEmpty)
    }

    @Test func auditEventsFormAHashChain() throws {
        let f = try StoreFixture()
        try f.addCase("Snuva")
        try f.addCase("Hosta")
        let rows = try f.store.pool.read { try Row.fetchAll($0, sql: "SELECT prevHash, hash FROM auditEvent ORDER BY id") }
        #expect(rows.count == 2)
        #expect(rows[0]["prevHash"] as String == String(repeating: "0", count: 64))
        #expect(rows[1]["prevHash"] as String == rows[0]["hash"] as String)
        #expect((rows[1]["hash"] as String).count == 64)
    }

    @Test func passwordsAreHashedAndCheckedWithArgon2id() throws {
        let f = try StoreFixture()
        try f.store.addUser(username: "eva", displayName: "Eva", role: .clinician, profession: .lakare, unit: StoreFixture.unit,
                            password: "hemligt", actor: .system("test"))
        let stored = try f.store.pool.read { try String.fetchOne($0, sql: "SELECT passwordHash FROM staff WHERE username = 'eva'") }
        #expect(stored?.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$") == true)
        #expect(stored?.contains("hemligt") == false)
        #expect(try f.store.authenticate(username: "eva", password: "hemligt")?.role == .clinician)
        #expect(try f.store.authenticate(username: "eva", password: "fel") == nil)
        #expect(throws: LotsError.self) {
            try f.store.addUser(username: "eva", displayName: "Eva", role: .clinician, profession: nil, unit: StoreFixture.unit, password: "x1234", actor: .system("t"))
        }
    }

    @Test func catalogImportIsAllOrNothing() throws {
        let f = try StoreFixture()
        let good = "symptoms:\n  - {code: A, sv: A, terms: [aaa], urgency: P4}\n"
        try f.store.importCatalog(files: [("a.yaml", good)], actor: .system("t"))
        #expect(try f.store.catalogFiles().map(\.name) == ["a.yaml"])
        #expect(throws: LotsError.self) {
            try f.store.importCatalog(files: [("b.yaml", good.replacingOccurrences(of: "P4", with: "PX"))], actor: .system("t"))
        }
        #expect(try f.store.catalogFiles().map(\.name) == ["a.yaml"])
    }

    // MARK: - Issue 11, groups 11 and 16: what open may create, migrate or write

    @Test func openingAMissingStoreWithoutCreateFailsAndCreatesNothing() throws {
        let dir = TestPaths.temporaryDirectory("lots-store")
        let path = dir.appendingPathComponent("typo/lots.sqlite").path
        #expect { try LotsStore.open(path: path, create: false) } throws: { ($0 as? LotsError)?.code == .noInput }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("typo").path))
    }

    @Test func aForeignSQLiteFileIsRefusedAndLeftUnchanged() throws {
        let dir = TestPaths.temporaryDirectory("lots-store")
        let path = dir.appendingPathComponent("other.sqlite").path
        let q = try DatabaseQueue(path: path)
        try q.write { try $0.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x')") }
        try q.close()
        chmod(path, 0o644)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect { try LotsStore.open(path: path) } throws: { ($0 as? LotsError)?.code == .noInput }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        for junk in [Data("not a database at all, just text".utf8), Data(count: 4096)] {
            let other = dir.appendingPathComponent("junk-\(junk.count).sqlite").path
            FileManager.default.createFile(atPath: other, contents: junk, attributes: [.posixPermissions: 0o600])
            #expect { try LotsStore.open(path: other) } throws: { ($0 as? LotsError)?.code == .noInput }
            #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == junk)
        }
    }

    @Test func aStoreOfANewerSchemaIsRefused() throws {
        let f = try StoreFixture()
        try f.store.pool.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        #expect { try LotsStore.open(path: f.store.path) } throws: { ($0 as? LotsError)?.code == .noInput }
    }

    @Test func aTruncatedStoreIsReportedAsDamaged() throws {
        let f = try StoreFixture()
        _ = try f.addCase("Ont i halsen")
        try f.store.pool.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
        let path = f.store.path
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try h.truncate(atOffset: UInt64(size / 2))
        try h.close()
        #expect { try LotsStore.open(path: path) } throws: { ($0 as? LotsError)?.code == .ioError }
    }

    /// Another process's checkpoint writes the header's new page count before the pages that extend the file:
    /// a store caught in that moment is not damaged (a CI run saw "the store is damaged" with twelve processes).
    @Test func aStoreCaughtMidCheckpointIsNotDamaged() throws {
        let path = try DemoStore.copy()
        let h = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try h.seek(toOffset: 16)
        let pageBytes = try #require(try h.read(upToCount: 2))
        let pageSize = Int(pageBytes[0]) << 8 | Int(pageBytes[1])
        let size = Int(try h.seekToEnd())
        try h.seek(toOffset: 28)
        let pages = UInt32(size / pageSize + 2)
        try h.write(contentsOf: Data([UInt8(pages >> 24), UInt8(pages >> 16 & 0xff), UInt8(pages >> 8 & 0xff), UInt8(pages & 0xff)]))
        let extended = DispatchSemaphore(value: 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) {
            try? h.seekToEnd()
            try? h.write(contentsOf: Data(count: 2 * pageSize))
            try? h.close()
            extended.signal()
        }
        let store = try LotsStore.open(path: path)
        extended.wait()
        #expect(try store.rowCounts()["unit"] ?? 0 > 0)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == size + 2 * pageSize)
    }

    @Test func aSymlinkedStoreOpensAndAStoreWeCannotWriteIsRefusedBeforeSQLiteTouchesIt() throws {
        let f = try StoreFixture()
        let link = f.dir.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: f.store.path)
        _ = try LotsStore.open(path: link, create: false)
        guard getuid() != 0 else { return }  // root may write anything
        let dir = TestPaths.temporaryDirectory("lots-store")
        let path = dir.appendingPathComponent("lots.sqlite").path
        _ = try LotsStore.open(path: path)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        chmod(path, 0o400)
        #expect { try LotsStore.open(path: path, create: false) } throws: { ($0 as? LotsError)?.code == .ioError }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
    }

    @Test func sqliteErrorsBecomeOneLineWithSysexitsCodes() {
        let full = LotsStore.storeError(DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full"), path: "/x/lots.sqlite")
        #expect(full.code == .ioError)
        #expect(full.line == "lots: the disk is full (/x/lots.sqlite): free disk space and run the command again; nothing was written")
        #expect(LotsStore.storeError(DatabaseError(resultCode: .SQLITE_CORRUPT), path: "p").code == .ioError)
        let odd = LotsStore.storeError(DatabaseError(resultCode: .SQLITE_MISMATCH, message: "bad\n\u{1B}[2J"), path: "p")
        #expect(!odd.line.contains("\n") && !odd.line.contains("\u{1B}"))
    }
}
