import Foundation
import LotsCore
import LotsFixtures

/// The catalog, directory and templates built into the binary.
enum Embedded {
    static func catalog() throws -> SymptomCatalog {
        try CatalogParser.parse(files: LotsFixtures.catalogFiles())
    }

    static func directory() throws -> ProviderDirectory {
        try ProviderDirectory.parse(LotsFixtures.text("providers.yaml"))
    }

    static func engine() throws -> TriageEngine {
        TriageEngine(catalog: try catalog(), directory: try directory())
    }
}
