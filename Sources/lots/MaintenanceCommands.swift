import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots backup PATH`: an online backup that other consoles need not stop for.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store to a new file with SQLite's online backup API (safe while consoles run).",
        discussion: """
        Examples:
          lots backup /var/backups/lots-2026-11-24.sqlite
        """
    )
    @OptionGroup var store: StoreOptions
    @Argument(help: "The new backup file (must not exist).") var path: String

    func run() throws {
        let s = try store.open()
        try s.backup(to: path)
        print("backup written: \(path)")
    }
}

/// `lots purge --closed-before DAYS`: retention.
struct PurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Remove chats, form answers, free text and image bytes of cases closed more than DAYS days ago.",
        discussion: """
        The minimal contact record (unit, channel, urgency, outcome, times) and the access log are kept.
        The freed space is returned to the file system.

        Examples:
          lots purge --closed-before 90
        """
    )
    @OptionGroup var store: StoreOptions
    @Option(help: "Age in days of the oldest closed cases to keep in full.") var closedBefore: Int

    func run() throws {
        guard closedBefore >= 0, closedBefore <= 36_500 else {
            throw LotsError("\(closedBefore) days is out of range", at: "--closed-before", fix: "choose 0 to 36500 days", code: .usage)
        }
        let s = try store.open()
        let r = try s.purge(closedBefore: Date().addingTimeInterval(-Double(closedBefore) * 86_400))
        print("purged \(r.messages) messages, \(r.answers) form answers and \(r.images) images of cases closed more than \(closedBefore) days ago")
        if let e = r.vacuumError {
            printError(LotsError("the purge is committed, but its space was not returned to the file system: \(e.what)", at: e.location,
                                 fix: "free disk space and run lots purge again (it reclaims the space)", code: .ioError).line)
        }
    }
}
