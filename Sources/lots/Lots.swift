import ArgumentParser
import Foundation
import LotsCore
import LotsStore
import LotsTerminal
import Logging

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
          lots export 1 --user anna
          lots init --admin alva --db /srv/lots/lots.sqlite
        """,
        version: "0.1.0",
        subcommands: [ConsoleCommand.self, DemoCommand.self, IntakeCommand.self, TriageCommand.self, CitizenCommand.self,
                      SimulateCommand.self, CatalogCommand.self, UserCommand.self, ExportCommand.self, AuditCommand.self, ReportCommand.self, BackupCommand.self, PurgeCommand.self, TemplatesCommand.self,
                      InitCommand.self, SSHCommand.self, SSHLoginCommand.self, SlotsCommand.self, VideoCommand.self, DirectoryCommand.self, ServeCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )

    /// Runs the command line; every error becomes one line on stderr (`lots: …`) and its sysexits code: 64 for
    /// usage errors, whether Lots or the argument parser found them. Help and version print as usual.
    static func main() async {
        let arguments = Self.normalized(Array(CommandLine.arguments.dropFirst()))
        LoggingSystem.bootstrap { FileLogHandler(label: $0) }
        Terminal.installCommandCrashReport(logPath: LogFile.path(), version: configuration.version)
        if let first = arguments.first, !first.hasPrefix("-"), !subcommandNames.contains(first) {
            let e = LotsError("unknown command \"\(SafeText.sanitize(String(first.prefix(40)), keepNewlines: false))\"", at: "COMMAND",
                              fix: "use one of \(subcommandNames.sorted().joined(separator: ", ")); see lots --help", code: .usage)
            fail(e, arguments)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var async = command as? AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch let error as LotsError {
            fail(error, arguments)
        } catch let error where LotsStore.lotsError(for: error) != nil {
            fail(LotsStore.lotsError(for: error)!, arguments)
        } catch {
            let code = exitCode(for: error)
            guard code != .success else { exit(withError: error) }  // --help, --version
            // The parser's message, one line: "Missing value for '--cases <cases>'" → lots: missing value … (usage): …
            var what = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            if what.hasPrefix("Error: ") { what.removeFirst(7) }
            if let f = what.first { what = f.lowercased() + what.dropFirst() }
            let e = LotsError(SafeText.sanitize(what, keepNewlines: false), at: "usage", fix: "see lots \(arguments.first.map { subcommandNames.contains($0) ? $0 + " " : "" } ?? "")--help",
                              code: .usage)
            fail(e, arguments)
        }
    }

    /// Reports an error: one line on stderr, one (redacted: never patient text) in the log file, the sysexits code.
    static func fail(_ e: LotsError, _ arguments: [String]) -> Never {
        FileHandle.standardError.write(Data((e.line + "\n").utf8))
        let command = arguments.first.flatMap { subcommandNames.contains($0) ? $0 : nil } ?? "console"
        Log.shared.log(level: e.code == .ioError || e.code == .other ? .error : .warning, "command failed", metadata: [
            "command": .string(command), "exit": .stringConvertible(e.code.rawValue),
            "where": .string(LogFile.redacted(e.location)), "what": .string(LogFile.redacted(e.what)),
        ])
        Foundation.exit(e.code.rawValue)
    }

    /// The names of the subcommands (`lots foo` with any other word is an unknown command, not the console's usage).
    static var subcommandNames: Set<String> {
        Set(configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"])
    }

    /// `--cases -5` as `--cases=-5`: a negative number after an option is its value, not an unknown flag.
    static func normalized(_ args: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if a.hasPrefix("--"), !a.contains("="), i + 1 < args.count, args[i + 1].range(of: #"^-[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil {
                out.append(a + "=" + args[i + 1])
                i += 2
            } else {
                out.append(a)
                i += 1
            }
        }
        return out
    }
}
