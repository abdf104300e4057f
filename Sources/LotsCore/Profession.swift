/// A clinician's profession. DESIGN §2.
public enum Profession: String, CaseIterable, Sendable, Codable {
    case sjukskoterska, lakare, fysioterapeut, psykolog, kurator, barnmorska

    public var swedishTitle: String {
        switch self {
        case .sjukskoterska: "Sjuksköterska"
        case .lakare: "Läkare"
        case .fysioterapeut: "Fysioterapeut"
        case .psykolog: "Psykolog"
        case .kurator: "Kurator"
        case .barnmorska: "Barnmorska"
        }
    }
}
