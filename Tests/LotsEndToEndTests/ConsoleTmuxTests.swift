import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

/// Every suite that drives the real console in tmux runs one at a time: their waits block a thread each, and
/// on a two-core machine suites waiting in parallel starved the rest of the test run past its time limits.
@Suite(.serialized) enum TerminalSuites {}

extension TerminalSuites {
    /// The real console in a real terminal (tmux), driven as a nurse would.
    @Suite(.serialized, .timeLimit(.minutes(10))) struct ConsoleTmuxTests {
        let lots = TestPaths.lotsBinary.path

        func login(_ t: Tmux, db: String, user: String = "anna") {
            #expect(t.logIn(db: db, user: user), "queue did not show:\n\(t.capture())")
        }

        func intake(_ db: String, name: String, reason: String) throws -> Int64 {
            let dir = TestPaths.temporaryDirectory()
            let file = dir.appendingPathComponent("in.json")
            let json = """
            {"citizen": {"personnummer": "19121212-1212", "name": "\(name)"}, "channel": "app", "unit": "SE2321000016-DEMO1",
             "submittedAt": "\(ISOTime.utc(Date()))", "reason": "\(reason)"}
            """
            try json.write(to: file, atomically: true, encoding: .utf8)
            let run = try LotsProcess.run(["intake", file.path, "--db", db])
            #expect(run.status == 0, "\(run.stderr)")
            return Int64(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines))!
        }

        @Test func nurseWorksACaseFromArrivalToForward() throws {
            let db = try DemoStore.copy(cases: 20)
            let t = try Tmux(width: 100, height: 30)
            defer { t.kill() }
            login(t, db: db)

            // A case from outside appears within a second, with no key pressed.
            let id = try intake(db, name: "Tessan Testare", reason: "Ont i bröstet som strålar ut i armen")
            let started = Date()
            #expect(t.waitFor("Ont i bröstet som strålar", timeout: 1.0), "new case not shown within 1 s:\n\(t.capture())")
            #expect(Date().timeIntervalSince(started) < 1.0)

            // Open it, take it, insert a template, edit it, send it.
            t.keys("g")
            t.keys("Enter")
            #expect(t.waitFor("Tessan Testare"))
            t.keys("t")
            #expect(t.waitFor("Du har tagit ärende \(id)"))
            t.keys("T")
            #expect(t.waitFor("Frasmallar"))
            t.type("hälsning")
            #expect(t.waitFor("Hej Tessan!"))
            t.keys("Enter")
            t.type(" Hur mår du nu?")
            t.keys("C-s")
            #expect(t.waitFor("Meddelandet skickat"), "\(t.capture())")
            let store = try LotsStore.open(path: db)
            let sent = try #require(try store.messages(caseId: id).last)
            #expect(sent.author == .staff && sent.templateCode == "GREETING")
            #expect(sent.body.hasPrefix("Hej Tessan! Jag heter Anna Lind") && sent.body.hasSuffix("Hur mår du nu?"))

            // Back in the queue, a citizen reply shows in the hotlist.
            t.keys("Escape")
            usleep(150_000)
            t.keys("Escape")
            #expect(t.waitFor("Brådska"))
            #expect(try LotsProcess.run(["citizen", "reply", String(id), "Lite bättre nu", "--db", db]).status == 0)
            #expect(t.waitFor("[1 TT 112 ✉1]", timeout: 1.0), "\(t.capture())")

            // Forward to another unit.
            t.keys("M-1")
            #expect(t.waitFor("Lite bättre nu"))
            t.keys("f")
            #expect(t.waitFor("Hänvisa till"))
            t.type("norrby")
            t.keys("Enter")
            #expect(t.waitFor("Överlämningsanteckning"))
            t.type("Stabil nu, behöver EKG i dag")
            t.keys("Enter")
            #expect(t.waitFor("Ärendet skickat till Vårdcentralen Norrby"), "\(t.capture())")
            let forwards = try store.pool.read { try Row.fetchAll($0, sql: "SELECT toUnitHsaId, note FROM forward WHERE caseId = ?", arguments: [id]) }
            #expect(forwards.count == 1)
            #expect(forwards.first?["toUnitHsaId"] as String? == "SE2321000016-DEMO3")
            #expect(forwards.first?["note"] as String? == "Stabil nu, behöver EKG i dag")

            // Resizing never crashes.
            for (w, h) in [(80, 24), (200, 60), (40, 10), (20, 5), (100, 30)] {
                t.resize(width: w, height: h)
                usleep(200_000)
                #expect(t.childPid() != nil, "console died at \(w)×\(h)")
            }
            #expect(t.waitFor("Lots │"))

            // q quits to a clean prompt that echoes again. (Esc and q sent together would read as Alt-q.)
            t.keys("Escape")
            usleep(150_000)
            #expect(t.quitConsole(), "\(t.capture())")
            t.type("echo still-sane\n")
            #expect(t.waitFor("still-sane\nPROMPT$") || t.waitFor("still-sane"))
            #expect(!t.capture().contains("Kontaktorsak"))
        }

