import Foundation
import Testing
import LotsCore
import LotsFixtures
import LotsTestSupport

/// The README's numbers follow the data (issue 12, defect 14).
@Suite struct ReadmeNumbersTests {
    @Test func theReadmesCatalogAndRegionCountsMatchTheFixtures() throws {
        let readme = try String(contentsOf: TestPaths.fixtures.deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let catalog = try CatalogParser.parse(files: LotsFixtures.catalogFiles())
        let units = try ProviderDirectory.parse(LotsFixtures.text("providers.yaml")).providers.count
        #expect(readme.contains("\(catalog.symptoms.count)-symptom catalog"), "README names another symptom count than \(catalog.symptoms.count)")
        #expect(readme.contains("\(catalog.symptoms.count) symptoms,"), "README names another symptom count than \(catalog.symptoms.count)")
        #expect(readme.contains("\(units)-unit"), "README names another unit count than \(units)")
        for n in readme.matches(of: /([\d,]+)-symptom catalog/) where n.1 != "2,000" && n.1 != "\(catalog.symptoms.count)" {
            Issue.record("README says \(n.0)")
        }
    }
}
