/// Every text of the web form, in Swedish and English.
struct WebStrings: Sendable {
    let lang: String
    var en: Bool { lang == "en" }
    /// The path prefix of this language's pages ("" or "/en").
    var prefix: String { en ? "/en" : "" }

    func t(_ sv: String, _ en: String) -> String { self.en ? en : sv }

    var siteName: String { t("Lots – kontakta vården", "Lots – contact your care unit") }
    var skip: String { t("Hoppa till innehållet", "Skip to content") }
    var otherLanguage: (label: String, lang: String, href: String) { en ? ("På svenska", "sv", "/") : ("In English", "en", "/en") }
    var demoBanner: String { t("DEMO – inte för riktiga patienter. Inloggningen kräver inget lösenord.", "DEMO – not for real patients. The login needs no password.") }
    var loginTitle: String { t("Logga in", "Log in") }
    var loginIntro: String { t("Logga in med ditt personnummer för att beskriva dina besvär.", "Log in with your personal identity number to describe your symptoms.") }
    var noLogin: String { t("Logga in via regionens e-legitimation (BankID eller Freja) i appen.", "Log in with the region's e-identification (BankID or Freja) in the app.") }
    var pnrLabel: String { t("Personnummer", "Personal identity number") }
    var pnrHint: String { t("12 siffror, till exempel 19121212-1212", "12 digits, for example 19121212-1212") }
    var nameLabel: String { t("Ditt namn", "Your name") }
    var loginButton: String { t("Logga in (demo)", "Log in (demo)") }
    var logout: String { t("Logga ut", "Log out") }
    var errorSummary: String { t("Något behöver rättas", "Something needs correcting") }
    var errorPrefix: String { t("Fel:", "Error:") }
    var formTitle: String { t("Beskriv dina besvär", "Describe your symptoms") }
    var reasonLabel: String { t("Vad söker du för?", "What is your reason for contact?") }
    var reasonHint: String { t("Beskriv med egna ord: vad, sedan när, hur det har ändrats.", "In your own words: what, since when, how it has changed.") }
    var unitLabel: String { t("Vårdcentral", "Care unit") }
    var next: String { t("Fortsätt", "Continue") }
    var questionsTitle: String { t("Några frågor till", "A few more questions") }
    var yes: String { t("Ja", "Yes") }
    var no: String { t("Nej", "No") }
    var healthLegend: String { t("Hur mår du just nu?", "How do you feel right now?") }
    var healthLabels: [String] { en ? ["1 – very poorly", "2 – poorly", "3 – so-so", "4 – well", "5 – very well"]
        : ["1 – mycket dåligt", "2 – dåligt", "3 – varken bra eller dåligt", "4 – bra", "5 – mycket bra"] }
    var expectationsLabel: String { t("Vad hoppas du att vi kan hjälpa dig med? (frivilligt)", "What do you hope we can help you with? (optional)") }
    var photoLabel: String { t("Foto (frivilligt, JPEG eller PNG, högst 10 MB)", "Photo (optional, JPEG or PNG, at most 10 MB)") }
    var send: String { t("Skicka", "Send") }
    var adviceTitle: String { t("Vårt råd till dig", "Our advice to you") }
    var call112: String { t("Ring 112", "Call 112") }
    var toChat: String { t("Gå till chatten", "Go to the chat") }
    var chatTitle: String { t("Din kontakt med vården", "Your contact with the care unit") }
    var statusLabel: String { t("Status", "Status") }
    var unitName: String { t("Mottagning", "Unit") }
    var messagesTitle: String { t("Meddelanden", "Messages") }
    var noMessages: String { t("Inga meddelanden ännu.", "No messages yet.") }
    var replyLabel: String { t("Skriv ett meddelande", "Write a message") }
    var sendMessage: String { t("Skicka meddelande", "Send message") }
    var live: String { t("Nya svar visas här direkt.", "New replies appear here at once.") }
    var reload: String { t("Ladda om sidan för att se nya svar.", "Reload the page to see new replies.") }
    var you: String { t("Du", "You") }
    var staff: String { t("Vården", "Care staff") }
    var system: String { t("Meddelande från Lots", "Message from Lots") }
    var closedNote: String { t("Ärendet är avslutat. Kontakta oss på nytt om du behöver.", "The case is closed. Contact us again if you need to.") }
    var newContact: String { t("Ny kontakt", "New contact") }
    var sessionEnded: String { t("Du behöver logga in igen.", "You need to log in again.") }

    func status(_ s: String) -> String {
        switch s {
        case "new": t("Väntar på vården", "Waiting for the care unit")
        case "active", "awaiting-staff": t("Vården har ditt ärende", "The care unit has your case")
        case "awaiting-citizen": t("Vården väntar på ditt svar", "The care unit awaits your reply")
        case "forwarded": t("Skickat vidare till en annan mottagning", "Passed on to another unit")
        case "closed": t("Avslutat", "Closed")
        default: s
        }
    }
}
