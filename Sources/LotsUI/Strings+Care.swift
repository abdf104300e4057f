/// Console texts of issue 15 (appointment books, video, waits, care pathways), Swedish and English.
extension Strings {
    static let care: [String: (sv: String, en: String)] = [
        "slots.title": ("Erbjud tider (Mellanslag markerar, högst tre; Enter erbjuder)", "Offer times (Space marks, at most three; Enter offers)"),
        "slots.none": ("Inga lediga tider på enheten eller den hänvisade enheten", "No free times at the unit or the referred unit"),
        "slots.max": ("Högst tre tider kan erbjudas", "At most three times can be offered"),
        "slots.hint": ("%d markerade. Patienten väljer en av tiderna i appen eller webbformuläret.", "%d marked. The patient chooses one of the times in the app or web form."),
        "slots.video": ("video", "video"),
        "slots.physical": ("besök", "visit"),
        "slots.offered": ("Tider erbjudna i ärende %d", "Times offered in case %d"),
        "video.started": ("Videolänk skickad i chatten: %@", "Video link sent in the chat: %@"),
        "case.appointment": ("Bokad tid", "Booked"),
        "case.appointment.cancelled": ("Avbokad tid", "Cancelled"),
        "case.offered": ("Erbjudna tider", "Offered times"),
        "case.pathway": ("Vårdförlopp", "Care pathway"),
        "daylist.title": ("Dagens bokningar %@", "Day list %@"),
        "daylist.count": ("%d av %d tider bokade", "%d of %d times booked"),
        "daylist.columns": ("  Tid         Typ    Profession     Ärende", "  Time        Mode   Profession     Case"),
        "daylist.empty": ("Inga tider denna dag (tider läggs in med lots slots template)", "No times this day (add them with lots slots template)"),
        "daylist.case": ("ärende", "case"),
        "daylist.free": ("ledig", "free"),
        "dashboard.waits": ("Väntetider", "Waiting times"),
    ]
}
