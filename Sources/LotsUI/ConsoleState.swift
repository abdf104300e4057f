import Foundation
import LotsCore

/// Side effects the console asks for; the controller in `lots` runs them against the store and answers
/// with `ConsoleEvent`s. The model never touches the store itself.
public enum ConsoleEffect: Sendable, Equatable {
    case login(user: String, password: String)
    case loadQueue
    case search(String)
    case openCase(Int64)
    case take(Int64)
    case release(Int64)
    case send(caseId: Int64, body: String, templateCode: String?)
    case saveDraft(caseId: Int64, body: String, templateCode: String?)
    case forward(caseId: Int64, unit: String, note: String)
    /// Closing; `overrideReason` when the outcome is less urgent than the triage (self-care advice on P1/112).
    case close(caseId: Int64, outcome: Outcome, overrideReason: String? = nil, message: String? = nil)
    case override(caseId: Int64, urgency: Urgency, reason: String)
    /// Sets the patient's language (`sv`/`en`): templates for the patient follow it.
    case setLanguage(caseId: Int64, language: String)
    /// Put the case on hold until a time or the citizen's answer, with a reason; and take it off hold.
    case snooze(caseId: Int64, until: Date?, untilReply: Bool, reason: String)
    case unsnooze(caseId: Int64)
    /// The unit's clinicians for the supervisor's assign picker (issue 14).
    case loadClinicians(caseId: Int64)
    /// Opens an attachment in the photo viewer (logged as "view-attachment").
    case viewAttachment(caseId: Int64, attachmentId: Int64)
    /// A supervisor gives the case to a clinician of the unit.
    case assign(caseId: Int64, staffId: Int64, name: String)
    /// A staff-only note on the case (never shown to the citizen).
    case addStaffNote(caseId: Int64, body: String)
    /// Create (code nil) or update a personal template.
    case saveTemplate(code: String?, body: String)
    /// The screen locked after inactivity (logged); the draft is already saved.
    case loadDashboard
    /// Triage the call so far (text, personnummer for age and sex, the red-flag answers given).
    case triagePhone(text: String, personnummer: String, answers: [String: Bool], listedUnit: String = "")
    /// Store the call; `overrideReason` when ending it less urgently than the triage (recorded as an override).
    case submitPhone(PhoneForm, PhoneOutcome, overrideReason: String?)
    // Issue 15: appointment books and video (ConsoleReducer+Care.swift).
    case loadSlots(caseId: Int64)
    case offerSlots(caseId: Int64, slotIds: [Int64])
    case startVideo(caseId: Int64)
    case loadDayList(Date)
    case lock
    case unlock(password: String)
    case logout
    case quit
}

/// A unit the forward picker offers, with what the clinician needs to choose.
public struct UnitChoice: Sendable, Equatable {
    public var hsaId: String
    public var name: String
    public var type: ProviderType
    public var missions: Set<CareMission>
    public var address: String
    /// "öppet nu" / "öppnar tis 08:00", computed by the controller for the current moment.
    public var openText: String
    public var isOpen: Bool
    public var waitMinutes: Int
    /// Expected and measured waits, one short line (issue 15); empty when the unit has none.
    public var waits = ""

    public init(hsaId: String, name: String, type: ProviderType, missions: Set<CareMission>, address: String, openText: String,
                isOpen: Bool, waitMinutes: Int) {
        self.hsaId = hsaId; self.name = name; self.type = type; self.missions = missions; self.address = address
        self.openText = openText; self.isOpen = isOpen; self.waitMinutes = waitMinutes
    }
}

