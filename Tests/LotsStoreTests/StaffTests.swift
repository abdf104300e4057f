import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore

/// Log-in under attack (issue 11, groups 3 and 4) and the password-hash upgrade.
@Suite struct StaffTests {
    @Test func twelveSimultaneousWrongPasswordsAllCountAndLockTheAccount() throws {
        let f = try StoreFixture()
        _ = try f.clinician("eva")
        let now = Date()
        DispatchQueue.concurrentPerform(iterations: 12) { _ in
            _ = try? f.store.login(username: "eva", password: "wrong guess", now: now)
        }
        let (failures, locked) = try f.store.pool.read { db in
            let r = try Row.fetchOne(db, sql: "SELECT failedLogins, lockedUntil FROM staff WHERE username = 'eva'")!
            return (r["failedLogins"] as Int, r["lockedUntil"] as Date?)
        }
        let denied = try f.store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM auditEvent WHERE action = 'denied'")! }
        #expect(failures + denied == 12)
        #expect(failures >= 5)
        #expect(locked != nil)
        #expect { try f.store.login(username: "eva", password: "demo", now: now) } throws: { ($0 as? LotsError)?.what.contains("locked") == true }
    }

    @Test func unknownAndKnownUsersTakeTheSameTimeAndLockAlike() throws {
        let f = try StoreFixture()
        _ = try f.clinician("eva")
        // Alternate the two so that load from tests running beside this one falls on both alike.
        var known: [Double] = [], unknown: [Double] = []
        for i in 0..<16 {
            for (name, into) in [("eva", 0), ("nobody", 1)] {
                let t = Date()
                _ = try? f.store.login(username: name, password: "wrong \(i)", now: Date().addingTimeInterval(Double(i) * 7200))
                let d = Date().timeIntervalSince(t)
                if i >= 2 { if into == 0 { known.append(d) } else { unknown.append(d) } }
            }
        }
        let k = known.sorted()[known.count / 2], u = unknown.sorted()[unknown.count / 2]
        #expect(u > k * 0.8 && u < k * 1.2, "known \(k * 1000) ms, unknown \(u * 1000) ms (medians)")
        // Five failures lock an unknown name exactly as they lock a real one.
        let t0 = Date().addingTimeInterval(86_400 * 3)
        for name in ["eva", "ghost"] {
            for i in 0..<5 { _ = try? f.store.login(username: name, password: "x", now: t0.addingTimeInterval(Double(i))) }
            #expect(throws: LotsError.self) { try f.store.login(username: name, password: "x", now: t0.addingTimeInterval(6)) }
        }
        let log = try f.store.pool.read { try String.fetchAll($0, sql: "SELECT actor || ' ' || detail FROM auditEvent") }.joined(separator: "\n")
        #expect(!log.contains("nobody") && !log.contains("ghost"))
    }

    @Test func anScryptHashIsReplacedByArgon2idAtLogIn() throws {
        let f = try StoreFixture()
        _ = try f.clinician("eva")
        let old = try PasswordHasher.scryptHash("demo", rounds: 1 << 10)
        try f.store.pool.write { try $0.execute(sql: "UPDATE staff SET passwordHash = ? WHERE username = 'eva'", arguments: [old]) }
        #expect(try f.store.login(username: "eva", password: "demo")?.username == "eva")
        let stored = try f.store.pool.read { try String.fetchOne($0, sql: "SELECT passwordHash FROM staff WHERE username = 'eva'")! }
        #expect(stored.hasPrefix("$argon2id$"))
        #expect(try f.store.login(username: "eva", password: "demo")?.username == "eva")
    }
}