        @Test func sigtermRestoresTheTerminal() throws {
            let db = try DemoStore.copy(cases: 5)
            let t = try Tmux(width: 100, height: 30)
            defer { t.kill() }
            login(t, db: db, user: "bertil")
            let pid = try #require(t.childPid())
            Foundation.kill(pid, SIGTERM)
            #expect(t.waitFor("PROMPT$"), "\(t.capture())")
            let deadline = Date().addingTimeInterval(5)
            while t.childPid() != nil, Date() < deadline { usleep(50_000) }
            #expect(t.childPid() == nil)
            t.type("echo after-term\n")
            #expect(t.waitFor("after-term"))
            #expect(!t.capture().contains("Kontaktorsak"))
        }

        @Test func dumbOrMissingTermIsRefusedClearly() throws {
            let db = try DemoStore.copy(cases: 0)
            let t = try Tmux(width: 100, height: 30)
            defer { t.kill() }
            t.type("TERM=dumb \(lots) --db \(db); echo exit=$?\n")
            #expect(t.waitFor("exit=1"))
            #expect(t.capture().contains("lots: the terminal type \"dumb\" cannot draw the console (TERM)"))
            t.type("env -u TERM \(lots) --db \(db); echo exit=$?\n")
            #expect(t.waitFor("lots: the terminal type is not set (TERM)"))
        }

