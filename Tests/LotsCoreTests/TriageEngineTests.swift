import Foundation
import Testing
import Yams
import LotsCore
import LotsTestSupport

@Suite struct TriageEngineTests {
    let tuesday = Shipped.at("2026-11-24T10:00:00+01:00")

    func triage(_ text: String, age: Int, sex: Sex = .x, at: Date? = nil) -> TriageResult {
        Shipped.engine.triage(TriageInput(text: text, ageYears: age, sex: sex), at: at ?? tuesday)
    }

    @Test func everyComplaintHasItsSourceAdviceInBothLanguagesAndATitle() {
        for s in Shipped.catalog.symptoms {
            #expect(!s.source.isEmpty, "\(s.code) names no source")
            #expect(!s.advice.isEmpty && !s.adviceEn.isEmpty, "\(s.code) lacks advice in Swedish or English")
            #expect(!s.titleEn.isEmpty && s.titleEn != s.code, "\(s.code) has no English title")
        }
    }

    /// Session 10: when a precise complaint counts, the general one's base gives way; its rules still apply.
    @Test func aPreciseComplaintSetsTheBaseAndTheGeneralOnesRulesStillApply() throws {
        let yaml = """
        symptoms:
          - {code: BELLY, sv: Ont i magen, terms: [ont i magen], urgency: P3, redFlags: [{label: värre, terms: [blir värre], urgency: P2}]}
          - {code: BELLY-MILD, sv: Återkommande magont, terms: [magen ibland], urgency: P4, refines: [BELLY]}
        """
        let engine = TriageEngine(catalog: try CatalogParser.parse(files: [("c.yaml", yaml)]), directory: Shipped.directory)
        func run(_ t: String) -> TriageResult { engine.triage(TriageInput(text: t, ageYears: 30), at: tuesday) }
        #expect(run("har ont i magen").urgency == .p3)
        let mild = run("har ont i magen ibland")
        #expect(mild.urgency == .p4)
        #expect(mild.rationale.contains { $0.hasPrefix("besvär BELLY Ont i magen (\"ont i magen\"), grund P3 gäller inte") }, "\(mild.rationale)")
        #expect(run("har ont i magen ibland och det blir värre").urgency == .p2)
        // The shipped catalog: a child's recurring morning tummy ache is planned care, a sudden worsening is not.
        #expect(triage("Dottern 8 år har ont i magen varje morgon innan skolan, äter och leker som vanligt", age: 8).urgency == .p4)
        #expect(triage("ont i magen sen i morse blir bara värre", age: 40).urgency <= .p3)
    }

    @Test func catalogHasAtLeast400ComplaintsWithUniqueCodes() {
        #expect(Shipped.catalog.symptoms.count >= 400)
        #expect(Set(Shipped.catalog.symptoms.map(\.code)).count == Shipped.catalog.symptoms.count)
        #expect(Shipped.catalog.symptoms.allSatisfy { !$0.terms.isEmpty && !$0.titleSv.isEmpty })
    }

    struct Scenario: Sendable, CustomStringConvertible {
        var id, text, at: String
        var age: Int
        var sex: Sex
        var urgencies: [String]
        var emergency: Bool?
        var referrals: [String]?
        var description: String { id }
    }

    static let scenarios: [Scenario] = {
        let text = try! String(contentsOf: TestPaths.fixtures.appendingPathComponent("triage-public.yaml"), encoding: .utf8)
        let list = try! Yams.load(yaml: text) as! [[String: Any]]
        return list.map { s in
            let e = s["expect"] as! [String: Any]
            return Scenario(id: s["id"] as! String, text: s["text"] as! String, at: s["at"] as! String, age: s["age"] as! Int,
                            sex: Sex(rawValue: s["sex"] as? String ?? "x")!, urgencies: e["urgency"] as! [String],
                            emergency: e["emergency"] as? Bool, referrals: e["referral"] as? [String])
        }
    }()

