import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `--user NAME [--password-stdin]`: the staff member a command acts as (DESIGN §4, §11).
///
/// The password is asked on the terminal, or read as the first line of standard input with
/// `--password-stdin`. Log-in goes through the store's lockout and is logged; every access the command then
/// makes is logged to that person. No identity, a wrong password or a locked account exit 77.
struct IdentityOptions: ParsableArguments {
    @Option(name: .customLong("user"), help: ArgumentHelp("Act as this staff member (the password is asked for).", valueName: "name"))
    var user: String?
    @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    /// Logs in; throws 77 without an identity or with a wrong one.
    func authenticate(_ store: LotsStore, for what: String) throws -> StaffUser {
        guard let user, !user.isEmpty else {
            throw LotsError("\(what) needs a staff identity", at: "--user",
                            fix: "add --user NAME (the password is asked for on the terminal, or give --password-stdin)", code: .denied)
        }
        let password = try Passwords.read(prompt: "Lösenord för \(user): ", fromStdin: passwordStdin, what: "the password")
        let found: StaffUser?
        do { found = try store.login(username: user, password: password) } catch let e as LotsError {
            throw LotsError(e.what, at: "--user", fix: e.fix, code: .denied)
        }
        guard let found else {
            throw LotsError("wrong user name or password", at: "--user", fix: "check both; after five failures the account is locked for a while", code: .denied)
        }
        return found
    }
}

/// Reading passwords: from the terminal without echo, or line by line from standard input.
enum Passwords {
    /// One password: from stdin's next line with `fromStdin`, else asked on the terminal (77 when there is none).
    static func read(prompt: String, fromStdin: Bool, what: String) throws -> String {
        if fromStdin {
            guard let line = readLine(strippingNewline: true) else {
                throw LotsError("no \(what) on standard input", at: "stdin", fix: "send \(what) as a line of its own", code: .denied)
            }
            return line
        }
        // getpass reads stdin when there is no terminal: check for one first, so a password is never taken from
        // a pipe that was not declared with --password-stdin.
        let tty = Foundation.open("/dev/tty", O_RDWR)
        if tty >= 0 { Foundation.close(tty) }
        guard tty >= 0, let p = getpass(prompt) else {
            throw LotsError("there is no terminal to ask for \(what)", at: "--password-stdin",
                            fix: "add --password-stdin and send \(what) as a line on standard input", code: .denied)
        }
        return String(cString: p)
    }

    /// A new password: the next stdin line, or asked twice on the terminal; checked against the policy.
    static func readNew(for username: String, fromStdin: Bool) throws -> String {
        let first = try read(prompt: "Nytt lösenord för \(username): ", fromStdin: fromStdin, what: "the new password")
        if !fromStdin {
            let again = try read(prompt: "Samma lösenord igen: ", fromStdin: false, what: "the new password")
            guard again == first else { throw LotsError("the two passwords differ", at: "password", fix: "type the same password twice", code: .usage) }
        }
        try PasswordPolicy.check(first, username: username)
        return first
    }
}
