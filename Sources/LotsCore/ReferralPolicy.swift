import Foundation

/// Where a case should go: a provider type and, when the directory has one, the best unit of that type.
public struct Referral: Sendable, Equatable {
    public var type: ProviderType
    public var provider: Provider?
    /// Why, in one sentence (part of the triage rationale).
    public var reason: String
}

/// Region Demo's referral policy (DESIGN §3): urgency, care mission, age and the time of day decide the
/// provider type; among units of that type, open now beats closed, then the shortest wait, then the
/// citizen's own unit.
public struct ReferralPolicy: Sendable {
    public var directory: ProviderDirectory

    public init(directory: ProviderDirectory) { self.directory = directory }

    /// The referral for a triaged case at a moment in time.
    public func refer(urgency: Urgency, mission: CareMission, age: Int, at date: Date, ownUnit: String? = nil) -> Referral {
        let (type, reason) = providerType(urgency: urgency, mission: mission, age: age, at: date)
        return Referral(type: type, provider: best(of: type, age: age, at: date, ownUnit: ownUnit), reason: reason)
    }

    func providerType(urgency: Urgency, mission: CareMission, age: Int, at date: Date) -> (ProviderType, String) {
        switch urgency {
        case .emergency:
            return (.ambulans112, "EMERGENCY: ring 112 at any time")
        case .p1:
            return acute(mission: mission, age: age)
        case .p2:
            if age >= 1, anyOpen(.narakut, age: age, at: date) {
                return (.narakut, "P2: närakut is open now")
            }
            let (t, r) = acute(mission: mission, age: age)
            return (t, "P2 and no närakut open for age \(age) now, so " + r)
        case .p3:
            if let open = nextOpening(.vardcentral, age: age, after: date), open.timeIntervalSince(date) <= 24 * 3600 {
                return (.vardcentral, "P3: a vårdcentral opens within 24 h (\(ISOTime.local(open)))")
            }
            if age >= 1 { return (.narakut, "P3: no vårdcentral opens within 24 h, so närakut") }
            return (.barnakutmottagning, "P3: no vårdcentral opens within 24 h and närakut takes ages 1 and up")
        case .p4:
            if let own = mission.ownProviderType, !directory.providers(of: own, age: age).isEmpty {
                return (own, "P4: the care mission's own unit (\(own.rawValue))")
            }
            return (.vardcentral, "P4: vårdcentral on a weekday")
        case .p5:
            return (.egenvard, "P5: self-care advice; chat stays available")
        }
    }

    func acute(mission: CareMission, age: Int) -> (ProviderType, String) {
        if mission == .psykiatri { return (.psykiatriskAkutmottagning, "P1 with a psychiatric mission: psykiatrisk akutmottagning") }
        if age < 18 { return (.barnakutmottagning, "P1 under 18: barnakutmottagning") }
        return (.akutmottagning, "P1: akutmottagning")
    }

    func anyOpen(_ type: ProviderType, age: Int, at date: Date) -> Bool {
        let local = StockholmTime(date)
        return directory.providers(of: type, age: age).contains { $0.hours.isOpen(at: local) }
    }

    func nextOpening(_ type: ProviderType, age: Int, after date: Date) -> Date? {
        directory.providers(of: type, age: age).compactMap { $0.hours.nextOpening(after: date) }.min()
    }

    /// Open now first, then shortest expected wait, then the citizen's own unit, then name for stability.
    func best(of type: ProviderType, age: Int, at date: Date, ownUnit: String?) -> Provider? {
        guard type != .egenvard else { return nil }
        let local = StockholmTime(date)
        return directory.providers(of: type, age: age).min { a, b in
            let ao = a.hours.isOpen(at: local), bo = b.hours.isOpen(at: local)
            if ao != bo { return ao }
            if a.waitMinutes != b.waitMinutes { return a.waitMinutes < b.waitMinutes }
            let aOwn = a.hsaId == ownUnit, bOwn = b.hsaId == ownUnit
            if aOwn != bOwn { return aOwn }
            return a.name < b.name
        }
    }
}
