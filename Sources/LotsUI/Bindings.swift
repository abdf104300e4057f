import LotsCore

/// Everything a user can ask the console to do.
public enum Action: String, Sendable, CaseIterable {
    case quit, logout, help, back, up, down, pageUp, pageDown, top, bottom
    case open, take, release, compose, send, insertTemplate, forward, close, override
    case filterMine, filterUnit, filterUrgency, search, nextUnread, dashboard, history, phoneForm, patientLanguage, staffNote, earlierContacts, snooze, unsnooze, expandShortcut
    // Issue 15: offer times, video meeting now, the unit's day list.
    case offerSlots, videoMeeting, dayList, previousDay, nextDay
    // Issue 14: a supervisor assigns the case to a clinician of the unit.
    case assign
    // Issue 14: the photo viewer.
    case viewPhoto, nextPhoto, previousPhoto
    // The phone form.
    case nextField, previousField, digitalCase, selfCareCall, call112, myCases, answer
    // Text fields (composer, phone form, prompts): listed in help, done by the editor.
    case killLine, lineStart, lineEnd, wordLeft, wordRight
    case hot1, hot2, hot3, hot4, hot5, hot6, hot7, hot8, hot9

    /// Slot number for hot1…hot9.
    var hotSlot: Int? { rawValue.hasPrefix("hot") ? Int(rawValue.dropFirst(3)) : nil }
}

/// Where a binding applies.
public enum BindingContext: String, Sendable, CaseIterable {
    case global, queue, caseView = "case", composer, dashboard, history, phone, dayList, photo
}

/// One row of the binding table: keys, action, context, and the footer/help text in both languages.
public struct Binding: Sendable {
    public var keys: [Key]
    public var action: Action
    public var context: BindingContext
    public var sv: String
    public var en: String
    /// Shown in the footer (the rest only in help).
    public var inFooter: Bool
    /// The roles it is for; nil: every role.
    public var roles: Set<LotsCore.Role>? = nil

    public func label(_ lang: Lang) -> String { lang == .sv ? sv : en }
    public func applies(to role: LotsCore.Role?) -> Bool { roles == nil || role.map { roles!.contains($0) } ?? false }
}

/// Who may change cases: the rest read them.
private let clinicians: Set<LotsCore.Role> = [.clinician]

