import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots user add|passwd`: staff accounts.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage staff accounts.",
        subcommands: [Add.self, Passwd.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a staff account; asks for the password (or reads one line from stdin).",
            discussion: """
            Roles: clinician, phone-nurse, supervisor, admin.
            Professions: sjukskoterska, lakare, fysioterapeut, psykolog, kurator, barnmorska.

            Examples:
              lots user add eva --role clinician --profession lakare --unit SE2321000016-DEMO1 --name "Eva Ek"
              echo s3cret | lots user add frida --role supervisor --unit SE2321000016-DEMO1
            """
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "User name (lowercase).") var name: String
        @Option(help: "clinician, phone-nurse, supervisor or admin.") var role: String
        @Option(help: "The unit's HSA-id.") var unit: String?
        @Option(help: "The profession, for clinicians.") var profession: String?
        @Option(name: .customLong("name"), help: "Display name (default: the user name).") var displayName: String?

        func run() throws {
            guard let r = Role(rawValue: role) else {
                throw LotsError("unknown role \"\(role)\"", at: "--role", fix: "use one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))", code: .usage)
            }
            var prof: Profession?
            if let profession {
                guard let p = Profession(rawValue: profession) else {
                    throw LotsError("unknown profession \"\(profession)\"", at: "--profession", fix: "use one of: \(Profession.allCases.map(\.rawValue).joined(separator: ", "))", code: .usage)
                }
                prof = p
            }
            if r != .admin && r != .phoneNurse && unit == nil {
                throw LotsError("a \(r.rawValue) needs a unit", at: "--unit", fix: "add --unit HSAID", code: .usage)
            }
            let s = try store.open(create: true)
            let password = try readPassword(prompt: "Lösenord för \(name): ")
            try s.addUser(username: name, displayName: displayName ?? name, role: r, profession: prof, unit: unit,
                          password: password, actor: .system("user-add"))
            print("created \(name) (\(r.rawValue))")
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a new password for a staff account.",
            discussion: """
            Examples:
              lots user passwd anna
              echo n3wpass | lots user passwd anna
            """
        )

        @OptionGroup var store: StoreOptions
        @Argument(help: "User name.") var name: String

        func run() throws {
            let s = try store.open()
            guard try s.user(named: name) != nil else {
                throw LotsError("no user named \"\(name)\"", at: "NAME", fix: "create it with lots user add \(name) --role R --unit HSAID", code: .noInput)
            }
            let password = try readPassword(prompt: "Nytt lösenord för \(name): ")
            try s.setPassword(username: name, password: password, actor: .system("user-passwd"))
            print("password changed for \(name)")
        }
    }
}
