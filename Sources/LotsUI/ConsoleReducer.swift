import Foundation
import LotsCore

/// The console's reducer: keys and store answers change the state and ask for effects. Never draws.
extension ConsoleState {
    /// How many queue rows fit on the screen, set by the view on each frame (for paging).
    public static let pageRows = 15

    // MARK: - Keys

    public mutating func handle(_ key: Key) -> [ConsoleEffect] {
        if key == .resize { return [] }
        lastActivity = now
        if locked {
            switch key {
            case .enter: return [.unlock(password: unlockPassword.text)]
            case .ctrl("c"): return [.quit]
            default: unlockPassword.handle(key); return []
            }
        }
        if modal != nil { return handleModal(key) }
        // q with open chats or an unsent text says so first; a second q quits (Ctrl-C always quits).
        let armed = quitArmed
        quitArmed = false
        if key == .char("q"), !armed, screen == .queue || screen == .caseView && !composerFocused || screen == .dashboard,
           !hot.isEmpty || !composer.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            quitArmed = true
            let chats = Strings.n("quit.chats", hot.count, lang)
            setStatus(Strings.t(composer.isEmpty ? "quit.confirm" : "quit.confirmDraft", lang, chats))
            return []
        }
        let before = (screen, detail?.id, status)
        defer {
            // Switching screen or case clears the status line, unless this key said something new.
            if (screen, detail?.id) != (before.0, before.1), status == before.2, modal == nil { setStatus("") }
        }
        switch screen {
        case .login: return handleLogin(key)
        case .help:
            if key == .escape || key == .char("?") || key == .f(1) || key == .char("q") { screen = helpReturn }
            if key == .down || key == .char("j") { helpScroll += 1 }
            if key == .up || key == .char("k") { helpScroll = max(0, helpScroll - 1) }
            if key == .pageDown || key == .char(" ") { helpScroll += 10 }
            if key == .pageUp { helpScroll = max(0, helpScroll - 10) }
            if key == .ctrl("c") { return [.quit] }
            return []
        case .queue: return handleQueue(key)
        case .dashboard: return handleDashboard(key)
        case .phone: return handlePhone(key)
        case .caseView: return composerFocused ? handleComposer(key) : handleCase(key)
        case .caseHistory: return handleHistory(key)
        case .photo: return handlePhoto(key)
        case .dayList: return handleDayList(key)
        }
    }

    mutating func handleLogin(_ key: Key) -> [ConsoleEffect] {
        switch key {
        case .ctrl("c"), .escape: return [.quit]
        case .tab, .backTab, .up, .down: loginFocusPassword.toggle()
        case .enter:
            if !loginFocusPassword { loginFocusPassword = true; return [] }
            return [.login(user: loginUser.text.trimmingCharacters(in: .whitespaces), password: loginPassword.text)]
        default:
            if loginFocusPassword { loginPassword.handle(key) } else { loginUser.handle(key) }
        }
        return []
    }

    mutating func global(_ action: Action) -> [ConsoleEffect]? {
        switch action {
        case .quit: return saveDraftIfDirty() + [.quit]
        case .logout: return saveDraftIfDirty() + [.logout]
        case .help: helpReturn = screen; screen = .help; helpScroll = 0; return []
        case .nextUnread:
            guard let next = hot.filter({ $0.unreadCount > 0 }).min(by: { ($0.urgency, $0.submittedAt) < ($1.urgency, $1.submittedAt) }) else {
                setStatus(t("msg.noUnread")); return []
            }
            return saveDraftIfDirty() + [.openCase(next.id)]
        default:
            if let slot = action.hotSlot {
                guard let id = hotSlots.first(where: { $0.value == slot })?.key else { return [] }
                return saveDraftIfDirty() + [.openCase(id)]
            }
            return nil
        }
    }

    mutating func handleQueue(_ key: Key) -> [ConsoleEffect] {
        guard let action = Bindings.action(for: key, in: .queue, role: user?.role) else {
            if refuse(key, in: .queue) { return [] }
            if key == .escape, filter != QueueFilter() { filter = QueueFilter(); setStatus(""); return [] }
            return []
        }
        if let effects = global(action) { return effects }
        let rows = visibleQueue
        let index = rows.firstIndex { $0.id == selectedId } ?? 0
        func select(_ i: Int) { if !rows.isEmpty { selectedId = rows[max(0, min(rows.count - 1, i))].id } }
        switch action {
        case .up: select(index - 1)
        case .down: select(index + 1)
        case .pageUp: select(index - Self.pageRows)
        case .pageDown: select(index + Self.pageRows)
        case .top: select(0)
        case .bottom: select(rows.count - 1)
        case .open: if let id = selectedId ?? rows.first?.id { return [.openCase(id)] }
        case .take: if let id = selectedId ?? rows.first?.id { return [.take(id)] }
        case .filterMine: filter.mine.toggle()
        case .filterUnit: filter = QueueFilter()
        case .filterUrgency:
            let order: [Urgency?] = [nil] + Urgency.allCases
            let i = order.firstIndex { $0 == filter.urgency } ?? 0
            filter.urgency = order[(i + 1) % order.count]
        case .search: modal = .search(TextEditor(filter.search ?? "", maxLength: 100))
        case .phoneForm:
            if filter != QueueFilter() { filter = QueueFilter(); setStatus(""); return [] }
            screen = .phone; setStatus("")
        case .dashboard:
            screen = .dashboard
            return [.loadDashboard]
        case .dayList: return openDayList()
        default: break
        }
        return []
    }

    /// Why an action on the open case is not allowed in its state, or nil when it is.
    func forbidden(_ action: Action, _ d: CaseDetail) -> String? {
        let id = Int(d.id)
        let changes: Set<Action> = [.take, .release, .compose, .insertTemplate, .forward, .close, .override, .patientLanguage, .snooze, .unsnooze,
                                    .offerSlots, .videoMeeting, .assign]
        if d.status == .closed, changes.contains(action) {
            return action == .take ? Strings.t("deny.closedTake", lang, id) : Strings.t("deny.closed", lang, id)
        }
        switch action {
        case .take where d.ownerName != nil && d.ownerName == user?.displayName && d.status != .forwarded:
            return Strings.t("deny.alreadyYours", lang, id)
        case .release where !isOwner:
            return Strings.t("deny.notYoursRelease", lang, id)
        default:
            return nil
        }
    }

    mutating func handleCase(_ key: Key) -> [ConsoleEffect] {
        guard let action = Bindings.action(for: key, in: .caseView, role: user?.role), let d = detail else {
            _ = refuse(key, in: .caseView)
            return []
        }
        if let effects = global(action) { return effects }
        if let why = forbidden(action, d) { setStatus(why, error: true); return [] }
        switch action {
        case .back: screen = .queue; return saveDraftIfDirty() + [.loadQueue]
        case .up: transcriptScroll += 1
        case .down: transcriptScroll = max(0, transcriptScroll - 1)
        case .pageUp: transcriptScroll += 10
        case .pageDown: transcriptScroll = max(0, transcriptScroll - 10)
        case .take: return [.take(d.id)]
        case .history: screen = .caseHistory; historyScroll = 0
        case .staffNote: modal = .staffNote(TextEditor("", maxLength: 4000))
        case .snooze:
            guard isOwner else { setStatus(t("case.composer.locked"), error: true); return [] }
            modal = .snooze(TextEditor("", maxLength: 500))
        case .unsnooze: return [.unsnooze(caseId: d.id)]
        case .earlierContacts:
            guard !d.earlierContacts.isEmpty else { setStatus(t("contacts.none")); return [] }
            modal = .contacts(PickerState(title: Strings.t("contacts.title", lang, SafeText.sanitize(d.name, keepNewlines: false)),
                                          items: d.earlierContacts.map { contactItem($0) }))
        case .patientLanguage: return [.setLanguage(caseId: d.id, language: d.language == "sv" ? "en" : "sv")]
        case .assign: return [.loadClinicians(caseId: d.id)]
        case .viewPhoto:
            guard let a = d.attachments.first else { setStatus(t("photo.none")); return [] }
            return saveDraftIfDirty() + [.viewAttachment(caseId: d.id, attachmentId: a.id)]
        case .offerSlots: return [.loadSlots(caseId: d.id)]
        case .videoMeeting: return saveDraftIfDirty() + [.startVideo(caseId: d.id)]
        case .release: return saveDraftIfDirty() + [.release(d.id)]
        case .compose:
            guard isOwner else { setStatus(t("case.composer.locked"), error: true); return [] }
            composerFocused = true
        case .insertTemplate:
            guard isOwner else { setStatus(t("case.composer.locked"), error: true); return [] }
            openTemplatePicker()
        case .forward:
            let fitting = units.filter { $0.hsaId != d.unitHsaId && ($0.missions.isEmpty || $0.missions.contains(missionOfDetail)) }
            // The unit the triage recommends first, then its type, open ones, shortest wait.
            let rank = { (u: UnitChoice) in (u.name == d.referralUnitName ? 0 : 1, u.type == d.referralType ? 0 : 1, u.isOpen ? 0 : 1, u.waitMinutes) }
            let sorted = fitting.sorted { rank($0) < rank($1) }
            modal = .providers(PickerState(title: t("picker.providers"), items: sorted.map {
                PickerItem(id: $0.hsaId, title: ($0.name == d.referralUnitName ? "★ " : "") + $0.name,
                           detail: ($0.name == d.referralUnitName ? t("picker.recommended") + " · " : "") + "\(Strings.providerType($0.type, lang)) · \($0.openText) · \(Strings.t("wait.minutes", lang, Self.minutesText($0.waitMinutes)))" + ($0.waits.isEmpty ? "" : " · \($0.waits)") + " · \($0.address)", keywords: $0.type.rawValue)
            }))
        case .close:
            modal = .outcomes(PickerState(title: t("picker.outcomes"), items: Outcome.allCases.map {
                PickerItem(id: $0.rawValue, title: Strings.outcome($0, lang), keywords: $0.rawValue)
            }))
        case .override:
            var picker = PickerState(title: t("picker.urgency"), items: Urgency.allCases.map {
                PickerItem(id: $0.code, title: "\(QueueScreen.code($0)) \(Strings.urgency($0, lang))", keywords: $0.code)
            })
            // Starts on the case's own urgency, never on EMERGENCY by accident.
            picker.selection = Urgency.allCases.firstIndex(of: d.urgency) ?? 0
            modal = .urgencies(picker)
        default: break
        }
        return []
    }

    mutating func handleHistory(_ key: Key) -> [ConsoleEffect] {
        guard let action = Bindings.action(for: key, in: .history, role: user?.role) else { return [] }
        if let effects = global(action) { return effects }
        switch action {
        case .back: screen = .caseView
        case .up: historyScroll = max(0, historyScroll - 1)
        case .down: historyScroll += 1
        case .pageUp: historyScroll = max(0, historyScroll - 10)
        case .pageDown: historyScroll += 10
        default: break
        }
        return []
    }

    /// A key bound in this context for other roles: says it is not for the user's role. True when it was one.
    mutating func refuse(_ key: Key, in context: BindingContext) -> Bool {
        guard let b = Bindings.refused(key, in: context, role: user?.role), let role = user?.role else { return false }
        setStatus(Strings.t("deny.role", lang, b.label(lang), Strings.role(role, lang)), error: true)
        return true
    }

    var missionOfDetail: CareMission {
        // The referral type hints at the mission; the picker still lists every general unit.
        switch detail?.referralType {
        case .bvc: .barnhalsa
        case .ungdomsmottagning: .ungdom
        case .barnmorskemottagning: .modrahalsa
        case .fysioterapi: .rorelse
        case .psykiatriskAkutmottagning: .psykiatri
        default: .somatisk
        }
    }

    var isOwner: Bool { detail?.ownerName != nil && detail?.ownerName == user?.displayName && detail?.status != .closed && detail?.status != .forwarded }

    mutating func handleComposer(_ key: Key) -> [ConsoleEffect] {
        guard let d = detail else { return [] }
        if let action = Bindings.action(for: key, in: .composer, role: user?.role) {
            switch action {
            case .send:
                let body = composer.text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !body.isEmpty else { return [] }
                // The body is sent as written: any {…} left in it, known or not, would reach the patient unfilled.
                if let r = body.range(of: #"\{[^{}\n]*\}"#, options: .regularExpression) {
                    setStatus(Strings.t("composer.unfilled", lang, String(body[r])), error: true)
                    return []
                }
                return [.send(caseId: d.id, body: body, templateCode: composerTemplate)]
            case .insertTemplate: openTemplatePicker(); return []
            case .expandShortcut: return expandShortcut()
            case .back: composerFocused = false; return saveDraftIfDirty()
            case .quit: return saveDraftIfDirty() + [.quit]
            default: if let effects = global(action) { return effects }
            }
        }
        if composer.handle(key) {
            draftDirty = true
            if composer.isEmpty { composerTemplate = nil }
            return [.saveDraft(caseId: d.id, body: composer.text, templateCode: composerTemplate)]
        }
        return []
    }

    mutating func saveDraftIfDirty() -> [ConsoleEffect] {
        guard draftDirty, let d = detail else { return [] }
        draftDirty = false
        return [.saveDraft(caseId: d.id, body: composer.text, templateCode: composerTemplate)]
    }

    // MARK: - Events

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
