import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots slots …`: appointment books (webbtidbok). Admins fill a unit's book from a weekly template or an import;
/// anyone may list free times (no patient data); a unit's clinicians offer times from a case and read the day list.
struct SlotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slots",
        abstract: "Appointment books: make bookable times, list them, offer them from a case, the unit's day list.",
        discussion: """
        Examples:
          lots slots template Fixtures/slots/demo-centrum.yaml --from 2026-11-23 --to 2026-12-04 --user admin
          lots slots import times.csv --user admin
          lots slots list --unit SE2321000016-DEMO1 --days 3 --free
          lots slots offer 12 41 42 43 --user bertil
          lots slots day --user bertil
        """,
        subcommands: [Template.self, Import.self, List.self, Offer.self, Day.self]
    )

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a unit's bookable times from a weekly template for a range of days (admin).",
            discussion: """
            The template names its unit and blocks of times (days, from, to, minutes, profession, mode, resource); see
            Fixtures/slots/demo-centrum.yaml. Times that already exist are skipped, so it can be run again.

            Example:
              lots slots template Fixtures/slots/demo-centrum.yaml --from 2026-11-23 --to 2026-12-04 --user admin
            """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var identity: IdentityOptions
        @Argument(help: "Template file (YAML).") var file: String
        @Option(help: "First day, YYYY-MM-DD (Stockholm).") var from: String
        @Option(help: "Last day, YYYY-MM-DD (Stockholm), inclusive.") var to: String

        func run() throws {
            let template = try SlotTemplate.parse(try readTextFile(file, what: "the template"), file: file)
            let times = try template.expand(from: from, to: to)
            let s = try store.open()
            let admin = try identity.authenticate(s, for: "lots slots template")
            let r = try s.addSlots(times, unit: template.unit, by: admin)
            try Output.write("\(r.added) times added to \(template.unit)" + (r.skipped > 0 ? " (\(r.skipped) existed)" : "") + "\n")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import bookable times from CSV (admin), in one transaction.",
            discussion: """
            Header: unit,profession,mode,start,minutes,resource – start in ISO 8601 with an offset.

            Example:
              lots slots import times.csv --user admin
            """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var identity: IdentityOptions
        @Argument(help: "CSV file.") var file: String

        func run() throws {
            let rows = try SlotImport.parse(try readTextFile(file, what: "the slot file"), file: file)
            let s = try store.open()
            let admin = try identity.authenticate(s, for: "lots slots import")
            var added = 0, skipped = 0
            // One transaction per unit would leave earlier units imported when a later one is unknown: check first.
            let known = Set(try s.unitIds())
            if let bad = rows.first(where: { !known.contains($0.unit) }) {
                throw LotsError("unknown unit \"\(SafeText.sanitize(String(bad.unit.prefix(40)), keepNewlines: false))\"", at: file,
                                fix: "use the HSA-id of a unit in the store (lots directory waits lists them)")
            }
            for (unit, group) in Dictionary(grouping: rows, by: \.unit).sorted(by: { $0.key < $1.key }) {
                let r = try s.addSlots(group.map(\.time), unit: unit, by: admin)
                added += r.added
                skipped += r.skipped
            }
            try Output.write("\(added) times imported" + (skipped > 0 ? " (\(skipped) existed)" : "") + "\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a unit's times (no patient data: only whether a time is booked).",
            discussion: """
            Example:
              lots slots list --unit SE2321000016-DEMO1 --from 2026-11-24 --days 2 --free
            """
        )
        @OptionGroup var store: StoreOptions
        @Option(help: "The unit's HSA-id.") var unit: String
        @Option(help: "First day, YYYY-MM-DD (default today).") var from: String?
        @Option(help: "How many days (1–60).") var days: Int = 7
        @Flag(help: "Only free times.") var free = false

        func run() throws {
            guard (1...60).contains(days) else { throw LotsError("\(days) days", at: "--days", fix: "choose 1 to 60", code: .usage) }
            let start: Date
            if let from {
                guard let d = SlotTemplate.day(from) else { throw LotsError("invalid date \"\(from.prefix(20))\"", at: "--from", fix: "write YYYY-MM-DD", code: .usage) }
                start = d
            } else {
                start = StockholmTime(Date()).startOfDay
            }
            let s = try store.open()
            guard try s.unitName(unit) != nil else {
                throw LotsError("unknown unit \"\(SafeText.sanitize(String(unit.prefix(40)), keepNewlines: false))\"", at: "--unit",
                                fix: "use the HSA-id of a unit in the store (lots directory waits lists them)", code: .noInput)
            }
            let end = Calendar.stockholm.date(byAdding: .day, value: days, to: start) ?? start
            let slots = try s.slots(unit: unit, from: start, to: end, freeOnly: free)
            var out = ""
            for x in slots {
                out += "\(x.id)\t\(ISOTime.local(x.start))\t\(x.label)\t\(x.profession.rawValue)\t\(x.mode.rawValue)\t\(x.bookedCaseId == nil ? "ledig" : "bokad")\t\(SafeText.sanitize(x.resource, keepNewlines: false))\n"
            }
            if slots.isEmpty, stderrIsTerminal { printError("lots: no times in that range (make some with lots slots template)") }
            try Output.write(out)
        }
    }

    struct Offer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Offer one to three free times to the citizen of a case (its owner).",
            discussion: """
            Times of the case's unit or of the unit the triage referred to. The choices are sent in the chat; the
            citizen books one (lots citizen book CASE SLOT, or the app). A new offer replaces the earlier one.

            Example:
              lots slots offer 12 41 42 --user bertil
            """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var identity: IdentityOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Argument(help: "One to three slot ids (lots slots list shows them).") var slotIds: [Int64]

        func run() throws {
            guard (1...3).contains(slotIds.count) else {
                throw LotsError("\(slotIds.count) times given", at: "SLOT", fix: "offer one to three times", code: .usage)
            }
            let s = try store.open()
            let user = try identity.authenticate(s, for: "lots slots offer")
            try s.offerSlots(caseId: caseId, slotIds: slotIds, by: user)
            try Output.write("offered \(slotIds.count) time\(slotIds.count == 1 ? "" : "s") in case \(caseId)\n")
        }
    }

    struct Day: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The unit's day list: its times and booked visits (the unit's clinicians and supervisor; logged).",
            discussion: """
            Example:
              lots slots day --day 2026-11-24 --user bertil
            """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var identity: IdentityOptions
        @Option(help: "Day, YYYY-MM-DD (default today).") var day: String?

        func run() throws {
            var date = Date()
            if let day {
                guard let d = SlotTemplate.day(day) else { throw LotsError("invalid date \"\(day.prefix(20))\"", at: "--day", fix: "write YYYY-MM-DD", code: .usage) }
                date = d.addingTimeInterval(3600)
            }
            let s = try store.open()
            let user = try identity.authenticate(s, for: "lots slots day")
            let list = try s.dayList(day: date, for: user)
            try Output.write(DayListText.render(list))
        }
    }
}

/// Reads a UTF-8 text file for a command, with the errors every command gives (66 missing, 65 not UTF-8).
func readTextFile(_ path: String, what: String, limit: Int = 8 * 1024 * 1024) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw LotsError("cannot read \(what)", at: SafeText.sanitize(path, keepNewlines: false), fix: "check the path", code: .noInput)
    }
    guard data.count <= limit else { throw LotsError("\(what) is larger than \(limit / 1024 / 1024) MB", at: SafeText.sanitize(path, keepNewlines: false), fix: "split it") }
    guard let text = String(validating: data, as: UTF8.self) else {
        throw LotsError("\(what) is not valid UTF-8", at: SafeText.sanitize(path, keepNewlines: false), fix: "save it as UTF-8")
    }
    return text
}

/// The day list as text lines: time, mode, profession, then the booked case.
enum DayListText {
    static func render(_ list: [DayListEntry]) -> String {
        var out = ""
        for e in list {
            var line = "\(ISOTime.local(e.slot.start).suffix(5))–\(ISOTime.local(e.slot.end).suffix(5))  \(e.slot.mode.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(e.slot.profession.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0))"
            if let id = e.caseId {
                line += " ärende \(id) \(SafeText.sanitize(e.patientName ?? "", keepNewlines: false)) \(e.personnummer ?? "") \(e.urgency?.code ?? "")"
                if let v = e.videoURL { line += " \(v)" }
            } else {
                line += " ledig"
            }
            out += line + "\n"
        }
        return out.isEmpty ? "inga tider denna dag\n" : out
    }
}
