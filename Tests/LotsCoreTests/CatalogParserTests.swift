import Testing
import LotsCore

@Suite struct CatalogParserTests {
    let good = """
    symptoms:
      - code: A
        sv: Aa
        terms: [aaa]
        urgency: P4
    """

    func error(_ text: String) -> LotsError? {
        do { _ = try CatalogParser.parse(files: [("c.yaml", text)]); return nil } catch let e as LotsError { return e } catch { return nil }
    }

    @Test func parsesAMinimalCatalog() throws {
        let c = try CatalogParser.parse(files: [("c.yaml", good)])
        #expect(c.symptoms.first?.urgency == .p4)
    }

    @Test func aLexiconFileExtendsAComplaintsTermsByCode() throws {
        let lexicon = """
        extend:
          - code: A
            terms: [bbb ccc]
        """
        let catalog = try CatalogParser.parse(files: [("a.yaml", good), ("lex.yaml", lexicon)])
        #expect(catalog.symptoms.first?.terms == ["aaa", "bbb ccc"])
        let unknown = "extend:\n  - code: NOPE\n    terms: [x]\n"
        #expect {
            try CatalogParser.parse(files: [("a.yaml", good), ("lex.yaml", unknown)])
        } throws: { e in
            (e as? LotsError)?.description.contains("lex.yaml:2") == true && "\(e)".contains("unknown symptom code \"NOPE\"")
        }
    }

    /// A lexicon file can name a benign look-alike that explains a complaint away, without editing the complaint.
    @Test func aLexiconFileAddsFindingsThatExplainAComplaintAway() throws {
        let lexicon = """
        findings:
          - {id: strain, sv: sträckning, en: strain, terms: [bar flyttlådor]}
        extend:
          - code: A
            unless: [strain]
        """
        let catalog = try CatalogParser.parse(files: [("a.yaml", good), ("lex.yaml", lexicon)])
        #expect(catalog.symptoms.first?.unless == ["strain"])
        #expect(catalog.symptoms.first?.terms == ["aaa"])
        let e = error(good + "\nextend:\n  - code: A\n    unless: [nothing-like-it]\n")
        #expect(e?.what.contains("unknown finding \"nothing-like-it\"") == true, "\(String(describing: e))")
    }

    /// Session 10: a precise complaint names the general one whose base gives way to it; a wrong code is an error.
    @Test func refinesNamesAGeneralComplaintByCode() throws {
        let two = good + "\n  - code: B\n    sv: Bb\n    terms: [bbb]\n    urgency: P5\n    refines: [A]\n"
        #expect(try CatalogParser.parse(files: [("c.yaml", two)]).symptom("B")?.refines == ["A"])
        let byExtend = try CatalogParser.parse(files: [("c.yaml", two), ("x.yaml", "extend:\n  - code: A\n    refines: [B]\n")])
        #expect(byExtend.symptom("A")?.refines == ["B"])
        #expect(byExtend.symptom("A")?.terms == ["aaa"])
        let e = error(good + "\nextend:\n  - code: A\n    refines: [NOPE]\n")
        #expect(e?.what == "refines names unknown symptom code \"NOPE\"", "\(String(describing: e))")
        #expect(e?.location == "c.yaml:8:14")
        #expect(error(good + "\nextend:\n  - code: A\n    refines: [A]\n")?.what == "symptom A refines itself")
    }

    /// Session 10: `not:` on a complaint used to be read and ignored (a helper's exclusions silently did nothing).
    @Test func notOnAComplaintIsAnError() {
        let e = error(good + "\nextend:\n  - code: A\n    not: [aaa bbb]\n")
        #expect(e?.what == "not: works on findings, not on complaint A", "\(String(describing: e))")
        #expect(e?.fix.contains("unless:") == true)
    }

    @Test func unknownUrgencyNamesLineAndAllowedCodes() {
        let e = error(good.replacingOccurrences(of: "P4", with: "P9"))
        #expect(e?.location == "c.yaml:5:14")
        #expect(e?.what == "unknown urgency code \"P9\"")
        #expect(e?.fix.contains("EMERGENCY, P1, P2, P3, P4, P5") == true)
    }

    @Test func duplicateCodesAcrossFilesAreErrors() {
        do {
            _ = try CatalogParser.parse(files: [("a.yaml", good), ("b.yaml", good)])
            Issue.record("no error")
        } catch let e as LotsError {
            #expect(e.what.contains("duplicate symptom code \"A\" (first at a.yaml:2:11)"))
            #expect(e.location == "b.yaml:2:11")
        } catch { Issue.record("\(error)") }
    }

    @Test func typosInKeysAreNotSilentlyIgnored() {
        let e = error(good.replacingOccurrences(of: "terms:", with: "trems:"))
        #expect(e?.what == "unknown key \"trems\"")
        #expect(e?.location == "c.yaml:4:5")
    }

    @Test func syntaxErrorsNameThePosition() {
        let e = error("symptoms:\n  - code: [A\n")
        #expect(e?.what.hasPrefix("YAML syntax error") == true)
        #expect(e?.location.hasPrefix("c.yaml:") == true)
    }
}
