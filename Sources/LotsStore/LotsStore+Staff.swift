import Crypto
import Foundation
import GRDB
import LotsCore

extension LotsStore {
    /// Creates a staff account; the password is stored only as a scrypt hash.
    @discardableResult
    public func addUser(username: String, displayName: String, role: Role, profession: Profession?, unit: String?,
                        password: String, actor: Actor) throws -> Int64 {
        guard username.range(of: #"^[a-z][a-z0-9._-]{1,31}$"#, options: .regularExpression) != nil else {
            throw LotsError("invalid user name \"\(username)\"", at: "NAME", fix: "use 2–32 lowercase letters, digits, dot, dash or underscore, starting with a letter", code: .usage)
        }
        try Self.checkPassword(password)
        let hash = try PasswordHasher.hash(password)
        return try pool.write { db in
            if let unit, try Bool.fetchOne(db, sql: "SELECT 1 FROM unit WHERE hsaId = ?", arguments: [unit]) != true {
                throw LotsError("unknown unit \"\(unit)\"", at: "--unit", fix: "use the HSA-id of a unit in the store (lots demo loads the demo region)")
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM staff WHERE username = ?", arguments: [username]) == true {
                throw LotsError("user \"\(username)\" already exists", at: "NAME", fix: "choose another name, or use lots user passwd \(username)")
            }
            try db.execute(sql: """
                INSERT INTO staff (username, displayName, role, profession, unitHsaId, passwordHash, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [username, displayName, role.rawValue, profession?.rawValue, unit, hash, Date()])
            let id = db.lastInsertedRowID
            try Self.audit(db, actor, action: "user-add", detail: "\(username) as \(role.rawValue)")
            return id
        }
    }

    /// Replaces a user's password.
    public func setPassword(username: String, password: String, actor: Actor) throws {
        try Self.checkPassword(password)
        let hash = try PasswordHasher.hash(password)
        try pool.write { db in
            try db.execute(sql: "UPDATE staff SET passwordHash = ?, failedLogins = 0, lockedUntil = NULL WHERE username = ?", arguments: [hash, username])
            guard db.changesCount == 1 else {
                throw LotsError("no user named \"\(username)\"", at: "NAME", fix: "create it with lots user add \(username) --role R --unit HSAID", code: .noInput)
            }
            try Self.audit(db, actor, action: "user-passwd", detail: username)
        }
    }

    static func checkPassword(_ p: String) throws {
        guard p.count >= 4 else { throw LotsError("the password is too short", at: "password", fix: "use at least 4 characters (demo accounts use demo)", code: .usage) }
        guard p.count <= 256 else { throw LotsError("the password is too long", at: "password", fix: "use at most 256 characters", code: .usage) }
    }

    /// The account for a user name and password, or nil when either is wrong.
    public func authenticate(username: String, password: String) throws -> StaffUser? {
        guard let row = try pool.read({ try Row.fetchOne($0, sql: "SELECT * FROM staff WHERE username = ?", arguments: [username]) }),
              PasswordHasher.verify(password, against: row["passwordHash"]) else { return nil }
        return Self.staffUser(row)
    }

    /// Logs in with lockout: after 5 failures in a row the account is locked for 30 s, doubling with each
    /// further failure (at most an hour). Every attempt is in the access log. Returns nil for a wrong
    /// name or password; throws while the account is locked.
    ///
    /// The password is checked outside the write transaction (it is slow on purpose); the failure count is
    /// read and raised inside it, so simultaneous wrong guesses all count. An unknown name costs the same hash,
    /// takes the same path through a lockout row of its own (keyed by a hash of the name) and is logged
    /// without the name in clear, so neither timing, answers nor the log tell which names exist.
    public func login(username: String, password: String, now: Date = Date()) throws -> StaffUser? {
        let row = try pool.read { try Row.fetchOne($0, sql: "SELECT * FROM staff WHERE username = ?", arguments: [username]) }
        let stored: String? = row?["passwordHash"]
        let ok = PasswordHasher.verify(password, against: stored ?? PasswordHasher.unknownUserHash) && stored != nil
        let upgrade = ok && PasswordHasher.needsRehash(stored!) ? try? PasswordHasher.hash(password) : nil
        let nameKey = unknownNameKey(username)
        enum Outcome { case ok(StaffUser), failed, locked(Int) }
        let outcome = try pool.write { db -> Outcome in
            let current = try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE username = ?", arguments: [username])
            let user = current.map(Self.staffUser)
            let actor = user.map { Actor(user: $0) } ?? .system("login")
            var lockRow = current
            if lockRow == nil {
                lockRow = try Row.fetchOne(db, sql: "SELECT failedLogins, lockedUntil FROM loginThrottle WHERE nameKey = ?", arguments: [nameKey])
            }
            let what = user == nil ? "unknown user \(nameKey.prefix(16))" : ""
            if let until = lockRow?["lockedUntil"] as Date?, until > now {
                try Self.audit(db, actor, action: "denied", detail: [what, "login while locked"].filter { !$0.isEmpty }.joined(separator: ", "), at: now)
                return .locked(Int(until.timeIntervalSince(now).rounded(.up)))
            }
            if ok, let user {
                try db.execute(sql: "UPDATE staff SET failedLogins = 0, lockedUntil = NULL\(upgrade == nil ? "" : ", passwordHash = ?") WHERE id = ?",
                               arguments: upgrade == nil ? [user.id] : [upgrade!, user.id])
                try Self.audit(db, actor, action: "login", detail: upgrade == nil ? "" : "password hash upgraded", at: now)
                return .ok(user)
            }
            let failures = (lockRow?["failedLogins"] as Int? ?? 0) + 1
            let lock: Date? = failures >= 5 ? now.addingTimeInterval(min(3600, 30 * pow(2, Double(failures - 5)))) : nil
            if let user {
                try db.execute(sql: "UPDATE staff SET failedLogins = ?, lockedUntil = ? WHERE id = ?", arguments: [failures, lock, user.id])
            } else {
                try db.execute(sql: """
                    INSERT INTO loginThrottle (nameKey, failedLogins, lockedUntil, updatedAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT(nameKey) DO UPDATE SET failedLogins = excluded.failedLogins, lockedUntil = excluded.lockedUntil, updatedAt = excluded.updatedAt
                    """, arguments: [nameKey, failures, lock, now])
            }
            try Self.audit(db, actor, action: "login-failed", detail: [what, "failure \(failures)"].filter { !$0.isEmpty }.joined(separator: ", "), at: now)
            return .failed
        }
        switch outcome {
        case let .ok(user): return user
        case .failed: return nil
        case let .locked(seconds):
            throw LotsError("the account is locked for \(seconds) s after repeated failed logins", at: "login",
                            fix: "wait and try again, or ask an administrator to set a new password").keyed("err.locked", "\(seconds)")
        }
    }

    /// The key of an unknown user name in `loginThrottle` and the access log: not the name in clear, and keyed
    /// with the access log's key, so a guessed name cannot be confirmed against the log without the key file.
    func unknownNameKey(_ username: String) -> String {
        let text = "lots-login:" + username.lowercased()
        if let auditKey { return auditKey.mac(checkpoint: text) }
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The account by user name.
    public func user(named username: String) throws -> StaffUser? {
        try pool.read { try Row.fetchOne($0, sql: "SELECT * FROM staff WHERE username = ?", arguments: [username]) }.map(Self.staffUser)
    }

    static func staffUser(_ r: Row) -> StaffUser {
        StaffUser(id: r["id"], username: r["username"], displayName: r["displayName"], role: Role(rawValue: r["role"]) ?? .clinician,
                  profession: (r["profession"] as String?).flatMap(Profession.init(rawValue:)), unitHsaId: r["unitHsaId"])
    }
}
