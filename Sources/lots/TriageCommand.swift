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
          lots triage --batch cases.jsonl      # one JSON object a line in, one result a line out

        With --batch FILE (or - for stdin) each line is an object with text, age and optionally sex, at,
        ageMonths and answers ({"ID": true}); each output line is the object above, or {"line": N, "error": ...}
        for a line that cannot be read. The results are the same as one call per case.
        """
    )

    @Option(help: "What the citizen wrote.") var text: String?
    @Option(help: "Age in whole years.") var age: Int?
    @Option(help: "f, m or x.") var sex: String = "x"
    @Option(help: "When, as ISO 8601 with offset (default: now).") var at: String?
    @Option(name: .customLong("answer"), help: "A follow-up answer ID=yes|no (ID from --questions). Repeatable.")
    var answers: [String] = []
    @Option(help: "Age in months, for infants (overrides --age for the age rules).") var ageMonths: Int?
    @Flag(help: "Add the follow-up questions not yet answered (id, sv, en) to the JSON object.") var questions = false
    @Option(help: "A catalog file or folder to use instead of the embedded one (for catalog editors).") var catalog: String?
    @Option(help: "Language of the rationale: sv (default) or en.") var lang: String = "sv"
    @Option(help: "Triage every line of a JSON-lines file (- for stdin) in one process, for scorers.") var batch: String?

    func run() throws {
        guard ["sv", "en"].contains(lang) else {
            throw LotsError("unknown language \"\(SafeText.sanitize(lang, keepNewlines: false))\"", at: "--lang", fix: "use sv or en", code: .usage)
        }
        if let batch {
            guard text == nil, age == nil else {
                throw LotsError("--batch cannot be combined with --text or --age", at: "--batch", fix: "put text and age on each line of the file", code: .usage)
            }
            return try TriageBatch.run(path: batch, engine: try engine(), questions: questions, english: lang == "en")
        }
        guard let text else {
            throw LotsError("missing --text", at: "--text", fix: "give the citizen's own words, e.g. --text \"Ont i halsen\"", code: .usage)
        }
        guard let age else {
            throw LotsError("missing --age", at: "--age", fix: "give the age in whole years, e.g. --age 30", code: .usage)
        }
        var parsed: [String: Bool] = [:]
        for a in answers {
            let parts = a.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["yes", "no", "ja", "nej"].contains(parts[1].lowercased()) else {
                throw LotsError("bad answer \"\(a)\"", at: "--answer", fix: "write ID=yes or ID=no", code: .usage)
            }
            parsed[parts[0]] = ["yes", "ja"].contains(parts[1].lowercased())
        }
        let (input, date) = try Self.input(text: text, age: age, sex: sex, at: at, ageMonths: ageMonths, answers: parsed, field: { "--" + $0 })
        let engine = try engine()
        let result = engine.triage(input, at: date)
        print(TriageJSON.encode(result, questions: questions, english: lang == "en"))
    }

    /// One case's input, checked the same way for `--text` and for each `--batch` line; `field` names an input
    /// in errors (`--age` on the command line, `age` in a batch line).
    static func input(text: String, age: Int, sex: String, at: String?, ageMonths: Int?, answers: [String: Bool],
                      field: (String) -> String) throws -> (TriageInput, Date) {
        guard let sexValue = Sex(rawValue: sex) else {
            throw LotsError("unknown sex \"\(SafeText.sanitize(sex, keepNewlines: false))\"", at: field("sex"), fix: "use f, m or x", code: .usage)
        }
        guard (0...130).contains(age) else {
            throw LotsError("age \(age) is out of range", at: field("age"), fix: "give the age in whole years, 0 to 130", code: .usage)
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw LotsError("the text is empty", at: field("text"), fix: "give the citizen's own words", code: .usage)
        }
        var date = Date()
        if let at {
            guard let d = ISOTime.parse(at) else {
                throw LotsError("unparsable time \"\(SafeText.sanitize(at, keepNewlines: false))\"", at: field("at"), fix: "write ISO 8601 such as 2026-11-24T14:00:00+01:00", code: .usage)
            }
            date = d
        }
        if let m = ageMonths, !(0...1560).contains(m) {
            throw LotsError("age in months \(m) is out of range", at: field("age-months"), fix: "give the age in whole months, 0 to 1560", code: .usage)
        }
        return (TriageInput(text: text, ageYears: ageMonths.map { $0 / 12 } ?? age, ageMonths: ageMonths, sex: sexValue, answers: answers), date)
    }

    private func engine() throws -> TriageEngine {
        try catalog.map { TriageEngine(catalog: try CatalogParser.parse(files: CatalogCommand.read($0)), directory: try Embedded.directory()) }
            ?? Embedded.engine()
    }
}