    @Test(arguments: scenarios)
    func publicScenarioIsTriagedAsANurseWould(_ s: Scenario) {
        let r = triage(s.text, age: s.age, sex: s.sex, at: Shipped.at(s.at))
        #expect(s.urgencies.contains(r.urgency.code), "\(s.id): got \(r.urgency.code) — \(r.rationaleText)")
        if let e = s.emergency { #expect(r.isEmergency == e, "\(s.id)") }
        if let refs = s.referrals { #expect(refs.contains(r.referral.type.rawValue), "\(s.id): referral \(r.referral.type.rawValue)") }
    }

    @Test func negatedFeverDoesNotRaiseUrgency() {
        let with = triage("Ont i halsen sedan två dagar och feber 38,5", age: 25)
        let without = triage("Ont i halsen sedan två dagar, ingen feber", age: 25)
        #expect(with.urgency == .p4)
        #expect(without.urgency == .p5)
        #expect(without.rationaleText.contains("no fever") == false)
    }

    @Test func negatedNumbnessDoesNotRaiseBackPain() {
        let plain = triage("Ont i ländryggen efter lyft, inga domningar i benen", age: 40)
        let numb = triage("Ont i ländryggen efter lyft och domningar i underlivet", age: 40)
        #expect(plain.urgency == .p5)
        #expect(plain.rationaleText.contains("negerat"))
        #expect(plain.rationaleText(english: true).contains("negated"))
        #expect(numb.urgency == .p1)
    }

    @Test func negationInsideARedFlagPhraseStillCounts() {
        #expect(triage("Har KOL och kan inte prata hela meningar", age: 70).urgency == .emergency)
        #expect(triage("Vrickade foten och kan inte stödja på den", age: 30).urgency == .p2)
    }

    @Test func infantFeverIsAtLeastP1UnderThreeMonths() {
        let r = Shipped.engine.triage(TriageInput(text: "Feber 38,2 sedan i kväll", ageYears: 0, ageMonths: 1), at: tuesday)
        #expect(r.urgency <= .p1)
        #expect(r.referral.type == .barnakutmottagning)
        let older = Shipped.engine.triage(TriageInput(text: "Feber 38,2 sedan i kväll", ageYears: 4), at: tuesday)
        #expect(older.urgency == .p5)
    }

    @Test func infantAgeIsReadFromTheTextWhenOnlyYearsAreKnown() {
        let young = triage("Min bebis är 6 veckor och har 38,5 i feber", age: 0)
        let old = triage("Min bebis är 10 månader och har 38,5 i feber", age: 0)
        #expect(young.urgency == .p1)
        // A 10-month-old is past the infant fever rules (under 3 and 6 months): not raised by age alone.
        #expect(old.urgency > young.urgency && old.urgency > .p2)
        #expect(old.rationaleText.contains("angiven ålder 10 mån"))
    }

    @Test func newConfusionIsP1AndTheElderlyRuleIsNamed() {
        let young = triage("Plötsligt förvirrad sedan i morse", age: 40)
        let old = triage("Plötsligt förvirrad sedan i morse", age: 82)
        #expect(young.urgency == .p1)
        #expect(old.urgency == .p1)
        #expect(old.rationaleText(english: true).contains("age ≥ 70"))
        #expect(old.rationaleText.contains("ålder ≥ 70"))
    }

    @Test func durationRaisesAPersistentCough() {
        #expect(triage("Hostat i fyra veckor, ingen feber", age: 50).urgency == .p4)
        #expect(triage("Hostat i fyra dagar, ingen feber", age: 50).urgency == .p5)
    }

    @Test func unmatchedTextGetsTheSafeDefaultNeverP5() {
        let r = triage("Jag vet inte riktigt vad det är, känns konstigt", age: 40)
        #expect(r.symptom == nil)
        #expect(r.urgency == .p3)
        #expect(r.rationaleText.contains("bedöms av personal"))
        #expect(r.rationaleText(english: true).contains("assessed by staff"))
        #expect(!r.confident)
    }

    @Test func rationaleNamesMatchedTermsAndRules() {
        let r = triage("Ont i bröstet som strålar ut i vänster arm", age: 62, sex: .m)
        #expect(r.urgency == .emergency)
        #expect(r.symptom?.code == "CHEST-PAIN")
        #expect(r.rationaleText.contains("Bröstsmärta"))
        #expect(r.rationaleText.contains("bröstsmärta som strålar ut"))
        #expect(r.rationaleText.contains("Hjärtinfarkt"))  // the rule's source
        #expect(r.findings.contains("pain-radiation"))
        #expect(r.careLevel == .ambulans)
        #expect(r.referral.type == .ambulans112)
    }

    @Test func compoundsAndInflectionsMatch() {
        #expect(triage("Bröstsmärta sedan en timme", age: 50).symptom?.code == "CHEST-PAIN")
        #expect(triage("Halsont och snuva", age: 20).urgency == .p5)
        #expect(triage("magen gör ont sedan igår", age: 30).symptom?.code == "ABDOMINAL-PAIN")
    }

    @Test func englishTextIsUnderstood() {
        #expect(triage("Crushing chest pain radiating to my jaw", age: 60).urgency == .emergency)
        #expect(triage("Runny nose and a mild cough", age: 30).urgency == .p5)
    }

    @Test func painWordsAreSynonymsOfOnt() {
        #expect(triage("Smärta i magen sedan igår", age: 30).symptom?.code == "ABDOMINAL-PAIN")
        #expect(triage("Värk i ländryggen", age: 40).symptom?.code == "LOW-BACK-PAIN")
        #expect(triage("Plötsligt kraftig smärta i ena testikeln", age: 15).urgency == .p1)
    }

    @Test func countedTabletsMeanOverdose() {
        #expect(triage("Har tagit 20 Alvedon för en timme sedan", age: 17).urgency <= .p1)
        #expect(triage("Har tagit 2 Alvedon mot huvudvärken", age: 30).urgency == .p5)
    }

    @Test func bloodPressureReadingsAreRead() {
        #expect(TextAnalysis("Blodtrycket är 190/110 idag").systolic == 190)
        #expect(TextAnalysis("Datum 24/11").systolic == nil)
        #expect(triage("Blodtrycket är 190/110 och jag har huvudvärk", age: 66).urgency == .p2)
        #expect(triage("Blodtrycket var 135/85 på apoteket", age: 66).urgency == .p4)
    }
}
