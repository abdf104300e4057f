import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore

/// Appointment books: offering from a case, the citizen's booking, cancelling and moving, and the guarantees
/// (never twice, only what was offered, only the case's units). Issue 15.
@Suite struct BookingTests {
    /// Six free times tomorrow at the fixture's unit: three physical (läkare), three video (sjuksköterska).
    func slots(_ f: StoreFixture, unit: String = StoreFixture.unit, now: Date = Date()) throws -> [Slot] {
        let start = now.addingTimeInterval(86_400)
        var times: [SlotTemplate.Time] = []
        for i in 0..<6 {
            let from = start.addingTimeInterval(Double(i) * 1200)
            let profession: Profession = i < 3 ? .lakare : .sjukskoterska
            let mode: SlotMode = i < 3 ? .physical : .video
            times.append(SlotTemplate.Time(start: from, end: from.addingTimeInterval(1200), profession: profession, mode: mode))
        }
        try f.store.addSlots(times, unit: unit, actor: .system("test"))
        return try f.store.slots(unit: unit, from: now, to: now.addingTimeInterval(3 * 86_400))
    }

    @Test func offerBookCancelRebookAreRecordedOnTheCase() throws {
        let f = try StoreFixture()
        let anna = try f.clinician()
        let s = try slots(f)
        let id = try f.addCase("Ont i knät sedan en vecka")
        try f.store.offerSlots(caseId: id, slotIds: [s[0].id, s[1].id, s[3].id], by: anna)
        var d = try #require(try f.store.caseDetail(id))
        #expect(d.ownerName == "Anna", "offering takes an unowned case")
        #expect(d.status == .awaitingCitizen)
        #expect(d.offeredSlots.map(\.id) == [s[0].id, s[1].id, s[3].id])
        #expect(d.messages.last?.author == .staff && d.messages.last!.body.hasPrefix("Välj en tid som passar dig:\n1) "))
        #expect(try f.store.offeredSlots(caseId: id).count == 3)

        let a = try f.store.book(caseId: id, slotId: s[1].id)
        #expect(a.slot.id == s[1].id && a.videoURL == nil && a.sequence == 0)
        d = try #require(try f.store.caseDetail(id))
        #expect(d.appointment?.slot.id == s[1].id && d.appointment?.isCancelled == false)
        #expect(d.status == .awaitingStaff && d.messages.last!.body.hasPrefix("Bokad tid: "))
        #expect(d.offeredSlots.map(\.id) == [s[0].id, s[3].id])
        #expect(throws: LotsError.self) { try f.store.book(caseId: id, slotId: s[0].id) }  // already has a booking: rebook

        // Moving keeps the UID with a higher SEQUENCE (a calendar moves the event) and gives a video time its link.
        let moved = try f.store.rebook(caseId: id, slotId: s[3].id)
        #expect(moved.uid == a.uid && moved.sequence == 1)
        let url = try #require(moved.videoURL)
        #expect(url.hasPrefix("https://video.regiondemo.se/m/") && url.count == "https://video.regiondemo.se/m/".count + 26)
        d = try #require(try f.store.caseDetail(id))
        #expect(d.messages.last!.body.contains(url), "the video link is sent in the chat")
        #expect(d.videoLinks == [url])
        #expect(d.offeredSlots.map(\.id) == [s[0].id, s[1].id], "the old time is free and still offered")

        let cancelled = try f.store.cancelBooking(caseId: id)
        #expect(cancelled.isCancelled && cancelled.sequence == 2)
        #expect(try f.store.appointment(caseId: id)?.isCancelled == true)
        #expect(throws: LotsError.self) { try f.store.cancelBooking(caseId: id) }
        #expect(try f.store.caseDetail(id)!.history.map(\.kind) == ["created", "taken", "slots-offered", "booked", "rebooked", "cancelled-booking"])
        let actions = try f.store.auditEvents(caseId: id).map(\.action)
        #expect(actions.suffix(4) == ["offer-slots", "book", "rebook", "cancel-booking"])
    }

