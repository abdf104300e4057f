import Foundation
import LotsCore

/// The console's reducer, second half: what the store and the clock report (ConsoleEvent) changes the state and
/// asks for effects, the way keys do in ConsoleReducer.swift. Never draws.
extension ConsoleState {
    public mutating func apply(_ event: ConsoleEvent) -> [ConsoleEffect] {
        switch event {
        case let .slotsLoaded(caseId, slots): openSlotPicker(caseId: caseId, slots: slots)
        case let .dayListLoaded(day, entries): showDayList(day, entries)
        case let .loggedIn(u, unitName, templates, units):
            user = u
            self.unitName = unitName
            self.templates = templates
            self.units = units
            loginPassword.set("")
            setStatus("")
            if u.role == .supervisor {
                screen = .dashboard
                return [.loadQueue, .loadDashboard]
            }
            if u.role == .phoneNurse {
                screen = .phone
                return [.loadQueue]
            }
            screen = .queue
            return [.loadQueue]
        case let .loginFailed(message):
            loginPassword.set("")
            setStatus(message, error: true)
        case let .queueLoaded(rows, hot):
            if queueRead { announceReplies(hot); announceRaised(rows + hot) }
            queue = rows
            setHot(hot)
            queueRead = true
            keepSelection()
        case let .queueChanged(changes, hot):
            if queueRead { announceReplies(hot); announceRaised(changes.changed + hot) }
            changes.apply(to: &queue)
            setHot(hot)
            queueRead = true
            keepSelection()
        case let .searchResults(query, ids):
            filter.search = query
            filter.searchIds = ids
            selectedId = visibleQueue.first?.id
            setStatus(String(format: Strings.t(visibleQueue.count == 1 ? "queue.filter.search.one" : "queue.filter.search", lang), query, visibleQueue.count))
        case let .caseLoaded(d, draft, draftTemplate, values):
            let sameCase = detail?.id == d.id
            detail = d
            templateValues = values
            if !sameCase {
                setStatus("")  // another case: the last one's message no longer applies
                composer = TextEditor(draft ?? "")
                composerTemplate = draftTemplate
                composerFocused = false
                draftDirty = false
                transcriptScroll = 0
                unreadDivider = d.firstUnreadCitizenMessageId
            } else if unreadDivider == nil {
                unreadDivider = d.firstUnreadCitizenMessageId  // a reply arrived while the case was open
            }
            if !(sameCase && screen == .caseHistory) { screen = .caseView }
        case let .done(message):
            setStatus(message)
        case let .attachmentOpened(id, drawable):
            guard detail?.attachments.contains(where: { $0.id == id }) == true else { break }
            photoId = id
            photoDrawable = drawable
            screen = .photo
        case let .cliniciansLoaded(caseId, list):
            guard detail?.id == caseId else { break }
            modal = .assign(assignPicker(list))
        case .sent:
            composer.set("")
            composerTemplate = nil
            draftDirty = false
            setStatus(t("msg.sent"))
        case let .failed(message):
            setStatus(message, error: true)
        case let .dashboardLoaded(stats):
            dashboard = stats
        case let .symptomsLoaded(list):
            symptoms = list
        case let .phoneTriaged(t):
            phone.takeTriage(t)
        case let .phoneNeedsOverride(outcome, urgency):
            modal = .phoneOverride(outcome, urgency, TextEditor("", maxLength: 500))
        case let .phoneInvalid(errors):
            phone.errors = errors
            setStatus(errors.sorted { $0.key.rawValue < $1.key.rawValue }.first?.value ?? "", error: true)
        case let .phoneDone(message):
            phone = PhoneForm()
            setStatus(message)
        case .caseGone:
            if screen == .caseView { screen = .queue }
            detail = nil
            composerFocused = false
        case let .templatesLoaded(list):
            templates = list
        case let .tick(date):
            now = date
            if user?.role == .clinician, !locked, screen != .login { remindOverdue() }
            if user != nil, !locked, screen != .login, now.timeIntervalSince(lastActivity) >= lockAfter {
                locked = true
                modal = nil
                unlockPassword.set("")
                lockMessage = ""
                return saveDraftIfDirty() + [.lock]
            }
        case .unlocked:
            locked = false
            unlockPassword.set("")
            lastActivity = now
        case let .unlockFailed(message):
            unlockPassword.set("")
            lockMessage = message
        case .loggedOut:
            let keep = lockAfter
            self = ConsoleState(lang: lang, now: now)
            lockAfter = keep
        }
        return []
    }

