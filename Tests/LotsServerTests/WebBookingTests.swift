import Foundation
import Testing
import LotsCore
import LotsServer
import LotsStore

/// The web form's booking page: offered times as labelled radio buttons, book with a plain form post (no JS),
/// a taken time answered 409 with an error summary, cancel. Issue 15.
@Suite(.timeLimit(.minutes(10))) struct WebBookingTests {
    @Test func aWebCitizenBooksAnOfferedTimeWithAPlainFormAndCancelsIt() async throws {
        let f = try await ServerFixture()
        defer { Task { await f.stop() } }
        let login = try await f.request("POST", "/login", body: Data("personnummer=\(ServerFixture.pnr)&name=Tolvan".utf8),
                                        contentType: "application/x-www-form-urlencoded")
        var cookie = try #require(login.headers["set-cookie"]?.components(separatedBy: ";").first)
        let boundary = "lotsTestBoundary"
        let multipart = "--\(boundary)\r\nContent-Disposition: form-data; name=\"reason\"\r\n\r\nOnt i halsen sedan tre dagar\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"unit\"\r\n\r\n\(ServerFixture.unit)\r\n--\(boundary)--\r\n"
        let submitted = try await f.request("POST", "/submit", body: Data(multipart.utf8), contentType: "multipart/form-data; boundary=\(boundary)", cookie: cookie)
        #expect(submitted.status == 200, "\(submitted.text)")
        cookie = try #require(submitted.headers["set-cookie"]?.components(separatedBy: ";").first)
        let caseId = try #require(try await f.store.pool.read { try Int64.fetchOne($0, sql: "SELECT MAX(id) FROM careCase") })

        let empty = try await f.request("GET", "/booking", cookie: cookie)
        #expect(empty.status == 200)
        #expect(empty.text.contains("Inga lediga tider"))

        let anna = try f.clinician()
        let at = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 3600).rounded(.down) * 3600 + 2 * 86_400)
        try f.store.addSlots([SlotTemplate.Time(start: at, end: at.addingTimeInterval(1200), profession: .lakare, mode: .physical, resource: "")],
                             unit: ServerFixture.unit, actor: .system("test"))
        let slot = try #require(try f.store.slots(unit: ServerFixture.unit, from: Date(), to: at.addingTimeInterval(86_400)).first)
        try f.store.take(caseId: caseId, by: anna, cap: 10)
        try f.store.offerSlots(caseId: caseId, slotIds: [slot.id], by: anna)

        let page = try await f.request("GET", "/en/booking", cookie: cookie)
        #expect(page.status == 200)
        #expect(page.text.contains("<legend>Choose a time</legend>"))
        #expect(page.text.contains("<input type=\"radio\" name=\"slot\" id=\"slot-\(slot.id)\" value=\"\(slot.id)\" required><label for=\"slot-\(slot.id)\">\(slot.englishLabel)"))
        // English words for the English page: "Tue 1 Dec", never "tis 1 dec".
        #expect(!page.text.contains(slot.label) && slot.englishLabel.hasPrefix(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][StockholmTime(slot.start).weekday]))
        #expect(!page.text.contains("<script"), "booking needs no JavaScript")

        let missing = try await f.request("POST", "/booking", body: Data("".utf8), contentType: "application/x-www-form-urlencoded", cookie: cookie)
        #expect(missing.status == 422)
        #expect(missing.text.contains("role=\"alert\"") && missing.text.contains("Välj en av tiderna."))

        let booked = try await f.request("POST", "/booking", body: Data("slot=\(slot.id)".utf8), contentType: "application/x-www-form-urlencoded", cookie: cookie)
        #expect(booked.status == 303 || booked.status == 302, "\(booked.status)")
        #expect(try f.store.appointment(caseId: caseId)?.slot.id == slot.id)
        let after = try await f.request("GET", "/booking", cookie: cookie)
        #expect(after.text.contains("<p id=\"booked\"><strong>\(slot.label)</strong>"))
        #expect(after.text.contains("/v1/cases/\(caseId)/appointment.ics"))
        // The .ics link works with the web session.
        #expect(try await f.request("GET", "/v1/cases/\(caseId)/appointment.ics", cookie: cookie).text.hasPrefix("BEGIN:VCALENDAR"))

        let again = try await f.request("POST", "/booking", body: Data("slot=\(slot.id)".utf8), contentType: "application/x-www-form-urlencoded", cookie: cookie)
        #expect(again.status == 409)
        #expect(again.text.contains("Tiden är redan bokad"))

        let cancelled = try await f.request("POST", "/booking/cancel", body: Data(), contentType: "application/x-www-form-urlencoded", cookie: cookie)
        #expect(cancelled.status == 303 || cancelled.status == 302)
        #expect(try f.store.appointment(caseId: caseId)?.isCancelled == true)
    }
}
