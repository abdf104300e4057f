import Crypto
import Foundation
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

/// `lots intake` as a user runs it: real binary, real fixtures, rows checked in SQLite.
@Suite(.timeLimit(.minutes(10))) struct IntakeCommandTests {
    static let intakeDir = TestPaths.fixtures.appendingPathComponent("intake")
    static let invalid: [String] = try! FileManager.default.contentsOfDirectory(atPath: intakeDir.path)
        .filter { $0.hasPrefix("invalid-") && $0.hasSuffix(".json") }.sorted()

    func sha256(_ file: String) throws -> String {
        let data = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("intake/\(file)"))
        return SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    @Test func validIntakeIsStoredWithTriageAnswersAndAttachmentMetadata() throws {
        let db = try DemoStore.copy()
        let run = try LotsProcess.run(["intake", "Fixtures/intake/valid-rash-gps.json", "--db", db], cwd: TestPaths.root)
        #expect(run.status == 0, "\(run.stderr)")
        let id = try #require(Int64(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let detail = try #require(try LotsStore.open(path: db).caseDetail(id))
        #expect(detail.name == "Åsa Öberg")
        #expect(detail.sex == .f)
        #expect(detail.symptomCode == "RASH")
        #expect(detail.urgency == .p5)
        #expect(detail.answers.map(\.id) == ["spread"])
        #expect(detail.attachments.count == 2)
        let jpeg = try #require(detail.attachments.first { $0.fileName == "rash-gps.jpg" })
        #expect(jpeg.width == 640 && jpeg.height == 480)
        #expect(jpeg.hasGPS)
        #expect(jpeg.sha256 == (try sha256("rash-gps.jpg")))
        #expect(jpeg.capturedAt == "2026:11:21 09:15:30")
        let png = try #require(detail.attachments.first { $0.fileName == "eye.png" })
        #expect(png.width == 200 && png.height == 150 && !png.hasGPS && png.mimeType == "image/png")
        #expect(png.sha256 == (try sha256("eye.png")))
    }

    @Test func everyValidFixtureIsAccepted() throws {
        let db = try DemoStore.copy()
        let valid = try FileManager.default.contentsOfDirectory(atPath: Self.intakeDir.path).filter { $0.hasPrefix("valid-") }.sorted()
        #expect(valid.count >= 4)
        for name in valid {
            let run = try LotsProcess.run(["intake", "Fixtures/intake/\(name)", "--db", db], cwd: TestPaths.root)
            #expect(run.status == 0, "\(name): \(run.stderr)")
            #expect(Int(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) != nil, "\(name)")
        }
        #expect(try LotsStore.open(path: db).rowCounts()["careCase"] == valid.count)
    }

    @Test(arguments: invalid)
    func invalidFixtureExits65WithItsOwnErrorAndWritesNothing(_ name: String) throws {
        let db = try DemoStore.copy()
        let before = try LotsStore.open(path: db).rowCounts()
        let expected = try String(contentsOf: Self.intakeDir.appendingPathComponent(name.replacingOccurrences(of: ".json", with: ".err")), encoding: .utf8)
        let run = try LotsProcess.run(["intake", "Fixtures/intake/\(name)", "--db", db], cwd: TestPaths.root)
        #expect(run.status == 65)
        #expect(run.stderr == expected)
        #expect(run.stdout.isEmpty)
        #expect(try LotsStore.open(path: db).rowCounts() == before)
    }

    @Test func malformedJSONOnStdinExits65AndWritesNothing() throws {
        let db = try DemoStore.copy()
        let before = try LotsStore.open(path: db).rowCounts()
        let run = try LotsProcess.run(["intake", "-", "--db", db], stdin: Data(#"{"citizen": {"personnummer": "#.utf8))
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("lots: malformed JSON"))
        #expect(run.stderr.contains("(stdin)"))
        #expect(try LotsStore.open(path: db).rowCounts() == before)
    }

    @Test func missingIntakeFileExits66() throws {
        let run = try LotsProcess.run(["intake", "no-such-file.json", "--db", try DemoStore.copy()])
        #expect(run.status == 66)
        #expect(run.stderr == "lots: cannot read the intake file (no-such-file.json): check the path\n")
    }

    @Test func exportPrintsAJournalNoteWithTheGPSWarning() throws {
        let db = try DemoStore.copy()
        let id = try LotsProcess.run(["intake", "Fixtures/intake/valid-rash-gps.json", "--db", db], cwd: TestPaths.root).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let run = try LotsProcess.run(["export", id, "--db", db], as: "anna")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("JOURNALANTECKNING – digital kontakt, ärende \(id)\n"))
        #expect(run.stdout.contains("Patient: Åsa Öberg, 19850315-2384, 41 år, kvinna"))
        #expect(run.stdout.contains("Kliande utslag på armarna sedan en vecka, ingen feber"))
        #expect(run.stdout.contains("rash-gps.jpg: image/jpeg, 640×480 px, 8509 byte"))
        #expect(run.stdout.contains("VARNING: innehåller GPS-position"))
        #expect(run.stdout.contains("Bedömning (automatisk triage, beslutsstöd"))
        #expect(run.stdout.contains("\nSökorsak:\n  Kliande utslag"))
        let missing = try LotsProcess.run(["export", "424242", "--db", db], as: "anna")
        #expect(missing.status == 66)
    }

    @Test func exportNeverPrintsEscapeSequences() throws {
        let db = try DemoStore.copy()
        let id = try LotsProcess.run(["intake", "Fixtures/intake/valid-sore-throat.json", "--db", db], cwd: TestPaths.root).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)  // a case of anna's unit
        let hostile = "Hej\u{1B}[2J\u{1B}]52;c;ZWNobyBoYWNrZWQ=\u{07}\u{202E}dlrow"
        #expect(try LotsProcess.run(["citizen", "reply", id, hostile, "--db", db]).status == 0)
        let out = try LotsProcess.run(["export", id, "--db", db], as: "anna").stdout
        #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        #expect(out.contains("Hej␛[2J␛]52;c;ZWNobyBoYWNrZWQ=␇[U+202E]dlrow"))
    }
}

