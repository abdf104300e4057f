import Foundation
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

/// The rest of the command-line contract (DESIGN §4): triage JSON, exit codes, users, catalog, demo.
@Suite(.timeLimit(.minutes(10))) struct CommandLineTests {
    @Test func triagePrintsOneJSONObjectWithTheContractKeys() throws {
        let run = try LotsProcess.run(["triage", "--text", "Ramlade och kan inte stödja på foten", "--age", "45",
                                       "--sex", "f", "--at", "2026-11-28T23:30:00+01:00"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        for key in ["urgency", "emergency", "symptom", "careLevel", "profession", "referral", "rationale", "catalogVersion"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["urgency"] as? String == "P2")
        #expect(object["emergency"] as? Bool == false)
        #expect(object["referral"] as? String == "akutmottagning")
        #expect(run.stdout.split(separator: "\n").count == 1)
    }

    @Test func triageWithNoMatchReportsNullSymptom() throws {
        let run = try LotsProcess.run(["triage", "--text", "qwerty asdf", "--age", "30"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["symptom"] is NSNull)
        #expect(object["urgency"] as? String == "P3")
    }

    @Test func usageErrorsExit64WithOneLine() throws {
        let bad = try LotsProcess.run(["triage", "--text", "hosta", "--age", "30", "--at", "igår"])
        #expect(bad.status == 64)
        #expect(bad.stderr == "lots: unparsable time \"igår\" (--at): write ISO 8601 such as 2026-11-24T14:00:00+01:00\n")
        let missing = try LotsProcess.run(["triage", "--text", "hosta"])
        #expect(missing.status == 64)
        let sex = try LotsProcess.run(["triage", "--text", "hosta", "--age", "3", "--sex", "q"])
        #expect(sex.status == 64)
        #expect(sex.stderr.contains("(--sex)"))
    }

    /// `--batch` is how the scorers run thousands of cases; its answers must be the per-case command's, byte for byte.
    @Test func triageBatchGivesTheSameResultsAsOneCallPerCase() throws {
        let cases: [(String, Int, String, String)] = [
            ("Ont i bröstet som strålar ut i vänster arm, kallsvettig", 62, "m", "2026-11-24T14:00:00+01:00"),
            ("Min bebis är 2 månader och har 38,4 i feber", 0, "f", "2026-11-24T20:00:00+01:00"),
            ("Ont i halsen sedan två dagar, ingen feber", 25, "f", "2026-11-28T03:00:00+01:00"),
            ("qwerty asdf", 40, "x", "2026-11-24T10:00:00+01:00"),
        ]
        var lines = ""
        var expected: [String] = []
        for (text, age, sex, at) in cases {
            let line = try JSONSerialization.data(withJSONObject: ["text": text, "age": age, "sex": sex, "at": at] as [String: Any])
            lines += String(decoding: line, as: UTF8.self) + "\n"
            let single = try LotsProcess.run(["triage", "--text", text, "--age", "\(age)", "--sex", sex, "--at", at])
            #expect(single.status == 0)
            expected.append(single.stdout.trimmingCharacters(in: .newlines))
        }
        let batch = try LotsProcess.run(["triage", "--batch", "-"], stdin: Data(lines.utf8))
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stdout.split(separator: "\n").map(String.init) == expected)

        let bad = try LotsProcess.run(["triage", "--batch", "-"], stdin: Data("{\"text\": \"hosta\"}\n\(lines)not json\n".utf8))
        #expect(bad.status == 65)
        let out = bad.stdout.split(separator: "\n").map(String.init)
        #expect(out.count == cases.count + 2)
        #expect(out.first?.contains("\"line\":1") == true && out.first?.contains("missing or non-integer age (age)") == true)
        #expect(Array(out[1...cases.count]) == expected)
        #expect(out.last?.contains("\"line\":\(cases.count + 2)") == true)
        #expect(bad.stderr == "lots: 2 line(s) could not be triaged (-): see the lines with \"error\" in the output\n")
        let both = try LotsProcess.run(["triage", "--batch", "-", "--text", "hosta"], stdin: Data(lines.utf8))
        #expect(both.status == 64)
    }

    @Test func consoleWithoutATerminalRefusesClearly() throws {
        let run = try LotsProcess.run(["--db", try DemoStore.copy()])
        #expect(run.status == 1)
        #expect(run.stderr == "lots: standard input is not a terminal (console): run lots in a terminal, or use a subcommand such as lots intake\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func demoCreatesTheDemoStaffWithPasswordDemo() throws {
        let db = try DemoStore.copy()
        let store = try LotsStore.open(path: db)
        for name in ["anna", "bertil", "cecilia", "david", "admin"] {
            #expect(try store.authenticate(username: name, password: "demo") != nil, "\(name)")
        }
        #expect(try store.user(named: "anna")?.profession == .sjukskoterska)
        #expect(try store.user(named: "bertil")?.profession == .lakare)
        #expect(try store.user(named: "cecilia")?.role == .phoneNurse)
        #expect(try store.user(named: "david")?.role == .supervisor)
        #expect(try store.templates().count >= 40)
    }

    @Test func demoAddsCasesAndSimulateAddsMore() throws {
        let db = try DemoStore.copy()
        let demo = try LotsProcess.run(["demo", "--cases", "30", "--db", db])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stderr.isEmpty)  // no progress output when not on a terminal
        let store = try LotsStore.open(path: db)
        #expect(try store.rowCounts()["careCase"] == 30)
        let sim = try LotsProcess.run(["simulate", "--rate", "1200", "--duration", "1", "--seed", "3", "--db", db])
        #expect(sim.status == 0, "\(sim.stderr)")
        let acks = sim.stdout.split(separator: "\n")
        #expect(!acks.isEmpty)
        let newCases = acks.filter { $0.hasPrefix("case ") }.count
        #expect(try store.rowCounts()["careCase"] == 30 + newCases)
    }

    @Test func userAddAndPasswdReadThePasswordFromStdin() throws {
        let db = try DemoStore.copy()
        let add = try LotsProcess.run(["user", "add", "eva", "--role", "clinician", "--profession", "lakare",
                                       "--unit", "SE2321000016-DEMO1", "--name", "Eva Ek", "--db", db], as: "admin", more: "mossa kaffe tåg regn\n")
        #expect(add.status == 0, "\(add.stderr)")
        let passwd = try LotsProcess.run(["user", "passwd", "eva", "--db", db], as: "eva", password: "mossa kaffe tåg regn", more: "granris och blåbär\n")
        #expect(passwd.status == 0, "\(passwd.stderr)")
        let store = try LotsStore.open(path: db)
        #expect(try store.authenticate(username: "eva", password: "granris och blåbär")?.displayName == "Eva Ek")
        #expect(try store.authenticate(username: "eva", password: "mossa kaffe tåg regn") == nil)
        let badRole = try LotsProcess.run(["user", "add", "x1", "--role", "boss", "--db", db], as: "admin", more: "pw12\n")
        #expect(badRole.status == 64)
        #expect(badRole.stderr.contains("unknown role \"boss\""))
        let nobody = try LotsProcess.run(["user", "passwd", "nobody", "--db", db], as: "admin", more: "granris och blåbär\n")
        #expect(nobody.status == 66)
    }

    @Test func catalogValidateNamesTheLineOfAMistake() throws {
        let dir = TestPaths.temporaryDirectory()
        let file = dir.appendingPathComponent("bad.yaml")
        try "symptoms:\n  - code: A\n    sv: A\n    terms: [a]\n    urgency: P7\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try LotsProcess.run(["catalog", "validate", file.path])
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("lots: unknown urgency code \"P7\" (\(file.path):5:14): use one of: EMERGENCY"))
        let good = try LotsProcess.run(["catalog", "validate", TestPaths.fixtures.appendingPathComponent("catalog").path])
        #expect(good.status == 0)
        #expect(good.stdout.hasPrefix("ok: "))
    }

    /// The shipped `05-real-words.yaml` is this command's output over Debian's word lists; here over a small list.
    @Test func catalogRealWordsListsRealWordsTheTriageWouldMisread() throws {
        let dir = TestPaths.temporaryDirectory()
        let list = dir.appendingPathComponent("words.txt")
        try "dioxin\nhosta\nStockholm\nqwertyuiop\n".write(to: list, atomically: true, encoding: .utf8)
        let catalog = TestPaths.fixtures.appendingPathComponent("catalog").path
        let run = try LotsProcess.run(["catalog", "real-words", "--catalog", catalog, list.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("realWords:\n"))
        #expect(run.stdout.contains("  - dioxin  # digoxin\n"), "\(run.stdout)")
        #expect(!run.stdout.contains("hosta") && !run.stdout.contains("qwertyuiop") && !run.stdout.contains("Stockholm"))
        // What it prints is a catalog file the parser takes.
        let file = dir.appendingPathComponent("05-real-words.yaml")
        try run.stdout.write(to: file, atomically: true, encoding: .utf8)
        #expect(try LotsProcess.run(["catalog", "validate", file.path]).status == 65, "a file of real words alone has no symptoms")
        let missing = try LotsProcess.run(["catalog", "real-words", "--catalog", catalog, dir.appendingPathComponent("none.txt").path])
        #expect(missing.status == 66)
        #expect(missing.stderr.hasPrefix("lots: cannot read the word list ("))
    }

    @Test func catalogImportFeedsNewIntakesAndSynthMakes2000Symptoms() throws {
        let db = try DemoStore.copy()
        let dir = TestPaths.temporaryDirectory()
        let synth = try LotsProcess.run(["catalog", "synth", "--symptoms", "2000"])
        #expect(synth.status == 0)
        let file = dir.appendingPathComponent("synthetic.yaml")
        try synth.stdout.write(to: file, atomically: true, encoding: .utf8)
        let validate = try LotsProcess.run(["catalog", "validate", file.path])
        #expect(validate.stdout.hasPrefix("ok: 2000 symptoms"))
        let imported = try LotsProcess.run(["catalog", "import", file.path, "--db", db], as: "admin")
        #expect(imported.status == 0, "\(imported.stderr)")
        let id = try LotsProcess.run(["intake", "Fixtures/intake/valid-minimal.json", "--db", db], cwd: TestPaths.root).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let detail = try #require(try LotsStore.open(path: db).caseDetail(Int64(id)!))
        #expect(detail.catalogVersion == "synthetic-2000")
    }

    @Test func citizenReplyToAMissingCaseExits66() throws {
        let run = try LotsProcess.run(["citizen", "reply", "999", "hej", "--db", try DemoStore.copy()])
        #expect(run.status == 66)
        #expect(run.stderr == "lots: no case with id 999 (CASE): use an id printed by lots intake or shown in the queue\n")
    }
}

/// `lots triage --questions` lists follow-up questions; `--answer` feeds the same rules.
@Suite struct TriageQuestionsCommandTests {
    func json(_ args: [String]) throws -> [String: Any] {
        let run = try LotsProcess.run(["triage"] + args)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func questionsAreListedAndAnAnswerChangesTheResult() throws {
        let base = ["--text", "Ont i ryggen sedan igår", "--age", "45", "--at", "2026-11-24T10:00:00+01:00"]
        let asked = try json(base + ["--questions"])
        let questions = try #require(asked["questions"] as? [[String: String]])
        #expect(questions.contains { $0["id"] == "saddle-numbness" && $0["sv"]?.isEmpty == false && $0["en"]?.isEmpty == false })
        let answered = try json(base + ["--questions", "--answer", "saddle-numbness=yes"])
        #expect(asked["urgency"] as? String != answered["urgency"] as? String)
        #expect(answered["urgency"] as? String == "P1")
        #expect(!((answered["questions"] as? [[String: String]]) ?? []).contains { $0["id"] == "saddle-numbness" })
    }

    @Test func ageInMonthsAndEnglishRationale() throws {
        let r = try json(["--text", "Feber 38,4", "--age", "0", "--age-months", "2", "--lang", "en", "--at", "2026-11-24T20:00:00+01:00"])
        #expect(r["urgency"] as? String == "P1")
        #expect((r["rationale"] as? String)?.contains("infant under 3 months") == true)
        let unsure = try json(["--text", "Något känns fel", "--age", "40"])
        #expect(unsure["confidence"] as? String == "low")
        #expect(unsure["flag"] as? String == "ej säker automatisk bedömning")
    }
}
