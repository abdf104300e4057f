import LotsCore

/// The case screen's line about care beyond the chat: the care pathway, the booked (or cancelled) time with its
/// video link, and times offered but not yet chosen. Nil when there is none of these.
enum CareLine {
    static func text(_ d: CaseDetail, _ lang: Lang) -> String? {
        var parts: [String] = []
        if let p = d.pathway { parts.append("\(Strings.t("case.pathway", lang)): " + (lang == .sv ? p.swedishName : p.englishName)) }
        if let a = d.appointment {
            let mode = Strings.t(a.slot.mode == .video ? "slots.video" : "slots.physical", lang)
            parts.append("\(Strings.t(a.isCancelled ? "case.appointment.cancelled" : "case.appointment", lang)): \(a.slot.label) \(mode), "
                         + SafeText.sanitize(a.slot.unitName, keepNewlines: false) + (a.isCancelled ? "" : a.videoURL.map { " \($0)" } ?? ""))
        }
        if !d.offeredSlots.isEmpty, d.appointment.map({ $0.isCancelled }) ?? true {
            parts.append("\(Strings.t("case.offered", lang)): " + d.offeredSlots.map(\.label).joined(separator: "; "))
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
