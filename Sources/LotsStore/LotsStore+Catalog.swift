import Foundation
import GRDB
import LotsCore

extension LotsStore {
    /// Validates and imports a catalog in one transaction, replacing any earlier import.
    /// Returns the parsed catalog; on any error nothing is written.
    @discardableResult
    public func importCatalog(files: [(name: String, text: String)], actor: Actor) throws -> SymptomCatalog {
        let catalog = try CatalogParser.parse(files: files)
        try pool.write { db in
            try db.execute(sql: "DELETE FROM catalogFile")
            for f in files {
                try db.execute(sql: "INSERT INTO catalogFile (name, text, version, importedAt) VALUES (?, ?, ?, ?)",
                               arguments: [f.name, f.text, catalog.version, Date()])
            }
            try Self.audit(db, actor, action: "catalog-import", detail: "\(catalog.version), \(catalog.symptoms.count) symptoms")
        }
        return catalog
    }

    /// The imported catalog files, or an empty list when none was imported.
    public func catalogFiles() throws -> [(name: String, text: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT name, text FROM catalogFile ORDER BY name").map { (name: $0["name"], text: $0["text"]) }
        }
    }
}
