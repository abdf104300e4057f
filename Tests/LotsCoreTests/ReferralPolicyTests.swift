import Foundation
import Testing
import LotsCore

@Suite struct ReferralPolicyTests {
    let policy = ReferralPolicy(directory: Shipped.directory)

    func type(_ u: Urgency, _ mission: CareMission = .somatisk, age: Int = 40, at iso: String) -> ProviderType {
        policy.refer(urgency: u, mission: mission, age: age, at: Shipped.at(iso)).type
    }

    @Test func emergencyIsAlways112() {
        #expect(type(.emergency, at: "2026-11-24T03:00:00+01:00") == .ambulans112)
    }

    @Test func p2GoesToNarakutWhileOpenOtherwiseEmergencyDepartment() {
        #expect(type(.p2, at: "2026-11-24T14:00:00+01:00") == .narakut)          // weekday afternoon
        #expect(type(.p2, at: "2026-11-28T15:00:00+01:00") == .narakut)          // Saturday afternoon
        #expect(type(.p2, at: "2026-11-24T23:30:00+01:00") == .akutmottagning)   // night
        #expect(type(.p2, age: 8, at: "2026-11-24T23:30:00+01:00") == .barnakutmottagning)
        #expect(type(.p2, age: 0, at: "2026-11-24T14:00:00+01:00") == .barnakutmottagning)  // närakut takes 1+
    }

    @Test func p1FollowsAgeAndPsychiatricMission() {
        #expect(type(.p1, at: "2026-11-24T14:00:00+01:00") == .akutmottagning)
        #expect(type(.p1, age: 12, at: "2026-11-24T14:00:00+01:00") == .barnakutmottagning)
        #expect(type(.p1, .psykiatri, age: 30, at: "2026-11-24T02:00:00+01:00") == .psykiatriskAkutmottagning)
    }

    @Test func p3UsesVardcentralWhenItOpensWithin24HoursElseNarakut() {
        #expect(type(.p3, at: "2026-11-24T20:00:00+01:00") == .vardcentral)    // Tuesday night → Wednesday 08:00
        #expect(type(.p3, at: "2026-11-28T10:00:00+01:00") == .narakut)        // Saturday → Monday is > 24 h away
        #expect(type(.p3, at: "2026-11-29T09:00:00+01:00") == .vardcentral)    // Sunday 09:00 → Monday 08:00
        #expect(type(.p3, at: "2026-12-24T09:00:00+01:00") == .narakut)        // Christmas Eve exception
    }

    @Test func p4PrefersTheMissionsOwnUnitWhenTheAgeFits() {
        #expect(type(.p4, .rorelse, at: "2026-11-24T10:00:00+01:00") == .fysioterapi)
        #expect(type(.p4, .ungdom, age: 17, at: "2026-11-24T10:00:00+01:00") == .ungdomsmottagning)
        #expect(type(.p4, .ungdom, age: 35, at: "2026-11-24T10:00:00+01:00") == .vardcentral)
        #expect(type(.p4, .barnhalsa, age: 3, at: "2026-11-24T10:00:00+01:00") == .bvc)
        #expect(type(.p4, .psykiatri, age: 29, at: "2026-11-24T10:00:00+01:00") == .vardcentral)
    }

    @Test func p5IsSelfCareWithNoUnit() {
        let r = policy.refer(urgency: .p5, mission: .somatisk, age: 30, at: Shipped.at("2026-11-24T10:00:00+01:00"))
        #expect(r.type == .egenvard)
        #expect(r.provider == nil)
    }

    @Test func bestUnitIsOpenNowThenShortestWait() {
        let r = policy.refer(urgency: .p2, mission: .somatisk, age: 40, at: Shipped.at("2026-11-24T14:00:00+01:00"))
        #expect(r.provider?.hsaId == "SE2321000016-NA3")  // 45 min beats 60 and 90
    }

    @Test func directoryHasAtLeast25UnitsAndEveryProviderType() {
        #expect(Shipped.directory.providers.count >= 25)
        let types = Set(Shipped.directory.providers.map(\.type))
        #expect(ProviderType.allCases.filter { $0 != .egenvard }.allSatisfy(types.contains))
    }
}
