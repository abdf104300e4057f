import LotsCore

/// Domain values as the user reads them, from the one string catalog in both languages: never a raw code.
extension Strings {
    public static func urgency(_ u: Urgency, _ lang: Lang) -> String { t("urgency." + u.code, lang) }
    public static func outcome(_ o: Outcome, _ lang: Lang) -> String { t("outcome." + o.rawValue, lang) }
    public static func careLevel(_ c: CareLevel, _ lang: Lang) -> String { t("care." + c.rawValue, lang) }
    public static func profession(_ p: Profession, _ lang: Lang) -> String { t("profession." + p.rawValue, lang) }
    public static func role(_ r: LotsCore.Role, _ lang: Lang) -> String { t("role." + r.rawValue, lang) }
    public static func providerType(_ p: ProviderType, _ lang: Lang) -> String { t("provider." + p.rawValue, lang) }
    public static func templateCategory(_ c: String, _ lang: Lang) -> String { table["category." + c] == nil ? c : t("category." + c, lang) }
    public static func channel(_ c: Channel, _ lang: Lang) -> String { t("channel." + c.rawValue, lang) }
    public static func sex(_ s: Sex, _ lang: Lang) -> String { t("sex." + s.rawValue, lang) }

    /// A store or validation error in the user's language (its catalog key), else its English line.
    public static func error(_ e: LotsError, _ lang: Lang) -> String {
        guard let key = e.key, table[key] != nil else { return e.what + " – " + e.fix }
        return String(format: t(key, lang), arguments: e.args.map { $0 as CVarArg })
    }

    /// The labels of every domain value, so a test can check that none is missing.
    static let domain: [(String, String)] = [
        ("urgency.EMERGENCY", "Akut – ring 112|Emergency – call 112"), ("urgency.P1", "Omgående|Immediate"),
        ("urgency.P2", "Skyndsamt|Urgent"), ("urgency.P3", "Närmaste dygnet|Within a day"),
        ("urgency.P4", "Vardag närmaste tiden|Within days"), ("urgency.P5", "Avvakta|Self-care"),
        ("outcome.self-care-advice", "Egenvårdsråd|Self-care advice"), ("outcome.booked-visit", "Bokat besök|Booked visit"),
        ("outcome.video-meeting", "Videomöte|Video meeting"), ("outcome.referred", "Hänvisad|Referred"),
        ("outcome.emergency-112", "Uppmanad att ringa 112|Told to call 112"), ("outcome.no-response", "Inget svar|No response"),
        ("outcome.duplicate", "Dubblett|Duplicate"),
        ("care.egenvard", "egenvård|self-care"), ("care.chatt", "chatt|chat"), ("care.video", "video|video call"),
        ("care.besok", "besök|visit"), ("care.akut", "akutmottagning|emergency department"), ("care.ambulans", "ambulans (112)|ambulance (112)"),
        ("profession.sjukskoterska", "Sjuksköterska|Nurse"), ("profession.lakare", "Läkare|Doctor"),
        ("profession.fysioterapeut", "Fysioterapeut|Physiotherapist"), ("profession.psykolog", "Psykolog|Psychologist"),
        ("profession.kurator", "Kurator|Counsellor"), ("profession.barnmorska", "Barnmorska|Midwife"),
        ("role.clinician", "Vårdpersonal|Clinician"), ("role.phone-nurse", "1177-sjuksköterska|1177 phone nurse"),
        ("role.supervisor", "Arbetsledare|Supervisor"), ("role.admin", "Administratör|Administrator"),
        ("provider.ambulans-112", "Ambulans (112)|Ambulance (112)"), ("provider.akutmottagning", "Akutmottagning|Emergency department"),
        ("provider.barnakutmottagning", "Barnakutmottagning|Paediatric emergency department"),
        ("provider.psykiatrisk-akutmottagning", "Psykiatrisk akutmottagning|Psychiatric emergency department"),
        ("provider.narakut", "Närakut|Urgent care clinic"), ("provider.vardcentral", "Vårdcentral|Health centre"),
        ("provider.digital-vardcentral", "Digital vårdcentral|Digital health centre"), ("provider.bvc", "BVC|Child health centre"),
        ("provider.ungdomsmottagning", "Ungdomsmottagning|Youth clinic"), ("provider.barnmorskemottagning", "Barnmorskemottagning|Midwife clinic"),
        ("provider.fysioterapi", "Fysioterapi|Physiotherapy"), ("provider.egenvard", "Egenvård|Self-care"),
        ("category.greeting", "Hälsning|Greeting"), ("category.question", "Fråga|Question"), ("category.self-care", "Egenvård|Self-care"),
        ("category.booking", "Bokning|Booking"), ("category.forwarding", "Hänvisning|Forwarding"), ("category.closing", "Avslut|Closing"),
        ("category.emergency", "Akut|Emergency"),
        ("channel.app", "app|app"), ("channel.web", "webb|web"), ("channel.phone", "telefon|phone"),
        ("sex.f", "kvinna|female"), ("sex.m", "man|male"), ("sex.x", "ej angivet|not stated"),
    ]
}
