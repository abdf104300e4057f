import Foundation
import LotsCore
import LotsFixtures
import LotsStore
import LotsUI

/// What the benchmarks and the `lots-bench profile` loops measure against, made one way for both.
public enum BenchData {
    /// The 2,000-symptom catalog: the shipped symptoms and red flags, filled up with synthetic symptoms.
    public static func catalog() throws -> SymptomCatalog {
        let shipped = try LotsFixtures.catalogFiles()
        let count = try CatalogParser.parse(files: shipped).symptoms.count
        return try CatalogParser.parse(files: shipped + [("synthetic.yaml", SyntheticCatalog.yaml(count: 2_000 - count))])
    }

    /// The triage engine over `catalog()` and the shipped provider directory.
    public static func engine() throws -> TriageEngine {
        TriageEngine(catalog: try catalog(), directory: try ProviderDirectory.parse(LotsFixtures.text("providers.yaml")))
    }

    /// Free texts as citizens write them, from the demo generator.
    public static func inputs(_ n: Int) -> [TriageInput] {
        var gen = DemoGenerator(seed: 11, units: ["x"])
        return (0..<n).map { _ in gen.intake(at: Date()).triageInput }
    }

    /// The console of the clinician anna, logged in and holding her whole queue, and the store revision it
    /// was read at.
    public static func console(_ store: LotsStore) throws -> (state: ConsoleState, user: StaffUser, rev: Int64) {
        guard let anna = try store.user(named: "anna") else {
            throw LotsError("the bench store has no user anna", at: store.path, fix: "make it with lots demo")
        }
        var state = ConsoleState(lang: .sv, now: Date(), user: "anna")
        _ = state.apply(.loggedIn(anna, unitName: "Vårdcentralen Demo Centrum", templates: try store.templates(for: anna.id), units: []))
        let (entries, rev) = try store.queueSnapshot(for: anna)
        _ = state.apply(.queueLoaded(entries, hot: []))
        return (state, anna, rev)
    }

    /// What a console does after another process commits one change: read what changed since the revision
    /// before it (here the newest changed case, every time) and the hotlist, merge, and draw a frame.
    public static func reloadAfterOneCommit(_ store: LotsStore, _ state: inout ConsoleState, _ user: StaffUser, rev: Int64,
                                            width: Int, height: Int) throws -> CellBuffer {
        guard let changes = try store.queueChanges(for: user, since: rev - 1) else {
            throw LotsError("more than one change after the newest revision", at: store.path, fix: "use a store made by lots demo")
        }
        _ = state.apply(.queueChanged(changes, hot: try store.ownedOpenCases(staffId: user.id)))
        return ConsoleView.render(state, width: width, height: height)
    }
}
