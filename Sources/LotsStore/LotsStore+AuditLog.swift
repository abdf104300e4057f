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

extension LotsStore {
    /// Walks the hash chain; returns nil when intact, else the first broken event and why.
    ///
    /// A changed row no longer matches its own hash; a deleted row leaves a gap in the ids and a
    /// `prevHash` that no longer matches the event before it.
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
            return (count, nil)
        }
    }

    /// Events about one case, or about one patient (every case of that personnummer), oldest first.
    public func auditEvents(caseId: Int64? = nil, personnummer: String? = nil) throws -> [AuditEvent] {
        try pool.read { db in
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
