import ArgumentParser
import Foundation
import LotsCore
import LotsStore

/// `lots ssh authorized-keys`: the `authorized_keys` lines that bind each staff member's SSH keys to a forced
/// `lots ssh-login NAME` (DESIGN §11, as gitolite does for git).
struct SSHCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssh",
        abstract: "Deployment over SSH: authorized_keys lines with a forced command per staff member.",
        subcommands: [AuthorizedKeys.self]
    )

    struct AuthorizedKeys: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "authorized-keys",
            abstract: "Print authorized_keys lines: each key in DIR/NAME.pub may only run lots ssh-login NAME.",
            discussion: """
            NAME must be a staff account in the store. Install the output as the service account's
            ~/.ssh/authorized_keys; staff then reach Lots with ssh -t lots@host, never a shell or the file.

            Examples:
              lots ssh authorized-keys --keys /srv/lots/keys > ~lots/.ssh/authorized_keys
            """
        )
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("Folder of public keys, one file NAME.pub per staff member.", valueName: "dir")) var keys: String

        func run() throws {
            let s = try store.open()
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: keys) else {
                throw LotsError("cannot read the keys folder", at: keys, fix: "give a folder with one NAME.pub file per staff member", code: .noInput)
            }
            let binary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
            let db = s.path
            for path in [binary, db] where path.contains(where: { "\"\\'\n ".contains($0) }) {
                throw LotsError("the path cannot be quoted safely in a forced command", at: SafeText.sanitize(path, keepNewlines: false),
                                fix: "install lots and the store under paths without quotes, backslashes or spaces", code: .usage)
            }
            var out = ""
            for file in files.sorted() where file.hasSuffix(".pub") {
                let name = String(file.dropLast(4))
                guard name.range(of: #"^[a-z][a-z0-9._-]{1,31}$"#, options: .regularExpression) != nil, try s.user(named: name) != nil else {
                    printError("lots: no staff account named after this key file (\(SafeText.sanitize(file, keepNewlines: false))): skipped; create the account or rename the file")
                    continue
                }
                let text = (try? String(contentsOfFile: keys + "/" + file, encoding: .utf8)) ?? ""
                for line in text.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty && !line.hasPrefix("#") {
                    // Only a bare key: "type base64 [comment]". Options in the file could lift the restriction.
                    let parts = line.split(separator: " ", maxSplits: 2)
                    guard parts.count >= 2, Self.keyTypes.contains(String(parts[0])),
                          parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }) else {
                        printError("lots: not a bare public key (\(SafeText.sanitize(file, keepNewlines: false))): skipped; put one key per line, without options")
                        continue
                    }
                    out += "restrict,pty,command=\"\(binary) ssh-login --db \(db) \(name)\" \(parts[0]) \(parts[1]) lots:\(name)\n"
                }
            }
            try Output.write(out)
        }

        static let keyTypes: Set<String> = ["ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
                                            "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com"]
    }
}

/// `lots ssh-login NAME`: the forced command. Runs the console as NAME, or the permitted subcommand named in
/// `SSH_ORIGINAL_COMMAND` with `--user NAME`; the password is still asked (key and password).
struct SSHLoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssh-login",
        abstract: "The forced command of an SSH key (see lots ssh authorized-keys); not for interactive use.",
        discussion: """
        Permitted in SSH_ORIGINAL_COMMAND: console, export, audit show, report contacts, user passwd, triage.
        --db and --user cannot be given: the store is the service account's and the identity is the key's.

        Examples (what staff type):
          ssh -t lots@host                    # the console, as the key's staff member
          ssh -t lots@host export 12 > note.txt
        """
    )
    @OptionGroup var store: StoreOptions
    @Argument(help: "The staff member this key belongs to.") var name: String

    static let permitted: [[String]] = [["console"], ["export"], ["audit", "show"], ["report", "contacts"], ["user", "passwd"], ["triage"]]

    func run() async throws {
        let s = try store.open()
        guard try s.user(named: name) != nil else {
            throw LotsError("no staff account for this key", at: "ssh-login", fix: "ask the administrator to run lots ssh authorized-keys again", code: .denied)
        }
        var words = try Self.split(ProcessInfo.processInfo.environment["SSH_ORIGINAL_COMMAND"] ?? "")
        if words.first == "lots" { words.removeFirst() }
        if words.isEmpty { words = ["console"] }
        guard let command = Self.permitted.first(where: { words.starts(with: $0) }) else {
            throw LotsError("this command is not permitted over SSH", at: "SSH_ORIGINAL_COMMAND",
                            fix: "use one of: " + Self.permitted.map { $0.joined(separator: " ") }.joined(separator: ", "), code: .denied)
        }
        if let bad = words.first(where: { $0 == "--db" || $0.hasPrefix("--db=") || $0 == "--user" || $0.hasPrefix("--user=") }) {
            throw LotsError("\(bad) cannot be given over SSH", at: "SSH_ORIGINAL_COMMAND", fix: "leave it out: the store and the identity are fixed by the key", code: .denied)
        }
        var args = words
        if command != ["triage"] { args += ["--user", name, "--db", s.path] }
        var parsed = try Lots.parseAsRoot(args)
        if var async = parsed as? AsyncParsableCommand { try await async.run() } else { try parsed.run() }
    }

    /// Splits a command line into words with shell-like quoting ('…', "…", backslash); nothing is expanded.
    static func split(_ line: String) throws -> [String] {
        var words: [String] = [], word = "", inWord = false
        var quote: Character? = nil, escaped = false
        for c in line {
            if escaped { word.append(c); escaped = false; inWord = true; continue }
            if let q = quote {
                if c == q { quote = nil } else if c == "\\" && q == "\"" { escaped = true } else { word.append(c) }
                continue
            }
            switch c {
            case "\\": escaped = true
            case "'", "\"": quote = c; inWord = true
            case " ", "\t", "\n": if inWord { words.append(word); word = ""; inWord = false }
            default: word.append(c); inWord = true
            }
        }
        guard quote == nil, !escaped else {
            throw LotsError("unbalanced quotes in the command", at: "SSH_ORIGINAL_COMMAND", fix: "close every quote", code: .usage)
        }
        if inWord { words.append(word) }
        return words
    }
}
