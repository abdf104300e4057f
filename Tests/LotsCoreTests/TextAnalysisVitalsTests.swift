import Foundation
import Testing
@testable import LotsCore
import LotsTestSupport

/// Vital signs measured at home and written in the text (session 9: a pulse of 36–40 on a blood-pressure meter
/// with dizziness was P4; "fick kramp" with fever in a toddler was P5).
@Suite struct TextAnalysisVitalsTests {
    let tuesday = Shipped.at("2026-12-01T14:00:00+01:00")

    func triage(_ text: String, age: Int) -> TriageResult {
        Shipped.engine.triage(TriageInput(text: text, ageYears: age), at: tuesday)
    }

    @Test func pulseAndSaturationAreReadBesideTheirWords() {
        let range = TextAnalysis("pulsen visar 36-40 på blodtrycksmätaren")
        #expect(range.pulseLow == 36 && range.pulseHigh == 40)
        #expect(TextAnalysis("hjärtat slår 150 slag i minuten").pulseHigh == 150)
        #expect(TextAnalysis("heart rate 48 on my watch").pulseLow == 48)
        #expect(TextAnalysis("saturationen 86 % på fingermätaren").saturation == 86)
        // A temperature after the pulse is no pulse; a number far from any measure word is nothing.
        let mixed = TextAnalysis("puls 118 och 38 grader")
        #expect(mixed.pulseLow == 118 && mixed.pulseHigh == 118)
        #expect(TextAnalysis("satt ner i 30 minuter, 95 år").saturation == nil)
        #expect(TextAnalysis("har haft ont i 40 dagar").pulseLow == nil)
        let sugar = TextAnalysis("blodsockret var 2,6 i morse och nu är sockret nere på 3,1")
        #expect(sugar.glucoseLow == 2.6 && sugar.glucoseHigh == 3.1)
        #expect(TextAnalysis("bs 24 mmol").glucoseHigh == 24)
        // In a text about diabetes a bare decimal is a blood sugar; elsewhere, or as a dose, it is not.
        #expect(TextAnalysis("tar glimepirid, i morse hade hon 2,6 och var konstig").glucoseLow == 2.6)
        #expect(TextAnalysis("i morse hade hon 2,6 och var konstig").glucoseLow == nil)
        #expect(TextAnalysis("tar insulin, fick 2,5 ml").glucoseLow == nil)
    }

    /// Session 10: "ketoner 1,8" in a diabetes text was read as a blood sugar of 1.8, and the "typ" of "typ 1" as a hedge.
    @Test func ketonesAreNoBloodSugarAndTypeOneIsNoHedge() {
        let text = TextAnalysis("typ 1 diabetiker, blodsockret 18-20, ketoner 1,8")
        #expect(text.glucoseLow == 18 && text.glucoseHigh == 20)
        #expect(!text.tokens[2].uncertain)
        #expect(CompiledTerm("ketoner #1.5").match(in: TextAnalysis("ketoner 1,8")) != nil)
        #expect(CompiledTerm("ketoner #1.5").match(in: TextAnalysis("ketoner 1,2")) == nil)
        #expect(triage("typ 1 diabetiker, magsjuk sen igår, kan inte behålla något, ketoner 2,1", age: 25).urgency == .p1)
        #expect(triage("typ 1, ketoner 0,4 efter träningen, mår bra", age: 25).urgency > .p2)
    }

    @Test func aPregnancyWeekIsReadWithTheWeekAfterTheNumber() {
        #expect(TextAnalysis("gravid 35 veckor och huvudvärk").pregnancyWeek == 35)
        #expect(TextAnalysis("pregnant 36 weeks, pounding headache").pregnancyWeek == 36)
        #expect(TextAnalysis("förkyld i 3 veckor").pregnancyWeek == nil)
    }

    /// A pulse under 40 with faintness is RETTS red (session 12: a dialysis patient with 38 and legs that would not
    /// carry him was P1; older writers accepted P1 or 112 for the case below).
    @Test func aSlowPulseWithDizzinessIsSeenAtOnce() {
        #expect(triage("Min man är yr och svimfärdig sen i förmiddags, pulsen visar 36-40 på blodtrycksmätaren", age: 70).urgency == .emergency)
        #expect(triage("Vilopuls 58 på klockan, mår bra, undrar bara om det är normalt", age: 35).urgency > .p1)
    }

    @Test func aLowBloodSugarOnASulfonylureaIsSeenTheSameDay() {
        #expect(triage("mamma 82 tar glimepirid för diabetes. i morse hade hon 2,6 och var konstig, blev bättre av saft men nu är hon nere på 3,1 igen", age: 82).urgency <= .p2)
        #expect(triage("Typ 1-diabetes, blodsockret är 26 och jag har kräkts flera gånger", age: 19).urgency <= .p1)
    }

    @Test func aLowSaturationIsUrgent() {
        #expect(triage("andfådd och saturationen är 86", age: 74).urgency <= .p1)
    }

    @Test func aSeizureSaidPlainlyIsASeizureAndACrampInAMuscleIsNot() {
        #expect(triage("Min dotter 1,5 år fick kramp för en halvtimme sedan, höll på i 2 min. Feber 39,4. Nu pigg igen", age: 1).urgency == .p1)
        #expect(triage("fick kramp i vaden i natt, gick över när jag sträckte", age: 40).urgency >= .p3)
    }
}
