import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots`: the console and its operations commands. DESIGN §4.
@main
struct Lots: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lots",
        abstract: "Lots – a console for digital first-line care.",
        discussion: """
        With no subcommand, opens the console on the store.
        Store: --db PATH, else $LOTS_DB, else $XDG_DATA_HOME/lots/lots.sqlite (~/.local/share/lots/).

        Examples:
          lots demo --cases 200
          lots intake Fixtures/intake/valid-sore-throat.json
          lots triage --text "Ont i halsen, ingen feber" --age 25
          lots export 1 --user anna
          lots init --admin alva --db /srv/lots/lots.sqlite
        """,
        version: "0.1.0",
        subcommands: [ConsoleCommand.self, DemoCommand.self, IntakeCommand.self, TriageCommand.self, CitizenCommand.self,
                      SimulateCommand.self, CatalogCommand.self, UserCommand.self, ExportCommand.self, AuditCommand.self, ReportCommand.self, BackupCommand.self, PurgeCommand.self, TemplatesCommand.self,
                      InitCommand.self, SSHCommand.self, SSHLoginCommand.self],
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
        } catch let error where LotsStore.lotsError(for: error) != nil {
            let e = LotsStore.lotsError(for: error)!
            FileHandle.standardError.write(Data((e.line + "\n").utf8))
            Foundation.exit(e.code.rawValue)
        } catch {
            // Argument errors echo what was typed: sanitized like every other error (help and version go to stdout).
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
            } else {
                FileHandle.standardError.write(Data((SafeText.sanitize(message) + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