/// What the store and catalog answer.
public enum ConsoleEvent: Sendable {
    case loggedIn(StaffUser, unitName: String, templates: [PhraseTemplate], units: [UnitChoice])
    case loginFailed(String)
    case queueLoaded([QueueEntry], hot: [QueueEntry])
    /// Only what changed in the queue since it was last read (after commits elsewhere), and the hotlist.
    case queueChanged(QueueChanges, hot: [QueueEntry])
    case searchResults(query: String, ids: [Int64])
    /// A case with the user's draft and the values its templates may use.
    case caseLoaded(CaseDetail, draft: String?, draftTemplate: String?, templateValues: [String: String])
    case done(String)
    /// The composer's message was stored: clear the composer.
    case sent
    case failed(String)
    case templatesLoaded([PhraseTemplate])
    /// The open case is no longer the user's to see (forwarded away): back to the queue.
    case caseGone
    case dashboardLoaded(DashboardStats)
    case symptomsLoaded([SymptomChoice])
    case phoneTriaged(PhoneTriage)
    case phoneInvalid([PhoneForm.Field: String])
    /// Ending the call this way is less urgent than the triage: confirm with a reason first.
    case phoneNeedsOverride(PhoneOutcome, Urgency)
    /// The call was stored: a fresh form, and what to tell the citizen.
    case phoneDone(String)
    /// Free times for the offer picker of a case.
    case slotsLoaded(caseId: Int64, [Slot])
    /// The unit's day list.
    case dayListLoaded(Date, [DayListEntry])
    /// The clinicians a supervisor may assign the case to.
    case cliniciansLoaded(caseId: Int64, [ClinicianLoad])
    /// The viewer's attachment was read (and logged); `drawable` false when its bytes are gone or do not decode.
    case attachmentOpened(attachmentId: Int64, drawable: Bool)
    case unlocked
    case unlockFailed(String)
    case loggedOut
    case tick(Date)
}

/// The screens of the console.
public enum ConsoleScreen: Sendable, Equatable {
    case login, queue, caseView, help, dashboard, phone
    /// The open case's full rationale and history.
    case caseHistory
    /// The unit's day list of booked visits (issue 15).
    case dayList
    /// An attachment of the open case drawn in the terminal (issue 14).
    case photo
}

/// A modal on top of the current screen.
public enum ConsoleModal: Sendable, Equatable {
    case templates(PickerState)
    case providers(PickerState)
    case note(unit: String, name: String, TextEditor)
    case outcomes(PickerState)
    case urgencies(PickerState)
    /// Times to offer from the case: Space marks up to three, Enter offers (issue 15).
    case slots(PickerState, chosen: [String])
    case reason(Urgency, TextEditor)
    case search(TextEditor)
    /// Writing or editing a personal template (code nil: a new one).
    case templateEdit(code: String?, TextEditor)
    /// Confirm ending a call less urgently than the triage, with a reason (an override).
    case phoneOverride(PhoneOutcome, Urgency, TextEditor)
    /// Confirm closing a P1/112 case as self-care advice, with a reason (an override).
    case closeOverride(Outcome, Urgency, TextEditor)
    /// The last step of closing: what the patient will be told (editable, from a closing template with ^T,
    /// empty for no message); Enter closes.
    case closeConfirm(Outcome, overrideReason: String?, TextEditor)
    /// The template picker over the closing step, filtered to closing templates; Enter puts the chosen one
    /// (filled for the case) into the closing message, Esc goes back to it unchanged.
    case closingTemplates(PickerState, Outcome, overrideReason: String?, TextEditor)
    /// When and why the case waits (`+2h reason`, `14:30 reason`, `svar reason`).
    case snooze(TextEditor)
    /// The patient's earlier contacts; Enter opens one (a logged access).
    case contacts(PickerState)
    /// Writing a staff-only note; Enter saves it.
    case staffNote(TextEditor)
    /// The supervisor's assign picker: the unit's clinicians with their load (issue 14).
    case assign(PickerState)
}

/// Queue filters.
public struct QueueFilter: Sendable, Equatable {
    public var mine = false
    public var urgency: Urgency?
    public var search: String?
    public var searchIds: [Int64]?
    /// Only cases past their response target with no answer.
    public var overdue = false
    /// Only these cases: those whose owner has been silent past the target (the supervisor's dashboard).
    public var silentIds: [Int64]?
    public init() {}
}

/// Everything the console shows; screens are pure functions of it.
public struct ConsoleState: Sendable, Equatable {
    public var lang: Lang
    public var now: Date
    public var screen: ConsoleScreen = .login
    public var helpReturn: ConsoleScreen = .queue
    public var helpScroll = 0
    public var modal: ConsoleModal?

    // Login
    public var loginUser = TextEditor("", maxLength: 32)
    public var loginPassword = TextEditor("", maxLength: 256)
    public var loginFocusPassword = false
    public var user: StaffUser?
    public var unitName = ""

    // Queue
    public var queue: [QueueEntry] = []
    /// The user's open chats, most urgent first (set through `setHot`).
    public var hot: [QueueEntry] = []
    /// Case id → the chat's number (Alt-1…9), stable while the chat stays open.
    public var hotSlots: [Int64: Int] = [:]
    public var selectedId: Int64?
    public var scrollTop = 0
    public var filter = QueueFilter()

