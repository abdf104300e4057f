import ArgumentParser
import Foundation
import LotsCore
import LotsFixtures
import LotsStore

/// `lots init --admin NAME`: a real store with its first admin.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a real store (0600, with its access-log key beside it) and its first admin account.",
        discussion: """
        The admin's password is asked twice on the terminal, or read from the first line of standard input with
        --password-stdin: at least 12 characters, not a common one. The store gets the region's units and the
        shared phrase templates; demo-only commands (lots demo, simulate --staff) refuse it.
        Run it as the service account that owns the store (see the README's deployment section).

        Examples:
          sudo -u lots lots init --admin alva --db /srv/lots/lots.sqlite
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("User name of the first admin.", valueName: "name")) var admin: String
    @Option(name: .customLong("name"), help: "The admin's display name.") var displayName: String?
    @Flag(name: .customLong("password-stdin"), help: "Read the admin's password from the first line of standard input.")
    var passwordStdin = false

    func run() throws {
        let path = store.resolvedPath
        if FileManager.default.fileExists(atPath: path) {
            throw LotsError("a store already exists here", at: path, fix: "choose a new --db path; lots init never touches an existing store", code: .ioError)
        }
        guard admin.range(of: #"^[a-z][a-z0-9._-]{1,31}$"#, options: .regularExpression) != nil else {
            throw LotsError("invalid user name", at: "--admin", fix: "use 2–32 lowercase letters, digits, dot, dash or underscore, starting with a letter", code: .usage)
        }
        let password = try Passwords.readNew(for: admin, fromStdin: passwordStdin)
        let s = try store.open(create: true)
        try s.mark(kind: "real", by: .system("init"))
        try s.importDirectory(try Embedded.directory())
        try s.importTemplates(TemplateCatalog.parse(LotsFixtures.text("templates.yaml")))
        try s.addUser(username: admin, displayName: displayName ?? admin, role: .admin, profession: nil, unit: nil, password: password,
                      actor: .system("init"))
        print("store ready: \(s.path) (access-log key: \(AuditKey.path(for: s.path)))")
        print("  admin \(admin); add staff with lots user add NAME --role R --unit HSAID --user \(admin)")
    }
}
