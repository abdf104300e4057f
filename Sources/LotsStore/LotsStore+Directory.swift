import Foundation
import GRDB
import LotsCore

extension LotsStore {
    /// Inserts or updates every unit of the directory, in one transaction.
    public func importDirectory(_ directory: ProviderDirectory) throws {
        try pool.write { db in
            for p in directory.providers {
                try db.execute(sql: """
                    INSERT INTO unit (hsaId, name, type, missions, minAge, maxAge, address, phone, hours, waitMinutes)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(hsaId) DO UPDATE SET name = excluded.name, type = excluded.type, missions = excluded.missions,
                      minAge = excluded.minAge, maxAge = excluded.maxAge, address = excluded.address, phone = excluded.phone,
                      hours = excluded.hours, waitMinutes = excluded.waitMinutes
                    """, arguments: [p.hsaId, p.name, p.type.rawValue, p.missions.map(\.rawValue).sorted().joined(separator: ","),
                                     p.minAge, p.maxAge, p.address, p.phone, p.hours.summary, p.waitMinutes])
            }
        }
    }

    /// Name of a unit, if it exists.
    public func unitName(_ hsaId: String) throws -> String? {
        try pool.read { try String.fetchOne($0, sql: "SELECT name FROM unit WHERE hsaId = ?", arguments: [hsaId]) }
    }

    /// HSA-ids of every unit, sorted.
    public func unitIds() throws -> [String] {
        try pool.read { try String.fetchAll($0, sql: "SELECT hsaId FROM unit ORDER BY hsaId") }
    }
}
