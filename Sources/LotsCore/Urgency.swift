/// How soon a case needs staff (brådskegrad), highest first. DESIGN §2.
///
/// `Comparable` orders by urgency: `.emergency < .p1 < … < .p5`, so `min` picks the most urgent.
public enum Urgency: String, CaseIterable, Sendable, Codable, Comparable {
    case emergency = "EMERGENCY"
    case p1 = "P1"
    case p2 = "P2"
    case p3 = "P3"
    case p4 = "P4"
    case p5 = "P5"

    /// 0 for EMERGENCY … 5 for P5; stored in the database so the queue sorts on an integer.
    public var rank: Int {
        switch self {
        case .emergency: 0
        case .p1: 1
        case .p2: 2
        case .p3: 3
        case .p4: 4
        case .p5: 5
        }
    }

    public init?(rank: Int) {
        guard let u = Urgency.allCases.first(where: { $0.rank == rank }) else { return nil }
        self = u
    }

    /// The code as written in catalogs and on the command line (`P3`, `EMERGENCY`).
    public var code: String { rawValue }

    /// The Swedish label shown beside the code in the console.
    public var swedishLabel: String {
        switch self {
        case .emergency: "Akut – ring 112"
        case .p1: "Omgående"
        case .p2: "Skyndsamt"
        case .p3: "Närmaste dygnet"
        case .p4: "Vardag närmaste tiden"
        case .p5: "Avvakta"
        }
    }

    /// The English label, for `--lang en`.
    public var englishLabel: String {
        switch self {
        case .emergency: "Emergency – call 112"
        case .p1: "Immediately"
        case .p2: "Urgent"
        case .p3: "Within a day"
        case .p4: "Within the coming weeks"
        case .p5: "Wait and see"
        }
    }

    /// Target time to the first staff response, in seconds. P4's "8 working hours" is counted as 8 hours.
    public var responseTargetSeconds: Int {
        switch self {
        case .emergency: 5 * 60
        case .p1: 15 * 60
        case .p2: 60 * 60
        case .p3: 4 * 3600
        case .p4: 8 * 3600
        case .p5: 24 * 3600
        }
    }

    /// The more urgent of two levels.
    public func raised(to other: Urgency) -> Urgency { Swift.min(self, other) }

    public static func < (a: Urgency, b: Urgency) -> Bool { a.rank < b.rank }
}
