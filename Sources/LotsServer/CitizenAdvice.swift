import LotsCore

/// What the citizen is told at once after the triage: call 112, self-care, or that a nurse will answer.
struct CitizenAdvice: Sendable, Equatable {
    enum Kind: String, Sendable { case call112 = "call-112", selfCare = "self-care", nurseWillAnswer = "nurse-will-answer" }
    var kind: Kind
    /// The headline ("Ring 112 nu").
    var title: String
    /// The advice in full.
    var text: String
    /// The citizen may chat with staff (always, also after self-care advice).
    var chatAvailable = true

    init(_ r: TriageResult, english: Bool) {
        let worse = english ? "If you get worse, call 1177, or 112 if it is life-threatening." : "Om du blir sämre, ring 1177 eller 112 om det är livshotande."
        switch r.urgency {
        case .emergency:
            kind = .call112
            title = english ? "Call 112 now" : "Ring 112 nu"
            text = english ? "Your answers suggest you need emergency help. Call 112 now. We have also received your case."
                : "Dina svar tyder på att du behöver akut hjälp. Ring 112 nu. Vi har också tagit emot ditt ärende."
        case .p5:
            kind = .selfCare
            title = english ? "Self-care advice" : "Egenvårdsråd"
            let advice = (english && !(r.symptom?.adviceEn ?? "").isEmpty ? r.symptom?.adviceEn : r.symptom?.advice) ?? ""
            text = (advice.isEmpty ? "" : advice + " ") + (english ? "You can still write to us in the chat if you want contact. "
                : "Du kan ändå skriva till oss i chatten om du vill ha kontakt. ") + worse
        default:
            kind = .nurseWillAnswer
            title = english ? "A nurse will answer you" : "En sjuksköterska svarar dig"
            let label = english ? r.urgency.englishLabel : r.urgency.swedishLabel
            text = (english ? "Your case has priority \(r.urgency.code) (\(label)). A nurse will answer you in the chat. "
                : "Ditt ärende har prioritet \(r.urgency.code) (\(label)). En sjuksköterska svarar dig i chatten. ") + worse
        }
    }

    var json: [String: Any] { ["kind": kind.rawValue, "title": title, "text": text, "chatAvailable": chatAvailable] }
}
