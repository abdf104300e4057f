/// The kind of care provider (vårdform), used by the directory and the referral policy. DESIGN §2.
public enum ProviderType: String, CaseIterable, Sendable, Codable {
    case ambulans112 = "ambulans-112"
    case akutmottagning
    case barnakutmottagning
    case psykiatriskAkutmottagning = "psykiatrisk-akutmottagning"
    case narakut
    case vardcentral
    case digitalVardcentral = "digital-vardcentral"
    case bvc
    case ungdomsmottagning
    case barnmorskemottagning
    case fysioterapi
    case egenvard

    /// Swedish name of the provider type.
    public var swedishName: String {
        switch self {
        case .ambulans112: "Ambulans (112)"
        case .akutmottagning: "Akutmottagning"
        case .barnakutmottagning: "Barnakutmottagning"
        case .psykiatriskAkutmottagning: "Psykiatrisk akutmottagning"
        case .narakut: "Närakut"
        case .vardcentral: "Vårdcentral"
        case .digitalVardcentral: "Digital vårdcentral"
        case .bvc: "BVC"
        case .ungdomsmottagning: "Ungdomsmottagning"
        case .barnmorskemottagning: "Barnmorskemottagning"
        case .fysioterapi: "Fysioterapi"
        case .egenvard: "Egenvård"
        }
    }
}
