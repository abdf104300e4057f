import Foundation
import Testing
@testable import LotsCore
import LotsTestSupport

/// Session 16: misreadings a finding audit found (helpers briefed as triage nurses marked what over-triaged messages
/// do not say). Each test is the class in other words than the audited message, and failed on the session-start
/// catalog; the emergencies next to them keep the exclusions from reaching too far.
@Suite struct TriageMisreadingTests {
    let tuesday = Shipped.at("2026-11-24T10:00:00+01:00")

    func triage(_ text: String, age: Int, sex: Sex = .x) -> TriageResult {
        Shipped.engine.triage(TriageInput(text: text, ageYears: age, sex: sex, answers: [:]), at: tuesday)
    }

    @Test func anEveningPlanIsNoSuicidePlan() {
        #expect(triage("snorig och lite hosta, får jag spela match ikväll eller ska jag stanna hemma?", age: 35).urgency == .p5)
        #expect(triage("Dottern har eksem, vi har en plan från BVC med kräm men det blir inte bättre", age: 6).urgency > .p1)
        #expect(triage("jag vill inte leva längre, ikväll ska jag ta alla tabletter", age: 40).urgency == .emergency)
    }

    @Test func notKnowingWhereToGoIsNoDisorientation() {
        #expect(triage("Har flyttat hit och vet inte var finns vårdcentral, har ont i halsen sedan 3 dagar", age: 30).urgency > .p2)
        #expect(triage("mamma vet inte var hon är och känner inte igen köket sedan i morse", age: 82).urgency <= .p1)
    }

    @Test func somethingHangingOutIsACordProlapseOnlyInLabour() {
        #expect(triage("Det känns som något hänger ut där nere när jag står, som en kula i slidan", age: 74, sex: .f).urgency > .p1)
        #expect(triage("vattnet har gått, vecka 37, och det känns som nåt hänger ut där nere", age: 30, sex: .f).urgency == .emergency)
    }

    @Test func hardToPassIsNoBlackStool() {
        // "svårt" folds to "svart": a stool hard to pass is not a black one; a black, sticky one still is.
        #expect(triage("har svårt att få ut avföringen sedan jag började med morfin, bajsar var tredje dag", age: 80).urgency > .p2)
        #expect(triage("Bajsat svart kladdigt sedan igår, blir yr när jag reser mig, tar Eliquis", age: 79).urgency <= .p1)
    }

    @Test func wordsThatLookLikeCatalogWords() {
        // "writing" is one letter from "writhing".
        #expect(triage("Sorry for writing so late, I have had a sore throat for two days and no fever", age: 55).urgency == .p5)
        #expect(triage("he is writhing in pain, holding his belly", age: 55).urgency <= .p2)
    }

    @Test func figuresOfSpeechAreNoInjuries() {
        #expect(triage("ont i halsen som knivar när jag sväljer, 38,5 i feber, kan dricka", age: 40).urgency > .p2)
        #expect(triage("woke up with my big toe joint on fire, red and swollen, no injury", age: 50).urgency > .p1)
        #expect(triage("knivhuggen i magen, blöder mycket", age: 25).urgency == .emergency)
    }

    @Test func aNewIrregularHeartbeatToldByTheBeat() {
        #expect(triage("Pulsen har hoppat oregelbundet i tre timmar, känns som fladder i bröstet, inte yr", age: 58).urgency == .p2)
        #expect(triage("hjärtat hoppar över ett slag ibland, extraslag", age: 40).urgency > .p2)
    }

    @Test func hypertensiveCrisisWithSymptoms() {
        #expect(triage("Blodtrycket 225/130 och jag har huvudvärk och ser suddigt", age: 60).urgency == .p1)
        #expect(triage("BP 205/118 tonight, only a mild headache, no problems with vision", age: 60).urgency > .p1)
    }

    @Test func exclusionsDoNotReachRealEmergencies() {
        #expect(triage("Feber 39,8, lila fläckar på armarna som blir fler på en halvtimme, slö", age: 4).urgency == .emergency)
        #expect(triage("Gravid vecka 34, blöder knallrött och har blött igenom byxorna", age: 30, sex: .f).urgency == .emergency)
        #expect(triage("v 36, bebisen har rört sig mycket mindre än vanligt sedan i morse", age: 30, sex: .f).urgency == .p1)
    }

    /// A clinical review of this session's exclusions found these (each had fallen to P1–P4); they stay emergencies.
    @Test func reviewedEmergenciesStayEmergencies() {
        #expect(triage("Min man andas inte, han har haft panikattacker förut", age: 40).urgency == .emergency)
        #expect(triage("Jag ser navelsträngen hänga ut ur slidan!", age: 30, sex: .f).urgency == .emergency)
        #expect(triage("He has blue lips and foam at the mouth", age: 40).urgency == .emergency)
        #expect(triage("Min son säger att han ska döda någon ikväll, han har en kniv", age: 25).urgency == .emergency)
        #expect(triage("Han är vitgrå i ansiktet och har haft svart avföring idag", age: 70).urgency == .emergency)
        #expect(triage("Pappa tar Waran, föll och slog huvudet och knät, har kräkts två gånger", age: 85).urgency == .emergency)
        #expect(triage("Jag har självmordstankar och har en plan, jag har tabletter hemma", age: 30).urgency == .emergency)
        #expect(triage("Mamma har svårt att andas och har feber 39, hon har panikångest sedan många år", age: 70).urgency == .p1)
    }

    /// A rule for one sex applies when the sex is unknown: rules only raise (the pregnancy bleeding rule is for women).
    @Test func anUnknownSexNeverSwitchesARuleOff() {
        #expect(triage("Gravid vecka 8, har fått en liten blödning idag", age: 30, sex: .x).urgency == .p3)
        #expect(triage("Gravid vecka 8, har fått en liten blödning idag", age: 30, sex: .f).urgency == .p3)
        #expect(triage("Gravid v 10, blöder rikligt sedan i morse med klumpar och ont", age: 30).urgency <= .p2)
    }

    @Test func ownKnownPanicAttacksAreNotANewBreathlessness() {
        #expect(triage("får panikattacker typ 2 ggr i veckan, hjärtat rusar och svårt att andas men det går över efter 10 min", age: 24).urgency > .p2)
        #expect(triage("får panikattacker men nu har jag ett astmaanfall och kan inte andas, ventolin hjälper inte", age: 22).urgency == .emergency)
    }
}
