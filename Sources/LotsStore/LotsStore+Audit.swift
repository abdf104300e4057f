import Crypto
import Foundation
import GRDB
import LotsCore

/// Who did something, for history rows and the access log.
public struct Actor: Sendable, Equatable {
    public var name: String
    public var role: String
    public var staffId: Int64?
    public var unitHsaId: String?

    public init(name: String, role: String, staffId: Int64? = nil, unitHsaId: String? = nil) {
        self.name = name
        self.role = role
        self.staffId = staffId
        self.unitHsaId = unitHsaId
    }

    /// A staff member acting in the console or through a command.
    public init(user: StaffUser) {
        self.init(name: user.username, role: user.role.rawValue, staffId: user.id, unitHsaId: user.unitHsaId)
    }

    /// A system path such as the citizen app's intake.
    public static func system(_ what: String) -> Actor { Actor(name: "system:\(what)", role: "system") }
}

extension LotsStore {
    /// Appends one access-log event inside the caller's transaction, chained to the previous one by SHA-256.
    static func audit(_ db: Database, _ actor: Actor, action: String, caseId: Int64? = nil, personnummer: String? = nil,
                      detail: String = "", at: Date = Date()) throws {
        // Cached statements: every write that touches a patient's case logs an event.
        let prev = try String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM auditEvent ORDER BY id DESC LIMIT 1")) ?? String(repeating: "0", count: 64)
        let stamp = ISOTime.utc(at)
        let id = (try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM auditEvent"))) ?? 1
        let hash = auditHash(id: id, at: stamp, actor: actor.name, role: actor.role, unit: actor.unitHsaId, action: action,
                             caseId: caseId, personnummer: personnummer, detail: detail, prevHash: prev)
        try db.cachedStatement(sql: """
            INSERT INTO auditEvent (id, at, actor, role, unitHsaId, action, caseId, personnummer, detail, prevHash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, stamp, actor.name, actor.role, actor.unitHsaId, action, caseId, personnummer, detail, prev, hash])
    }

    /// The chained hash of one event: every field, in order, separated by unit separators.
    static func auditHash(id: Int64, at: String, actor: String, role: String, unit: String?, action: String, caseId: Int64?,
                          personnummer: String?, detail: String, prevHash: String) -> String {
        let fields = [String(id), at, actor, role, unit ?? "", action, caseId.map(String.init) ?? "", personnummer ?? "", detail, prevHash]
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(fields.joined(separator: "\u{1F}").utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Appends one access-log event in its own transaction.
    public func audit(_ actor: Actor, action: String, caseId: Int64? = nil, personnummer: String? = nil, detail: String = "") throws {
        try pool.write { try Self.audit($0, actor, action: action, caseId: caseId, personnummer: personnummer, detail: detail) }
    }

    /// Logs an access and delivers it in one transaction: when `deliver` fails (the output could not be
    /// written), the event is rolled back with it, so the log holds exactly the accesses that happened.
    public func audited<T>(_ actor: Actor, action: String, caseId: Int64? = nil, personnummer: String? = nil, detail: String = "",
                           deliver: () throws -> T) throws -> T {
        try pool.write { db in
            try Self.audit(db, actor, action: action, caseId: caseId, personnummer: personnummer, detail: detail)
            return try deliver()
        }
    }
}
