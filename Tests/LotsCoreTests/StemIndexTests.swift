import Foundation
import Testing
@testable import LotsCore
import LotsFixtures

/// The stem index may only narrow the engine's work: every phrase that matches a text by brute force must be
/// among the candidates, for the shipped catalog and for the 2,000-symptom synthetic one.
@Suite struct StemIndexTests {
    static let synthetic = TriageEngine(
        catalog: try! CatalogParser.parse(files: LotsFixtures.catalogFiles() + [("synthetic.yaml", SyntheticCatalog.yaml(count: 1_800))]),
        directory: Shipped.directory)

    /// Texts: demo reasons, catalog phrases and red-flag terms on their own, compounds, negations, numbers.
    /// Every `stride`-th phrase and `stride / 10`-th red-flag term, so the brute force (every text against every
    /// phrase) stays within a minute or two in debug builds: at 45,000 phrases it had grown to eight minutes on two
    /// cores and starved the suite's process tests past their time limits.
    static func texts(_ engine: TriageEngine, stride: Int, random: Int) -> [String] {
        var out = DemoGenerator.reasons.map(\.0)
        out += engine.compiled.phrases.enumerated().filter { $0.offset % stride == 0 }.map(\.element.term.phrase)
        let terms: [String] = engine.compiled.discriminators.flatMap { $0.rule.terms + $0.rule.with }
        let termStride = max(1, stride / 10)
        out += terms.indices.filter { $0 % termStride == 0 }.map { terms[$0] }
        var rng = SeededRandom(seed: 3)
        let words = Array(Set(engine.compiled.phrases.flatMap { $0.term.phrase.split(separator: " ").map(String.init) })).sorted()
        for _ in 0..<random {
            let n = Int.random(in: 2...8, using: &rng)
            out.append((0..<n).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined(separator: Bool.random(using: &rng) ? " " : ""))
        }
        out += ["Bröstsmärtan strålar ut i armen", "halsont och feber 39,5 sedan 3 dagar", "inte ont i magen men kräks", "smärtfri nu",
                "blodtryck 190/110", "tagit 20 tabletter", "magvärk", "ÖRONVÄRK!!", "Ont i halsen, ingen feber"]
        return out
    }

    func completeness(_ engine: TriageEngine, stride: Int = 1, random: Int = 400) {
        for text in Self.texts(engine, stride: stride, random: random) {
            let analysis = TextAnalysis(text)
            let candidates = Set(engine.compiled.candidatePhrases(engine.compiled.index.matched(in: analysis)))
            for (k, entry) in engine.compiled.phrases.enumerated() where entry.term.match(in: analysis) != nil {
                #expect(candidates.contains(k), "\"\(entry.term.phrase)\" matches \"\(text)\" but is no candidate")
            }
            for rule in engine.compiled.discriminators {
                for t in rule.terms + rule.with where t.match(in: analysis) != nil {
                    #expect(t.match(in: analysis, matched: engine.compiled.index.matched(in: analysis)) != nil, "red flag \"\(t.phrase)\" lost in \"\(text)\"")
                }
            }
        }
    }

    @Test func everyMatchingPhraseIsACandidateInTheShippedCatalog() { completeness(Shipped.engine, stride: 40, random: 150) }

    @Test func everyMatchingPhraseIsACandidateInTheSyntheticCatalog() {
        #expect(Self.synthetic.catalog.symptoms.count >= 1_900)
        completeness(Self.synthetic, stride: 80, random: 60)
    }

    @Test func theIndexNarrowsTheWork() {
        let analysis = TextAnalysis("Ont i halsen sedan tre dagar och feber 38,5")
        let candidates = Self.synthetic.compiled.candidatePhrases(Self.synthetic.compiled.index.matched(in: analysis))
        #expect(!candidates.isEmpty)
        #expect(candidates.count * 20 < Self.synthetic.compiled.phrases.count)
    }
}
