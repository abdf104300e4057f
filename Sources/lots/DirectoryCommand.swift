import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots directory …`: the provider directory's waiting times (Vårdutbud) and video URL templates.
struct DirectoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory",
        abstract: "Waiting times: import units' expected waits; show expected and measured waits side by side.",
        subcommands: [Import.self, Waits.self]
    )

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import expected waits (with the day each was reported) and video URL templates (admin).",
            discussion: """
            File format (YAML): reported: YYYY-MM-DD (default), waits: [{hsaId, profession, days, reported}],
            video: [{hsaId, url with {room}}]; see Fixtures/waits-demo.yaml. One transaction: all or nothing.
            A forecast reported more than three months ago is imported with a warning (Vårdutbud wants a report
            at least every third month) and shown with ⚠ until a newer one comes.

            Example:
              lots directory import Fixtures/waits-demo.yaml --user admin
            """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var identity: IdentityOptions
        @Argument(help: "Forecast file (YAML).") var file: String

        func run() throws {
            let now = Date()
            let parsed = try WaitForecastFile.parse(try readTextFile(file, what: "the forecast file"), file: file, now: now)
            let s = try store.open()
            let admin = try identity.authenticate(s, for: "lots directory import")
            let n = try s.importWaits(parsed, by: admin, now: now)
            for w in parsed.waits where w.isStale(now: now) {
                printError("lots: warning: the forecast for \(w.unitHsaId) \(w.profession.rawValue) was reported \(w.reportedOn), more than three months ago (\(file)): ask the unit for a new report")
            }
            try Output.write("\(n) forecasts and \(parsed.video.count) video templates imported\n")
        }
    }

    struct Waits: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Every unit's expected waits (with report date) next to the waits measured in Lots over 30 days.",
            discussion: """
            Measured: the median time from a case's arrival to the first staff answer, and to the start of the visit
            it booked, per unit and profession, over cases of the last 30 days. Aggregates only; no identity needed.

            Examples:
              lots directory waits
              lots directory waits --format json
            """
        )
        @OptionGroup var store: StoreOptions
        @Option(help: "text or json.") var format: String = "text"

        func run() throws {
            guard ["text", "json"].contains(format) else {
                throw LotsError("unknown format \"\(SafeText.sanitize(String(format.prefix(20)), keepNewlines: false))\"", at: "--format", fix: "use text or json", code: .usage)
            }
            let s = try store.open()
            let now = Date()
            let waits = try s.unitWaits(now: now)
            if format == "json" {
                let rows: [[String: Any]] = waits.map { u in
                    ["hsaId": u.unitHsaId, "name": u.unitName,
                     "expected": u.expected.map { ["profession": $0.profession.rawValue, "days": $0.days, "reportedOn": $0.reportedOn, "stale": $0.isStale(now: now)] as [String: Any] },
                     "measured": u.measured.map { m -> [String: Any] in
                         var j: [String: Any] = ["profession": m.profession.rawValue, "answeredCases": m.answeredCases, "bookedVisits": m.bookedVisits]
                         if let f = m.firstAnswerMinutes { j["firstAnswerMedianMinutes"] = f }
                         if let v = m.visitHours { j["visitMedianHours"] = v }
                         return j
                     }]
                }
                let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                try Output.write(String(decoding: data, as: UTF8.self) + "\n")
            } else {
                try Output.write(waits.map { "\($0.unitHsaId)\t\(SafeText.sanitize($0.unitName, keepNewlines: false))\t\($0.summary(now: now))\n" }.joined())
            }
        }
    }
}
