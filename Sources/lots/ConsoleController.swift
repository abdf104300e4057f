import Foundation
import LotsCore
import LotsPhoto
import LotsStore
import LotsUI

/// Runs the console's effects against the store and turns the answers into events. The edge between
/// the pure console model and SQLite; it never draws.
final class ConsoleController {
    let store: LotsStore
    /// The triage knowledge, read when first needed: a clinician's console never builds the engine.
    let knowledge: ConsoleKnowledge
    var user: StaffUser?
    let lang: Lang
    /// The session's own lower cap (`--chat-cap`); the user's cap in the store always applies.
    let chatCap: Int?
    /// The store revision the queue on screen was read at, and when it was last read whole.
    var queueRev: Int64?
    var queueReadWhole = Date.distantPast
    /// When the dashboard was last read, and whether a commit has made it stale since: it is read at most
    /// once a second however fast others write (a read costs tens of milliseconds with 100,000 cases).
    var dashboardReadAt = Date.distantPast
    var dashboardStale = false
    /// The newest unsaved draft: typing saves at most every 300 ms, and always before anything else runs.
    var pendingDraft: (caseId: Int64, body: String, templateCode: String?, since: Date)?
    /// The photo viewer's bytes (kept here, not in the pure state) and its last drawing, per size.
    var photo: (id: Int64, data: Data)?
    var photoDrawing: (key: String, drawing: PhotoRenderer.Drawing?)?

    init(store: LotsStore, knowledge: ConsoleKnowledge, lang: Lang, chatCap: Int? = nil) {
        self.store = store
        self.knowledge = knowledge
        self.lang = lang
        self.chatCap = chatCap
    }

    /// Marks the user present; called every 30 s by the console loop.
    func heartbeat() {
        if let u = user { try? store.touchPresence(u, at: Date()) }
    }

    /// Writes a pending draft that has waited long enough (or at once with `force`).
    func flushDraft(force: Bool = false) {
        guard let d = pendingDraft, let u = user, force || Date().timeIntervalSince(d.since) >= 0.3 else { return }
        pendingDraft = nil
        try? store.saveDraft(caseId: d.caseId, body: d.body, templateCode: d.templateCode, by: u)
    }

