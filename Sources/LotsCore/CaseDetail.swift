import Foundation

/// Everything about one case: what the case screen and the journal export show.
public struct CaseDetail: Sendable, Equatable {
    public struct AttachmentInfo: Sendable, Equatable {
        public var id: Int64
        public var fileName: String
        public var mimeType: String
        public var width: Int
        public var height: Int
        public var byteCount: Int
        public var sha256: String
        public var capturedAt: String?
        public var hasGPS: Bool
        /// False once retention purged the bytes.
        public var hasBytes: Bool

        public init(id: Int64, fileName: String, mimeType: String, width: Int, height: Int, byteCount: Int, sha256: String,
                    capturedAt: String?, hasGPS: Bool, hasBytes: Bool) {
            self.id = id; self.fileName = fileName; self.mimeType = mimeType; self.width = width; self.height = height
            self.byteCount = byteCount; self.sha256 = sha256; self.capturedAt = capturedAt; self.hasGPS = hasGPS; self.hasBytes = hasBytes
        }
    }

    public struct HistoryEntry: Sendable, Equatable {
        public var at: Date
        public var actor: String
        public var kind: String
        public var note: String

        public init(at: Date, actor: String, kind: String, note: String) {
            self.at = at; self.actor = actor; self.kind = kind; self.note = note
        }
    }

    /// One of the patient's other contacts (patient context), newest first.
    public struct EarlierContact: Sendable, Equatable {
        public var id: Int64
        public var submittedAt: Date
        public var symptomCode: String?
        public var reason: String
        public var urgency: Urgency
        public var status: CaseStatus
        public var outcome: Outcome?
        public var unitName: String

        public init(id: Int64, submittedAt: Date, symptomCode: String?, reason: String, urgency: Urgency, status: CaseStatus,
                    outcome: Outcome?, unitName: String) {
            self.id = id; self.submittedAt = submittedAt; self.symptomCode = symptomCode; self.reason = reason
            self.urgency = urgency; self.status = status; self.outcome = outcome; self.unitName = unitName
        }
    }

    public var id: Int64
    public var personnummer: String
    public var name: String
    public var phone: String?
    public var ageYears: Int
    public var sex: Sex
    public var unitHsaId: String
    public var unitName: String
    public var channel: Channel
    public var status: CaseStatus
    public var outcome: Outcome?
    public var urgency: Urgency
    public var symptomCode: String?
    public var symptomTitle: String?
    public var careLevel: CareLevel
    public var profession: Profession
    public var referralType: ProviderType
    public var referralUnitName: String?
    public var rationale: String
    public var catalogVersion: String
    public var reason: String
    public var answers: [FormAnswer]
    public var selfRatedHealth: Int?
    public var expectations: String?
    public var submittedAt: Date
    public var ownerName: String?
    public var attachments: [AttachmentInfo]
    public var messages: [Message]
    public var history: [HistoryEntry]
    /// The automatic triage found no confident match ("ej säker automatisk bedömning").
    public var triageUncertain = false
    /// The patient's language (`sv` or `en`): templates for the patient follow it.
    public var language = "sv"
    /// The same patient's other cases (any unit), newest first; opening one is a logged access like any other.
    public var earlierContacts: [EarlierContact] = []
    /// The national care pathway the case's complaint may start (issue 15).
    public var pathway: CarePathway?
    /// The case's appointment: the live booking, else the last cancelled one.
    public var appointment: Appointment?
    /// The times offered to the citizen and not yet taken.
    public var offeredSlots: [Slot] = []
    /// Every forward, oldest first.
    public var forwards: [ForwardInfo] = []
    /// Video links sent in the chat (a meeting now, or the link of a booked video time).
    public var videoLinks: [String] = []
    public var closedAt: Date?
    /// The HSA-id of the unit the triage referred to.
    public var referralUnitHsaId: String?
    /// Citizen messages the owner has not read yet, as stored when the case was read (before opening marks them read).
    public var unreadCount = 0
    /// The citizen's read receipt: the newest message id the citizen side has shown them, and when.
    public var citizenReadUpTo: Int64?
    public var citizenReadAt: Date?

    /// The first of the `unreadCount` newest citizen messages: where the chat's "new messages" divider goes.
    public var firstUnreadCitizenMessageId: Int64? {
        guard unreadCount > 0 else { return nil }
        let citizen = messages.filter { $0.author == .citizen }
        return citizen.suffix(unreadCount).first?.id
    }

    /// The newest staff message (not a note) the citizen has read: where "läst av patienten" goes.
    public var lastStaffMessageReadByCitizen: Int64? {
        guard let upTo = citizenReadUpTo, upTo > 0 else { return nil }
        return messages.last { $0.author == .staff && !$0.isStaffNote && $0.id <= upTo }?.id
    }

    /// One move of the case to another unit, with its handover note (a staff note: never shown to the citizen).
    public struct ForwardInfo: Sendable, Equatable {
        public var fromUnitHsaId: String
        public var toUnitHsaId: String
        public var toUnitName: String
        public var staffName: String?
        public var note: String
        public var at: Date

        public init(fromUnitHsaId: String, toUnitHsaId: String, toUnitName: String, staffName: String?, note: String, at: Date) {
            self.fromUnitHsaId = fromUnitHsaId; self.toUnitHsaId = toUnitHsaId; self.toUnitName = toUnitName
            self.staffName = staffName; self.note = note; self.at = at
        }
    }

    public init(id: Int64, personnummer: String, name: String, phone: String?, ageYears: Int, sex: Sex, unitHsaId: String,
                unitName: String, channel: Channel, status: CaseStatus, outcome: Outcome?, urgency: Urgency, symptomCode: String?,
                symptomTitle: String?, careLevel: CareLevel, profession: Profession, referralType: ProviderType,
                referralUnitName: String?, rationale: String, catalogVersion: String, reason: String, answers: [FormAnswer],
                selfRatedHealth: Int?, expectations: String?, submittedAt: Date, ownerName: String?,
                attachments: [AttachmentInfo], messages: [Message], history: [HistoryEntry]) {
        self.id = id; self.personnummer = personnummer; self.name = name; self.phone = phone; self.ageYears = ageYears
        self.sex = sex; self.unitHsaId = unitHsaId; self.unitName = unitName; self.channel = channel; self.status = status
        self.outcome = outcome; self.urgency = urgency; self.symptomCode = symptomCode; self.symptomTitle = symptomTitle
        self.careLevel = careLevel; self.profession = profession; self.referralType = referralType
        self.referralUnitName = referralUnitName; self.rationale = rationale; self.catalogVersion = catalogVersion
        self.reason = reason; self.answers = answers; self.selfRatedHealth = selfRatedHealth; self.expectations = expectations
        self.submittedAt = submittedAt; self.ownerName = ownerName; self.attachments = attachments; self.messages = messages
        self.history = history
    }
}