        @Test func monochromeConsoleStillShowsUrgencyAsText() throws {
            let db = try DemoStore.copy(cases: 10)
            let t = try Tmux(width: 100, height: 30, environment: ["NO_COLOR": "1"])
            defer { t.kill() }
            login(t, db: db)
            let screen = t.capture()
            #expect(screen.contains("P") && (screen.contains("Omgående") || screen.contains("Skyndsamt") || screen.contains("Avvakta")))
            #expect(t.quitConsole(), "\(t.capture())")
        }
    }

    @Suite(.serialized, .timeLimit(.minutes(10))) struct ScreenLockTmuxTests {
        @Test func lockScreenAppearsAndUnlocksWithTheDraftIntact() throws {
            let db = try DemoStore.copy(cases: 5)
            let t = try Tmux(width: 100, height: 30)
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "bertil", options: "--lock-after 5"))
            t.keys("Enter")  // open the first case
            #expect(t.waitFor("── Chatt"))
            t.keys("t")
            #expect(t.waitFor("Du har tagit"))
            t.keys("i")
            t.type("Halvskrivet svar")
            #expect(t.waitFor("Halvskrivet svar"))
            #expect(t.waitFor("Skärmen är låst – Bertil Ek", timeout: 10), "\(t.capture())")
            #expect(!t.capture().contains("Halvskrivet svar"))
            t.type("fel")
            t.keys("Enter")
            #expect(t.waitFor("Fel lösenord"))  // the lock screen asks only for the password
            t.type("demo")
            t.keys("Enter")
            #expect(t.waitFor("Halvskrivet svar", timeout: 5), "\(t.capture())")
            let actions = try LotsStore.open(path: db).pool.read {
                try String.fetchAll($0, sql: "SELECT action FROM auditEvent WHERE actor = 'bertil' AND action IN ('lock', 'unlock', 'login-failed') ORDER BY id")
            }
            #expect(actions == ["lock", "login-failed", "unlock"])
        }
    }

    /// Three consoles at once: a 1177 nurse takes a call, a clinician and a supervisor watch.
    @Suite(.serialized, .timeLimit(.minutes(10))) struct PhoneAndDashboardTmuxTests {
        func start(_ t: Tmux, _ db: String, _ user: String, landsOn: String) {
            #expect(t.logIn(db: db, user: user, landsOn: landsOn), "\(user):\n\(t.capture())")
        }

        @Test func callBecomesACaseThatOtherConsolesShowWithinASecond() throws {
            let db = try DemoStore.copy(cases: 8)
            let cecilia = try Tmux(width: 100, height: 30), anna = try Tmux(width: 100, height: 30), david = try Tmux(width: 100, height: 30)
            defer { cecilia.kill(); anna.kill(); david.kill() }
            start(anna, db, "anna", landsOn: "Kontaktorsak")
            start(david, db, "david", landsOn: "Översikt")
            start(cecilia, db, "cecilia", landsOn: "1177 – nytt samtal")
            let before = try #require(david.capture().split(separator: "\n").first { $0.contains("öppna ") })

            // A wrong personnummer is shown beside the field and nothing is stored.
            cecilia.type("19121212-1213")
            #expect(cecilia.waitFor("✗ ogiltigt personnummer"))
            cecilia.keys("C-s")
            #expect(cecilia.waitFor("namn saknas"))
            for _ in 0..<13 { cecilia.keys("BSpace") }
            cecilia.type("19121212-1212")
            #expect(cecilia.waitFor("✓ 113 år, man"))
            cecilia.keys("Tab"); cecilia.type("Tolvan Telefonsson")
            cecilia.keys("Tab"); cecilia.type("0701234567")
            cecilia.keys("Tab"); cecilia.type("Demo Centrum")
            cecilia.keys("Tab"); cecilia.type("Svider när jag kissar sedan i går, ingen feber")
            #expect(cecilia.waitFor("Urinvägsinfektion"))
            cecilia.keys("C-s")
            #expect(cecilia.waitFor("skapat hos Vårdcentralen Demo Centrum"), "\(cecilia.capture())")
            let started = Date()
            #expect(anna.waitFor("Svider när jag kissar sedan i går", timeout: 1.0), "\(anna.capture())")
            #expect(Date().timeIntervalSince(started) < 1.0)
            #expect(david.waitFor("öppna ", timeout: 1.0))
            let deadline = Date().addingTimeInterval(1.0)
            var after = before
            while Date() < deadline, after == before {
                after = david.capture().split(separator: "\n").first { $0.contains("öppna ") } ?? before
                usleep(30_000)
            }
            #expect(after != before, "dashboard did not change: \(after)")
            let store = try LotsStore.open(path: db)
            let row = try #require(try store.queue(unit: "SE2321000016-DEMO1").first { $0.reason.hasPrefix("Svider när jag kissar sedan i går") })
            #expect(row.channel == .phone && row.urgency == .p3)  // a man with urinary symptoms ranks P3
        }
    }

    /// A citizen message full of escape sequences reaches a real terminal as harmless visible text.
    @Suite(.serialized, .timeLimit(.minutes(10))) struct EscapeInjectionTmuxTests {
        @Test func hostileMessageChangesNeitherScreenNorTitleNorClipboard() throws {
            let db = try DemoStore.copy()
            let file = TestPaths.fixtures.appendingPathComponent("intake/valid-sore-throat.json").path
            let id = try LotsProcess.run(["intake", file, "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let hostile = "Hej\u{1B}[2J\u{1B}]0;PWNED\u{07}\u{1B}]52;c;cm0gLXJmIH4=\u{07}\u{9B}31mröd\u{202E}tnetsisrep"
            #expect(try LotsProcess.run(["citizen", "reply", id, hostile, "--db", db]).status == 0)
            let t = try Tmux(width: 120, height: 30)
            defer { t.kill() }
            let title = t.paneTitle()
            #expect(t.logIn(db: db, user: "anna"))
            t.keys("Enter")
            #expect(t.waitFor("── Chatt"))
            #expect(t.waitFor("Hej␛[2J␛]0;PWNED␇␛]52;c;cm0gLXJmIH4=␇�31mröd[U+202E]tnetsisrep"), "\(t.capture())")
            #expect(t.capture().contains("Tolvan Tolvansson"))  // the screen was not cleared
            #expect(t.paneTitle() == title)
            #expect(t.buffers().isEmpty)
            #expect(t.quitConsole(), "\(t.capture())")
        }
    }

    /// The console survives what terminals do to it.
    @Suite(.serialized, .timeLimit(.minutes(10))) struct TerminalRobustnessTmuxTests {
        @Test func burstOfFiftyResizesAndATinyPane() throws {
            let db = try DemoStore.copy(cases: 30)
            let t = try Tmux(width: 100, height: 30)
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "anna"))
            for i in 0..<50 { t.resize(width: 20 + (i * 37) % 180, height: 5 + (i * 13) % 50) }
            t.resize(width: 20, height: 5)
            #expect(t.waitFor("Fönstret", timeout: 5), "\(t.capture())")
            t.resize(width: 90, height: 28)
            #expect(t.waitFor("Kontaktorsak", timeout: 5), "\(t.capture())")
            #expect(t.childPid() != nil)
            #expect(t.quitConsole(), "\(t.capture())")
        }

        @Test func nonUTF8LocaleStillDrawsReadably() throws {
            let db = try DemoStore.copy(cases: 5)
            let t = try Tmux(width: 100, height: 30)
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "anna", environment: "LANG=POSIX LC_ALL=POSIX"), "\(t.capture())")
            #expect(t.quitConsole(), "\(t.capture())")
        }
    }

    /// Issue 10: new words from the patient reach the queue at once; the phone form asks before under-triaging.
    @Suite(.serialized, .timeLimit(.minutes(10))) struct TriageSafetyTmuxTests {
        func intake(_ db: String, reason: String) throws -> Int64 {
            let file = TestPaths.temporaryDirectory().appendingPathComponent("in.json")
            try """
            {"citizen": {"personnummer": "19121212-1212", "name": "Hosta Hostsson"}, "channel": "app", "unit": "SE2321000016-DEMO1",
             "submittedAt": "\(ISOTime.utc(Date()))", "reason": "\(reason)"}
            """.write(to: file, atomically: true, encoding: .utf8)
            let run = try LotsProcess.run(["intake", file.path, "--db", db])
            #expect(run.status == 0, "\(run.stderr)")
            return Int64(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }

        /// The queue row of the case whose reason starts with `reason`.
        func row(_ t: Tmux, _ reason: String) -> String { t.capture().split(separator: "\n").first { $0.contains(reason) }.map(String.init) ?? "" }

        @Test func citizenReplyRaisesAP4CaseInTheQueueWithinASecond() throws {
            let db = try DemoStore.copy(cases: 5)
            let id = try intake(db, reason: "Hostat i fyra veckor, ingen feber, röker inte")
            let t = try Tmux(width: 120, height: 30)
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "anna"), "\(t.capture())")
            #expect(t.waitFor("Hostat i fyra veckor"))
            #expect(row(t, "Hostat i fyra veckor").contains("P4"), "\(t.capture())")
            let reply = try LotsProcess.run(["citizen", "reply", String(id), "nu har jag fått svårt att andas", "--db", db])
            #expect(reply.status == 0, "\(reply.stderr)")
            let started = Date()
            #expect(t.waitFor("Ärende \(id) höjt till P1 – ny information från patienten", timeout: 1.0), "\(t.capture())")
            var raised = row(t, "Hostat i fyra veckor")
            while !raised.contains("P1"), Date().timeIntervalSince(started) < 1.0 { usleep(30_000); raised = row(t, "Hostat i fyra veckor") }
            #expect(raised.contains("P1  Omgående"), "\(t.capture())")
            #expect(Date().timeIntervalSince(started) < 1.0)
            #expect(t.quitConsole(), "\(t.capture())")
        }

        @Test func selfCareOnACallTriaged112AsksForConfirmationAndAReason() throws {
            let db = try DemoStore.copy(cases: 0)
            let t = try Tmux(width: 100, height: 30)
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "cecilia", landsOn: "1177 – nytt samtal"), "\(t.capture())")
            t.type("19121212-1212")
            t.keys("Tab"); t.type("Tolvan Telefonsson")
            t.keys("Tab"); t.keys("Tab"); t.keys("Tab")
            t.type("Ont i halsen")
            // The engine's red-flag questions, every one "not asked" at first.
            #expect(t.waitFor("[ej frågad] Har du svårt att andas?"), "\(t.capture())")
            #expect(t.capture().contains("[ej frågad] Kan hen dricka"))
            t.keys("Tab"); t.keys("Tab")  // to the questions
            t.keys("Space")
            #expect(t.waitFor("[ja       ] Har du svårt att andas?"), "\(t.capture())")
            #expect(t.waitFor("P1 Omgående"))
            t.keys("BTab"); t.keys("BTab")  // back to the reason
            t.type(", läpparna är blå")
            #expect(t.waitFor("112 Akut – ring 112"), "\(t.capture())")
            t.keys("C-e")
            #expect(t.waitFor("Bekräfta: triagen säger 112 Akut – ring 112"), "\(t.capture())")
            #expect(t.capture().contains("Avsluta ändå med egenvårdsråd? Skäl (krävs)"))
            t.keys("Enter")
            #expect(t.waitFor("Skriv ett skäl först"))
            t.type("Ambulansen redan på plats")
            t.keys("Enter")
            #expect(t.waitFor("Samtalet registrerat som kontakt med egenvårdsråd"), "\(t.capture())")
            let store = try LotsStore.open(path: db)
            let id = try #require(try store.pool.read { try Int64.fetchOne($0, sql: "SELECT MAX(id) FROM careCase") })
            let d = try #require(try store.caseDetail(id))
            #expect(d.status == .closed && d.outcome == .selfCareAdvice && d.urgency == .emergency)
            #expect(d.history.contains { $0.kind == "override" && $0.note == "EMERGENCY -> self-care-advice: Ambulansen redan på plats" })
            #expect(d.answers.map(\.id) == ["breathing-difficulty"] && d.answers.first?.answer == "ja")  // the question not asked is not stored
            t.keys("C-c")
            #expect(t.waitFor("PROMPT$"))
        }
    }
}
