/// Where care happens (vårdnivå), least to most intensive. DESIGN §2.
public enum CareLevel: String, CaseIterable, Sendable, Codable, Comparable {
    case egenvard, chatt, video, besok, akut, ambulans

    private var order: Int { CareLevel.allCases.firstIndex(of: self)! }
    public static func < (a: CareLevel, b: CareLevel) -> Bool { a.order < b.order }

    /// The least intensive care level that fits an urgency; a catalog entry may ask for more.
    public static func minimum(for urgency: Urgency) -> CareLevel {
        switch urgency {
        case .emergency: .ambulans
        case .p1: .akut
        case .p2: .besok
        case .p3: .video
        case .p4: .chatt
        case .p5: .egenvard
        }
    }
}
