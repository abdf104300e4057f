import Foundation
import LotsCore

/// `lots triage --batch FILE|-`: many cases in one process (the scorers' way: one process a case spends most of
/// its time loading the catalog). One JSON object a line in, one result a line out, in the same order; a line that
/// cannot be read gives `{"line": N, "error": "…"}` and the rest go on; the exit code is 65 when any line failed.
enum TriageBatch {
    /// At most this many bytes of input (100,000 cases of ordinary length).
    static let limit = 64 * 1024 * 1024

    static func run(path: String, engine: TriageEngine, questions: Bool, english: Bool) throws {
        let fix = "give one JSON object a line: {\"text\": \"…\", \"age\": 30, \"sex\": \"f\", \"at\": \"2026-11-24T14:00:00+01:00\"}"
        let data: Data
        if path == "-" {
            data = try BoundedInput.stdin(limit: limit, what: "the batch", fix: "split it into smaller files")
        } else {
            guard let read = try BoundedInput.file(path, limit: limit, what: "the batch", fix: "split it into smaller files") else {
                throw LotsError("cannot open the batch file", at: SafeText.sanitize(path, keepNewlines: false), fix: "check the path", code: .noInput)
            }
            data = read
        }
        var out = ""
        var failed = 0
        for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            do {
                let (input, date) = try parse(line, fix: fix)
                out += TriageJSON.encode(engine.triage(input, at: date), questions: questions, english: english) + "\n"
            } catch let error as LotsError {
                failed += 1
                out += errorLine(index + 1, "\(error.what) (\(error.location)): \(error.fix)") + "\n"
            }
            if out.utf8.count > 1 << 20 { try Output.write(out); out = "" }
        }
        try Output.write(out)
        if failed > 0 {
            throw LotsError("\(failed) line(s) could not be triaged", at: SafeText.sanitize(path, keepNewlines: false),
                            fix: "see the lines with \"error\" in the output")
        }
    }

    /// One line's fields, checked like the command line's options.
    private static func parse(_ line: Substring, fix: String) throws -> (TriageInput, Date) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw LotsError("not a JSON object", at: "line", fix: fix, code: .dataError)
        }
        guard let text = object["text"] as? String else { throw LotsError("missing text", at: "text", fix: fix) }
        guard let age = object["age"] as? Int else { throw LotsError("missing or non-integer age", at: "age", fix: fix) }
        var answers: [String: Bool] = [:]
        if let given = object["answers"] {
            guard let dict = given as? [String: Bool] else {
                throw LotsError("answers must be an object of true/false", at: "answers", fix: "write {\"cannot-swallow\": true}")
            }
            answers = dict
        }
        return try TriageCommand.input(text: text, age: age, sex: object["sex"] as? String ?? "x", at: object["at"] as? String,
                                       ageMonths: object["ageMonths"] as? Int, answers: answers, field: { $0 })
    }

    private static func errorLine(_ line: Int, _ message: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: ["line": line, "error": SafeText.sanitize(message, keepNewlines: false)] as [String: Any],
                                               options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
