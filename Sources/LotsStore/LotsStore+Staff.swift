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

    /// The account by user name.
    public func user(named username: String) throws -> StaffUser? {
        try pool.read { try Row.fetchOne($0, sql: "SELECT * FROM staff WHERE username = ?", arguments: [username]) }.map(Self.staffUser)
    }

    static func staffUser(_ r: Row) -> StaffUser {
        StaffUser(id: r["id"], username: r["username"], displayName: r["displayName"], role: Role(rawValue: r["role"]) ?? .clinician,
                  profession: (r["profession"] as String?).flatMap(Profession.init(rawValue:)), unitHsaId: r["unitHsaId"])
    }
}
