import Foundation
import GRDB
import LotsCore

/// Booking a time: a clinician offers one to three free times from the case; the citizen books one of them,
/// cancels or rebooks. These are the store operations the CLI's `lots citizen …` and the HTTP routes call.
/// A time is never booked twice: the check runs in an IMMEDIATE transaction and a partial unique index
/// (`appointment_live_slot`) refuses a second live booking should two writers ever get past it.
extension LotsStore {
    /// Offers times to the citizen of a case (the case owner; times of the own unit or the unit the triage referred
    /// to, free and in the future). Replaces earlier offers; posts the choices in the chat. Returns the message id.
    @discardableResult
    public func offerSlots(caseId: Int64, slotIds: [Int64], by user: StaffUser, now: Date = Date()) throws -> Int64 {
        var ids: [Int64] = []
        for id in slotIds where !ids.contains(id) { ids.append(id) }
        guard (1...3).contains(ids.count) else {
            throw LotsError("\(ids.count) times offered", at: "offer", fix: "offer one to three times").keyed("err.offerCount", "\(ids.count)")
        }
        return try guarded { try pool.write { db in
            try Self.requireAccess(db, user, caseId: caseId, .write)
            let st = try Self.claim(db, caseId: caseId, state: try Self.caseState(db, caseId), by: user, now: now)
            guard st.status != .closed, st.status != .forwarded else {
                throw LotsError("case \(caseId) is \(st.status.rawValue)", at: "offer", fix: "times are offered in open cases").keyed("err.notWritable", "\(caseId)")
            }
            let referral = try String.fetchOne(db, sql: "SELECT referralUnitHsaId FROM careCase WHERE id = ?", arguments: [caseId])
            var slots: [Slot] = []
            for id in ids {
                guard let r = try Row.fetchOne(db, sql: """
                    SELECT \(Self.slotColumns), a.caseId AS bookedCaseId FROM slot s JOIN unit u ON u.hsaId = s.unitHsaId
                    LEFT JOIN appointment a ON a.slotId = s.id AND a.cancelledAt IS NULL WHERE s.id = ?
                    """, arguments: [id]) else {
                    throw LotsError("no time with id \(id)", at: "SLOT", fix: "pick a time from lots slots list or the picker", code: .noInput).keyed("err.noSlot", "\(id)")
                }
                let slot = Self.slot(r)
                guard slot.unitHsaId == st.unit || slot.unitHsaId == referral else {
                    throw LotsError("time \(id) belongs to \(slot.unitName)", at: "SLOT", fix: "offer times of the case's unit or of the unit the triage referred to")
                        .keyed("err.slotUnit", "\(id)")
                }
                guard slot.bookedCaseId == nil else { throw Self.takenError(id) }
                guard slot.start > now else {
                    throw LotsError("time \(id) has already begun", at: "SLOT", fix: "offer a later time").keyed("err.slotPast", "\(id)")
                }
                slots.append(slot)
            }
            try db.execute(sql: "DELETE FROM slotOffer WHERE caseId = ?", arguments: [caseId])
            for s in slots {
                try db.execute(sql: "INSERT INTO slotOffer (caseId, slotId, staffId, offeredAt) VALUES (?, ?, ?, ?)", arguments: [caseId, s.id, user.id, now])
            }
            let english = try String.fetchOne(db, sql: "SELECT language FROM careCase WHERE id = ?", arguments: [caseId]) == "en"
            let lines = slots.enumerated().map { i, s in "\(i + 1)) \(s.label), \(english ? (s.mode == .video ? "video" : "visit") : s.mode.swedishName), \(s.unitName)" }
            let body = (english ? "Please choose a time that suits you:\n" : "Välj en tid som passar dig:\n") + lines.joined(separator: "\n")
            try db.execute(sql: "INSERT INTO message (caseId, author, staffId, body, at) VALUES (?, 'staff', ?, ?, ?)", arguments: [caseId, user.id, body, now])
            let messageId = db.lastInsertedRowID
            let next = st.status == .awaitingCitizen ? st.status : try st.status.transition(to: .awaitingCitizen)
            try db.execute(sql: """
                UPDATE careCase SET status = ?, firstResponseAt = COALESCE(firstResponseAt, ?), unreadCount = 0, lastMessageAt = ?, updatedAt = ? WHERE id = ?
                """, arguments: [next.rawValue, now, now, now, caseId])
            try Self.history(db, caseId, user.username, "slots-offered", from: st.status, to: next,
                             note: slots.map { "\($0.id) \($0.label)" }.joined(separator: ", "), at: now)
            try Self.audit(db, Actor(user: user), action: "offer-slots", caseId: caseId, personnummer: st.pnr,
                           detail: slots.map { String($0.id) }.joined(separator: ","), at: now)
            return messageId
        } }
    }

