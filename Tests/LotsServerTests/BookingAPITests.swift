import Foundation
import Testing
import LotsCore
import LotsServer
import LotsStore

/// Booking over the API (issue 15): offered times, book, double booking refused with 409, cancel, the `.ics`.
@Suite(.timeLimit(.minutes(10))) struct BookingAPITests {
    @Test func aCitizenBooksAnOfferedTimeTheOtherGets409AndCancellingFreesIt() async throws {
        let f = try await ServerFixture()
        defer { Task { await f.stop() } }
        let first = try await f.request("POST", "/v1/intakes", json: ServerFixture.intake(pnr: ServerFixture.pnr), bearer: f.token(pnr: ServerFixture.pnr))
        let other = "19800314-0012"
        let second = try await f.request("POST", "/v1/intakes", json: ServerFixture.intake(pnr: other), bearer: f.token(pnr: other))
        let a = try #require(first.json["caseId"] as? Int64), b = try #require(second.json["caseId"] as? Int64)
        let tokenA = try #require(first.json["caseToken"] as? String), idTokenB = f.token(pnr: other)

        let anna = try f.clinician()
        let start = Date().addingTimeInterval(2 * 86_400).timeIntervalSince1970.rounded(.down)
        let at = Date(timeIntervalSince1970: start - start.truncatingRemainder(dividingBy: 60))
        try f.store.addSlots([SlotTemplate.Time(start: at, end: at.addingTimeInterval(1200), profession: .lakare, mode: .physical, resource: ""),
                              SlotTemplate.Time(start: at.addingTimeInterval(3600), end: at.addingTimeInterval(4800), profession: .lakare, mode: .physical, resource: "")],
                             unit: ServerFixture.unit, actor: .system("test"))
        let made = try f.store.slots(unit: ServerFixture.unit, from: Date(), to: at.addingTimeInterval(86_400))
        #expect(made.count == 2)
        for c in [a, b] {
            try f.store.take(caseId: c, by: anna, cap: 10)
            try f.store.offerSlots(caseId: c, slotIds: made.map(\.id), by: anna)
        }

        // Without credentials, or with the other case's token: refused.
        #expect(try await f.request("GET", "/v1/cases/\(a)/slots").status == 401)
        #expect(try await f.request("GET", "/v1/cases/\(b)/slots", bearer: tokenA).status == 403)

        let offered = try await f.request("GET", "/v1/cases/\(a)/slots", bearer: tokenA)
        #expect(offered.status == 200)
        let slots = try #require(offered.json["slots"] as? [[String: Any]])
        #expect(slots.compactMap { $0["id"] as? Int64 } == made.map(\.id))
        #expect(slots.first?["start"] as? String == ISOTime.utc(at))
        let slot = made[0].id

        #expect(try await f.request("GET", "/v1/cases/\(a)/appointment.ics", bearer: tokenA).status == 404)
        let booked = try await f.request("POST", "/v1/cases/\(a)/appointment", json: ["slotId": slot], bearer: tokenA)
        #expect(booked.status == 201, "\(booked.text)")
        #expect(booked.json["status"] as? String == "booked")
        #expect(try f.store.appointment(caseId: a)?.slot.id == slot, "the case records the appointment")

        // The other citizen, same time: 409 problem details, and nothing changes.
        let taken = try await f.request("POST", "/v1/cases/\(b)/appointment", json: ["slotId": slot], bearer: idTokenB)
        #expect(taken.status == 409)
        #expect(taken.headers["content-type"] == "application/problem+json")
        #expect(taken.json["detail"] as? String == "time \(slot) is already booked (slotId in request body): choose another of the offered times (lots citizen slots CASE lists them)")
        #expect(try f.store.appointment(caseId: b) == nil)
        let leftForB = try await f.request("GET", "/v1/cases/\(b)/slots", bearer: idTokenB)
        #expect((leftForB.json["slots"] as? [[String: Any]])?.compactMap { $0["id"] as? Int64 } == [made[1].id])
        // The same case again on its own time: 409 too.
        #expect(try await f.request("POST", "/v1/cases/\(a)/appointment", json: ["slotId": slot], bearer: tokenA).status == 409)
        #expect(try await f.request("POST", "/v1/cases/\(a)/appointment", json: ["slotId": "x"], bearer: tokenA).status == 422)

        // The .ics: a VCALENDAR with one VEVENT at the booked time.
        let ics = try await f.request("GET", "/v1/cases/\(a)/appointment.ics", bearer: tokenA)
        #expect(ics.status == 200)
        #expect(ics.headers["content-type"]?.hasPrefix("text/calendar") == true)
        let lines = Self.unfold(ics.text)
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 1)
        #expect(lines.contains("VERSION:2.0"))
        #expect(lines.contains { $0.hasPrefix("UID:") })
        let utc = DateFormatter()
        utc.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        utc.timeZone = TimeZone(identifier: "UTC")
        utc.locale = Locale(identifier: "en_US_POSIX")
        #expect(lines.contains { $0.hasPrefix("DTSTART") && ($0.hasSuffix(":" + utc.string(from: at)) || $0.contains("Europe/Stockholm")) }, "\(lines)")

        // Python's icalendar reads it: one VEVENT starting at the booked time.
        let parsed = try Self.python("""
            import sys, icalendar
            cal = icalendar.Calendar.from_ical(sys.stdin.read())
            ev = [c for c in cal.walk() if c.name == "VEVENT"]
            print(len(ev), int(ev[0]["DTSTART"].dt.timestamp()), ev[0]["UID"], sep="|")
            """, stdin: ics.text)
        #expect(parsed.hasPrefix("1|\(Int(at.timeIntervalSince1970))|"), "\(parsed)")

        // Cancel: the time is free again and the other citizen gets it.
        let cancelled = try await f.request("DELETE", "/v1/cases/\(a)/appointment", bearer: tokenA)
        #expect(cancelled.status == 200)
        #expect(cancelled.json["status"] as? String == "cancelled")
        #expect(try f.store.appointment(caseId: a)?.isCancelled == true)
        #expect(try await f.request("DELETE", "/v1/cases/\(a)/appointment", bearer: tokenA).status == 404)
        #expect(try await f.request("GET", "/v1/cases/\(a)/appointment.ics", bearer: tokenA).status == 404)
        let got = try await f.request("POST", "/v1/cases/\(b)/appointment", json: ["slotId": slot], bearer: idTokenB)
        #expect(got.status == 201)
        #expect(try f.store.appointment(caseId: b)?.slot.id == slot)
        // Moving B's booking to the other offered time: 200, same case.
        let moved = try await f.request("POST", "/v1/cases/\(b)/appointment", json: ["slotId": made[1].id], bearer: idTokenB)
        #expect(moved.status == 200)
        #expect(try f.store.appointment(caseId: b)?.slot.id == made[1].id)
    }

    /// Runs `python3 -c code` (icalendar: Scripts/setup installs it) and returns its output, or its error text.
    static func python(_ code: String, stdin: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", code]
        let out = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = input
        try p.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// RFC 5545 §3.1 unfolding: a CRLF followed by a space or tab continues the line.
    static func unfold(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n\t", with: "")
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }
}
