import ArgumentParser
import Foundation
import LotsCore

/// `lots`: the console and its operations commands. DESIGN §4.
@main
struct Lots: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lots",
        abstract: "Lots – a console for digital first-line care.",
        discussion: """
        With no subcommand, opens the console on the store.
        Store: --db PATH, else $LOTS_DB, else $XDG_DATA_HOME/lots/lots.sqlite (~/.local/share/lots/).
        Log (errors and crashes, never patient text): $XDG_STATE_HOME/lots/lots.log (~/.local/state/lots/lots.log).

        Examples:
          lots demo --cases 200
          lots intake Fixtures/intake/valid-sore-throat.json
          lots triage --text "Ont i halsen, ingen feber" --age 25
          lots export 1
        """,
        version: "0.1.0",
        subcommands: [ConsoleCommand.self, DemoCommand.self, IntakeCommand.self, TriageCommand.self, CitizenCommand.self,
                      SimulateCommand.self, CatalogCommand.self, UserCommand.self, ExportCommand.self, AuditCommand.self, ReportCommand.self, BackupCommand.self, PurgeCommand.self, TemplatesCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )

    /// Runs the command line; a `LotsError` becomes one line on stderr and its sysexits code.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var async = command as? AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch let error as LotsError {
            FileHandle.standardError.write(Data((error.line + "\n").utf8))
            Foundation.exit(error.code.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
