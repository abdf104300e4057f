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
}