    static func takenError(_ id: Int64) -> LotsError {
        LotsError("time \(id) is already booked", at: "SLOT", fix: "choose another of the offered times (lots citizen slots CASE lists them)")
            .keyed("err.slotTaken", "\(id)")
    }

    /// The times offered to a case that are still free and in the future (what the citizen may choose from).
    public func offeredSlots(caseId: Int64, now: Date = Date()) throws -> [Slot] {
        try pool.read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM careCase WHERE id = ?", arguments: [caseId]) == true else {
                throw LotsError("no case with id \(caseId)", at: "CASE", fix: "use an id printed by lots intake", code: .noInput)
            }
            return try Self.offeredSlots(db, caseId: caseId, now: now)
        }
    }

    static func offeredSlots(_ db: Database, caseId: Int64, now: Date) throws -> [Slot] {
        try Row.fetchAll(db, sql: """
            SELECT \(Self.slotColumns), NULL AS bookedCaseId FROM slotOffer o JOIN slot s ON s.id = o.slotId JOIN unit u ON u.hsaId = s.unitHsaId
            WHERE o.caseId = ? AND s.startAt > ? AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.slotId = s.id AND a.cancelledAt IS NULL)
            ORDER BY s.startAt, s.id
            """, arguments: [caseId, now]).map(Self.slot)
    }

    /// The case's live appointment, else its last cancelled one.
    public func appointment(caseId: Int64) throws -> Appointment? {
        try pool.read { try Self.appointment($0, caseId: caseId) }
    }

    static func appointment(_ db: Database, caseId: Int64) throws -> Appointment? {
        guard let r = try Row.fetchOne(db, sql: """
            SELECT a.id AS appointmentId, a.caseId, a.bookedAt, a.cancelledAt, a.videoUrl, a.uid, a.sequence, \(Self.slotColumns), a.caseId AS bookedCaseId
            FROM appointment a JOIN slot s ON s.id = a.slotId JOIN unit u ON u.hsaId = s.unitHsaId
            WHERE a.caseId = ? ORDER BY a.cancelledAt IS NULL DESC, a.id DESC LIMIT 1
            """, arguments: [caseId]) else { return nil }
        return Appointment(id: r["appointmentId"], slot: Self.slot(r), caseId: r["caseId"], bookedAt: r["bookedAt"], cancelledAt: r["cancelledAt"],
                           videoURL: r["videoUrl"], uid: r["uid"], sequence: r["sequence"])
    }

    /// The citizen books one of the times offered to the case. Refused (65) when the time was taken by someone else,
    /// was not offered, has begun, or the case already has a booking (then `rebook`).
    @discardableResult
    public func book(caseId: Int64, slotId: Int64, now: Date = Date()) throws -> Appointment {
        try writeBooking { db in
            let c = try Self.citizenCase(db, caseId)
            if try Self.appointment(db, caseId: caseId).map({ !$0.isCancelled }) == true {
                throw LotsError("case \(caseId) already has a booked time", at: "CASE",
                                fix: "cancel it first (lots citizen cancel CASE) or move it (lots citizen rebook CASE SLOT)")
            }
            let appointment = try Self.insertBooking(db, caseId: caseId, slotId: slotId, pnr: c.pnr, now: now)
            try Self.citizenActed(db, caseId: caseId, status: c.status, now: now)
            return appointment
        }
    }

    /// The citizen cancels the case's booked time; the time becomes free again.
    @discardableResult
    public func cancelBooking(caseId: Int64, now: Date = Date()) throws -> Appointment {
        try writeBooking { db in
            let c = try Self.citizenCase(db, caseId)
            let cancelled = try Self.cancelLive(db, caseId: caseId, pnr: c.pnr, now: now)
            try Self.citizenActed(db, caseId: caseId, status: c.status, now: now)
            return cancelled
        }
    }

    /// The citizen moves the booking to another offered time, in one transaction (the old time is kept if the new
    /// one cannot be had). The appointment keeps its UID with a higher SEQUENCE, so a calendar moves the event.
    @discardableResult
    public func rebook(caseId: Int64, slotId: Int64, now: Date = Date()) throws -> Appointment {
        try writeBooking { db in
            let c = try Self.citizenCase(db, caseId)
            guard let old = try Self.appointment(db, caseId: caseId), !old.isCancelled else {
                throw LotsError("case \(caseId) has no booked time", at: "CASE", fix: "book one of the offered times with lots citizen book CASE SLOT")
            }
            guard old.slot.id != slotId else {
                throw LotsError("time \(slotId) is already the booked time", at: "SLOT", fix: "choose another offered time")
            }
            // The old time was offered to this case: it stays offered, so the citizen can move back.
            try db.execute(sql: "INSERT OR IGNORE INTO slotOffer (caseId, slotId, staffId, offeredAt) VALUES (?, ?, NULL, ?)",
                           arguments: [caseId, old.slot.id, now])
            let (slot, template) = try Self.bookableSlot(db, caseId: caseId, slotId: slotId, now: now)
            let url = slot.mode == .video ? VideoLink.url(template: template, room: VideoLink.newRoomId()) : nil
            try db.execute(sql: "UPDATE appointment SET slotId = ?, videoUrl = ?, sequence = sequence + 1 WHERE id = ?", arguments: [slotId, url, old.id])
            let moved = Appointment(id: old.id, slot: slot, caseId: caseId, bookedAt: old.bookedAt, cancelledAt: nil, videoURL: url, uid: old.uid,
                                    sequence: old.sequence + 1)
            try Self.announceBooking(db, moved, pnr: c.pnr, now: now, from: old)
            try Self.citizenActed(db, caseId: caseId, status: c.status, now: now)
            return moved
        }
    }

    /// A booking transaction; the unique index's refusal of a double booking becomes the same clear error.
    func writeBooking<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch let e as DatabaseError where e.resultCode == .SQLITE_CONSTRAINT && (e.message ?? "").contains("appointment.slotId") {
            throw LotsError("the time was just booked by someone else", at: "SLOT", fix: "choose another of the offered times (lots citizen slots CASE lists them)")
        }
    }

    static func citizenCase(_ db: Database, _ caseId: Int64) throws -> (status: CaseStatus, pnr: String) {
        guard let r = try Row.fetchOne(db, sql: "SELECT c.status, z.personnummer FROM careCase c JOIN citizen z ON z.id = c.citizenId WHERE c.id = ?",
                                       arguments: [caseId]) else {
            throw LotsError("no case with id \(caseId)", at: "CASE", fix: "use an id printed by lots intake", code: .noInput)
        }
        let status = CaseStatus(rawValue: r["status"]) ?? .new
        guard status != .closed else { throw LotsError("case \(caseId) is closed", at: "CASE", fix: "start a new contact instead") }
        return (status, r["personnummer"])
    }

    /// A time the case may book now: offered to it, free, not begun. Returns it and its unit's video URL template.
    static func bookableSlot(_ db: Database, caseId: Int64, slotId: Int64, now: Date) throws -> (Slot, String?) {
        guard let r = try Row.fetchOne(db, sql: """
            SELECT \(Self.slotColumns), (SELECT caseId FROM appointment WHERE slotId = s.id AND cancelledAt IS NULL) AS bookedCaseId,
              u.videoUrlTemplate, EXISTS (SELECT 1 FROM slotOffer o WHERE o.caseId = ? AND o.slotId = s.id) AS offered
            FROM slot s JOIN unit u ON u.hsaId = s.unitHsaId WHERE s.id = ?
            """, arguments: [caseId, slotId]) else {
            throw LotsError("no time with id \(slotId)", at: "SLOT", fix: "choose one of the offered times (lots citizen slots CASE lists them)", code: .noInput)
        }
        let slot = Self.slot(r)
        guard r["offered"] as Bool else {
            throw LotsError("time \(slotId) was not offered in case \(caseId)", at: "SLOT", fix: "choose one of the offered times (lots citizen slots CASE lists them)")
        }
        if slot.bookedCaseId != nil { throw takenError(slotId) }
        guard slot.start > now else { throw LotsError("time \(slotId) has already begun", at: "SLOT", fix: "choose a later offered time") }
        return (slot, r["videoUrlTemplate"])
    }

    static func insertBooking(_ db: Database, caseId: Int64, slotId: Int64, pnr: String, now: Date) throws -> Appointment {
        let (slot, template) = try bookableSlot(db, caseId: caseId, slotId: slotId, now: now)
        let url = slot.mode == .video ? VideoLink.url(template: template, room: VideoLink.newRoomId()) : nil
        let uid = UUID().uuidString.lowercased() + "@lots"
        try db.execute(sql: "INSERT INTO appointment (slotId, caseId, bookedAt, videoUrl, uid, sequence) VALUES (?, ?, ?, ?, ?, 0)",
                       arguments: [slotId, caseId, now, url, uid])
        let a = Appointment(id: db.lastInsertedRowID, slot: slot, caseId: caseId, bookedAt: now, cancelledAt: nil, videoURL: url, uid: uid, sequence: 0)
        try announceBooking(db, a, pnr: pnr, now: now, from: nil)
        return a
    }

    /// The chat message (with the video link), history row and access-log event of a booking or a move.
    static func announceBooking(_ db: Database, _ a: Appointment, pnr: String, now: Date, from old: Appointment?) throws {
        let slot = a.slot, caseId = a.caseId
        if let url = a.videoURL {
            try db.execute(sql: "INSERT INTO videoMeeting (caseId, appointmentId, url, staffId, startsAt, createdAt) VALUES (?, ?, ?, NULL, ?, ?)",
                           arguments: [caseId, a.id, url, slot.start, now])
        }
        let english = try String.fetchOne(db, sql: "SELECT language FROM careCase WHERE id = ?", arguments: [caseId]) == "en"
        var body = english ? "\(old == nil ? "Booked" : "Moved to"): \(slot.label), \(slot.mode == .video ? "video meeting" : "visit"), \(slot.unitName)."
                           : "\(old == nil ? "Bokad tid" : "Ny tid"): \(slot.label), \(slot.mode == .video ? "videomöte" : "besök"), \(slot.unitName)."
        if let url = a.videoURL { body += english ? " Video link: \(url)" : " Länk till videomötet: \(url)" }
        try db.execute(sql: "INSERT INTO message (caseId, author, body, at) VALUES (?, 'system', ?, ?)", arguments: [caseId, body, now])
        try history(db, caseId, "system:citizen", old == nil ? "booked" : "rebooked", from: nil, to: nil,
                    note: (old.map { "\($0.slot.label) -> " } ?? "") + "\(slot.label) \(slot.mode.rawValue) \(slot.unitName) (tid \(slot.id))", at: now)
        try audit(db, .system("citizen"), action: old == nil ? "book" : "rebook", caseId: caseId, personnummer: pnr, detail: "slot \(slot.id)", at: now)
    }

    static func cancelLive(_ db: Database, caseId: Int64, pnr: String, now: Date) throws -> Appointment {
        guard var a = try appointment(db, caseId: caseId), !a.isCancelled else {
            throw LotsError("case \(caseId) has no booked time", at: "CASE", fix: "book one of the offered times with lots citizen book CASE SLOT")
        }
        try db.execute(sql: "UPDATE appointment SET cancelledAt = ?, sequence = sequence + 1 WHERE id = ?", arguments: [now, a.id])
        a.cancelledAt = now
        a.sequence += 1
        try db.execute(sql: "INSERT INTO message (caseId, author, body, at) VALUES (?, 'system', ?, ?)",
                       arguments: [caseId, "Avbokad tid: \(a.slot.label), \(a.slot.unitName).", now])
        try history(db, caseId, "system:citizen", "cancelled-booking", from: nil, to: nil, note: "\(a.slot.label) (tid \(a.slot.id))", at: now)
        try audit(db, .system("citizen"), action: "cancel-booking", caseId: caseId, personnummer: pnr, detail: "slot \(a.slot.id)", at: now)
        return a
    }

    /// A citizen's booking change reaches staff like a reply: unread, and the case waits for them.
    static func citizenActed(_ db: Database, caseId: Int64, status: CaseStatus, now: Date) throws {
        let next = (status == .active || status == .awaitingCitizen) ? CaseStatus.awaitingStaff : status
        try db.execute(sql: "UPDATE careCase SET unreadCount = unreadCount + 1, lastMessageAt = ?, updatedAt = ?, status = ? WHERE id = ?",
                       arguments: [now, now, next.rawValue, caseId])
    }

    /// Address and phone of a unit (for the `.ics`).
    public func unitContact(_ hsaId: String) throws -> (address: String, phone: String)? {
        try pool.read { try Row.fetchOne($0, sql: "SELECT address, phone FROM unit WHERE hsaId = ?", arguments: [hsaId]).map { ($0["address"], $0["phone"]) } }
    }
}
