import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots audit verify|show`: the access log (Patientdatalagen).
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the access log's hash chain, or print the extract a patient has a right to see.",
        subcommands: [Verify.self, Checkpoint.self, Show.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the access log: its SHA-256 chain and its signed head; names the first problem and exits 65.",
            discussion: """
            The head (event count and newest hash) is signed with the key in <store>-audit.key, so deleting the
            newest events, or rewriting the chain without the key, fails. --against checks a checkpoint exported
            earlier with lots audit checkpoint --export, which also catches a rewrite by someone holding the key.

            Examples:
              lots audit verify
              lots audit verify --db /srv/lots/lots.sqlite --against /mnt/offsite/lots-checkpoints.txt
            """
        )
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("A checkpoint file written by lots audit checkpoint --export (its last line counts).", valueName: "path"))
        var against: String?

        func run() throws {
            var checkpoint: AuditCheckpoint?
            if let against {
                guard let text = try BoundedInput.file(against, limit: 10_000_000, what: "the checkpoint file", fix: "give the file audit checkpoint --export wrote") else {
                    throw LotsError("cannot read the checkpoint file", at: against, fix: "check the path", code: .noInput)
                }
                guard let last = String(decoding: text, as: UTF8.self).split(separator: "\n").last.map(String.init),
                      let c = AuditCheckpoint(line: last) else {
                    throw LotsError("not a checkpoint file", at: against, fix: "give the file lots audit checkpoint --export wrote")
                }
                checkpoint = c
            }
            let s = try store.open()
            let result = try s.verifyAuditChain()
            if let broken = result.broken {
                throw LotsError("the access log is broken at event \(broken.id): \(broken.why)", at: "auditEvent \(broken.id) in \(s.path)",
                                fix: "restore the store from a backup and investigate who changed it")
            }
            if let c = checkpoint {
                if let key = s.auditKey, key.mac(checkpoint: "count=\(c.count) hash=\(c.hash) at=\(c.at)") != c.mac {
                    throw LotsError("the checkpoint's signature does not match this store's key", at: against!,
                                    fix: "check that the checkpoint belongs to this store; if it does, the key was replaced: investigate")
                }
                if let why = try s.verify(against: c) {
                    throw LotsError("the access log does not match the checkpoint: \(why)", at: against!,
                                    fix: "restore the store from a backup taken before the change and investigate who changed it")
                }
                print("ok: \(result.count) events, chain intact, signed head valid, matches the checkpoint of \(c.at) (\(c.count) events)")
            } else {
                print("ok: \(result.count) events, chain intact, signed head valid")
            }
        }
    }

    struct Checkpoint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the access log's signed head, or append it to a file off the host with --export.",
            discussion: """
            Run it regularly (cron) with --export to a place the store's owner cannot rewrite – another host, a
            write-once share, syslog – so lots audit verify --against catches even a rewrite made with the key.

            Examples:
              lots audit checkpoint
              lots audit checkpoint --export /mnt/offsite/lots-checkpoints.txt
              lots audit checkpoint | logger -t lots-audit
            """
        )
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("Append the checkpoint line to this file (created 0600).", valueName: "path")) var export: String?

        func run() throws {
            let s = try store.open()
            let verified = try s.verifyAuditChain()
            if let broken = verified.broken {
                throw LotsError("the access log is broken at event \(broken.id): \(broken.why)", at: "auditEvent \(broken.id) in \(s.path)",
                                fix: "a checkpoint of a broken log would vouch for it: investigate first")
            }
            let line = try s.auditCheckpoint().line + "\n"
            guard let export else { try Output.write(line); return }
            let fd = Foundation.open(export, O_CREAT | O_WRONLY | O_APPEND, 0o600)
            guard fd >= 0 else { throw LotsError("cannot open the checkpoint file", at: export, fix: "check the folder exists and is writable", code: .ioError) }
            defer { Foundation.close(fd) }
            let bytes = Array(line.utf8)
            guard Foundation.write(fd, bytes, bytes.count) == bytes.count, fsync(fd) == 0 else {
                throw LotsError("cannot write the checkpoint", at: export, fix: "check free disk space", code: .ioError)
            }
            print("checkpoint appended to \(export): \(line.dropLast())")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every access to one case or one patient: when, who, role, unit, what.",
            discussion: """
            Needs a staff identity: --case a reader of the case (its unit's clinicians and supervisor, the phone
            nurse who created it); --patient the supervisor of the unit (events of the unit's cases). Logged.

            Examples:
              lots audit show --case 12 --user david
              lots audit show --patient 19121212-1212 --user david
            """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var identity: IdentityOptions
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
            let user = try identity.authenticate(s, for: "lots audit show")
            try s.auditExtract(caseId: self.case, personnummer: pnr, for: user) { events in
                var out = "Loggutdrag – \(self.case.map { "ärende \($0)" } ?? "patient \(pnr!)") – \(events.count) händelser\n"
                for e in events {
                    let when = ISOTime.parse(e.at).map(ISOTime.local) ?? e.at
                    let line = "\(when)  \(e.actor) (\(e.role)\(e.unitHsaId.map { ", \($0)" } ?? ""))  \(e.action)"
                        + (e.caseId.map { "  ärende \($0)" } ?? "") + (e.detail.isEmpty ? "" : "  \(e.detail)")
                    out += SafeText.sanitize(line, keepNewlines: false) + "\n"
                }
                try Output.write(out)
            }
        }
    }
}