    // Case
    public var detail: CaseDetail?
    public var templateValues: [String: String] = [:]
    public var composer = TextEditor()
    public var composerFocused = false
    public var composerTemplate: String?
    public var draftDirty = false
    public var transcriptScroll = 0
    /// Where the chat's "new messages" divider goes: the first citizen message that was unread when the case
    /// was opened (kept while the case stays open, though opening marks the messages read).
    public var unreadDivider: Int64?
    /// The photo viewer: which attachment of the open case, and whether it could be drawn.
    public var photoId: Int64?
    public var photoDrawable = false
    public var historyScroll = 0

    // Day list (issue 15)
    public var dayListDay: Date?
    public var dayList: [DayListEntry] = []
    public var dayListScroll = 0

    public var phone = PhoneForm()
    public var symptoms: [SymptomChoice] = []
    public var dashboard: DashboardStats?
    /// 0…5 the urgency rows, 6 the overdue tile.
    public var dashboardSelection = 0

    public var templates: [PhraseTemplate] = []
    public var units: [UnitChoice] = []
    public var status: String = ""
    public var statusIsError = false
    /// True once the queue has been read (alerts compare with what was on screen before).
    public var queueRead = false
    /// Counts alerts (a raised case, a new urgent case, a reply in one's chat, the overdue reminder): the terminal
    /// flashes (or rings, when asked to) when it grows.
    public var alerts = 0
    /// `q` was pressed once with open chats or an unsent text: the next `q` quits.
    public var quitArmed = false
    /// When the overdue-chats reminder was last given.
    public var lastReminder: Date?
    /// How often the reminder repeats while own chats are past their response target.
    public static let reminderInterval: TimeInterval = 300

    // Screen lock
    public var lockAfter: TimeInterval = 600
    public var lastActivity: Date
    public var locked = false
    public var unlockPassword = TextEditor("", maxLength: 256)
    public var lockMessage = ""

    public init(lang: Lang, now: Date, user: String? = nil) {
        self.lang = lang
        self.now = now
        self.lastActivity = now
        if let user { loginUser.set(user); loginFocusPassword = true }
    }

    /// The queue as filtered now.
    public var visibleQueue: [QueueEntry] {
        let q = snoozeOrdered
        if !filter.mine && filter.urgency == nil && filter.searchIds == nil && !filter.overdue && filter.silentIds == nil { return q }
        return q.filter { e in
            (!filter.mine || e.ownerName == user?.displayName)
                && (filter.urgency == nil || e.urgency == filter.urgency)
                && (filter.searchIds == nil || filter.searchIds!.contains(e.id))
                && (filter.silentIds == nil || filter.silentIds!.contains(e.id))
                && (!filter.overdue || (e.secondsToTarget(now: now).map { $0 < 0 } ?? false))
        }
    }

    /// Snoozed cases whose time has come first (with a marker), cases still on hold last; the rest in queue order.
    var snoozeOrdered: [QueueEntry] {
        guard queue.contains(where: { $0.snoozedUntil != nil || $0.snoozedUntilReply }) else { return queue }
        var back: [QueueEntry] = [], normal: [QueueEntry] = [], waiting: [QueueEntry] = []
        for e in queue {
            switch e.snooze(at: now) {
            case .returned: back.append(e)
            case .waiting: waiting.append(e)
            case .none: normal.append(e)
            }
        }
        return back + normal + waiting
    }

    func t(_ key: String) -> String { Strings.t(key, lang) }

    /// When the console must next wake by itself (a `.tick`), however quiet the store: the next minute (the clock,
    /// waiting times and response clocks show minutes), the screen lock, or a snoozed case's time. Between these an
    /// idle console sleeps in the kernel until a key or a commit to its unit (issue 14).
    public func nextTimedEvent(after t: Date) -> Date {
        var next = Date(timeIntervalSince1970: (t.timeIntervalSince1970 / 60).rounded(.down) * 60 + 60)
        if user != nil, !locked, screen != .login { next = min(next, lastActivity.addingTimeInterval(lockAfter)) }
        for e in queue + hot { if let u = e.snoozedUntil, u > t, u < next { next = u } }
        return max(next, t.addingTimeInterval(0.01))
    }
}
