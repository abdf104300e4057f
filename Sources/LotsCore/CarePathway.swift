/// A national care pathway (vårdförlopp, earlier "standardiserat vårdförlopp") that a complaint may start.
///
/// Named by a catalog complaint's `pathway:` key; the case shows it and the exports carry it. The codes are Lots'
/// own short names; `swedishName` is the pathway's national title (Nationellt system för kunskapsstyrning).
public enum CarePathway: String, CaseIterable, Sendable, Codable {
    case strokeTIA = "stroke-tia"
    case cancerNonSpecific = "cancer-allvarliga-ospecifika-symtom"
    case breastCancer = "cancer-brost"
    case bladderCancer = "cancer-urinblasa"
    case colorectalCancer = "cancer-tjock-andtarm"

    /// The pathway's Swedish title.
    public var swedishName: String {
        switch self {
        case .strokeTIA: "Vårdförlopp stroke och TIA"
        case .cancerNonSpecific: "Standardiserat vårdförlopp: allvarliga ospecifika symtom som kan bero på cancer"
        case .breastCancer: "Standardiserat vårdförlopp: bröstcancer"
        case .bladderCancer: "Standardiserat vårdförlopp: cancer i urinblåsan och övre urinvägarna"
        case .colorectalCancer: "Standardiserat vårdförlopp: tjock- och ändtarmscancer"
        }
    }

    /// The pathway's English title.
    public var englishName: String {
        switch self {
        case .strokeTIA: "Care pathway stroke and TIA"
        case .cancerNonSpecific: "Standardised care pathway: serious non-specific symptoms that may be cancer"
        case .breastCancer: "Standardised care pathway: breast cancer"
        case .bladderCancer: "Standardised care pathway: cancer of the bladder and upper urinary tract"
        case .colorectalCancer: "Standardised care pathway: colorectal cancer"
        }
    }
}