/// The one table that drives dispatch, the footer and the help screen (cf. tig, htop).
public enum Bindings {
    public static let all: [Binding] = {
        var b: [Binding] = [
            Binding(keys: [.char("?"), .f(1)], action: .help, context: .global, sv: "Hjälp", en: "Help", inFooter: true),
            Binding(keys: [.char("q"), .ctrl("c")], action: .quit, context: .global, sv: "Avsluta", en: "Quit", inFooter: true),
            Binding(keys: [.char("L")], action: .logout, context: .global, sv: "Logga ut", en: "Log out", inFooter: false),
            Binding(keys: [.char("n")], action: .nextUnread, context: .global, sv: "Nästa olästa", en: "Next unread", inFooter: false, roles: clinicians),
            Binding(keys: [.up, .char("k")], action: .up, context: .queue, sv: "Upp", en: "Up", inFooter: false),
            Binding(keys: [.down, .char("j")], action: .down, context: .queue, sv: "Ned", en: "Down", inFooter: false),
            Binding(keys: [.pageUp], action: .pageUp, context: .queue, sv: "Sida upp", en: "Page up", inFooter: false),
            Binding(keys: [.pageDown], action: .pageDown, context: .queue, sv: "Sida ned", en: "Page down", inFooter: false),
            Binding(keys: [.home, .char("g")], action: .top, context: .queue, sv: "Först", en: "First", inFooter: false),
            Binding(keys: [.end, .char("G")], action: .bottom, context: .queue, sv: "Sist", en: "Last", inFooter: false),
            Binding(keys: [.enter], action: .open, context: .queue, sv: "Öppna", en: "Open", inFooter: true),
            Binding(keys: [.char("t")], action: .take, context: .queue, sv: "Ta", en: "Take", inFooter: true, roles: clinicians),
            Binding(keys: [.char("m")], action: .filterMine, context: .queue, sv: "Mina", en: "Mine", inFooter: true, roles: clinicians),
            Binding(keys: [.char("a")], action: .filterUnit, context: .queue, sv: "Alla", en: "All", inFooter: false),
            Binding(keys: [.char("u")], action: .filterUrgency, context: .queue, sv: "Brådska", en: "Urgency", inFooter: true),
            Binding(keys: [.char("/")], action: .search, context: .queue, sv: "Sök", en: "Search", inFooter: true),
            Binding(keys: [.char("d")], action: .dashboard, context: .queue, sv: "Översikt (arbetsledare)", en: "Dashboard (supervisor)", inFooter: false, roles: [.supervisor]),
            Binding(keys: [.up, .char("k")], action: .up, context: .dashboard, sv: "Upp", en: "Up", inFooter: false),
            Binding(keys: [.down, .char("j")], action: .down, context: .dashboard, sv: "Ned", en: "Down", inFooter: false),
            Binding(keys: [.enter], action: .open, context: .dashboard, sv: "Visa i kön", en: "Show in queue", inFooter: true),
            Binding(keys: [.char("d"), .escape], action: .dashboard, context: .dashboard, sv: "Kön", en: "Queue", inFooter: true),
            Binding(keys: [.escape], action: .back, context: .caseView, sv: "Kön", en: "Queue", inFooter: true),
            Binding(keys: [.up, .char("k")], action: .up, context: .caseView, sv: "Rulla upp", en: "Scroll up", inFooter: false),
            Binding(keys: [.down, .char("j")], action: .down, context: .caseView, sv: "Rulla ned", en: "Scroll down", inFooter: false),
            Binding(keys: [.pageUp], action: .pageUp, context: .caseView, sv: "Sida upp", en: "Page up", inFooter: false),
            Binding(keys: [.pageDown], action: .pageDown, context: .caseView, sv: "Sida ned", en: "Page down", inFooter: false),
            Binding(keys: [.char("t")], action: .take, context: .caseView, sv: "Ta", en: "Take", inFooter: true, roles: clinicians),
            Binding(keys: [.char("r")], action: .release, context: .caseView, sv: "Släpp", en: "Release", inFooter: false, roles: clinicians),
            Binding(keys: [.char("i"), .enter], action: .compose, context: .caseView, sv: "Skriv", en: "Write", inFooter: true, roles: clinicians),
            Binding(keys: [.char("T")], action: .insertTemplate, context: .caseView, sv: "Mall", en: "Template", inFooter: true, roles: clinicians),
            Binding(keys: [.char("f")], action: .forward, context: .caseView, sv: "Hänvisa", en: "Forward", inFooter: true, roles: clinicians),
            Binding(keys: [.char("x")], action: .close, context: .caseView, sv: "Avsluta ärende", en: "Close case", inFooter: true, roles: clinicians),
            Binding(keys: [.char("o")], action: .override, context: .caseView, sv: "Ändra brådska", en: "Override", inFooter: false, roles: clinicians),
            Binding(keys: [.char("N")], action: .staffNote, context: .caseView, sv: "Notera", en: "Note", inFooter: true,
                    roles: clinicians),
            Binding(keys: [.char("z")], action: .snooze, context: .caseView, sv: "Vila (till en tid eller svar)", en: "Snooze (until a time or a reply)",
                    inFooter: false, roles: clinicians),
            Binding(keys: [.char("Z")], action: .unsnooze, context: .caseView, sv: "Väck", en: "Unsnooze", inFooter: false, roles: clinicians),
            Binding(keys: [.char("a")], action: .assign, context: .caseView, sv: "Tilldela kliniker", en: "Assign to clinician", inFooter: true,
                    roles: [.supervisor]),
            Binding(keys: [.char("p")], action: .viewPhoto, context: .caseView, sv: "Visa bild", en: "View photo", inFooter: false),
            Binding(keys: [.escape, .char("p")], action: .back, context: .photo, sv: "Ärendet", en: "Case", inFooter: true),
            Binding(keys: [.right, .char("]")], action: .nextPhoto, context: .photo, sv: "Nästa bild", en: "Next photo", inFooter: true),
            Binding(keys: [.left, .char("[")], action: .previousPhoto, context: .photo, sv: "Förra bilden", en: "Previous photo", inFooter: true),
            Binding(keys: [.char("c")], action: .earlierContacts, context: .caseView, sv: "Tidigare kontakter", en: "Earlier contacts", inFooter: false),
            Binding(keys: [.char("h")], action: .history, context: .caseView, sv: "Historik", en: "History", inFooter: true),
            Binding(keys: [.char("l")], action: .patientLanguage, context: .caseView, sv: "Patientens språk (svenska/engelska)",
                    en: "Patient's language (Swedish/English)", inFooter: false, roles: clinicians),
            Binding(keys: [.char("b")], action: .offerSlots, context: .caseView, sv: "Erbjud tider", en: "Offer times", inFooter: false, roles: clinicians),
            Binding(keys: [.char("v")], action: .videoMeeting, context: .caseView, sv: "Videomöte nu", en: "Video meeting now", inFooter: false, roles: clinicians),
            Binding(keys: [.char("D")], action: .dayList, context: .queue, sv: "Dagens bokningar", en: "Day list", inFooter: false, roles: [.clinician, .supervisor]),
            Binding(keys: [.escape, .char("D")], action: .back, context: .dayList, sv: "Kön", en: "Queue", inFooter: true),
            Binding(keys: [.left, .char("[")], action: .previousDay, context: .dayList, sv: "Dagen före", en: "Previous day", inFooter: true),
            Binding(keys: [.right, .char("]")], action: .nextDay, context: .dayList, sv: "Dagen efter", en: "Next day", inFooter: true),
            Binding(keys: [.up, .char("k")], action: .up, context: .dayList, sv: "Upp", en: "Up", inFooter: false),
            Binding(keys: [.down, .char("j")], action: .down, context: .dayList, sv: "Ned", en: "Down", inFooter: false),
            Binding(keys: [.enter], action: .open, context: .dayList, sv: "Öppna ärendet", en: "Open the case", inFooter: true),
            Binding(keys: [.escape, .char("h")], action: .back, context: .history, sv: "Ärendet", en: "Case", inFooter: true),
            Binding(keys: [.up, .char("k")], action: .up, context: .history, sv: "Rulla upp", en: "Scroll up", inFooter: true),
            Binding(keys: [.down, .char("j")], action: .down, context: .history, sv: "Rulla ned", en: "Scroll down", inFooter: true),
            Binding(keys: [.pageUp], action: .pageUp, context: .history, sv: "Sida upp", en: "Page up", inFooter: false),
            Binding(keys: [.pageDown, .char(" ")], action: .pageDown, context: .history, sv: "Sida ned", en: "Page down", inFooter: false),
            Binding(keys: [.escape, .ctrl("l")], action: .phoneForm, context: .queue, sv: "Samtalsformulär", en: "Call form", inFooter: true,
                    roles: [.phoneNurse]),
            Binding(keys: [.tab, .down], action: .nextField, context: .phone, sv: "Nästa fält", en: "Next field", inFooter: true),
            Binding(keys: [.backTab, .up], action: .previousField, context: .phone, sv: "Förra fältet", en: "Previous field", inFooter: false),
            Binding(keys: [.ctrl("s")], action: .digitalCase, context: .phone, sv: "Skapa digitalt ärende", en: "Create digital case", inFooter: true),
            Binding(keys: [.ctrl("e")], action: .selfCareCall, context: .phone, sv: "Avsluta med egenvård", en: "Close with self-care", inFooter: true),
            Binding(keys: [.ctrl("a")], action: .call112, context: .phone, sv: "Ring 112", en: "Call 112", inFooter: true),
            Binding(keys: [.ctrl("l")], action: .myCases, context: .phone, sv: "Mina ärenden", en: "My cases", inFooter: true),
            Binding(keys: [.f(1)], action: .help, context: .phone, sv: "Hjälp", en: "Help", inFooter: true),
            Binding(keys: [.ctrl("c")], action: .quit, context: .phone, sv: "Avsluta", en: "Quit", inFooter: true),
            Binding(keys: [.char(" "), .enter, .char("j"), .char("n"), .char("-")], action: .answer, context: .phone,
                    sv: "Följdfråga: ej frågad → ja → nej (j ja, n nej, - ej frågad)", en: "Question: not asked → yes → no (j yes, n no, - not asked)",
                    inFooter: false),
            Binding(keys: [.ctrl("s")], action: .send, context: .composer, sv: "Skicka", en: "Send", inFooter: true),
            Binding(keys: [.ctrl("t")], action: .insertTemplate, context: .composer, sv: "Mall", en: "Template", inFooter: true),
            Binding(keys: [.escape], action: .back, context: .composer, sv: "Lämna", en: "Leave", inFooter: true),
            Binding(keys: [.tab], action: .expandShortcut, context: .composer, sv: "/kod: fyll i mallen", en: "/code: expand the template", inFooter: false),
            Binding(keys: [.ctrl("u")], action: .killLine, context: .composer, sv: "Radera till radens början", en: "Delete to line start", inFooter: false),
            Binding(keys: [.home, .ctrl("a")], action: .lineStart, context: .composer, sv: "Radens början", en: "Line start", inFooter: false),
            Binding(keys: [.end, .ctrl("e")], action: .lineEnd, context: .composer, sv: "Radens slut", en: "Line end", inFooter: false),
            Binding(keys: [.alt("b")], action: .wordLeft, context: .composer, sv: "Ord bakåt", en: "Word left", inFooter: false),
            Binding(keys: [.alt("f")], action: .wordRight, context: .composer, sv: "Ord framåt", en: "Word right", inFooter: false),
        ]
        for n in 1...9 {
            let c = Character(String(n))
            b.append(Binding(keys: [.alt(c), .f(n + 1)], action: Action(rawValue: "hot\(n)")!, context: .global,
                             sv: "Chatt \(n)", en: "Chat \(n)", inFooter: false, roles: clinicians))
        }
        return b
    }()

