import Testing
@testable import LotsCore

/// The discriminator index may only narrow the engine's work: every rule whose findings are satisfied must be among
/// the candidates, in catalog order.
@Suite struct CompiledCatalogTests {
    @Test func theDiscriminatorIndexKeepsEveryRuleTheFindingsSatisfy() {
        let compiled = Shipped.engine.compiled
        let count = Shipped.catalog.findings.count
        var rng = SeededRandom(seed: 14)
        var sets: [Set<Int>] = [[], Set(0..<count)]
        for _ in 0..<400 { sets.append(Set((0..<Int.random(in: 1...10, using: &rng)).map { _ in Int.random(in: 0..<count, using: &rng) })) }
        // Findings that rules name together, so that rules with several findings are satisfied too.
        for r in compiled.discriminators.prefix(300) { sets.append(Set(r.all + r.any.prefix(1))) }
        for present in sets {
            let candidates = compiled.discriminatorCandidates(present: present)
            #expect(candidates == candidates.sorted() && Set(candidates).count == candidates.count)
            let chosen = Set(candidates)
            for (k, r) in compiled.discriminators.enumerated()
            where (r.any.isEmpty || r.any.contains(where: present.contains)) && r.all.allSatisfy(present.contains) {
                #expect(chosen.contains(k), "rule \(r.rule.label) left out for \(present.sorted())")
            }
        }
        #expect(compiled.discriminatorCandidates(present: []).count < compiled.discriminators.count / 2)
    }
}
