import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots citizen …`: the citizen side of a case (a message; choosing, cancelling and moving a booked time; the `.ics`).
struct CitizenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citizen",
        abstract: "Act as the citizen side of a case (for demos and tests).",
        subcommands: [Reply.self, Slots.self, Book.self, Cancel.self, Rebook.self, Ics.self]
    )

    struct Reply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a message from the citizen in case CASE; prints the message id.",
            discussion: """
            Examples:
              lots citizen reply 12 "Det har blivit värre, nu 39 grader"
              echo "Tack!" | lots citizen reply 12 -
            """
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Argument(help: "Message text, or - to read it from standard input.") var text: String

        func run() throws {
            var body = text
            if text == "-" {
                let data = try BoundedInput.stdin(limit: 256 * 1024, what: "the message", fix: "split it into shorter messages")
                guard let s = String(validating: data, as: UTF8.self) else {
                    throw LotsError("the message is not valid UTF-8", at: "stdin", fix: "send UTF-8 text")
                }
                body = s
            }
            let s = try store.open()
            let engine = try Embedded.engine()
            print(try s.addCitizenMessage(caseId: caseId, body: body, retriage: { engine.triage($0, at: Date()) }))
        }
    }

    struct Slots: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The times offered in case CASE that are still free: id, time, mode, unit.",
            discussion: """
            Example:
              lots citizen slots 12
            """
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64

        func run() throws {
            let s = try store.open()
            let slots = try s.offeredSlots(caseId: caseId)
            if slots.isEmpty { printError("lots: no times are offered in case \(caseId) (staff offer them from the case)") }
            try Output.write(slots.map { "\($0.id)\t\($0.label)\t\($0.mode.rawValue)\t\($0.profession.rawValue)\t\(SafeText.sanitize($0.unitName, keepNewlines: false))\n" }.joined())
        }
    }

    struct Book: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Book one of the times offered in case CASE; prints the appointment.",
            discussion: """
            A time can be booked once: if someone else just took it, this fails (exit 65) and nothing is booked.

            Example:
              lots citizen book 12 41
            """
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Argument(help: "Slot id (lots citizen slots CASE lists them).") var slotId: Int64

        func run() throws {
            let s = try store.open()
            // Tests of the booking race start two processes that meet here, so both write in the same millisecond.
            if let at = ProcessInfo.processInfo.environment["LOTS_TEST_START_AT"].flatMap(Double.init) {
                let wait = at - Date().timeIntervalSince1970
                if wait > 0, wait < 30 { usleep(useconds_t(wait * 1_000_000)) }
            }
            let a = try s.book(caseId: caseId, slotId: slotId)
            try Output.write(describe(a))
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel the booked time of case CASE (the time becomes free again).",
            discussion: """
            Example:
              lots citizen cancel 12
            """
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64

        func run() throws {
            let s = try store.open()
            let a = try s.cancelBooking(caseId: caseId)
            try Output.write("cancelled \(a.slot.label), \(SafeText.sanitize(a.slot.unitName, keepNewlines: false))\n")
        }
    }

    struct Rebook: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move the booked time of case CASE to another offered time, in one step.",
            discussion: """
            Example:
              lots citizen rebook 12 42
            """
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Argument(help: "The new slot id.") var slotId: Int64

        func run() throws {
            let s = try store.open()
            let a = try s.rebook(caseId: caseId, slotId: slotId)
            try Output.write(describe(a))
        }
    }

    struct Ics: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The booked time of case CASE as an iCalendar file (RFC 5545; a video link as RFC 7986 CONFERENCE).",
            discussion: """
            A cancelled time gives METHOD:CANCEL, so a calendar that has the event removes it.

            Example:
              lots citizen ics 12 > besok.ics
            """
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64

        func run() throws {
            let s = try store.open()
            guard let a = try s.appointment(caseId: caseId) else {
                throw LotsError("case \(caseId) has no booked time", at: "CASE", fix: "book one of the offered times with lots citizen book CASE SLOT", code: .noInput)
            }
            let contact = try s.unitContact(a.slot.unitHsaId)
            try Output.write(ICalendar.render(a, unitAddress: contact?.address ?? "", unitPhone: contact?.phone ?? ""))
        }
    }
}

/// One line about a booked time, with its video link.
func describe(_ a: Appointment) -> String {
    "booked \(a.slot.label), \(a.slot.mode.rawValue), \(SafeText.sanitize(a.slot.unitName, keepNewlines: false))" + (a.videoURL.map { ", \($0)" } ?? "") + "\n"
}