    /// The action a key triggers in a context for a role (context bindings win over global ones); nil for a
    /// key that does nothing there or whose action is not for the role.
    public static func action(for key: Key, in context: BindingContext, role: LotsCore.Role? = nil) -> Action? {
        if let b = all.first(where: { $0.context == context && $0.keys.contains(key) && (role == nil || $0.applies(to: role)) }) { return b.action }
        // In text fields, printable keys are text: only non-character global keys apply there.
        if context == .composer || context == .phone, case .char = key { return nil }
        if context == .composer || context == .phone, key == .ctrl("c") { return .quit }
        return all.first { $0.context == .global && $0.keys.contains(key) }?.action
    }

    /// The binding of a key that exists in a context but not for this role (to say why nothing happens).
    public static func refused(_ key: Key, in context: BindingContext, role: LotsCore.Role?) -> Binding? {
        all.first { $0.context == context && $0.keys.contains(key) && !$0.applies(to: role) }
    }

    /// The contexts a role works in, in the order help lists them.
    public static func contexts(for role: LotsCore.Role?) -> [BindingContext] {
        switch role {
        case .phoneNurse?: [.global, .phone, .queue, .caseView, .history, .photo]
        case .supervisor?: [.global, .dashboard, .queue, .caseView, .history, .dayList, .photo]
        default: [.global, .queue, .caseView, .composer, .history, .dayList, .photo]
        }
    }

    /// Footer entries for a context and role: `key:label` pairs, context first.
    public static func footer(_ context: BindingContext, _ lang: Lang, role: LotsCore.Role? = nil) -> [(key: String, label: String)] {
        (all.filter { $0.context == context && $0.inFooter && $0.applies(to: role) }
            + all.filter { $0.context == .global && $0.inFooter && context != .composer && context != .phone && context != .global })
            .map { ($0.keys[0].label, $0.label(lang)) }
    }
}