/// Issue 11, group 13: input is read only up to its limit.
@Suite(.timeLimit(.minutes(10))) struct BoundedInputCommandTests {
    @Test func endlessStdinIsRefusedAtTheLimit() throws {
        let db = try DemoStore.copy()
        for args in [["intake", "-"], ["citizen", "reply", "1", "-"]] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", "exec \"$0\" \"$@\" < /dev/zero", TestPaths.lotsBinary.path] + args + ["--db", db]
            let err = Pipe()
            p.standardError = err
            p.standardOutput = Pipe()
            try p.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 65, "\(args): \(text)")
            #expect(text.contains("limit"), "\(text)")
        }
        let run = try LotsProcess.run(["intake", "/dev/zero", "--db", db])
        #expect(run.status == 65, "\(run.stderr)")
    }
}

/// Issue 11, groups 5 and 6: attachments come only from the intake's folder, and no error echoes raw input
/// or tells whether a file elsewhere on the host exists.
@Suite(.timeLimit(.minutes(10))) struct AttachmentPathTests {
    static let throat = TestPaths.fixtures.appendingPathComponent("intake/throat.jpg")

    func intake(attachment: String) -> String {
        let text = try! String(contentsOf: TestPaths.fixtures.appendingPathComponent("intake/valid-sore-throat.json"), encoding: .utf8)
        let data = try! JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        var o = data
        o["attachments"] = [["path": attachment]]
        return String(decoding: try! JSONSerialization.data(withJSONObject: o), as: UTF8.self)
    }

    func run(_ attachment: String, in dir: URL, db: String) throws -> LotsRun {
        try intake(attachment: attachment).write(to: dir.appendingPathComponent("i.json"), atomically: true, encoding: .utf8)
        return try LotsProcess.run(["intake", "i.json", "--db", db], cwd: dir)
    }

    @Test func pathsOutOfTheFolderAreRefusedAlikeWhetherOrNotTheFileExists() throws {
        let db = try DemoStore.copy()
        let before = try LotsStore.open(path: db).rowCounts()
        let outside = TestPaths.temporaryDirectory()
        try FileManager.default.copyItem(at: Self.throat, to: outside.appendingPathComponent("secret.jpg"))
        let dir = TestPaths.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.throat, to: dir.appendingPathComponent("sub/ok.jpg"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link-out.jpg").path, withDestinationPath: outside.appendingPathComponent("secret.jpg").path)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link-none.jpg").path, withDestinationPath: outside.appendingPathComponent("none.jpg").path)
        for path in [outside.appendingPathComponent("secret.jpg").path, outside.appendingPathComponent("none.jpg").path] {
            let r = try run(path, in: dir, db: db)
            #expect(r.status == 65, "\(r.stderr)")
            #expect(r.stderr.contains("the path leaves the intake's folder"), "\(r.stderr)")
        }
        let up = try run("../" + outside.lastPathComponent + "/secret.jpg", in: dir, db: db)
        #expect(up.status == 65 && up.stderr.contains("the path leaves the intake's folder"), "\(up.stderr)")
        let out = try run("link-out.jpg", in: dir, db: db)
        let none = try run("link-none.jpg", in: dir, db: db)
        #expect(out.status == 65 && none.status == 65)
        #expect(out.stderr.replacingOccurrences(of: "link-out", with: "X") == none.stderr.replacingOccurrences(of: "link-none", with: "X"))
        #expect(try LotsStore.open(path: db).rowCounts() == before)
        let ok = try run("sub/ok.jpg", in: dir, db: db)
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    @Test func escapeSequencesInEchoedInputNeverReachTheTerminal() throws {
        let db = try DemoStore.copy()
        let dir = TestPaths.temporaryDirectory()
        let r = try run("\u{1B}]52;c;aGFjaw==\u{07}\u{1B}[2J.jpg", in: dir, db: db)
        #expect(r.status == 65)
        #expect(!r.stderr.dropLast().unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(r.stderr)")
        let catalog = dir.appendingPathComponent("c.yaml")
        try "version: \"1\u{1B}[31m\"\nsymptoms:\n  - code: A\n    \"sv\u{1B}[2J\": A\n".write(to: catalog, atomically: true, encoding: .utf8)
        let c = try LotsProcess.run(["catalog", "validate", catalog.path])
        #expect(c.status == 65)
        #expect(!c.stderr.dropLast().unicodeScalars.contains { $0.value < 0x20 }, "\(c.stderr)")
        let lone = dir.appendingPathComponent("v.yaml")
        try "version: \"1\u{1B}[31m\"\n".write(to: lone, atomically: true, encoding: .utf8)
        let v = try LotsProcess.run(["catalog", "validate", lone.path])
        #expect(!v.stdout.unicodeScalars.contains { $0.value == 0x1B }, "\(v.stdout) \(v.stderr)")
        let arg = try LotsProcess.run(["export", "\u{1B}[2J", "--db", db])
        #expect(arg.status == 64)
        #expect(!arg.stderr.unicodeScalars.contains { $0.value == 0x1B }, "\(arg.stderr)")
    }
}
