import Foundation
import LotsCore
import LotsFixtures

/// The shipped catalog and directory, parsed once for all core tests.
enum Shipped {
    static let catalog: SymptomCatalog = try! CatalogParser.parse(files: LotsFixtures.catalogFiles())
    static let directory: ProviderDirectory = try! ProviderDirectory.parse(LotsFixtures.text("providers.yaml"))
    static let engine = TriageEngine(catalog: catalog, directory: directory)

    static func at(_ iso: String) -> Date { ISOTime.parse(iso)! }
}
