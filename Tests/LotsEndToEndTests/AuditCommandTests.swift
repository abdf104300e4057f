import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

@Suite(.timeLimit(.minutes(2))) struct AuditCommandTests {
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
        let run = try LotsProcess.run(["audit", "show", "--case", "2", "--db", db])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Loggutdrag – ärende 2 – 1 händelser\n"))
        #expect(run.stdout.contains("system:demo (system)  create-case  ärende 2"))
        let bad = try LotsProcess.run(["audit", "show", "--patient", "19121212-1213", "--db", db])
        #expect(bad.status == 64)
    }

    @Test func reportCountsTheContactsMadeInTheTest() throws {
        let db = try DemoStore.copy()
        let intake = TestPaths.fixtures.appendingPathComponent("intake")
        for f in ["valid-sore-throat.json", "valid-chest-pain.json", "valid-rash-gps.json"] {
            #expect(try LotsProcess.run(["intake", intake.appendingPathComponent(f).path, "--db", db]).status == 0)
        }
        let csv = try LotsProcess.run(["report", "contacts", "--from", "2026-11-23", "--to", "2026-11-23", "--db", db])
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
        let json = try LotsProcess.run(["report", "contacts", "--from", "2026-11-23", "--to", "2026-11-23", "--format", "json", "--db", db])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["contacts"] as? Int } == [1, 1, 1])
        let none = try LotsProcess.run(["report", "contacts", "--from", "2026-11-24", "--to", "2026-11-24", "--db", db])
        #expect(none.stdout.split(separator: "\n").count == 1)
        let bad = try LotsProcess.run(["report", "contacts", "--from", "2026-13-01", "--to", "2026-11-24", "--db", db])
        #expect(bad.status == 64 && bad.stderr.contains("invalid date \"2026-13-01\" (--from)"))
    }
}
