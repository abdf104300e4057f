import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots user add|passwd`: staff accounts.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage staff accounts.",
        subcommands: [Add.self, Passwd.self, Cap.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a staff account (as an admin); asks for the new password twice, or reads it from stdin.",
            discussion: """
            Roles: clinician, phone-nurse, supervisor, admin.
            Professions: sjukskoterska, lakare, fysioterapeut, psykolog, kurator, barnmorska.
            With --password-stdin, the admin's password is the first line and the new account's the second.
            Passwords: at least 12 characters, not a common one, not containing the user name.

            Examples:
              lots user add eva --role clinician --profession lakare --unit SE2321000016-DEMO1 --name "Eva Ek" --user admin
              printf '%s\\n%s\\n' "$ADMIN_PW" "$NEW_PW" | lots user add frida --role supervisor --unit SE2321000016-DEMO1 --user admin --password-stdin
            """
        )

        @OptionGroup var store: StoreOptions
        @OptionGroup var identity: IdentityOptions
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
            let s = try store.open()
            let admin = try identity.authenticate(s, for: "lots user add")
            guard admin.role == .admin else {
                try s.addUser(username: name, displayName: "", role: r, profession: nil, unit: nil, password: "", by: admin)  // refused and logged: 77
                return
            }
            let password = try Passwords.readNew(for: name, fromStdin: identity.passwordStdin)
            try s.addUser(username: name, displayName: displayName ?? name, role: r, profession: prof, unit: unit, password: password, by: admin)
            print("created \(name) (\(r.rawValue))")
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a new password: your own (your current password logs you in), or anyone's as an admin.",
            discussion: """
            With --password-stdin, the first line is the current password of --user and the second the new one.

            Examples:
              lots user passwd anna --user anna
              lots user passwd anna --user admin
              printf '%s\\n%s\\n' "$OLD" "$NEW" | lots user passwd anna --user anna --password-stdin
            """
        )

        @OptionGroup var store: StoreOptions
        @OptionGroup var identity: IdentityOptions
        @Argument(help: "User name.") var name: String

        func run() throws {
            let s = try store.open()
            let user = try identity.authenticate(s, for: "lots user passwd")
            if user.role != .admin, user.username.lowercased() != name.lowercased() {
                try s.setPassword(username: name, password: "", by: user)  // refused and logged: 77
            }
            guard try s.user(named: name) != nil else {
                throw LotsError("no user named \"\(SafeText.sanitize(String(name.prefix(32)), keepNewlines: false))\"", at: "NAME",
                                fix: "create it with lots user add NAME --role R --unit HSAID --user ADMIN", code: .noInput)
            }
            let password = try Passwords.readNew(for: name, fromStdin: identity.passwordStdin)
            try s.setPassword(username: name, password: password, by: user)
            print("password changed for \(name)")
        }
    }

    struct Cap: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set how many chats a clinician may have open at once (as an admin; 1 to 50, default 6).",
            discussion: """
            The console and the store use this cap for taking and for a supervisor's assignments; a clinician's
            --chat-cap can only lower it for one session.

            Examples:
              lots user cap anna 8 --user admin
            """
        )

        @OptionGroup var store: StoreOptions
        @OptionGroup var identity: IdentityOptions
        @Argument(help: "User name.") var name: String
        @Argument(help: "Open chats at most (1 to 50).") var cap: Int

        func run() throws {
            guard (1...50).contains(cap) else {
                throw LotsError("chat cap \(cap) is out of range", at: "CAP", fix: "choose 1 to 50", code: .usage)
            }
            let s = try store.open()
            let admin = try identity.authenticate(s, for: "lots user cap")
            try s.setChatCap(username: name, cap: cap, by: admin)
            print("chat cap of \(name): \(cap)")
        }
    }
}
