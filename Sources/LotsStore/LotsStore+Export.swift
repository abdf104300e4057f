import Foundation
import GRDB
import LotsCore

extension LotsStore {
    /// username → display name of every staff account (the FHIR export names who did what).
    public func staffDisplayNames() throws -> [String: String] {
        try pool.read { db in
            Dictionary(try Row.fetchAll(db, sql: "SELECT username, displayName FROM staff").map { ($0["username"], $0["displayName"]) },
                       uniquingKeysWith: { a, _ in a })
        }
    }
}