    @Test func aTimeIsNeverBookedTwiceAndOnlyWhatWasOfferedCanBeBooked() throws {
        let f = try StoreFixture()
        let anna = try f.clinician()
        let s = try slots(f)
        let first = try f.addCase("Ont i ryggen", serial: 1), second = try f.addCase("Ont i ryggen", serial: 2)
        try f.store.offerSlots(caseId: first, slotIds: [s[0].id], by: anna)
        try f.store.offerSlots(caseId: second, slotIds: [s[0].id, s[2].id], by: anna)
        #expect(throws: LotsError.self) { try f.store.book(caseId: first, slotId: s[2].id) }  // offered to the other case only
        try f.store.book(caseId: first, slotId: s[0].id)
        do {
            try f.store.book(caseId: second, slotId: s[0].id)
            Issue.record("a booked time was booked again")
        } catch let e as LotsError {
            #expect(e.line.contains("time \(s[0].id) is already booked"))
        }
        #expect(try f.store.offeredSlots(caseId: second).map(\.id) == [s[2].id])
        // The database itself refuses a second live booking, whatever a writer checked before.
        #expect(throws: DatabaseError.self) {
            try f.store.pool.write { db in
                try db.execute(sql: "INSERT INTO appointment (slotId, caseId, bookedAt, uid) VALUES (?, ?, ?, 'x')", arguments: [s[0].id, second, Date()])
            }
        }
        // Offering a taken time, a past time or another unit's time is refused.
        #expect(throws: LotsError.self) { try f.store.offerSlots(caseId: second, slotIds: [s[0].id], by: anna) }
        #expect(throws: LotsError.self) { try f.store.offerSlots(caseId: second, slotIds: [s[1].id, s[2].id, s[4].id, s[5].id], by: anna) }
        let elsewhere = try slots(f, unit: "SE2321000016-DEMO2")
        let other = try f.store.caseDetail(second)!.referralUnitHsaId
        if other != "SE2321000016-DEMO2" {
            #expect(throws: LotsError.self) { try f.store.offerSlots(caseId: second, slotIds: [elsewhere[0].id], by: anna) }
        }
    }

    @Test func theReferredUnitsTimesMayBeOffered() throws {
        let f = try StoreFixture()
        let anna = try f.clinician()
        let id = try f.addCase("Hostat i fyra veckor, ingen feber")
        let referral = try #require(try f.store.caseDetail(id)?.referralUnitHsaId)
        try #require(referral != StoreFixture.unit)
        let s = try slots(f, unit: referral)
        try f.store.offerSlots(caseId: id, slotIds: [s[0].id], by: anna)
        #expect(try f.store.book(caseId: id, slotId: s[0].id).slot.unitHsaId == referral)
    }

    @Test func theDayListShowsBookedVisitsToTheUnitAndLogsTheRead() throws {
        let f = try StoreFixture()
        let anna = try f.clinician()
        let s = try slots(f)
        let id = try f.addCase("Ont i axeln")
        try f.store.offerSlots(caseId: id, slotIds: [s[4].id], by: anna)
        try f.store.book(caseId: id, slotId: s[4].id)
        let list = try f.store.dayList(day: s[4].start, for: anna)
        let row = try #require(list.first { $0.slot.id == s[4].id })
        #expect(row.caseId == id && row.patientName == "Test Testsson" && row.videoURL != nil)
        #expect(list.filter { $0.caseId != nil }.count == 1)
        #expect(try f.store.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM auditEvent WHERE action = 'day-list' AND actor = 'anna'") } == 1)
        try f.store.addUser(username: "olle", displayName: "Olle", role: .clinician, profession: .lakare, unit: "SE2321000016-DEMO2", password: "demo", actor: .system("test"))
        let olle = try #require(try f.store.user(named: "olle"))
        #expect(throws: LotsError.self) { try f.store.dayList(unit: StoreFixture.unit, day: s[4].start, for: olle) }
    }

    @Test func aVideoMeetingNowSendsAnUnguessableLinkFromTheUnitsTemplate() throws {
        let f = try StoreFixture()
        let anna = try f.clinician()
        try f.store.pool.write { try $0.execute(sql: "UPDATE unit SET videoUrlTemplate = 'https://video.example.se/c/{room}?x=1' WHERE hsaId = ?", arguments: [StoreFixture.unit]) }
        let id = try f.addCase("Utslag på armen")
        let one = try f.store.startVideoMeeting(caseId: id, by: anna)
        let two = try f.store.startVideoMeeting(caseId: id, by: anna)
        #expect(one != two)
        #expect(one.hasPrefix("https://video.example.se/c/") && one.hasSuffix("?x=1"))
        let d = try #require(try f.store.caseDetail(id))
        #expect(d.messages.filter { $0.author == .staff }.map(\.body).allSatisfy { $0.contains("https://video.example.se/c/") })
        #expect(d.history.map(\.kind).contains("video-meeting"))
        try f.store.close(caseId: id, outcome: .videoMeeting, by: anna)
        #expect(try f.store.caseDetail(id)?.outcome == .videoMeeting)
    }
}
