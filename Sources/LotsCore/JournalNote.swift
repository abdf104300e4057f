/// Renders a case as a plain-text journal note (`lots export`). Every untrusted string is sanitized.
public enum JournalNote {
    public static func render(_ c: CaseDetail) -> String {
        func s(_ t: String) -> String { SafeText.sanitize(t) }
        func line(_ t: String) -> String { SafeText.sanitize(t, keepNewlines: false) }
        var out: [String] = []
        out.append("JOURNALANTECKNING – digital kontakt, ärende \(c.id)")
        out.append("Patient: \(line(c.name)), \(c.personnummer), \(c.ageYears) år, kön \(c.sex.rawValue)")
        if let p = c.phone { out.append("Telefon: \(line(p))") }
        out.append("Enhet: \(line(c.unitName)) (\(c.unitHsaId)), kanal \(c.channel.rawValue)")
        out.append("Inkom: \(ISOTime.local(c.submittedAt)) (Europe/Stockholm)")
        out.append("Status: \(c.status.rawValue)" + (c.outcome.map { ", utfall \($0.rawValue)" } ?? "") + (c.ownerName.map { ", ansvarig \(line($0))" } ?? ""))
        out.append("")
        out.append("Kontaktorsak:")
        out.append(s(c.reason))
        if !c.answers.isEmpty {
            out.append("")
            out.append("Formulärsvar:")
            for a in c.answers { out.append("- \(line(a.question)): \(line(a.answer))") }
        }
        if let h = c.selfRatedHealth { out.append("Självskattat hälsotillstånd: \(h) av 5") }
        if let e = c.expectations, !e.isEmpty { out.append("Förväntningar: \(line(e))") }
        out.append("")
        out.append("Triage (beslutsstöd, katalog \(line(c.catalogVersion))): \(c.urgency.code) \(c.urgency.swedishLabel)")
        out.append("Symtom: \(c.symptomCode.map { "\($0) \(line(c.symptomTitle ?? ""))" } ?? "ingen träff i katalogen")")
        out.append("Vårdnivå: \(c.careLevel.rawValue), profession: \(c.profession.rawValue)")
        out.append("Hänvisning: \(c.referralType.swedishName)" + (c.referralUnitName.map { " – \(line($0))" } ?? ""))
        out.append("Motivering: \(line(c.rationale))")
        if !c.attachments.isEmpty {
            out.append("")
            out.append("Bilagor:")
            for a in c.attachments {
                let gps = a.hasGPS ? " VARNING: innehåller GPS-position" : ""
                out.append("- \(line(a.fileName)): \(a.mimeType), \(a.width)×\(a.height) px, \(a.byteCount) byte, SHA-256 \(a.sha256.prefix(12))…" +
                           (a.capturedAt.map { ", tagen \($0)" } ?? "") + gps + (a.hasBytes ? "" : " (bild gallrad)"))
            }
        }
        if !c.messages.isEmpty {
            out.append("")
            out.append("Chatt:")
            for m in c.messages {
                let who = m.author == .staff ? line(m.staffName ?? "personal") : m.author == .citizen ? "Patient" : "System"
                // Staff notes are part of the record, marked: they were never shown to the patient.
                let mark = m.isStaffNote ? " [PERSONALANTECKNING – ej synlig för patienten]" : ""
                out.append("[\(ISOTime.local(m.at))] \(who)\(mark): \(s(m.body))")
            }
        }
        if !c.history.isEmpty {
            out.append("")
            out.append("Händelser:")
            for h in c.history { out.append("[\(ISOTime.local(h.at))] \(line(h.actor)): \(h.kind)" + (h.note.isEmpty ? "" : " – \(line(h.note))")) }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
