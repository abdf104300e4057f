import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots report contacts`: digital care contacts for reporting.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports for follow-up.",
        subcommands: [Contacts.self]
    )

    struct Contacts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Digital care contacts per unit, channel, urgency and outcome, with median time to first response.",
            discussion: """
            Dates are Stockholm calendar days, both included. CSV has a header line; JSON is one array.
            Needs a staff identity: a supervisor (their unit) or an admin (every unit; aggregates only).

            Examples:
              lots report contacts --from 2026-11-01 --to 2026-11-30 --user david
              lots report contacts --from 2026-11-24 --to 2026-11-24 --format json --user admin
            """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var identity: IdentityOptions
        @Option(help: "First day, YYYY-MM-DD.") var from: String
        @Option(help: "Last day, YYYY-MM-DD.") var to: String
        @Option(help: "csv or json.") var format: String = "csv"

        static func day(_ s: String, _ flag: String) throws -> Date {
            let parts = s.split(separator: "-").compactMap { Int($0) }
            guard s.count == 10, parts.count == 3,
                  let d = Calendar.stockholm.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
                  Calendar.stockholm.dateComponents([.year, .month, .day], from: d) == DateComponents(year: parts[0], month: parts[1], day: parts[2]) else {
                throw LotsError("invalid date \"\(s)\"", at: flag, fix: "write the day as YYYY-MM-DD, e.g. 2026-11-24", code: .usage)
            }
            return d
        }

        func run() throws {
            guard ["csv", "json"].contains(format) else {
                throw LotsError("unknown format \"\(format)\"", at: "--format", fix: "use csv or json", code: .usage)
            }
            let start = try Self.day(from, "--from")
            let last = try Self.day(to, "--to")
            guard start <= last else { throw LotsError("--from is after --to", at: "--from", fix: "give the earlier day first", code: .usage) }
            let end = Calendar.stockholm.date(byAdding: .day, value: 1, to: last)!
            let s = try store.open()
            let user = try identity.authenticate(s, for: "lots report")
            let rows = try s.contactReport(from: start, to: end, for: user)
            if format == "json" {
                let objects: [[String: Any]] = rows.map {
                    ["unit": $0.unitHsaId, "unitName": $0.unitName, "channel": $0.channel, "urgency": $0.urgency, "outcome": $0.outcome,
                     "contacts": $0.contacts, "answered": $0.answered,
                     "medianFirstResponseMinutes": $0.medianFirstResponseMinutes.map { $0 as Any } ?? NSNull()]
                }
                let data = try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .prettyPrinted])
                try Output.write(String(decoding: data, as: UTF8.self) + "\n")
            } else {
                var out = "unit,unitName,channel,urgency,outcome,contacts,answered,medianFirstResponseMinutes\n"
                for r in rows {
                    let name = "\"" + r.unitName.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    out += "\(r.unitHsaId),\(name),\(r.channel),\(r.urgency),\(r.outcome),\(r.contacts),\(r.answered),\(r.medianFirstResponseMinutes.map { String($0) } ?? "")\n"
                }
                try Output.write(out)
            }
        }
    }
}
