import Crypto
import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

@Suite(.timeLimit(.minutes(10))) struct AuditCommandTests {
    func sqlite(_ db: String, _ sql: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sqlite3", db, sql]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    @Test func tamperingWithSqlite3IsDetectedAndNamed() throws {
        let db = try DemoStore.copy(cases: 10)
        let ok = try LotsProcess.run(["audit", "verify", "--db", db])
        #expect(ok.status == 0 && ok.stdout.hasPrefix("ok: "))
        try sqlite(db, "UPDATE auditEvent SET detail = 'nothing to see' WHERE id = 8")
        let changed = try LotsProcess.run(["audit", "verify", "--db", db])
        #expect(changed.status == 65)
        #expect(changed.stderr.hasPrefix("lots: the access log is broken at event 8: its content does not match its hash"))
        let db2 = try DemoStore.copy(cases: 10)
        try sqlite(db2, "DELETE FROM auditEvent WHERE id = 4")
        let deleted = try LotsProcess.run(["audit", "verify", "--db", db2])
        #expect(deleted.status == 65)
        #expect(deleted.stderr.hasPrefix("lots: the access log is broken at event 5: event 4 is missing before it"))
    }

    @Test func showPrintsTheCaseExtract() throws {
        let db = try DemoStore.copy(cases: 3)
        let id = try #require(try LotsStore.open(path: db).queue(unit: "SE2321000016-DEMO1").first?.id)  // a case of anna's unit
        let run = try LotsProcess.run(["audit", "show", "--case", String(id), "--db", db], as: "anna")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Loggutdrag – ärende \(id) – 1 händelser\n"))
        #expect(run.stdout.contains("system:demo (system)  create-case  ärende \(id)"))
        let logged = try LotsStore.open(path: db).auditEvents(caseId: id).last
        #expect(logged?.action == "audit-extract" && logged?.actor == "anna")
        let bad = try LotsProcess.run(["audit", "show", "--patient", "19121212-1213", "--db", db])
        #expect(bad.status == 64)
    }

    @Test func reportCountsTheContactsMadeInTheTest() throws {
        let db = try DemoStore.copy()
        let intake = TestPaths.fixtures.appendingPathComponent("intake")
        for f in ["valid-sore-throat.json", "valid-chest-pain.json", "valid-rash-gps.json"] {
            #expect(try LotsProcess.run(["intake", intake.appendingPathComponent(f).path, "--db", db]).status == 0)
        }
        let csv = try LotsProcess.run(["report", "contacts", "--from", "2026-11-23", "--to", "2026-11-23", "--db", db], as: "admin")
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first == "unit,unitName,channel,urgency,outcome,contacts,answered,medianFirstResponseMinutes")
        // The sore throat's urgency is whatever the catalog gives Tolvan (113 years old, fever 38.5): read it from the store.
        let store = try LotsStore.open(path: db)
        let sore = try #require(try store.pool.read { try String.fetchOne($0, sql: "SELECT urgency FROM careCase WHERE reason LIKE 'Ont i halsen%' ORDER BY id DESC") })
        #expect(sore != "P5" && sore != "EMERGENCY")
        #expect(lines.dropFirst().map(String.init) == [
            "SE2321000016-DEMO1,\"Vårdcentralen Demo Centrum\",app,EMERGENCY,open,1,0,",
            "SE2321000016-DEMO1,\"Vårdcentralen Demo Centrum\",app,\(sore),open,1,0,",
            "SE2321000016-DEMO1,\"Vårdcentralen Demo Centrum\",web,P5,open,1,0,",
        ])
        let json = try LotsProcess.run(["report", "contacts", "--from", "2026-11-23", "--to", "2026-11-23", "--format", "json", "--db", db], as: "david")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["contacts"] as? Int } == [1, 1, 1])
        let none = try LotsProcess.run(["report", "contacts", "--from", "2026-11-24", "--to", "2026-11-24", "--db", db], as: "admin")
        #expect(none.stdout.split(separator: "\n").count == 1)
        let bad = try LotsProcess.run(["report", "contacts", "--from", "2026-13-01", "--to", "2026-11-24", "--db", db])
        #expect(bad.status == 64 && bad.stderr.contains("invalid date \"2026-13-01\" (--from)"))
    }
}

