import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

extension TerminalSuites {
    /// A working day in the real console (issue 12): each test failed before its fix.
    @Suite(.serialized, .timeLimit(.minutes(10))) struct TextFieldTmuxTests {
        let lots = TestPaths.lotsBinary.path

        @Test func ctrlUClearsEveryTextFieldAndNeverCrashes() throws {
            let db = try DemoStore.copy(cases: 5)
            let t = try Tmux(width: 100, height: 30)
            defer { t.kill() }
            // Login password.
            t.type("\(lots) --db \(db) --user anna\n")
            #expect(t.waitFor("Lösenord", timeout: 10))
            t.type("fel-lösen")
            t.keys("C-u")
            t.type("demo")
            t.keys("Enter")
            #expect(t.waitFor("Kontaktorsak", timeout: 10), "\(t.capture())")
            // The / search.
            t.type("/")
            #expect(t.waitFor("Sök:"))
            t.type("xyzzy")
            #expect(t.waitFor("xyzzy"))
            t.keys("C-u")
            usleep(200_000)
            #expect(!t.capture().contains("xyzzy"), "\(t.capture())")
            #expect(t.childPid() != nil)
            t.keys("Escape")
            // The composer.
            t.keys("Enter")
            #expect(t.waitFor("── Chatt"))
            t.keys("t")
            #expect(t.waitFor("Du har tagit"))
            t.keys("i")
            t.type("Halvskrivet fel")
            #expect(t.waitFor("Halvskrivet fel"))
            t.keys("C-u")
            t.type("Rätt text")
            #expect(t.waitFor("Rätt text"))
            #expect(!t.capture().contains("Halvskrivet fel"))
            #expect(t.childPid() != nil, "the console died")
            t.keys("C-c")
            #expect(t.waitFor("PROMPT$"))
        }

        @Test func ctrlUClearsAPhoneFormField() throws {
            let db = try DemoStore.copy(cases: 0)
            let t = try Tmux(width: 100, height: 30)
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "cecilia", landsOn: "1177 – nytt samtal"))
            t.type("19121212-1213")
            #expect(t.waitFor("19121212-1213"))
            t.keys("C-u")
            t.type("19121212-1212")
            #expect(t.waitFor("✓ 113 år, man"), "\(t.capture())")
            #expect(t.childPid() != nil)
            t.keys("C-c")
            #expect(t.waitFor("PROMPT$"))
        }

        @Test func homeAndEndInTheComposerMoveTheCursorAndTypeNothing() throws {
            let db = try DemoStore.copy(cases: 5)
            let t = try Tmux(width: 100, height: 30)
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "anna"))
            t.keys("Enter")
            #expect(t.waitFor("── Chatt"))
            t.keys("t")
            #expect(t.waitFor("Du har tagit"))
            t.keys("i")
            t.type("mitten")
            #expect(t.waitFor("mitten"))
            t.keys("Home")  // tmux sends ESC[1~ whatever the terminfo says
            t.type("A")
            t.keys("End")
            t.type("Z")
            #expect(t.waitFor("Amitten"), "\(t.capture())")
            #expect(t.waitFor("AmittenZ"), "\(t.capture())")
            // An unknown sequence is ignored, never typed.
            t.type("\u{1B}[99~")
            t.type("!")
            #expect(t.waitFor("AmittenZ!"), "\(t.capture())")
            #expect(!t.capture().contains("99~") && !t.capture().contains("1~") && !t.capture().contains("4~"))
            t.keys("C-c")
            #expect(t.waitFor("PROMPT$"))
        }

        @Test func aCrashRestoresTheTerminalAndReportsToTheLogNotTheScreen() throws {
            let db = try DemoStore.copy(cases: 5)
            let state = TestPaths.temporaryDirectory("lots-state")
            let t = try Tmux(width: 100, height: 30, environment: ["XDG_STATE_HOME": state.path])
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "anna"))
            let pid = try #require(t.childPid())
            Foundation.kill(pid, SIGSEGV)
            #expect(t.waitFor("PROMPT$"), "\(t.capture())")
            t.type("echo sane-again\n")
            #expect(t.waitFor("sane-again\n") || t.waitFor("sane-again"), "\(t.capture())")
            let screen = t.capture()
            #expect(!screen.contains("Kontaktorsak") && !screen.contains("Backtrace") && !screen.contains("💣"), "\(screen)")
            let log = try String(contentsOfFile: state.appendingPathComponent("lots/lots.log").path, encoding: .utf8)
            #expect(log.contains("lots: console crashed with signal 11 SIGSEGV"), "\(log)")
            // A useful report: version and pid, then a backtrace of resolvable frames in the lots binary.
            #expect(log.contains("lots 0.1.0, pid \(pid)") && log.contains("backtrace"), "\(log)")
            let frames = log.split(separator: "\n").filter { $0.contains("/lots(") || $0.contains("/lots [") || $0.contains("libc.so") }
            #expect(frames.count >= 2, "\(log)")
            #expect(log.contains("end of crash report"))
        }
    }

    @Suite(.serialized, .timeLimit(.minutes(10))) struct CaseHistoryTmuxTests {
        @Test func aForwardedCasesNoteIsReadableInFullAt80x24ByTheReceivingClinician() throws {
            let db = try DemoStore.copy(cases: 0)
            let store = try LotsStore.open(path: db)
            try store.addUser(username: "erik", displayName: "Erik Norr", role: .clinician, profession: .lakare, unit: "SE2321000016-DEMO3",
                              password: "demo", actor: .system("test"))
            let file = TestPaths.temporaryDirectory().appendingPathComponent("in.json")
            try """
            {"citizen": {"personnummer": "19121212-1212", "name": "Tolvan Tolvansson"}, "channel": "app", "unit": "SE2321000016-DEMO1",
             "submittedAt": "\(ISOTime.utc(Date()))", "reason": "Ont i bröstet i går kväll, nu bättre"}
            """.write(to: file, atomically: true, encoding: .utf8)
            let id = try #require(Int64(try LotsProcess.run(["intake", file.path, "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
            let anna = try #require(try store.user(named: "anna"))
            let note = "Stabil nu men behöver EKG i dag; ring patienten före 15 och fråga om bröstsmärtan har kommit tillbaka sedan i morse"
            try store.forward(caseId: id, to: "SE2321000016-DEMO3", note: note, by: anna)

            let t = try Tmux(width: 80, height: 24)
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "erik"), "\(t.capture())")
            #expect(t.waitFor("Ont i bröstet"), "\(t.capture())")
            t.keys("Enter")
            #expect(t.waitFor("── Chatt"))
            t.keys("h")
            #expect(t.waitFor("Motivering och händelser"), "\(t.capture())")
            let flat = t.capture().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            #expect(flat.contains(note), "\(t.capture())")
            #expect(flat.contains("anna · hänvisat"))
            t.keys("Escape")
            #expect(t.waitFor("── Chatt"))
            #expect(t.quitConsole(), "\(t.capture())")
        }
    }

    @Suite(.serialized, .timeLimit(.minutes(10))) struct HotlistTmuxTests {
        @Test func hotlistAt60x20ListsThe112ChatFirstAndSaysHowManyDoNotFit() throws {
            let db = try DemoStore.copy(cases: 0)
            let store = try LotsStore.open(path: db)
            let anna = try #require(try store.user(named: "anna"))
            let reasons = ["Snuva sedan i går", "Eksem på händerna", "Ont i ryggen efter flytt", "Hosta sedan en vecka", "Ont i knät",
                           "Ont i bröstet som strålar ut i armen"]
            for (i, reason) in reasons.enumerated() {
                let file = TestPaths.temporaryDirectory().appendingPathComponent("in\(i).json")
                try """
                {"citizen": {"personnummer": "19121212-1212", "name": "Pat Ek"}, "channel": "app",
                 "unit": "SE2321000016-DEMO1", "submittedAt": "\(ISOTime.utc(Date()))", "reason": "\(reason)"}
                """.write(to: file, atomically: true, encoding: .utf8)
                let id = try #require(Int64(try LotsProcess.run(["intake", file.path, "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
                try store.take(caseId: id, by: anna, cap: 6)
                if i < 3 { try store.addCitizenMessage(caseId: id, body: "Hej igen") }  // unread counts widen the hotlist
            }
            let t = try Tmux(width: 60, height: 20)
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "anna", landsOn: "Brådska"), "\(t.capture())")
            #expect(t.waitFor("[1 PE 112]"), "\(t.capture())")
            let line = t.capture().split(separator: "\n", omittingEmptySubsequences: false)[1].trimmingCharacters(in: .whitespaces)
            #expect(line.hasPrefix("[1 PE 112]"), "\(line)")
            let shown = line.split(separator: "[").count
            #expect(shown < reasons.count && line.hasSuffix("+\(reasons.count - shown)"), "\(line)")
            // q with open chats says so first; a second q quits.
            t.keys("q")
            #expect(t.waitFor("Du har 6 öppna chattar – q igen avslutar"), "\(t.capture())")
            t.keys("q")
            #expect(t.waitFor("PROMPT$"), "\(t.capture())")
        }
    }

    @Suite(.serialized, .timeLimit(.minutes(10))) struct ForbiddenActionTmuxTests {
        @Test func takingAClosedCaseSaysWhyInsteadOfClaimingSuccess() throws {
            let db = try DemoStore.copy(cases: 0)
            let file = TestPaths.fixtures.appendingPathComponent("intake/valid-sore-throat.json").path
            let id = try LotsProcess.run(["intake", file, "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let t = try Tmux(width: 100, height: 30)
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "anna"))
            t.keys("Enter")
            #expect(t.waitFor("── Chatt"))
            t.keys("t")
            #expect(t.waitFor("Du har tagit ärende \(id)"))
            t.keys("x")
            #expect(t.waitFor("Avsluta med utfall"))
            t.type("duplicate")
            t.keys("Enter")
            #expect(t.waitFor("Patienten får"), "\(t.capture())")  // what the patient will be told, before anything is done
            t.keys("Enter")
            #expect(t.waitFor("Ärende \(id) avslutat"), "\(t.capture())")
            t.keys("t")
            #expect(t.waitFor("Ärende \(id) är avslutat och kan inte tas"), "\(t.capture())")
            #expect(try LotsStore.open(path: db).caseDetail(Int64(id)!)?.status == .closed)
            #expect(t.quitConsole(), "\(t.capture())")
        }
    }

    @Suite(.serialized, .timeLimit(.minutes(10))) struct ComposerTmuxTests {
        @Test func anUnfilledVariableTypedByHandIsRefused() throws {
            let db = try DemoStore.copy(cases: 0)
            let file = TestPaths.fixtures.appendingPathComponent("intake/valid-sore-throat.json").path
            let id = try #require(Int64(try LotsProcess.run(["intake", file, "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
            let t = try Tmux(width: 100, height: 30)
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "anna"))
            t.keys("Enter")
            #expect(t.waitFor("── Chatt"))
            t.keys("t")
            #expect(t.waitFor("Du har tagit"))
            t.keys("i")
            t.type("Hej {citizen.firstName}")
            t.keys("C-s")
            #expect(t.waitFor("Ej skickat: {citizen.firstName} är inte ifylld"), "\(t.capture())")
            #expect(try LotsStore.open(path: db).messages(caseId: id).allSatisfy { $0.author != .staff })
            t.keys("C-c")
            #expect(t.waitFor("PROMPT$"))
        }
    }

    @Suite(.serialized, .timeLimit(.minutes(10))) struct PhoneFormStoresWhatWasEnteredTmuxTests {
        @Test func thePhoneFormStoresTheWordsTheChosenComplaintTheAnswersGivenAndTheUnitShown() throws {
            let db = try DemoStore.copy(cases: 0)
            let t = try Tmux(width: 100, height: 30)
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "cecilia", landsOn: "1177 – nytt samtal"), "\(t.capture())")
            let words = "Svider när jag kissar sedan i går, ingen feber"
            t.type("19121212-1212")
            t.keys("Tab"); t.type("Tolvan Telefonsson")
            t.keys("Tab"); t.type("0701234567")
            t.keys("Tab"); t.type("Demo Centrum")
            t.keys("Tab"); t.type(words)
            #expect(t.waitFor("går till: Vårdcentralen Demo Centrum"), "\(t.capture())")
            t.keys("Tab"); t.type("blod i u")
            #expect(t.waitFor("Blod i urinen (HEMATURIA)"), "\(t.capture())")
            t.keys("Enter")
            #expect(t.waitFor("Valt symtom: Blod i urinen"), "\(t.capture())")
            let shownUnit = try #require(t.capture().split(separator: "\n").first { $0.contains("går till: ") }.map {
                String($0[$0.range(of: "går till: ")!.upperBound...]).trimmingCharacters(in: .whitespaces)
            })
            t.keys("C-s")
            #expect(t.waitFor("skapat hos"), "\(t.capture())")
            let store = try LotsStore.open(path: db)
            let id = try #require(try store.pool.read { try Int64.fetchOne($0, sql: "SELECT MAX(id) FROM careCase") })
            let d = try #require(try store.caseDetail(id))
            #expect(d.reason == words)
            #expect(d.symptomCode == "HEMATURIA")
            #expect(d.answers.isEmpty, "no question was asked: \(d.answers)")
            #expect(d.unitName == shownUnit)
            t.keys("C-c")
            #expect(t.waitFor("PROMPT$"))
        }
    }

    @Suite(.serialized, .timeLimit(.minutes(10))) struct TemplateOrderTmuxTests {
        @Test func aTemplateJustUsedComesFirstWithoutLoggingInAgain() throws {
            let db = try DemoStore.copy(cases: 0)
            let file = TestPaths.fixtures.appendingPathComponent("intake/valid-sore-throat.json").path
            #expect(try LotsProcess.run(["intake", file, "--db", db]).status == 0)
            let t = try Tmux(width: 100, height: 30)
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "anna"))
            t.keys("Enter")
            #expect(t.waitFor("── Chatt"))
            t.keys("t")
            #expect(t.waitFor("Du har tagit"))
            t.keys("T")
            #expect(t.waitFor("Frasmallar"))
            let first = { t.capture().split(separator: "\n").first { $0.contains("▶") }.map(String.init) ?? "" }
            #expect(!first().contains("▶ Hälsning"), "precondition: \(first())")
            t.type("hälsning")
            #expect(t.waitFor("▶ Hälsning"))
            t.keys("Enter")
            t.keys("C-s")
            #expect(t.waitFor("Meddelandet skickat"), "\(t.capture())")
            t.keys("C-t")  // the composer still has the focus
            #expect(t.waitFor("Frasmallar"))
            #expect(first().contains("▶ Hälsning"), "\(t.capture())")
            t.keys("C-c")
            #expect(t.waitFor("PROMPT$"))
        }
    }
}
