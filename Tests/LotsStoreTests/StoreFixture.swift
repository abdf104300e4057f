import Foundation
import LotsCore
import LotsFixtures
import LotsStore
import LotsTestSupport

/// A fresh on-disk store with the demo region loaded, and helpers to add cases.
struct StoreFixture {
    let dir: URL
    let store: LotsStore
    static let directory = try! ProviderDirectory.parse(LotsFixtures.text("providers.yaml"))
    static let engine = TriageEngine(catalog: try! CatalogParser.parse(files: LotsFixtures.catalogFiles()), directory: directory)
    static let unit = "SE2321000016-DEMO1"

    init() throws {
        dir = TestPaths.temporaryDirectory("lots-store")
        store = try LotsStore.open(path: dir.appendingPathComponent("lots.sqlite").path)
        try store.importDirectory(Self.directory)
    }

    /// A clinician of the fixture's unit (password "demo").
    func clinician(_ name: String = "anna") throws -> StaffUser {
        try store.addUser(username: name, displayName: name.capitalized, role: .clinician, profession: .sjukskoterska,
                          unit: Self.unit, password: "demo", actor: .system("test"))
        guard let user = try store.user(named: name) else { throw LotsError("no user \(name)", at: "fixture", fix: "") }
        return user
    }

    /// An admin account (no unit, password "demo").
    func admin(_ name: String = "alva") throws -> StaffUser {
        try store.addUser(username: name, displayName: name.capitalized, role: .admin, profession: nil, unit: nil, password: "demo",
                          actor: .system("test"))
        guard let user = try store.user(named: name) else { throw LotsError("no user \(name)", at: "fixture", fix: "") }
        return user
    }

    /// Adds a case with this reason, submitted `minutesAgo` minutes ago.
    @discardableResult
    func addCase(_ reason: String, minutesAgo: Double = 0, unit: String = unit, serial: Int = 1) throws -> Int64 {
        let now = Date()
        let intake = Intake(personnummer: try Personnummer(Personnummer.make(year: 1980, month: 3, day: 14, serial: serial)),
                            name: "Test Testsson", phone: nil, channel: .app, unit: unit,
                            submittedAt: now.addingTimeInterval(-minutesAgo * 60), reason: reason)
        let triage = Self.engine.triage(intake.triageInput, at: intake.submittedAt)
        return try store.createCase(intake, triage: triage, actor: .system("test"))
    }
}