/// Issue 11, group 2: the signed head anchors the chain; exported checkpoints catch a rewrite with the key.
@Suite(.timeLimit(.minutes(10))) struct AnchoredAuditLogTests {
    func sqlite(_ db: String, _ sql: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sqlite3", db, sql]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    func hex(_ bytes: some Sequence<UInt8>) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// Removes every event of `caseId` and rebuilds the chain as a careful attacker would: new ids, every hash
    /// recomputed, the head set to the new end – signed with `key` when the attacker has it.
    func rewrite(_ db: String, removingCase caseId: Int64, key: SymmetricKey?) throws {
        let q = try DatabaseQueue(path: db)
        try q.write { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM auditEvent WHERE caseId IS NOT ? ORDER BY id", arguments: [caseId])
            try db.execute(sql: "DROP TRIGGER auditEvent_head; DELETE FROM auditEvent")
            var prev = String(repeating: "0", count: 64)
            for (i, r) in rows.enumerated() {
                let id = Int64(i + 1)
                let fields: [String] = [String(id), r["at"], r["actor"], r["role"], r["unitHsaId"] ?? "", r["action"],
                                        (r["caseId"] as Int64?).map(String.init) ?? "", r["personnummer"] ?? "", r["detail"], prev]
                let hash = hex(SHA256.hash(data: Data(fields.joined(separator: "\u{1F}").utf8)))
                try db.execute(sql: """
                    INSERT INTO auditEvent (id, at, actor, role, unitHsaId, action, caseId, personnummer, detail, prevHash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, r["at"], r["actor"], r["role"], r["unitHsaId"], r["action"], r["caseId"], r["personnummer"], r["detail"], prev, hash])
                prev = hash
            }
            let count = Int64(rows.count)
            let mac = key.map { hex(HMAC<SHA256>.authenticationCode(for: Data("lots-audit-head v1\u{1F}\(count)\u{1F}\(prev)".utf8), using: $0)) } ?? "forged"
            try db.execute(sql: "UPDATE auditHead SET count = ?, hash = ?, mac = ?", arguments: [count, prev, mac])
        }
        try q.close()
    }

    @Test func deletingTheNewestEventsIsCaught() throws {
        let db = try DemoStore.copy(cases: 5)
        try sqlite(db, "DELETE FROM auditEvent WHERE id > (SELECT MAX(id) - 2 FROM auditEvent)")
        let run = try LotsProcess.run(["audit", "verify", "--db", db])
        #expect(run.status == 65)
        #expect(run.stderr.contains("the signed head names"), "\(run.stderr)")
        #expect(run.stderr.contains("were deleted"), "\(run.stderr)")
    }

    @Test func aRewrittenChainWithoutTheKeyIsCaught() throws {
        let db = try DemoStore.copy(cases: 5)
        try rewrite(db, removingCase: 2, key: nil)
        let run = try LotsProcess.run(["audit", "verify", "--db", db])
        #expect(run.status == 65)
        #expect(run.stderr.contains("signature does not match (the log was rewritten without the key)"), "\(run.stderr)")
    }

    @Test func aRewriteWithTheKeyIsCaughtByAnExportedCheckpoint() throws {
        let db = try DemoStore.copy(cases: 5)
        let dir = TestPaths.temporaryDirectory()
        let checkpoints = dir.appendingPathComponent("checkpoints.txt").path
        let cp = try LotsProcess.run(["audit", "checkpoint", "--export", checkpoints, "--db", db])
        #expect(cp.status == 0, "\(cp.stderr)")
        #expect(try LotsProcess.run(["audit", "verify", "--against", checkpoints, "--db", db]).status == 0)
        let keyHex = try String(contentsOfFile: db + "-audit.key", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        var bytes: [UInt8] = []
        var i = keyHex.startIndex
        while i < keyHex.endIndex { let j = keyHex.index(i, offsetBy: 2); bytes.append(UInt8(keyHex[i..<j], radix: 16)!); i = j }
        try rewrite(db, removingCase: 2, key: SymmetricKey(data: bytes))
        let plain = try LotsProcess.run(["audit", "verify", "--db", db])
        #expect(plain.status == 0, "with the key, the chain and head verify on their own: \(plain.stderr)")
        let against = try LotsProcess.run(["audit", "verify", "--against", checkpoints, "--db", db])
        #expect(against.status == 65)
        #expect(against.stderr.hasPrefix("lots: the access log does not match the checkpoint: "), "\(against.stderr)")
    }

    @Test func aMissingKeyFailsClearly() throws {
        let db = try DemoStore.copy(cases: 1)
        try FileManager.default.removeItem(atPath: db + "-audit.key")
        let run = try LotsProcess.run(["audit", "verify", "--db", db])
        #expect(run.status == 65)
        #expect(run.stderr.contains("-audit.key is missing"), "\(run.stderr)")
        let write = try LotsProcess.run(["intake", TestPaths.fixtures.appendingPathComponent("intake/valid-sore-throat.json").path, "--db", db])
        #expect(write.status == 74)
        #expect(write.stderr.hasPrefix("lots: the access log's key file is missing"), "\(write.stderr)")
    }
}
