import ArgumentParser
import Foundation
import LotsCore

/// `lots triage`: one JSON object on stdout; needs no store.
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "Triage a free-text reason for contact and print the result as JSON.",
        discussion: """
        Prints one JSON object: urgency, emergency, symptom, careLevel, profession, referral, rationale,
        catalogVersion (and the chosen unit). Uses the embedded catalog and provider directory.

        Examples:
          lots triage --text "Ont i bröstet som strålar ut i armen" --age 62 --sex m
          lots triage --text "Feber 38,4" --age 0 --at 2026-11-24T20:00:00+01:00
          lots triage --text "Ont i halsen" --age 30 --questions
          lots triage --text "Ont i halsen" --age 30 --answer cannot-swallow=yes
          lots triage --text "Feber 38,4" --age 0 --age-months 2
        """
    )

    @Option(help: "What the citizen wrote.") var text: String
    @Option(help: "Age in whole years.") var age: Int
    @Option(help: "f, m or x.") var sex: String = "x"
    @Option(help: "When, as ISO 8601 with offset (default: now).") var at: String?
    @Option(name: .customLong("answer"), help: "A follow-up answer ID=yes|no (ID from --questions). Repeatable.")
    var answers: [String] = []
    @Option(help: "Age in months, for infants (overrides --age for the age rules).") var ageMonths: Int?
    @Flag(help: "Add the follow-up questions not yet answered (id, sv, en) to the JSON object.") var questions = false
    @Option(help: "A catalog file or folder to use instead of the embedded one (for catalog editors).") var catalog: String?
    @Option(help: "Language of the rationale: sv (default) or en.") var lang: String = "sv"

    func run() throws {
        guard let sexValue = Sex(rawValue: sex) else {
            throw LotsError("unknown sex \"\(sex)\"", at: "--sex", fix: "use f, m or x", code: .usage)
        }
        guard (0...130).contains(age) else {
            throw LotsError("age \(age) is out of range", at: "--age", fix: "give the age in whole years, 0 to 130", code: .usage)
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw LotsError("the text is empty", at: "--text", fix: "give the citizen's own words", code: .usage)
        }
        var date = Date()
        if let at {
            guard let d = ISOTime.parse(at) else {
                throw LotsError("unparsable time \"\(at)\"", at: "--at", fix: "write ISO 8601 such as 2026-11-24T14:00:00+01:00", code: .usage)
            }
            date = d
        }
        var parsed: [String: Bool] = [:]
        for a in answers {
            let parts = a.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["yes", "no", "ja", "nej"].contains(parts[1].lowercased()) else {
                throw LotsError("bad answer \"\(a)\"", at: "--answer", fix: "write ID=yes or ID=no", code: .usage)
            }
            parsed[parts[0]] = ["yes", "ja"].contains(parts[1].lowercased())
        }
        guard ["sv", "en"].contains(lang) else {
            throw LotsError("unknown language \"\(SafeText.sanitize(lang, keepNewlines: false))\"", at: "--lang", fix: "use sv or en", code: .usage)
        }
        if let m = ageMonths, !(0...1560).contains(m) {
            throw LotsError("age in months \(m) is out of range", at: "--age-months", fix: "give the age in whole months, 0 to 1560", code: .usage)
        }
        let engine = try catalog.map { TriageEngine(catalog: try CatalogParser.parse(files: CatalogCommand.read($0)), directory: try Embedded.directory()) }
            ?? Embedded.engine()
        let input = TriageInput(text: text, ageYears: ageMonths.map { $0 / 12 } ?? age, ageMonths: ageMonths, sex: sexValue, answers: parsed)
        let result = engine.triage(input, at: date)
        print(TriageJSON.encode(result, questions: questions, english: lang == "en"))
    }
}