    /// Runs effects (and the effects their events ask for) until none are left. Returns false on quit.
    func run(_ effects: [ConsoleEffect], state: inout ConsoleState) -> Bool {
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            if case let .saveDraft(id, body, code) = effect {
                if pendingDraft?.caseId != id { flushDraft(force: true) }
                pendingDraft = (id, body, code, pendingDraft?.caseId == id ? pendingDraft!.since : Date())
                continue
            }
            flushDraft(force: true)
            if effect == .quit { return false }
            for event in perform(effect, state: state) { pending += state.apply(event) }
        }
        return true
    }

    func perform(_ effect: ConsoleEffect, state: ConsoleState) -> [ConsoleEvent] {
        do {
            switch effect {
            case let .login(name, password):
                let u: StaffUser
                do {
                    guard let found = try store.login(username: name, password: password) else { return [.loginFailed(Strings.t("login.failed", lang))] }
                    u = found
                } catch let e as LotsError {
                    return [.loginFailed(Strings.error(e, lang))]
                }
                user = u
                queueRev = nil
                ConsoleMemory.giveBack()  // the password check's memory
                try store.touchPresence(u, at: Date())
                var events: [ConsoleEvent] = []
                if u.role == .phoneNurse { events.append(.symptomsLoaded(try symptomChoices())) }
                let unitName = try u.unitHsaId.flatMap { try store.unitName($0) } ?? "Region Demo"
                return events + [.loggedIn(u, unitName: unitName, templates: try store.templates(for: u.id), units: unitChoices(now: Date()))]
            case .loadQueue:
                return [try queueEvent()]
            case .loadSlots, .offerSlots, .startVideo, .loadDayList:
                return try performCare(effect)
            case let .search(q):
                guard let u = user else { return [] }
                try store.audit(Actor(user: u), action: "search", detail: q)
                return [.searchResults(query: q, ids: try store.search(q, unit: u.role == .phoneNurse ? nil : u.unitHsaId))]
            case let .openCase(id):
                return try caseEvents(id, logOpen: true)
            case let .take(id):
                try store.take(caseId: id, by: try currentUser(), cap: chatCap)
                return try refresh(id, Strings.t("msg.taken", lang, Int(id)))
            case let .release(id):
                try store.release(caseId: id, by: try currentUser())
                return try refresh(id, Strings.t("msg.released", lang, Int(id)))
            case let .send(id, body, code):
                let u = try currentUser()
                try store.sendStaffMessage(caseId: id, body: body, templateCode: code, by: u)
                // A template's use counts at once: "most used first" follows use, not the next log-in.
                let templates: [ConsoleEvent] = code == nil ? [] : [.templatesLoaded(try store.templates(for: u.id))]
                return try [.sent] + templates + refresh(id, nil)
            case .saveDraft:
                return []  // coalesced in run(_:state:)
            case let .forward(id, unit, note):
                try store.forward(caseId: id, to: unit, note: note, by: try currentUser())
                return try refresh(id, Strings.t("msg.forwarded", lang, try store.unitName(unit) ?? unit))
            case let .close(id, outcome, reason, message):
                try store.close(caseId: id, outcome: outcome, overrideReason: reason, message: message, by: try currentUser())
                return try refresh(id, Strings.t("msg.closed", lang, Int(id), Strings.outcome(outcome, lang)))
            case let .override(id, urgency, reason):
                try store.overrideUrgency(caseId: id, to: urgency, reason: reason, by: try currentUser())
                return try refresh(id, Strings.t("msg.overridden", lang, urgency.code))
            case let .setLanguage(id, language):
                try store.setLanguage(caseId: id, language: language, by: try currentUser())
                return try refresh(id, Strings.t("msg.language", lang, Strings.t("lang." + language, lang)))
            case let .snooze(id, until, untilReply, reason):
                try store.snooze(caseId: id, until: until, untilReply: untilReply, reason: reason, by: try currentUser())
                return try refresh(id, Strings.t("msg.snoozed", lang, Int(id)))
            case let .unsnooze(id):
                try store.unsnooze(caseId: id, by: try currentUser())
                return try refresh(id, Strings.t("msg.unsnoozed", lang, Int(id)))
            case let .viewAttachment(_, attachmentId):
                let data = try store.viewAttachment(attachmentId, for: try currentUser())
                photo = data.map { (attachmentId, $0) }
                photoDrawing = nil
                let drawable = data.map { PhotoRenderer.draw($0, columns: 4, rows: 2) != nil } ?? false
                return [.attachmentOpened(attachmentId: attachmentId, drawable: drawable)]
            case let .loadClinicians(id):
                return [.cliniciansLoaded(caseId: id, try store.unitClinicians(for: try currentUser()))]
            case let .assign(id, staffId, name):
                try store.assign(caseId: id, to: staffId, by: try currentUser())
                return try refresh(id, Strings.t("msg.assigned", lang, Int(id), name)) + staleDashboard(force: true, marking: true)
            case let .addStaffNote(id, body):
                try store.addStaffNote(caseId: id, body: body, by: try currentUser())
                return try refresh(id, Strings.t("msg.noteSaved", lang))
            case let .saveTemplate(code, body):
                let u = try currentUser()
                let saved = try store.savePersonalTemplate(code: code, body: body, by: u)
                return [.templatesLoaded(try store.templates(for: u.id)), .done(Strings.t("msg.templateSaved", lang, saved))]
            case let .triagePhone(text, pnrText, answers, listed):
                return [.phoneTriaged(try phoneTriage(text: text, personnummer: pnrText, answers: answers, listedText: listed, now: Date()))]
            case let .submitPhone(form, outcome, reason):
                return try submitPhone(form, outcome, overrideReason: reason)
            case .loadDashboard:
                let d = try store.dashboard(for: try currentUser())
                dashboardReadAt = Date()
                dashboardStale = false
                return [.dashboardLoaded(d)]
            case .lock:
                try store.audit(Actor(user: try currentUser()), action: "lock")
                return []
            case let .unlock(password):
                let u = try currentUser()
                do {
                    guard try store.login(username: u.username, password: password) != nil else {
                        return [.unlockFailed(Strings.t("lock.failed", lang))]
                    }
                } catch let e as LotsError {
                    return [.unlockFailed(Strings.error(e, lang))]
                }
                try store.audit(Actor(user: u), action: "unlock")
                return [.unlocked]
            case .logout:
                if let u = user { try store.audit(Actor(user: u), action: "logout") }
                if let u = user { try? store.touchPresence(u, at: nil) }
                user = nil
                queueRev = nil
                return [.loggedOut]
            case .quit:
                return []
            }
        } catch let e as LotsError {
            logFailure(effect, code: e.code.rawValue, location: e.location, what: e.what, unexpected: e.code == .ioError || e.code == .other)
            return [.failed(Strings.error(e, lang))]
        } catch {
            logFailure(effect, code: 1, location: "console", what: String(reflecting: type(of: error)), unexpected: true)
            return [.failed("\(error)")]
        }
    }

    /// One line in the log file: the action's name (never its text), who, the error's code and redacted words.
    func logFailure(_ effect: ConsoleEffect, code: Int32, location: String, what: String, unexpected: Bool) {
        let action = Mirror(reflecting: effect).children.first?.label ?? "\(effect)"
        Log.shared.log(level: unexpected ? .error : .warning, "console action failed", metadata: [
            "action": .string(action), "user": .string(user?.username ?? "-"), "exit": .stringConvertible(code),
            "where": .string(LogFile.redacted(location)), "what": .string(LogFile.redacted(what)),
        ])
    }

    func currentUser() throws -> StaffUser {
        guard let user else { throw LotsError("not logged in", at: "console", fix: "log in first").keyed("err.notLoggedIn") }
        return user
    }

    /// The queue: only the cases changed since the last read, and whole once a minute (names of citizens
    /// and staff are not stamped with revisions) or after a burst of changes.
    func queueEvent() throws -> ConsoleEvent {
        guard let u = user else { return .queueLoaded([], hot: []) }
        let hot = try store.ownedOpenCases(staffId: u.id)
        if let rev = queueRev, Date().timeIntervalSince(queueReadWhole) < 60, let changes = try store.queueChanges(for: u, since: rev) {
            queueRev = changes.rev
            return .queueChanged(changes, hot: hot)
        }
        let (entries, rev) = try store.queueSnapshot(for: u)
        queueRev = rev
        queueReadWhole = Date()
        return .queueLoaded(entries, hot: hot)
    }

    /// After an action: the queue, and the case again when it is open on screen.
    func refresh(_ id: Int64, _ message: String?) throws -> [ConsoleEvent] {
        var events: [ConsoleEvent] = [try queueEvent()]
        events += try caseEvents(id, logOpen: false)
        if let message { events.append(.done(message)) }
        return events
    }

    /// Reloads what is on screen after another process committed.
    func reload(state: ConsoleState) -> [ConsoleEvent] {
        guard let u = user else { return [] }
        var events: [ConsoleEvent] = []
        if let e = try? queueEvent() { events.append(e) }
        if u.role == .supervisor { events += staleDashboard(force: false, marking: true) }
        if state.screen == .caseView || state.screen == .caseHistory, let id = state.detail?.id, let more = try? caseEvents(id, logOpen: false) { events += more }
        // The day list follows bookings made elsewhere; its opening was logged, a refresh is not a new read.
        if state.screen == .dayList, let day = state.dayListDay, let list = try? store.dayList(day: day.addingTimeInterval(3600), for: u, logged: false) {
            events.append(.dayListLoaded(day, list))
        }
        return events
    }

    /// The dashboard again when it is stale and a second has passed (`marking` records a new commit first).
    func staleDashboard(force: Bool, marking: Bool) -> [ConsoleEvent] {
        guard let u = user, u.role == .supervisor else { return [] }
        if marking { dashboardStale = true }
        guard dashboardStale, force || Date().timeIntervalSince(dashboardReadAt) >= 1, let d = try? store.dashboard(for: u) else { return [] }
        dashboardStale = false
        dashboardReadAt = Date()
        return [.dashboardLoaded(d)]
    }

    func caseEvents(_ id: Int64, logOpen: Bool) throws -> [ConsoleEvent] {
        let u = try currentUser()
        let loaded: CaseDetail?
        do {
            loaded = logOpen ? try store.caseDetail(id, for: u) : try store.caseDetailIfAllowed(id, for: u)
        } catch let e as LotsError where e.code == .denied {
            return logOpen ? [.failed(e.what)] : [.caseGone]
        }
        guard var d = loaded else { return logOpen ? [.failed(Strings.t("err.noCase", lang, "\(id)"))] : [.caseGone] }
        if d.ownerName == u.displayName, d.messages.last?.author == .citizen { try store.markRead(caseId: id, by: u) }
        let symptom = d.symptomCode.flatMap { knowledge.symptom($0) }
        d.symptomTitle = symptom.map { lang == .sv ? $0.titleSv : $0.titleEn }
        let draft = try store.draft(caseId: id, staffId: u.id)
        return [.caseLoaded(d, draft: draft?.body, draftTemplate: draft?.templateCode, templateValues: templateValues(d, symptom: symptom, user: u))]
    }

    func templateValues(_ d: CaseDetail, symptom: ConsoleKnowledge.SymptomText?, user u: StaffUser) -> [String: String] {
        let unit = knowledge.directory.provider(d.unitHsaId)
        let referral = knowledge.directory.providers.first { $0.name == d.referralUnitName }
        // Values go to the patient: in the patient's language, whatever the clinician's UI language.
        let patient = Lang(rawValue: d.language) ?? .sv
        var v: [String: String] = [
            "citizen.firstName": String(d.name.split(separator: " ").first ?? ""),
            "citizen.name": d.name,
            "staff.name": u.displayName,
            "staff.title": (u.profession?.swedishTitle ?? "").lowercased(),
            "unit.name": d.unitName,
            "case.id": String(d.id),
            "case.urgencyLabel": "\(d.urgency.code) \(Strings.urgency(d.urgency, patient))",
            "referral.type": Strings.providerType(d.referralType, patient),
        ]
        v["unit.phone"] = unit?.phone
        v["selfCare.advice"] = symptom.map { patient == .sv || $0.adviceEn.isEmpty ? $0.advice : $0.adviceEn }
        v["referral.unitName"] = referral?.name
        v["referral.phone"] = referral?.phone
        v["referral.address"] = referral?.address
        return v.filter { !$0.value.isEmpty }
    }

    func unitChoices(now: Date) -> [UnitChoice] {
        let waits = Dictionary(((try? store.unitWaits(now: now)) ?? []).map { ($0.unitHsaId, $0) }, uniquingKeysWith: { a, _ in a })
        return knowledge.directory.providers.filter { $0.type != .ambulans112 }.map { p in
            let open = p.hours.isOpen(at: now)
            let next = p.hours.nextOpening(after: now)
            let text = open ? Strings.t("open.now", lang) : next.map { Strings.t("open.next", lang, ISOTime.local($0)) } ?? Strings.t("open.closed", lang)
            var choice = UnitChoice(hsaId: p.hsaId, name: p.name, type: p.type, missions: p.missions, address: p.address, openText: text,
                                    isOpen: open, waitMinutes: p.waitMinutes)
            if let w = waits[p.hsaId], !w.expected.isEmpty || !w.measured.isEmpty { choice.waits = w.summary(now: now) }
            return choice
        }
    }

    /// The photo on screen drawn for this area (cached per photo, size and mode: a frame redraw costs nothing).
    func photoDrawing(id: Int64, columns: Int, rows: Int, pixels: PhotoRenderer.Pixels, colors: PhotoRenderer.Colors) -> PhotoRenderer.Drawing? {
        guard let photo, photo.id == id else { return nil }
        let key = "\(id) \(columns)x\(rows) \(pixels) \(colors)"
        if let cached = photoDrawing, cached.key == key { return cached.drawing }
        let drawing = PhotoRenderer.draw(photo.data, columns: columns, rows: rows, pixels: pixels, colors: colors)
        photoDrawing = (key, drawing)
        return drawing
    }
}
