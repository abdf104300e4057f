/// The care mission (vårduppdrag) a symptom belongs to; it steers which provider types may take it.
public enum CareMission: String, CaseIterable, Sendable, Codable {
    /// General somatic care: vårdcentral, närakut, akutmottagning.
    case somatisk
    /// Mental health: psychiatric emergency at P1, otherwise vårdcentral.
    case psykiatri
    /// Infants and small children's health (BVC, 0–5 years).
    case barnhalsa
    /// Young people's sexual and mental health (ungdomsmottagning, 13–22 years).
    case ungdom
    /// Pregnancy, contraception and women's health (barnmorskemottagning).
    case modrahalsa
    /// Muscles and joints (fysioterapi).
    case rorelse

    /// The mission's own unit type for non-urgent care (DESIGN §3, P4), if it has one.
    public var ownProviderType: ProviderType? {
        switch self {
        case .somatisk, .psykiatri: nil
        case .barnhalsa: .bvc
        case .ungdom: .ungdomsmottagning
        case .modrahalsa: .barnmorskemottagning
        case .rorelse: .fysioterapi
        }
    }
}