    /// Says at once in the status line when a case in the queue or among the user's chats was raised, or a new
    /// EMERGENCY/P1 case arrived (for clinicians and supervisors, whose unit's queue it is); counts an alert.
    mutating func announceRaised(_ incoming: [QueueEntry]) {
        guard let role = user?.role, role == .clinician || role == .supervisor else { return }
        var before: [Int64: QueueEntry] = [:]
        for e in queue + hot where before[e.id] == nil { before[e.id] = e }
        var best: (Urgency, String)?
        var seen = Set<Int64>()
        for e in incoming where seen.insert(e.id).inserted {
            let text: String
            if let old = before[e.id] {
                guard e.urgency < old.urgency else { continue }
                text = e.unreadCount > old.unreadCount
                    ? Strings.t("alert.raisedByCitizen", lang, Int(e.id), QueueScreen.code(e.urgency))
                    : Strings.t("alert.raised", lang, Int(e.id), QueueScreen.code(e.urgency))
            } else {
                guard e.urgency <= .p1, e.status == .new else { continue }
                text = Strings.t("alert.new", lang, Int(e.id), QueueScreen.code(e.urgency), Strings.urgency(e.urgency, lang))
            }
            if best.map({ e.urgency < $0.0 }) ?? true { best = (e.urgency, text) }
        }
        guard let (_, text) = best else { return }
        setStatus(text, alert: true)
        alerts += 1
    }

    /// A citizen wrote in one of the user's chats: said in the status line and counted as an alert.
    mutating func announceReplies(_ incoming: [QueueEntry]) {
        let before = Dictionary(hot.map { ($0.id, $0.unreadCount) }, uniquingKeysWith: { a, _ in a })
        guard let e = incoming.filter({ $0.unreadCount > (before[$0.id] ?? 0) && before[$0.id] != nil })
            .min(by: { ($0.urgency, $0.submittedAt) < ($1.urgency, $1.submittedAt) }) else { return }
        setStatus(Strings.t("alert.reply", lang, Int(e.id)), alert: false)
        alerts += 1
    }

    /// Every few minutes while own chats are past their response target: a reminder and an alert.
    mutating func remindOverdue() {
        let overdue = hot.filter { ($0.secondsToTarget(now: now) ?? 1) < 0 }
        guard !overdue.isEmpty else { lastReminder = nil; return }
        // The first reminder comes an interval after overdue chats appear (the queue already shows them in
        // red; a reminder the moment a case is taken would hide "Du har tagit ärende N").
        guard let last = lastReminder else { lastReminder = now; return }
        guard now.timeIntervalSince(last) >= Self.reminderInterval else { return }
        lastReminder = now
        setStatus(Strings.t("alert.overdue", lang, overdue.count, hot.count), error: true)
        alerts += 1
    }

    /// The user's open chats, most urgent then longest waiting first; each keeps its number (Alt-N) while it
    /// stays open, and a new chat takes the lowest free number.
    mutating func setHot(_ entries: [QueueEntry]) {
        hot = entries.sorted { ($0.urgency, $0.submittedAt, $0.id) < ($1.urgency, $1.submittedAt, $1.id) }
        let open = Set(hot.map(\.id))
        hotSlots = hotSlots.filter { open.contains($0.key) }
        for e in hot where hotSlots[e.id] == nil {
            var n = 1
            while hotSlots.values.contains(n) { n += 1 }
            hotSlots[e.id] = n
        }
    }

    /// The selection stays on the same case when rows move; else the first row.
    mutating func keepSelection() {
        let visible = visibleQueue
        if selectedId == nil || !visible.contains(where: { $0.id == selectedId }) { selectedId = visible.first?.id }
    }

    public mutating func setStatus(_ text: String, error: Bool = false, alert: Bool = false) {
        status = text
        statusIsError = error || alert
    }

    static func minutesText(_ m: Int) -> String {
        m < 60 ? "\(m) min" : m % 60 == 0 ? "\(m / 60) h" : "\(m / 60) h \(m % 60) min"
    }
}
