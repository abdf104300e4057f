import Foundation

/// How a booked time is met: at the unit, or as a video meeting.
public enum SlotMode: String, CaseIterable, Sendable, Codable {
    case physical, video

    public var swedishName: String { self == .physical ? "besök" : "video" }
}

/// One bookable time in a unit's appointment book (webbtidbok).
public struct Slot: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var unitHsaId: String
    public var unitName: String
    public var profession: Profession
    public var mode: SlotMode
    public var start: Date
    public var end: Date
    /// Who or what the time belongs to (a clinician's name, a room); may be empty.
    public var resource: String
    /// The case that holds the time, when it is booked.
    public var bookedCaseId: Int64?

    public init(id: Int64, unitHsaId: String, unitName: String, profession: Profession, mode: SlotMode, start: Date, end: Date,
                resource: String = "", bookedCaseId: Int64? = nil) {
        self.id = id; self.unitHsaId = unitHsaId; self.unitName = unitName; self.profession = profession; self.mode = mode
        self.start = start; self.end = end; self.resource = resource; self.bookedCaseId = bookedCaseId
    }

    /// `tis 24 nov 10:20–10:40` in Stockholm time.
    public var label: String { Self.label(start: start, end: end) }

    public static let weekdays = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"]
    static let months = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

    /// `Tue 24 Nov 10:20–10:40` in Stockholm time, for English pages.
    public var englishLabel: String { Self.label(start: start, end: end, english: true) }

    static let englishWeekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A short label of a time span in Stockholm time: Swedish, or English when asked.
    public static func label(start: Date, end: Date, english: Bool = false) -> String {
        let s = StockholmTime(start), e = StockholmTime(end)
        func hm(_ t: StockholmTime) -> String { StockholmTime.pad(t.hour, 2) + ":" + StockholmTime.pad(t.minute, 2) }
        let day = english ? englishWeekdays[s.weekday] : weekdays[s.weekday]
        let month = english ? englishMonths[s.month - 1] : months[s.month - 1]
        return "\(day) \(s.day) \(month) \(hm(s))–\(hm(e))"
    }
}

/// One entry of a unit's day list: a time and, when booked, the case and patient.
public struct DayListEntry: Sendable, Equatable {
    public var slot: Slot
    public var caseId: Int64?
    public var patientName: String?
    public var personnummer: String?
    public var urgency: Urgency?
    public var reason: String?
    public var videoURL: String?

    public init(slot: Slot, caseId: Int64? = nil, patientName: String? = nil, personnummer: String? = nil, urgency: Urgency? = nil,
                reason: String? = nil, videoURL: String? = nil) {
        self.slot = slot; self.caseId = caseId; self.patientName = patientName; self.personnummer = personnummer
        self.urgency = urgency; self.reason = reason; self.videoURL = videoURL
    }
}

/// A booked (or cancelled) appointment: the slot and the case that holds it.
public struct Appointment: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var slot: Slot
    public var caseId: Int64
    public var bookedAt: Date
    public var cancelledAt: Date?
    /// The video meeting's link, for a video slot.
    public var videoURL: String?
    /// RFC 5545 UID: stays the same for the appointment's life, so calendars update rather than duplicate.
    public var uid: String
    /// RFC 5545 SEQUENCE: raised by every change (a cancellation).
    public var sequence: Int

    public init(id: Int64, slot: Slot, caseId: Int64, bookedAt: Date, cancelledAt: Date?, videoURL: String?, uid: String, sequence: Int) {
        self.id = id; self.slot = slot; self.caseId = caseId; self.bookedAt = bookedAt; self.cancelledAt = cancelledAt
        self.videoURL = videoURL; self.uid = uid; self.sequence = sequence
    }

    public var isCancelled: Bool { cancelledAt != nil }
}
