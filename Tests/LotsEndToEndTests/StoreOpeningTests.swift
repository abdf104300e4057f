import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

/// Which commands may create or migrate a store, and what many processes opening one at once do
/// (issue 11, groups 11, 12 and 16).
@Suite(.timeLimit(.minutes(10))) struct StoreOpeningTests {
    static let intake = TestPaths.fixtures.appendingPathComponent("intake/valid-sore-throat.json").path

    @Test func readCommandsOnAMissingStoreExit66AndCreateNothing() throws {
        let dir = TestPaths.temporaryDirectory()
        let db = dir.appendingPathComponent("typo.sqlite").path
        for args in [["audit", "verify"], ["backup", dir.appendingPathComponent("b.sqlite").path], ["purge", "--closed-before", "90"],
                     ["report", "contacts", "--from", "2026-11-01", "--to", "2026-11-30"], ["citizen", "reply", "1", "hej"]] {
            let run = try LotsProcess.run(args + ["--db", db])
            #expect(run.status == 66, "\(args): \(run.stderr)")
            #expect(run.stderr.hasPrefix("lots: no store at this path ("), "\(run.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "\(args)")
        }
    }

    @Test func aForeignDatabaseIsRefusedUntouched() throws {
        let dir = TestPaths.temporaryDirectory()
        let db = dir.appendingPathComponent("other.sqlite").path
        let q = try DatabaseQueue(path: db)
        try q.write { try $0.execute(sql: "CREATE TABLE t (x)") }
        try q.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let run = try LotsProcess.run(["intake", Self.intake, "--db", db])
        #expect(run.status == 66, "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    /// Twelve processes start on a store that does not exist yet, then on one a migration behind.
    @Test func twelveProcessesOpeningANewOrOlderStoreAllSucceed() throws {
        let dir = TestPaths.temporaryDirectory()
        let db = dir.appendingPathComponent("new.sqlite").path
        func twelve(_ args: [String]) -> [LotsRun] {
            let results = Mutex12()
            DispatchQueue.concurrentPerform(iterations: 12) { i in
                let run = try! LotsProcess.run(args + ["--db", db])
                results.set(i, run)
            }
            return results.all
        }
        // The new store has no units yet, so each intake is refused (65, "unknown unit") – after the store was
        // created and migrated, which is what this checks (it used to end with 74, "table unit already exists").
        for run in twelve(["intake", Self.intake]) { #expect(run.status == 65 && run.stderr.hasPrefix("lots: unknown unit"), "\(run.stderr)") }
        #expect(try LotsProcess.run(["demo", "--cases", "0", "--db", db]).status == 0)
        let q = try DatabaseQueue(path: db)
        try q.write { db in
            try db.execute(sql: """
                DROP INDEX careCase_arrivals; DROP INDEX careCase_firstResponse;
                DELETE FROM grdb_migrations WHERE identifier = 'v6-dashboard-indexes'
                """)
        }
        try q.close()
        for run in twelve(["intake", Self.intake]) { #expect(run.status == 0, "\(run.stderr)") }
        #expect(try LotsStore.open(path: db).rowCounts()["careCase"] == 12)
    }

    @Test func aStoreThatIsAlreadyOpenElsewhereStillOpensWhenReachedThroughASymlink() throws {
        let db = try DemoStore.copy()
        let link = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: db)
        let run = try LotsProcess.run(["audit", "verify", "--db", link])
        #expect(run.status == 0, "\(run.stderr)")
    }
}

/// Results of concurrent runs, by index.
final class Mutex12: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [Int: LotsRun] = [:]
    func set(_ i: Int, _ run: LotsRun) { lock.lock(); runs[i] = run; lock.unlock() }
    var all: [LotsRun] { lock.lock(); defer { lock.unlock() }; return runs.keys.sorted().map { runs[$0]! } }
}
