import Foundation
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

/// The command line acts as an authenticated staff member with the console's role checks (issue 11, group 1;
/// DESIGN §4's command × role table), and the deployment commands of §11.
@Suite(.timeLimit(.minutes(10))) struct IdentityTests {
    static let home = "SE2321000016-DEMO1"
    static let intake = TestPaths.fixtures.appendingPathComponent("intake/valid-sore-throat.json").path

    func homeCase(_ db: String) throws -> String {
        try LotsProcess.run(["intake", Self.intake, "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func exportWithoutAnIdentityIsRefusedWith77AndWithOneTheLogNamesThePerson() throws {
        let db = try DemoStore.copy()
        let id = try homeCase(db)
        let bare = try LotsProcess.run(["export", id, "--db", db])
        #expect(bare.status == 77)
        #expect(bare.stderr == "lots: lots export needs a staff identity (--user): add --user NAME (the password is asked for on the terminal, or give --password-stdin)\n")
        #expect(bare.stdout.isEmpty)
        let noTerminal = try LotsProcess.run(["export", id, "--db", db, "--user", "anna"], stdin: Data("demo\n".utf8))
        #expect(noTerminal.status == 77, "a password is never taken from a pipe without --password-stdin: \(noTerminal.stderr)")
        let wrong = try LotsProcess.run(["export", id, "--db", db], as: "anna", password: "fel")
        #expect(wrong.status == 77)
        #expect(wrong.stderr.hasPrefix("lots: wrong user name or password"))
        let ok = try LotsProcess.run(["export", id, "--db", db], as: "anna")
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasPrefix("JOURNALANTECKNING"))
        let events = try LotsStore.open(path: db).auditEvents(caseId: Int64(id)!)
        #expect(events.last?.action == "export")
        #expect(events.last?.actor == "anna" && events.last?.role == "clinician")
        #expect(!events.contains { $0.actor == "system:export" })
    }

    @Test func rolesFromTheTableApplyOnTheCommandLine() throws {
        let db = try DemoStore.copy()
        let id = try homeCase(db)
        #expect(try LotsProcess.run(["export", id, "--db", db], as: "david").status == 0)  // supervisor of the unit
        let admin = try LotsProcess.run(["export", id, "--db", db], as: "admin")
        #expect(admin.status == 77 && admin.stderr.hasPrefix("lots: admin admin may not read case"), "\(admin.stderr)")
        let nurse = try LotsProcess.run(["export", id, "--db", db], as: "cecilia")  // did not create it
        #expect(nurse.status == 77)
        #expect(try LotsProcess.run(["audit", "show", "--patient", "19121212-1212", "--db", db], as: "anna").status == 77)
        #expect(try LotsProcess.run(["audit", "show", "--patient", "19121212-1212", "--db", db], as: "david").status == 0)
        #expect(try LotsProcess.run(["report", "contacts", "--from", "2026-11-01", "--to", "2026-11-30", "--db", db], as: "anna").status == 77)
        let passwdOther = try LotsProcess.run(["user", "passwd", "bertil", "--db", db], as: "anna", more: "granris och blåbär\n")
        #expect(passwdOther.status == 77, "\(passwdOther.stderr)")
        let addAsClinician = try LotsProcess.run(["user", "add", "x1", "--role", "clinician", "--unit", Self.home, "--db", db], as: "anna", more: "granris och blåbär\n")
        #expect(addAsClinician.status == 77)
        let denied = try LotsStore.open(path: db).auditEvents(caseId: Int64(id)!).filter { $0.action == "denied" }.map(\.actor)
        #expect(denied.contains("admin") && denied.contains("cecilia"))
    }

    @Test func exitCodesComeInTheOrderUsageMissingStoreIdentity() throws {
        let dir = TestPaths.temporaryDirectory()
        let missing = dir.appendingPathComponent("none.sqlite").path
        #expect(try LotsProcess.run(["export", "x", "--db", missing]).status == 64)
        #expect(try LotsProcess.run(["export", "1", "--db", missing]).status == 66)
        #expect(try LotsProcess.run(["export", "1", "--db", try DemoStore.copy()]).status == 77)
    }

    @Test func initMakesARealStoreWithItsAdminAndDemoOnlyCommandsRefuseIt() throws {
        let dir = TestPaths.temporaryDirectory()
        let db = dir.appendingPathComponent("real.sqlite").path
        let weak = try LotsProcess.run(["init", "--admin", "alva", "--db", db, "--password-stdin"], stdin: Data("demo\n".utf8))
        #expect(weak.status == 64 && weak.stderr.hasPrefix("lots: the password is shorter than 12 characters"), "\(weak.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
        let common = try LotsProcess.run(["init", "--admin", "alva", "--db", db, "--password-stdin"], stdin: Data("Password123456!\n".utf8))
        #expect(common.status == 64, "\(common.stderr)")
        let made = try LotsProcess.run(["init", "--admin", "alva", "--db", db, "--password-stdin"], stdin: Data("mossa kaffe tåg regn\n".utf8))
        #expect(made.status == 0, "\(made.stderr)")
        var info = stat()
        #expect(stat(db, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(stat(db + "-audit.key", &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try LotsProcess.run(["init", "--admin", "alva", "--db", db, "--password-stdin"], stdin: Data("mossa kaffe tåg regn\n".utf8)).status == 74)
        let demo = try LotsProcess.run(["demo", "--cases", "1", "--db", db])
        #expect(demo.status == 77, "\(demo.stderr)")
        let sim = try LotsProcess.run(["simulate", "--staff", "alva", "--duration", "0", "--db", db])
        #expect(sim.status == 77, "\(sim.stderr)")
        let add = try LotsProcess.run(["user", "add", "eva", "--role", "clinician", "--unit", Self.home, "--db", db],
                                      as: "alva", password: "mossa kaffe tåg regn", more: "granris och blåbär\n")
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try LotsProcess.run(["audit", "verify", "--db", db]).status == 0)
    }

    @Test func sshAuthorizedKeysBindsKeysToForcedLoginsAndSSHLoginRunsOnlyPermittedCommandsAsTheKeyOwner() throws {
        let db = try DemoStore.copy()
        let id = try homeCase(db)
        let keys = TestPaths.temporaryDirectory()
        try "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeKeyForTestsOnlyAAAAAAAAAAAAAAAAAAAAAAA anna@laptop\n"
            .write(to: keys.appendingPathComponent("anna.pub"), atomically: true, encoding: .utf8)
        try "command=\"sh\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEvil\n".write(to: keys.appendingPathComponent("bertil.pub"), atomically: true, encoding: .utf8)
        try "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGhost\n".write(to: keys.appendingPathComponent("ghost.pub"), atomically: true, encoding: .utf8)
        let ak = try LotsProcess.run(["ssh", "authorized-keys", "--keys", keys.path, "--db", db])
        #expect(ak.status == 0, "\(ak.stderr)")
        let lines = ak.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("restrict,pty,command=\"") == true)
        #expect(lines.first?.contains(" ssh-login --db \(try LotsStore.open(path: db).path) anna\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFake") == true)
        #expect(ak.stderr.contains("bertil.pub") && ak.stderr.contains("ghost.pub"))

        let export = try LotsProcess.run(["ssh-login", "anna", "--db", db], stdin: Data("demo\n".utf8),
                                         env: ["SSH_ORIGINAL_COMMAND": "lots export \(id) --password-stdin"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.hasPrefix("JOURNALANTECKNING"))
        #expect(try LotsStore.open(path: db).auditEvents(caseId: Int64(id)!).last?.actor == "anna")
        for (command, code) in [("user add x --role admin", 77), ("export \(id) --user david --password-stdin", 77), ("export \(id) --db /tmp/x.sqlite", 77),
                                ("sh -c id", 77), ("backup /tmp/copy.sqlite", 77)] {
            let r = try LotsProcess.run(["ssh-login", "anna", "--db", db], stdin: Data("demo\n".utf8), env: ["SSH_ORIGINAL_COMMAND": command])
            #expect(r.status == Int32(code), "\(command): \(r.stderr)")
        }
        let stranger = try LotsProcess.run(["ssh-login", "nobody", "--db", db], env: ["SSH_ORIGINAL_COMMAND": "export 1"])
        #expect(stranger.status == 77)
    }
}
