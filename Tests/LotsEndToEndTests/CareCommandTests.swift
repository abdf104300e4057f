import Foundation
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

/// Issue 15 through the real binary: the booking race between processes, the `.ics` read by Python's icalendar,
/// every FHIR export validated with fhir.resources (R4B), and forecasts imported with their report dates.
@Suite(.serialized, .timeLimit(.minutes(10))) struct CareCommandTests {
    static let home = "SE2321000016-DEMO1"
    static func intake(_ name: String) -> String { TestPaths.fixtures.appendingPathComponent("intake/\(name).json").path }

    func newCase(_ db: String, _ fixture: String = "valid-sore-throat") throws -> String {
        let run = try LotsProcess.run(["intake", Self.intake(fixture), "--db", db])
        guard run.status == 0 else { throw LotsRunError(run: run) }
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Free future times of the home unit, by mode.
    func freeSlots(_ db: String, mode: String) throws -> [String] {
        let tomorrow = StockholmTime(Date().addingTimeInterval(86_400)).dayKey
        let run = try LotsProcess.run(["slots", "list", "--unit", Self.home, "--from", tomorrow, "--days", "7", "--free", "--db", db])
        guard run.status == 0 else { throw LotsRunError(run: run) }
        return run.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }.filter { $0[4] == mode }.map { $0[0] }
    }

    @Test func twoProcessesBookingOneTimeInTheSameMillisecondGiveExactlyOneWinner() throws {
        let db = try DemoStore.copy()
        let slots = try freeSlots(db, mode: "physical")
        try #require(slots.count >= 5)
        for round in 0..<5 {
            let a = try newCase(db), b = try newCase(db)
            for c in [a, b] {
                let offer = try LotsProcess.run(["slots", "offer", c, slots[round], "--db", db], as: "bertil")
                #expect(offer.status == 0, "\(offer.stderr)")
            }
            // Both processes open the store, then wait for the same instant before booking.
            let startAt = String(Date().timeIntervalSince1970 + 1.5)
            nonisolated(unsafe) var runs: [LotsRun?] = [nil, nil]
            let group = DispatchGroup()
            for (i, c) in [a, b].enumerated() {
                group.enter()
                DispatchQueue.global().async {
                    runs[i] = try? LotsProcess.run(["citizen", "book", c, slots[round], "--db", db], env: ["LOTS_TEST_START_AT": startAt])
                    group.leave()
                }
            }
            group.wait()
            let results = runs.compactMap { $0 }
            try #require(results.count == 2)
            let winners = results.filter { $0.status == 0 }, losers = results.filter { $0.status != 0 }
            #expect(winners.count == 1, "round \(round): \(results.map { "\($0.status) \($0.stderr)" })")
            #expect(losers.count == 1)
            for l in losers {
                #expect(l.status == 65)
                #expect(l.stderr.hasPrefix("lots: time \(slots[round]) is already booked (SLOT)") || l.stderr.hasPrefix("lots: the time was just booked by someone else (SLOT)"),
                        "a clear error: \(l.stderr)")
                #expect(l.stdout.isEmpty)
            }
            #expect(winners.first?.stdout.hasPrefix("booked ") == true)
        }
        let store = try LotsStore.open(path: db, create: false)
        let live = try store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM appointment WHERE cancelledAt IS NULL") }
        let distinct = try store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(DISTINCT slotId) FROM appointment WHERE cancelledAt IS NULL") }
        #expect(live == 5 && distinct == 5)
    }

    @Test func aBookedVideoTimeGivesAnIcsThatIcalendarParsesWithTheLinkInConferenceAndInTheChat() throws {
        let db = try DemoStore.copy()
        let id = try newCase(db)
        let video = try freeSlots(db, mode: "video")
        #expect(try LotsProcess.run(["slots", "offer", id, video[0], video[1], "--db", db], as: "bertil").status == 0)
        let listed = try LotsProcess.run(["citizen", "slots", id, "--db", db])
        #expect(listed.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) } == [video[0], video[1]])
        let booked = try LotsProcess.run(["citizen", "book", id, video[1], "--db", db])
        #expect(booked.status == 0, "\(booked.stderr)")
        let url = try #require(booked.stdout.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        #expect(url.hasPrefix("https://video.regiondemo.se/m/"))
        let ics = try LotsProcess.run(["citizen", "ics", id, "--db", db])
        #expect(ics.status == 0)
        #expect(ics.stdout.contains("\r\n") && !ics.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF line ends only")
        let parsed = try Python.run("""
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(sys.stdin.read())
            ev = [c for c in cal.walk() if c.name == "VEVENT"][0]
            print(cal["METHOD"], ev["STATUS"], ev["SEQUENCE"], ev["CONFERENCE"], ",".join(ev["CONFERENCE"].params.get("FEATURE")), ev["CONFERENCE"].params.get("VALUE"), ev["URL"], ev["DTSTART"].dt.isoformat(), ev["SUMMARY"], sep="|")
            """, stdin: ics.stdout)
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let f = parsed.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").map(String.init)
        #expect(f.count == 9)
        #expect(f[0] == "PUBLISH" && f[1] == "CONFIRMED" && f[2] == "0")
        #expect(f[3] == url && f[4] == "AUDIO,VIDEO" && f[5] == "URI" && f[6] == url, "RFC 7986 CONFERENCE: \(f)")
        #expect(f[8].hasPrefix("Videomöte med läkare"))
        let note = try LotsProcess.run(["export", id, "--db", db], as: "bertil")
        #expect(note.stdout.contains("Länk till videomötet: \(url)"), "the link is in the chat")
        #expect(note.stdout.contains("Bokad tid: "))

        let cancel = try LotsProcess.run(["citizen", "cancel", id, "--db", db])
        #expect(cancel.status == 0)
        let cancelled = try Python.run("""
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(sys.stdin.read())
            ev = [c for c in cal.walk() if c.name == "VEVENT"][0]
            print(cal["METHOD"], ev["STATUS"], ev["SEQUENCE"], sep="|")
            """, stdin: try LotsProcess.run(["citizen", "ics", id, "--db", db]).stdout)
        #expect(cancelled.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "CANCEL|CANCELLED|1")
        let notOffered = try LotsProcess.run(["citizen", "book", id, video[2], "--db", db])
        #expect(notOffered.status == 65)
        #expect(notOffered.stderr == "lots: time \(video[2]) was not offered in case \(id) (SLOT): choose one of the offered times (lots citizen slots CASE lists them)\n")
        #expect(try LotsProcess.run(["slots", "offer", id, "--db", db], as: "bertil").status == 64)
    }

    @Test func everyFHIRExportValidatesWithFhirResourcesAndCarriesTheSwedishIdentifiers() throws {
        let db = try DemoStore.copy()
        let throat = try newCase(db), rash = try newCase(db, "valid-rash-gps"), samordning = try newCase(db, "valid-samordningsnummer")
        let chest = try newCase(db, "valid-chest-pain")
        let weight = try LotsProcess.run(["intake", "-", "--db", db], stdin: Data("""
            {"citizen": {"personnummer": "\(Personnummer.make(year: 1958, month: 3, day: 14, serial: 123))", "name": "Vera Viktsson"}, "channel": "web", "unit": "\(Self.home)",
             "submittedAt": "\(ISOTime.utc(Date().addingTimeInterval(-600)))", "reason": "Jag har gått ner 8 kilo utan att försöka och är trött"}
            """.utf8)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // A booked, forwarded and closed history on the throat case; a video meeting on the rash case.
        let slot = try freeSlots(db, mode: "physical")[0]
        #expect(try LotsProcess.run(["slots", "offer", throat, slot, "--db", db], as: "bertil").status == 0)
        #expect(try LotsProcess.run(["citizen", "book", throat, slot, "--db", db]).status == 0)
        #expect(try LotsProcess.run(["video", rash, "--db", db], as: "bertil").status == 0)
        let store = try LotsStore.open(path: db, create: false)
        let bertil = try #require(try store.user(named: "bertil"))
        try store.forward(caseId: Int64(chest)!, to: "SE2321000016-AK1", note: "Bröstsmärta, behöver EKG", by: bertil)
        try store.close(caseId: Int64(rash)!, outcome: .videoMeeting, by: bertil)

        var files: [String] = []
        let dir = TestPaths.temporaryDirectory("lots-fhir")
        for (id, extra) in [(throat, ["--with-images"]), (rash, []), (samordning, []), (chest, []), (weight, [])] {
            let run = try LotsProcess.run(["export", id, "--format", "fhir", "--db", db] + extra, as: "bertil")
            if id == chest {
                #expect(run.status == 77, "a forwarded case is no longer the unit's to export")
                continue
            }
            #expect(run.status == 0, "\(run.stderr)")
            let path = dir.appendingPathComponent("case-\(id).json").path
            try run.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        let validated = try Python.script("Scripts/fhir-validate.py", files)
        #expect(validated.status == 0, "\(validated.stderr)")
        #expect(validated.stdout.split(separator: "\n").count == files.count)

        func bundle(_ id: String) throws -> [[String: Any]] {
            let data = try Data(contentsOf: dir.appendingPathComponent("case-\(id).json"))
            let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            return (top["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
        }
        func first(_ r: [[String: Any]], _ type: String) -> [String: Any]? { r.first { $0["resourceType"] as? String == type } }
        func identifiers(_ r: [String: Any]?) -> [[String: String]] { r?["identifier"] as? [[String: String]] ?? [] }
        let t = try bundle(throat)
        #expect(identifiers(first(t, "Patient")) == [["system": "http://electronichealth.se/identifier/personnummer", "value": "191212121212"]])
        #expect(identifiers(first(t, "Organization")).first == ["system": "urn:oid:1.2.752.29.4.19", "value": Self.home])
        #expect((first(t, "Encounter")?["class"] as? [String: String])?["code"] == "VR")
        #expect(first(t, "Appointment")?["status"] as? String == "booked")
        let media = try #require(first(t, "Media")?["content"] as? [String: Any])
        #expect((media["data"] as? String).flatMap { Data(base64Encoded: $0) }?.count == media["size"] as? Int, "--with-images carries the bytes")
        let s = try bundle(samordning)
        #expect(identifiers(first(s, "Patient")).first?["system"] == "http://electronichealth.se/identifier/samordningsnummer")
        let r = try bundle(rash)
        #expect(first(r, "Encounter")?["status"] as? String == "finished")
        #expect(((first(r, "Encounter")?["hospitalization"] as? [String: Any])?["dischargeDisposition"] as? [String: Any])?["text"] as? String == "video-meeting")
        #expect(r.contains { ($0["payload"] as? [[String: String]])?.first?["contentString"]?.contains("https://video.regiondemo.se/m/") == true })
        #expect(first(r, "Media")?["note"] != nil, "the GPS warning travels with the image")
        let w = try bundle(weight)
        let episode = try #require(first(w, "EpisodeOfCare"))
        #expect(((episode["type"] as? [[String: Any]])?.first?["coding"] as? [[String: String]])?.first?["code"] == "cancer-allvarliga-ospecifika-symtom")
        #expect(w.filter { $0["resourceType"] as? String == "Provenance" }.count >= 1)

        // The forwarded case, exported at the receiving unit (a clinician there), carries the handover as a staff note.
        try store.addUser(username: "ake", displayName: "Åke Akut", role: .clinician, profession: .lakare, unit: "SE2321000016-AK1", password: "demo-demo-demo", actor: .system("test"))
        let akut = try LotsProcess.run(["export", chest, "--format", "fhir", "--db", db], as: "ake", password: "demo-demo-demo")
        #expect(akut.status == 0, "\(akut.stderr)")
        let path = dir.appendingPathComponent("case-\(chest).json").path
        try akut.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Python.script("Scripts/fhir-validate.py", [path]).status == 0)
        let c = try bundle(chest)
        let note = try #require(c.first { (($0["category"] as? [[String: Any]])?.first?["coding"] as? [[String: String]])?.first?["code"] == "staff-note" })
        #expect((note["payload"] as? [[String: String]])?.first?["contentString"] == "Bröstsmärta, behöver EKG")
        #expect(c.contains { $0["resourceType"] as? String == "ServiceRequest" && $0["intent"] as? String == "order" })
    }

    @Test func theValidatorFailsOnAWrongCodeAMissingRequiredElementAndAForeignIdentifier() throws {
        let db = try DemoStore.copy()
        let id = try newCase(db)
        let export = try LotsProcess.run(["export", id, "--format", "fhir", "--db", db], as: "bertil")
        let original = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        func mutated(_ change: (inout [String: Any]) -> Void, in type: String) throws -> LotsRun {
            var top = original
            var entries = top["entry"] as! [[String: Any]]
            let i = try #require(entries.firstIndex { ($0["resource"] as? [String: Any])?["resourceType"] as? String == type })
            var resource = entries[i]["resource"] as! [String: Any]
            change(&resource)
            entries[i]["resource"] = resource
            top["entry"] = entries
            let path = TestPaths.temporaryDirectory("lots-fhir-bad").appendingPathComponent("bad.json").path
            try JSONSerialization.data(withJSONObject: top).write(to: URL(fileURLWithPath: path))
            return try Python.script("Scripts/fhir-validate.py", [path])
        }
        let wrongCode = try mutated({ $0["status"] = "done" }, in: "Encounter")
        #expect(wrongCode.status == 1 && wrongCode.stderr.contains("Encounter.status: code 'done' is not in the required value set"))
        let missing = try mutated({ $0.removeValue(forKey: "status") }, in: "Communication")
        #expect(missing.status == 1 && missing.stderr.contains("Value for the field 'status' is required"))
        let foreign = try mutated({ $0["identifier"] = [["system": "urn:oid:1.2.3", "value": "191212121212"]] }, in: "Patient")
        #expect(foreign.status == 1 && foreign.stderr.contains("no personnummer or samordningsnummer identifier"))
        let noHSA = try mutated({ $0["identifier"] = [["system": "urn:oid:1.2.3", "value": "x"]] }, in: "Organization")
        #expect(noHSA.status == 1 && noHSA.stderr.contains("no HSA-id"))
    }

    @Test func directoryImportStoresForecastsWarnsWhenOlderThanThreeMonthsAndRefusesUnknownUnits() throws {
        let db = try DemoStore.copy()
        let dir = TestPaths.temporaryDirectory("lots-waits")
        let recent = StockholmTime(Date().addingTimeInterval(-5 * 86_400)).dayKey
        let old = StockholmTime(Date().addingTimeInterval(-120 * 86_400)).dayKey
        let file = dir.appendingPathComponent("waits.yaml").path
        try """
            reported: \(recent)
            waits:
              - { hsaId: \(Self.home), profession: lakare, days: 11 }
              - { hsaId: SE2321000016-DEMO2, profession: lakare, days: 30, reported: \(old) }
            video:
              - { hsaId: \(Self.home), url: "https://video.example.se/x/{room}" }
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let denied = try LotsProcess.run(["directory", "import", file, "--db", db], as: "bertil")
        #expect(denied.status == 77)
        let run = try LotsProcess.run(["directory", "import", file, "--db", db], as: "admin")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "2 forecasts and 1 video templates imported\n")
        #expect(run.stderr == "lots: warning: the forecast for SE2321000016-DEMO2 lakare was reported \(old), more than three months ago (\(file)): ask the unit for a new report\n")
        let json = try LotsProcess.run(["directory", "waits", "--format", "json", "--db", db])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let home = try #require(rows.first { $0["hsaId"] as? String == Self.home })
        let expected = try #require((home["expected"] as? [[String: Any]])?.first { $0["profession"] as? String == "lakare" })
        #expect(expected["days"] as? Int == 11 && expected["reportedOn"] as? String == recent && expected["stale"] as? Bool == false)
        let two = try #require(rows.first { $0["hsaId"] as? String == "SE2321000016-DEMO2" })
        #expect((two["expected"] as? [[String: Any]])?.first?["stale"] as? Bool == true)
        let id = try newCase(db)
        #expect(try LotsProcess.run(["video", id, "--db", db], as: "bertil").stdout.hasPrefix("https://video.example.se/x/"))

        try "waits:\n  - { hsaId: SE-NOPE, profession: lakare, days: 3, reported: \(recent) }\n".write(toFile: file, atomically: true, encoding: .utf8)
        let unknown = try LotsProcess.run(["directory", "import", file, "--db", db], as: "admin")
        #expect(unknown.status == 65 && unknown.stderr.hasPrefix("lots: unknown unit \"SE-NOPE\""))
        try "waits:\n  - { hsaId: \(Self.home), profession: lakare, days: 3 }\n".write(toFile: file, atomically: true, encoding: .utf8)
        let undated = try LotsProcess.run(["directory", "import", file, "--db", db], as: "admin")
        #expect(undated.status == 65 && undated.stderr.contains("no report date") && undated.stderr.contains("waits.yaml:2:"))
    }
}

/// Runs Python for checks that use PyPI packages (Scripts/setup installs them).
enum Python {
    static func run(_ code: String, stdin: String = "") throws -> LotsRun {
        try process(["-c", code], stdin: stdin)
    }

    static func script(_ path: String, _ args: [String]) throws -> LotsRun {
        try process([TestPaths.root.appendingPathComponent(path).path] + args, stdin: "")
    }

    static func process(_ args: [String], stdin: String) throws -> LotsRun {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + args
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
        nonisolated(unsafe) var o = Data(), e = Data()
        let g = DispatchGroup()
        g.enter(); DispatchQueue.global().async { o = out.fileHandleForReading.readDataToEndOfFile(); g.leave() }
        g.enter(); DispatchQueue.global().async { e = err.fileHandleForReading.readDataToEndOfFile(); g.leave() }
        p.waitUntilExit()
        g.wait()
        return LotsRun(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
