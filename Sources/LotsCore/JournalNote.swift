/// Renders a case as a plain-text journal note (`lots export`), laid out as a clinician pastes a digital contact into
/// the patient record: header, sökorsak, anamnes, bedömning, åtgärd and planering, then the chat and the events.
/// Every untrusted string is sanitized.
public enum JournalNote {
    public static func render(_ c: CaseDetail) -> String {
        func s(_ t: String) -> String { SafeText.sanitize(t) }
        func line(_ t: String) -> String { SafeText.sanitize(t, keepNewlines: false) }
        func indented(_ t: String) -> String { s(t).split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") }
        let sex = c.sex == .f ? "kvinna" : c.sex == .m ? "man" : "kön ej angivet"
        var out: [String] = []
        out.append("JOURNALANTECKNING – digital kontakt, ärende \(c.id)")
        out.append("Patient: \(line(c.name)), \(c.personnummer), \(c.ageYears) år, \(sex)")
        if let p = c.phone { out.append("Telefon: \(line(p))") }
        out.append("Vårdenhet: \(line(c.unitName)) (HSA-id \(c.unitHsaId)), kanal \(c.channel.rawValue)")
        out.append("Kontakt: \(ISOTime.local(c.submittedAt))" + (c.closedAt.map { " – \(ISOTime.local($0))" } ?? "") + " (Europe/Stockholm)")
        out.append("Status: \(c.status.rawValue)" + (c.outcome.map { ", utfall \($0.rawValue)" } ?? "") + (c.ownerName.map { ", ansvarig \(line($0))" } ?? ""))
        out.append("")
        out.append("Sökorsak:")
        out.append(indented(c.reason))
        if !c.answers.isEmpty || c.selfRatedHealth != nil || !(c.expectations ?? "").isEmpty {
            out.append("")
            out.append("Anamnes (patientens formulär):")
            for a in c.answers { out.append("  - \(line(a.question)): \(line(a.answer))") }
            if let h = c.selfRatedHealth { out.append("  Självskattat hälsotillstånd: \(h) av 5") }
            if let e = c.expectations, !e.isEmpty { out.append("  Förväntningar: \(line(e))") }
        }
        out.append("")
        out.append("Bedömning (automatisk triage, beslutsstöd – katalog \(line(c.catalogVersion))):")
        out.append("  Brådskegrad: \(c.urgency.code) \(c.urgency.swedishLabel)" + (c.triageUncertain ? " – ej säker automatisk bedömning" : ""))
        out.append("  Symtom: \(c.symptomCode.map { "\($0) \(line(c.symptomTitle ?? ""))" } ?? "ingen träff i katalogen")")
        out.append("  Vårdnivå: \(c.careLevel.rawValue), profession: \(c.profession.rawValue)")
        out.append("  Hänvisning: \(c.referralType.swedishName)" + (c.referralUnitName.map { " – \(line($0))" } ?? ""))
        if let p = c.pathway { out.append("  Vårdförlopp: \(p.swedishName) – överväg start enligt vårdförloppets kriterier") }
        out.append("  Motivering: \(line(c.rationale))")
        var actions: [String] = []
        for f in c.forwards {
            actions.append("  Vidarebefordrat \(ISOTime.local(f.at)) till \(line(f.toUnitName))" + (f.staffName.map { " av \(line($0))" } ?? "") + ": \(line(f.note))")
        }
        if let a = c.appointment {
            let what = a.slot.mode == .video ? "videomöte" : "besök"
            actions.append("  \(a.isCancelled ? "Avbokad tid" : "Bokad tid"): \(a.slot.label) (\(ISOTime.local(a.slot.start))), \(what) hos \(a.slot.profession.swedishTitle.lowercased()), \(line(a.slot.unitName))")
        }
        for v in c.videoLinks { actions.append("  Videomöte: \(line(v))") }
        if !c.offeredSlots.isEmpty { actions.append("  Erbjudna tider, ej valda: " + c.offeredSlots.map(\.label).joined(separator: "; ")) }
        if let o = c.outcome { actions.append("  Avslutat med utfall: \(o.rawValue)") }
        if !actions.isEmpty {
            out.append("")
            out.append("Åtgärd:")
            out += actions
        }
        if !c.attachments.isEmpty {
            out.append("")
            out.append("Bilagor:")
            for a in c.attachments {
                let gps = a.hasGPS ? " VARNING: innehåller GPS-position" : ""
                out.append("  - \(line(a.fileName)): \(a.mimeType), \(a.width)×\(a.height) px, \(a.byteCount) byte, SHA-256 \(a.sha256.prefix(12))…" +
                           (a.capturedAt.map { ", tagen \($0)" } ?? "") + gps + (a.hasBytes ? "" : " (bild gallrad)"))
            }
        }
        if !c.messages.isEmpty {
            out.append("")
            out.append("Kommunikation med patienten (chatt):")
            for m in c.messages {
                let who = m.author == .staff ? line(m.staffName ?? "personal") : m.author == .citizen ? "Patient" : "System"
                // Staff notes are part of the record, marked: they were never shown to the patient.
                let mark = m.isStaffNote ? " [PERSONALANTECKNING – ej synlig för patienten]" : ""
                out.append("  [\(ISOTime.local(m.at))] \(who)\(mark): " + s(m.body).replacingOccurrences(of: "\n", with: "\n    "))
            }
        }
        if !c.history.isEmpty {
            out.append("")
            out.append("Händelser:")
            for h in c.history { out.append("  [\(ISOTime.local(h.at))] \(line(h.actor)): \(h.kind)" + (h.note.isEmpty ? "" : " – \(line(h.note))")) }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
