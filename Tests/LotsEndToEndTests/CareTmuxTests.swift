import Foundation
import Testing
import LotsCore
import LotsStore
import LotsTestSupport

extension TerminalSuites {
    /// Issue 15's full flow in the real console: the clinician offers times from the case, the citizen books one
    /// (the citizen side's command; the HTTP route calls the same store function), the case and the unit's day list
    /// show the booking live, and the `.ics` parses with Python's icalendar.
    @Suite(.serialized, .timeLimit(.minutes(10))) struct CareTmuxTests {
        @Test func offeredTimesBookedByTheCitizenShowOnTheCaseAndInTheDayList() throws {
            let db = try DemoStore.copy(cases: 0)
            let intake = try LotsProcess.run(["intake", "-", "--db", db], stdin: Data("""
                {"citizen": {"personnummer": "19121212-1212", "name": "Tolvan Tolvansson"}, "channel": "app", "unit": "SE2321000016-DEMO1",
                 "submittedAt": "\(ISOTime.utc(Date()))", "reason": "Gått ner 8 kilo i vikt utan att försöka"}
                """.utf8))
            let id = intake.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            try #require(intake.status == 0, "\(intake.stderr)")

            let t = try Tmux(width: 120, height: 34)
            defer { t.kill() }
            #expect(t.logIn(db: db, user: "bertil"), "\(t.capture())")
            #expect(t.waitFor("Gått ner 8 kilo"), "\(t.capture())")
            t.keys("Enter")
            #expect(t.waitFor("── Chatt"))
            #expect(t.waitFor("Vårdförlopp: Standardiserat vårdförlopp: allvarliga ospecifika symtom"), "\(t.capture())")
            t.keys("b")
            #expect(t.waitFor("Erbjud tider (Mellanslag markerar"), "\(t.capture())")
            t.keys("Space")
            t.keys("Down")
            t.keys("Space")
            #expect(t.waitFor("2 markerade"), "\(t.capture())")
            t.keys("Enter")
            #expect(t.waitFor("Tider erbjudna i ärende \(id)"), "\(t.capture())")
            #expect(t.waitFor("Välj en tid som passar dig:"), "\(t.capture())")

            // The citizen side chooses the second time.
            let offered = try LotsProcess.run(["citizen", "slots", id, "--db", db])
            let rows = offered.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
            try #require(rows.count == 2, "\(offered.stdout)\(offered.stderr)")
            let booked = try LotsProcess.run(["citizen", "book", id, rows[1][0], "--db", db])
            #expect(booked.status == 0, "\(booked.stderr)")
            #expect(t.waitFor("Bokad tid: \(rows[1][1])", timeout: 5), "the case shows the booking live: \(t.capture())")

            let ics = try LotsProcess.run(["citizen", "ics", id, "--db", db])
            let parsed = try Python.run("""
                import sys, icalendar
                cal = icalendar.Calendar.from_ical(sys.stdin.read())
                ev = [c for c in cal.walk() if c.name == "VEVENT"][0]
                print(ev["STATUS"], ev["DTSTART"].dt.astimezone().isoformat() != "", ev.get("CONFERENCE") is not None, sep="|")
                """, stdin: ics.stdout)
            #expect(parsed.status == 0 && parsed.stdout.hasPrefix("CONFIRMED|True|"), "\(parsed.stdout)\(parsed.stderr)")
            if rows[1][2] == "video" { #expect(parsed.stdout.hasSuffix("|True\n")) }

            t.keys("Escape")
            #expect(t.waitFor("öppna ärenden") || t.waitFor("öppet ärende"), "\(t.capture())")
            t.keys("D")
            #expect(t.waitFor("Dagens bokningar"), "\(t.capture())")
            var found = t.waitFor("ärende \(id) · Tolvan Tolvansson", timeout: 1)
            for _ in 0..<14 where !found {
                t.keys("]")
                found = t.waitFor("ärende \(id) · Tolvan Tolvansson", timeout: 1)
            }
            #expect(found, "the day list shows the booked visit: \(t.capture())")
            #expect(t.capture().contains("1 av "), "\(t.capture())")
            t.keys("Escape")
            #expect(t.waitFor("öppet ärende"), "back in the queue: \(t.capture())")
            #expect(t.quitConsole(), "\(t.capture())")
        }
    }
}
