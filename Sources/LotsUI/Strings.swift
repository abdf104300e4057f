import Foundation

/// The UI language: Swedish by default, English with `--lang en` or an English LANG.
public enum Lang: String, Sendable, CaseIterable {
    case sv, en

    /// `--lang` wins; else LANG/LC_ALL starting with `en`; else Swedish.
    public static func resolve(flag: String?, environment: [String: String]) -> Lang {
        if let flag, let l = Lang(rawValue: flag) { return l }
        let env = environment["LC_ALL"] ?? environment["LC_MESSAGES"] ?? environment["LANG"] ?? ""
        return env.hasPrefix("en") ? .en : .sv
    }
}

/// One string catalog for every UI text, Swedish and English side by side.
public enum Strings {
    static let table: [String: (sv: String, en: String)] = [
        "app.title": ("Lots", "Lots"),
        "login.title": ("Logga in", "Log in"),
        "login.user": ("Användare", "User"),
        "login.password": ("Lösenord", "Password"),
        "login.hint": ("Tab byter fält · Enter loggar in · Ctrl-C avslutar", "Tab switches field · Enter logs in · Ctrl-C quits"),
        "login.failed": ("Fel användarnamn eller lösenord", "Wrong user name or password"),
        "queue.empty": ("Kön är tom", "The queue is empty"),
        "queue.count": ("%d öppna ärenden", "%d open cases"),
        "queue.filter.mine": ("mina", "mine"),
        "queue.filter.unit": ("enheten", "unit"),
        "queue.filter.urgency": ("brådska %@", "urgency %@"),
        "queue.filter.search": ("sök \"%@\": %d träffar", "search \"%@\": %d hits"),
        "col.urgency": ("Brådska", "Urgency"),
        "col.patient": ("Ålder", "Age"),
        "col.reason": ("Kontaktorsak", "Reason"),
        "col.wait": ("Väntat", "Waited"),
        "col.clock": ("Svar", "Reply"),
        "col.status": ("Status", "Status"),
        "col.owner": ("Ansv.", "Owner"),
        "hot.none": ("Inga egna chattar", "No chats of your own"),
        "status.new": ("ny", "new"),
        "status.active": ("aktiv", "active"),
        "status.awaiting-citizen": ("väntar pat", "waits pat."),
        "status.awaiting-staff": ("väntar oss", "waits us"),
        "status.forwarded": ("hänvisad", "forwarded"),
        "status.closed": ("avslutad", "closed"),
        "case.header": ("Ärende %d", "Case %d"),
        "case.triage": ("Triage", "Triage"),
        "case.symptom": ("Symtom", "Symptom"),
        "case.care": ("Vårdnivå", "Care level"),
        "case.referral": ("Hänvisning", "Referral"),
        "case.rationale": ("Motivering", "Rationale"),
        "case.answers": ("Formulär", "Form"),
        "case.health": ("Självskattad hälsa %d/5", "Self-rated health %d/5"),
        "case.expectations": ("Förväntan", "Expects"),
        "case.attachments": ("Bilagor", "Attachments"),
        "case.gps": ("VARNING: GPS-position i bilden", "WARNING: GPS position in photo"),
        "case.history": ("Händelser", "History"),
        "history.title": ("Motivering och händelser", "Rationale and history"),
        "history.more": ("rad %d–%d av %d · ↑/↓ PgUp/PgDn rullar", "lines %d–%d of %d · ↑/↓ PgUp/PgDn scroll"),
        "history.created": ("skapat", "created"),
        "history.taken": ("taget", "taken"),
        "history.released": ("släppt till kön", "released to the queue"),
        "history.forwarded": ("hänvisat", "forwarded"),
        "history.closed": ("avslutat", "closed"),
        "history.override": ("triagen ändrad", "triage overridden"),
        "history.retriage": ("omtriage på nytt meddelande", "re-triaged on a new message"),
        "case.chat": ("Chatt", "Chat"),
        "case.composer": ("Skriv (^S skickar, Esc lämnar)", "Write (^S sends, Esc leaves)"),
        "case.composer.locked": ("Ta ärendet (t) för att skriva", "Take the case (t) to write"),
        "case.draft": ("utkast sparat", "draft saved"),
        "author.citizen": ("Patient", "Patient"),
        "author.system": ("System", "System"),
        "picker.filter": ("Filter: ", "Filter: "),
        "picker.templates": ("Frasmallar", "Phrase templates"),
        "picker.providers": ("Hänvisa till", "Forward to"),
        "picker.outcomes": ("Avsluta med utfall", "Close with outcome"),
        "picker.urgency": ("Ny brådskegrad", "New urgency"),
        "picker.preview": ("Förhandsvisning", "Preview"),
        "picker.newTemplate": ("Ny egen mall", "New personal template"),
        "picker.templateKeys": ("^N ny egen · ^E ändra egen", "^N new own · ^E edit own"),
        "prompt.template": ("Text med {variabler}; ^S sparar, Esc avbryter", "Text with {variables}; ^S saves, Esc cancels"),
        "msg.notPersonal": ("Bara egna mallar kan ändras", "Only personal templates can be edited"),
        "msg.templateSaved": ("Mallen %@ sparad", "Template %@ saved"),
        "picker.unknownVar": ("Okänd variabel {%@} – kan inte användas", "Unknown variable {%@} – cannot be used"),
        "prompt.note": ("Överlämningsanteckning (krävs): ", "Handover note (required): "),
        "prompt.reason": ("Skäl för ändring (krävs): ", "Reason for change (required): "),
        "prompt.search": ("Sök: ", "Search: "),
        "override.title": ("Bekräfta: triagen säger %@", "Confirm: the triage says %@"),
        "override.phone.selfCare": ("Avsluta ändå med egenvårdsråd? Skäl (krävs) · Enter bekräftar · Esc avbryter",
                                    "Close with self-care advice anyway? Reason (required) · Enter confirms · Esc cancels"),
        "override.phone.digitalCase": ("Skapa ändå ett digitalt ärende? Skäl (krävs) · Enter bekräftar · Esc avbryter",
                                       "Create a digital case anyway? Reason (required) · Enter confirms · Esc cancels"),
        "override.phone.call112": ("Skäl (krävs) · Enter bekräftar · Esc avbryter", "Reason (required) · Enter confirms · Esc cancels"),
        "override.close": ("Avsluta ändå med egenvårdsråd? Skäl (krävs) · Enter bekräftar · Esc avbryter",
                           "Close with self-care advice anyway? Reason (required) · Enter confirms · Esc cancels"),
        "alert.raisedByCitizen": ("Ärende %d höjt till %@ – ny information från patienten", "Case %d raised to %@ – new information from the patient"),
        "alert.raised": ("Ärende %d höjt till %@", "Case %d raised to %@"),
        "alert.new": ("Nytt ärende %d: %@ %@", "New case %d: %@ %@"),
        "deny.closedTake": ("Ärende %d är avslutat och kan inte tas", "Case %d is closed and cannot be taken"),
        "deny.closed": ("Ärende %d är avslutat – det kan inte ändras", "Case %d is closed – it cannot be changed"),
        "deny.alreadyYours": ("Ärende %d är redan ditt", "Case %d is already yours"),
        "deny.notYoursRelease": ("Ärende %d är inte ditt att släppa", "Case %d is not yours to release"),
        "composer.unfilled": ("Ej skickat: %@ är inte ifylld – skriv in texten eller ta bort den", "Not sent: %@ is not filled in – type the text or remove it"),
        "msg.emptyReason": ("Skriv ett skäl först", "Write a reason first"),
        "phone.destination": ("Digitalt ärende (^S) går till: %@", "A digital case (^S) goes to: %@"),
        "phone.notAsked": ("ej frågad", "not asked"),
        "phone.yes": ("ja", "yes"),
        "phone.no": ("nej", "no"),
        "phone.questions": ("Följdfrågor (mellanslag: ej frågad → ja → nej)", "Red-flag questions (space: not asked → yes → no)"),
        "triage.uncertain": ("ej säker automatisk bedömning", "uncertain automatic assessment"),
        "triage.uncertain.short": ("ej säker", "uncertain"),
        "open.now": ("öppet nu", "open now"),
        "open.next": ("öppnar %@", "opens %@"),
        "open.closed": ("stängt", "closed"),
        "wait.minutes": ("väntetid %@", "wait %@"),
        "msg.taken": ("Du har tagit ärende %d", "You took case %d"),
        "msg.released": ("Ärende %d är tillbaka i kön", "Case %d is back in the queue"),
        "msg.sent": ("Meddelandet skickat", "Message sent"),
        "msg.forwarded": ("Ärendet skickat till %@", "Case forwarded to %@"),
        "msg.closed": ("Ärende %d avslutat: %@", "Case %d closed: %@"),
        "msg.overridden": ("Brådska ändrad till %@", "Urgency changed to %@"),
        "msg.noUnread": ("Inga olästa meddelanden i dina chattar", "No unread messages in your chats"),
        "msg.emptyNote": ("Skriv en anteckning först", "Write a note first"),
        "msg.refreshed": ("Uppdaterad", "Updated"),
        "help.title": ("Hjälp – tangenter", "Help – keys"),
        "help.close": ("Esc eller ? stänger hjälpen", "Esc or ? closes help"),
        "lock.title": ("Skärmen är låst", "The screen is locked"),
        "lock.hint": ("Ange lösenord och Enter för att låsa upp · Ctrl-C avslutar", "Type your password and Enter to unlock · Ctrl-C quits"),
        "dash.title": ("Översikt – %@", "Dashboard – %@"),
        "dash.summary": ("öppna %d · över svarstid %d · median första svar i dag %@", "open %d · past target %d · median first answer today %@"),
        "dash.total": ("Totalt", "Total"),
        "dash.oldest": ("Äldst", "Oldest"),
        "dash.overdue": ("! Över svarstid", "! Past target"),
        "dash.arrivals": ("Ankomster senaste 24 h", "Arrivals last 24 h"),
        "dash.staff": ("Personal inloggad", "Staff online"),
        "dash.chats": ("%d chattar", "%d chats"),
        "dash.none": ("ingen", "none"),
        "small": ("Fönstret är för litet (minst 40×10)", "The window is too small (at least 40×10)"),
    ]

    /// The text for `key` in `lang`; the key itself when missing (visible in tests, never a crash).
    public static func t(_ key: String, _ lang: Lang) -> String {
        guard let e = table[key] else { return key }
        return lang == .sv ? e.sv : e.en
    }

    /// The text with `%d`/`%@` arguments filled in.
    public static func t(_ key: String, _ lang: Lang, _ args: CVarArg...) -> String {
        String(format: t(key, lang), arguments: args)
    }
}
