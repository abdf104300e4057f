import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots audit verify|show`: the access log (Patientdatalagen).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the access log's hash chain, or print the extract a patient has a right to see.",
        subcommands: [Verify.self, Show.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the access log's SHA-256 chain; names the first broken event and exits 65 if any.",
            discussion: """
            Examples:
              lots audit verify
              lots audit verify --db /srv/lots/lots.sqlite
            """
        )
        @OptionGroup var store: StoreOptions

        func run() throws {
            let s = try store.open()
            let result = try s.verifyAuditChain()
            if let broken = result.broken {
                throw LotsError("the access log is broken at event \(broken.id): \(broken.why)", at: "auditEvent \(broken.id) in \(s.path)",
                                fix: "restore the store from a backup and investigate who changed it")
            }
            print("ok: \(result.count) events, chain intact")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every access to one case or one patient: when, who, role, unit, what.",
            discussion: """
            Examples:
              lots audit show --case 12
              lots audit show --patient 19121212-1212
            """
        )
        @OptionGroup var store: StoreOptions
        @Option(help: "Case id.") var `case`: Int64?
        @Option(help: "Personnummer (any accepted form).") var patient: String?

        func run() throws {
            // Checked here, not in validate(): the argument parser would wrap the error (exit 1, a doubled prefix).
            guard (self.case == nil) != (patient == nil) else {
                throw LotsError("give exactly one of --case and --patient", at: "audit show", fix: "e.g. lots audit show --case 12", code: .usage)
            }
            var pnr: String?
            if let patient {
                do { pnr = try Personnummer(patient).canonical } catch let e as LotsError {
                    throw LotsError(e.what, at: "--patient", fix: e.fix, code: .usage)
                }
            }
            let s = try store.open()
            if let id = self.case, try s.caseDetail(id) == nil {
                throw LotsError("no case with id \(id)", at: "--case", fix: "use an id printed by lots intake or shown in the queue", code: .noInput)
            }
            let events = try s.auditEvents(caseId: self.case, personnummer: pnr)
            print("Loggutdrag – \(self.case.map { "ärende \($0)" } ?? "patient \(pnr!)") – \(events.count) händelser")
            for e in events {
                let when = ISOTime.parse(e.at).map(ISOTime.local) ?? e.at
                let line = "\(when)  \(e.actor) (\(e.role)\(e.unitHsaId.map { ", \($0)" } ?? ""))  \(e.action)"
                    + (e.caseId.map { "  ärende \($0)" } ?? "") + (e.detail.isEmpty ? "" : "  \(e.detail)")
                print(SafeText.sanitize(line, keepNewlines: false))
            }
        }
    }
}
