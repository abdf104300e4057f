import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots citizen reply CASE TEXT`: a message from the citizen side.
struct CitizenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "citizen",
        abstract: "Act as the citizen side of a case (for demos and tests).",
        subcommands: [Reply.self]
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
}
