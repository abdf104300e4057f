import ArgumentParser
import Foundation
import LotsCore

/// `lots` / `lots console`: the ncurses console (arrives with the clinician console issue).
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the ncurses console (default when no subcommand is given).",
        discussion: """
        Examples:
          lots
          lots console --user anna --lang en
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Log in as this user.") var user: String?
    @Option(help: "sv or en.") var lang: String = "sv"

    func run() throws {
        let s = try store.open()
        print("""
        Lots – store \(s.path) is ready (\(try s.rowCounts()["careCase"] ?? 0) cases).
        The interactive console is not built yet. Meanwhile:
          lots demo --cases 200       fill the store with demo data
          lots intake FILE.json       add a citizen case
          lots export ID              print a case as a journal note
          lots --help                 every command
        """)
    }
}
