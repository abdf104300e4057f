import Foundation
import GRDB
import LotsCore

/// One access-log event as stored.
public struct AuditEvent: Sendable, Equatable {
    public var id: Int64
    public var at: String
    public var actor: String
    public var role: String
    public var unitHsaId: String?
    public var action: String
    public var caseId: Int64?
    public var personnummer: String?
    public var detail: String
}

/// The access log's head at one moment, as exported off the host: one line,
/// `lots-audit-checkpoint v1 count=N hash=H at=T mac=M`.
public struct AuditCheckpoint: Sendable, Equatable {
    public var count: Int64
    public var hash: String
    public var at: String
    public var mac: String

    var body: String { "count=\(count) hash=\(hash) at=\(at)" }
    public var line: String { "lots-audit-checkpoint v1 \(body) mac=\(mac)" }

    /// Parses an exported line (the last checkpoint line when a file holds several).
    public init?(line text: String) {
        var fields: [String: String] = [:]
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[0] == "lots-audit-checkpoint", parts[1] == "v1" else { return nil }
        for p in parts.dropFirst(2) {
            let kv = p.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { return nil }
            fields[kv[0]] = kv[1]
        }
        guard let c = fields["count"].flatMap(Int64.init), let h = fields["hash"], h.count == 64, let at = fields["at"], let mac = fields["mac"] else { return nil }
        self.init(count: c, hash: h, at: at, mac: mac)
    }

    public init(count: Int64, hash: String, at: String, mac: String) {
        self.count = count
        self.hash = hash
        self.at = at
        self.mac = mac
    }
}

extension LotsStore {
    /// Walks the hash chain and checks its signed head; returns nil when intact, else the first problem.
    ///
    /// A changed row no longer matches its own hash; a deleted row leaves a gap in the ids and a `prevHash`
    /// that no longer matches the event before it; deleting the newest events leaves a signed head that names
    /// more events (or another hash); a chain rewritten without the key has a head whose signature fails.
    public func verifyAuditChain() throws -> (count: Int, broken: (id: Int64, why: String)?) {
        try pool.read { db in
            var prev = String(repeating: "0", count: 64)
            var expectedId: Int64 = 1
            var count = 0
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM auditEvent ORDER BY id")
            while let r = try rows.next() {
                count += 1
                let id: Int64 = r["id"]
                if id != expectedId {
                    return (count, (id, "event \(expectedId)\(id - expectedId > 1 ? "–\(id - 1)" : "") is missing before it"))
                }
                let stored: String = r["hash"]
                let prevHash: String = r["prevHash"]
                if prevHash != prev { return (count, (id, "its previous-hash does not match event \(id - 1)")) }
                let computed = Self.auditHash(id: id, at: r["at"], actor: r["actor"], role: r["role"], unit: r["unitHsaId"], action: r["action"],
                                              caseId: r["caseId"], personnummer: r["personnummer"], detail: r["detail"], prevHash: prevHash)
                if computed != stored { return (count, (id, "its content does not match its hash (changed after it was written)")) }
                prev = stored
                expectedId = id + 1
            }
            let last = expectedId - 1
            guard let head = try Row.fetchOne(db, sql: "SELECT count, hash, mac FROM auditHead WHERE id = 1") else {
                return (count, (last, "the signed head is missing (the table auditHead was emptied)"))
            }
            guard let key = auditKey else {
                return (count, (last, "the key file \(AuditKey.path(for: path)) is missing, so the signed head cannot be checked"))
            }
            let headCount: Int64 = head["count"], headHash: String = head["hash"], mac: String = head["mac"]
            guard key.mac(count: headCount, hash: headHash) == mac else {
                return (count, (last, "the signed head's signature does not match (the log was rewritten without the key)"))
            }
            if headCount > last {
                return (count, (last, "the signed head names \(headCount) events, so event\(headCount - last > 1 ? "s" : "") \(last + 1)\(headCount - last > 1 ? "–\(headCount)" : "") \(headCount - last > 1 ? "were" : "was") deleted"))
            }
            guard headCount == last, headHash == prev else {
                return (count, (last, "the newest event does not match the signed head (event \(headCount))"))
            }
            return (count, nil)
        }
    }

    /// The signed head as it stands: event count, newest hash, and a MAC over both and the time.
    public func auditCheckpoint(now: Date = Date()) throws -> AuditCheckpoint {
        guard let key = auditKey else {
            throw LotsError("the access log's key file is missing", at: AuditKey.path(for: path),
                            fix: "restore the key file from the store's backup", code: .ioError)
        }
        let (count, hash) = try pool.read { db -> (Int64, String) in
            let r = try Row.fetchOne(db, sql: "SELECT id, hash FROM auditEvent ORDER BY id DESC LIMIT 1")
            return (r?["id"] ?? 0, r?["hash"] ?? String(repeating: "0", count: 64))
        }
        var c = AuditCheckpoint(count: count, hash: hash, at: ISOTime.utc(now), mac: "")
        c.mac = key.mac(checkpoint: c.body)
        return c
    }

    /// Checks the log against a checkpoint exported earlier: event `count` must still exist with the same
    /// hash (the chain up to it is checked by `verifyAuditChain`). Catches a rewrite by someone holding the key.
    public func verify(against c: AuditCheckpoint) throws -> String? {
        let hash = try pool.read { try String.fetchOne($0, sql: "SELECT hash FROM auditEvent WHERE id = ?", arguments: [c.count]) }
        if c.count == 0 { return nil }
        guard let hash else { return "event \(c.count), the newest at the checkpoint of \(c.at), is gone" }
        guard hash == c.hash else { return "event \(c.count) no longer has the hash it had at the checkpoint of \(c.at) (the log was rewritten)" }
        return nil
    }

    /// Events about one case, or about one patient (every case of that personnummer), oldest first.
    public func auditEvents(caseId: Int64? = nil, personnummer: String? = nil) throws -> [AuditEvent] {
        try pool.read { try Self.auditEvents($0, caseId: caseId, personnummer: personnummer) }
    }

    static func auditEvents(_ db: Database, caseId: Int64?, personnummer: String?) throws -> [AuditEvent] {
        do {
            let rows: [Row]
            if let caseId {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM auditEvent WHERE caseId = ? ORDER BY id", arguments: [caseId])
            } else {
                rows = try Row.fetchAll(db, sql: """
                    SELECT * FROM auditEvent WHERE personnummer = ?
                       OR caseId IN (SELECT c.id FROM careCase c JOIN citizen z ON z.id = c.citizenId WHERE z.personnummer = ?)
                    ORDER BY id
                    """, arguments: [personnummer, personnummer])
            }
            return rows.map {
                AuditEvent(id: $0["id"], at: $0["at"], actor: $0["actor"], role: $0["role"], unitHsaId: $0["unitHsaId"], action: $0["action"],
                           caseId: $0["caseId"], personnummer: $0["personnummer"], detail: $0["detail"])
            }
        }
    }
}
