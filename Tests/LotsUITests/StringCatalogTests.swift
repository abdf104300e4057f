import Foundation
import Testing
import LotsCore
@testable import LotsUI

/// One string catalog, both languages (issue 12, defect 9).
@Suite struct StringCatalogTests {
    /// Texts that are the same word in both languages on purpose.
    static let sameInBoth: Set<String> = ["app.title", "col.status", "case.triage", "author.citizen", "author.system", "picker.filter",
                                          "channel.app", "care.video", "provider.bvc", "phone.title"]

    @Test func everyKeyHasBothLanguagesAndNoAccidentalTwins() {
        for (key, e) in Strings.table {
            #expect(!e.sv.isEmpty && !e.en.isEmpty, "\(key) is empty in a language")
            if !Self.sameInBoth.contains(key) { #expect(e.sv != e.en, "\(key) is the same in both languages: \(e.sv)") }
            let specifiers = { (s: String) in s.matches(of: /%(\d\$)?[@d]/).count }
            #expect(specifiers(e.sv) == specifiers(e.en), "\(key) has different arguments")
        }
    }

    @Test func everyDomainValueHasALabel() {
        for u in Urgency.allCases { #expect(Strings.table["urgency." + u.code] != nil) }
        for o in Outcome.allCases { #expect(Strings.table["outcome." + o.rawValue] != nil, "\(o)") }
        for c in CareLevel.allCases { #expect(Strings.table["care." + c.rawValue] != nil, "\(c)") }
        for p in Profession.allCases { #expect(Strings.table["profession." + p.rawValue] != nil, "\(p)") }
        for r in LotsCore.Role.allCases { #expect(Strings.table["role." + r.rawValue] != nil, "\(r)") }
        for p in ProviderType.allCases { #expect(Strings.table["provider." + p.rawValue] != nil, "\(p)") }
        for c in TemplateCatalog.categories { #expect(Strings.table["category." + c] != nil, "\(c)") }
        for c in Channel.allCases { #expect(Strings.table["channel." + c.rawValue] != nil, "\(c)") }
        for s in Sex.allCases { #expect(Strings.table["sex." + s.rawValue] != nil, "\(s)") }
        for c in BindingContext.allCases { #expect(Strings.table["help.ctx." + c.rawValue] != nil, "\(c)") }
    }

    /// Swedish UI words that must not appear on an English screen (patient text in the samples may be Swedish).
    static let swedishLabels = ["Omgående", "Akut – ring", "Närmaste", "Avvakta", "Skyndsamt", "Vardag", "Vårdnivå", "Hänvisning",
                                "Kontaktorsak", "kvinna", "Sjuksköterska", "Läkare", "Motivering", "Händelser", "Chatt", "Skriv",
                                "Brådska", "Väntat", "väntar", "Hjälp", "Avsluta", "Ärende", "Formulär", "besok", "lakare", "Vårdcentral ",
                                "Mall", "Hänvisa", "Kön", "self-care-advice", "EMERGENCY"]

    @Test func anEnglishConsoleHasNoSwedishLabelLeft() {
        var screens: [String] = []
        screens.append(ConsoleView.render(Samples.queueState(lang: .en), width: 200, height: 60).text)
        var c = Samples.caseState()
        c.lang = .en
        screens.append(ConsoleView.render(c, width: 200, height: 60).text)
        _ = c.handle(.char("x"))
        screens.append(ConsoleView.render(c, width: 200, height: 60).text)
        _ = c.handle(.escape)
        _ = c.handle(.char("h"))
        screens.append(ConsoleView.render(c, width: 200, height: 60).text.replacingOccurrences(of: "Långvarig hosta", with: ""))
        _ = c.handle(.escape)
        _ = c.handle(.char("?"))
        screens.append(ConsoleView.render(c, width: 200, height: 60).text)
        var p = ConsoleState(lang: .en, now: Samples.now)
        _ = p.apply(.loggedIn(StaffUser(id: 3, username: "cecilia", displayName: "Cecilia Berg", role: .phoneNurse, profession: .sjukskoterska,
                                        unitHsaId: "SE2321000016-1177"), unitName: "1177", templates: [], units: []))
        for ch in "19121212-1212" { _ = p.handle(.char(ch)) }
        _ = p.apply(.phoneTriaged(PhoneTriage(urgency: .p1, symptomTitle: "Sore throat", referralText: "Emergency department", rationale: "finding",
                                              advice: "", questions: [FollowUpQuestion(id: "x", sv: "Svårt att andas?", en: "Short of breath?")])))
        screens.append(ConsoleView.render(p, width: 200, height: 60).text)
        for (i, text) in screens.enumerated() {
            // The samples' own patient text is Swedish; the UI around it must not be.
            let ui = text.replacingOccurrences(of: "Hostat i fyra veckor", with: "").replacingOccurrences(of: "Vårdcentralen Demo Centrum", with: "")
                .replacingOccurrences(of: "Vårdcentralen Norrby", with: "").replacingOccurrences(of: "Vill ha röntgen", with: "")
                .replacingOccurrences(of: "Har du feber?", with: "").replacingOccurrences(of: "Tack för din kontakt.", with: "")
            for word in Self.swedishLabels { #expect(!ui.contains(word), "screen \(i) shows \"\(word)\":\n\(text)") }
        }
    }
}

/// Templates follow the patient's language, not the clinician's.
@Suite struct PatientLanguageTests {
    @Test func anEnglishPatientGetsTheEnglishTemplateInASwedishConsole() {
        var s = Samples.caseState()
        s.detail?.language = "en"
        _ = s.handle(.char("T"))
        let text = ConsoleView.render(s, width: 100, height: 30).text
        #expect(text.contains("patientens språk: engelska") && text.contains("Hello Li! I am Anna Lind."), "\(text)")
        _ = s.handle(.enter)
        #expect(s.composer.text.hasSuffix("Hello Li! I am Anna Lind."))
    }

    @Test func aSwedishPatientGetsTheSwedishTemplateInAnEnglishConsole() {
        var s = Samples.caseState()
        s.lang = .en
        _ = s.handle(.char("T"))
        _ = s.handle(.enter)
        #expect(s.composer.text.hasSuffix("Hej Li! Jag heter Anna Lind."))
    }
}

@Suite struct SetPatientLanguageKeyTests {
    @Test func lTogglesThePatientsLanguageForClinicians() {
        var s = Samples.caseState()
        #expect(s.handle(.char("l")) == [.setLanguage(caseId: 5, language: "en")])
    }
}

@Suite struct KeyedErrorTests {
    @Test func everyKeyedStoreErrorHasACatalogEntryInBothLanguages() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        var keys: Set<String> = ["pnr.char", "pnr.digits", "pnr.month", "pnr.day", "pnr.check", "pnr.future"]
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for m in text.matches(of: /\.keyed\("([a-zA-Z.]+)"/) { keys.insert(String(m.1)) }
        }
        #expect(keys.count > 10)
        for k in keys { #expect(Strings.table[k] != nil, "no catalog entry for \(k)") }
    }

    @Test func everyCatalogKeyTheSourcesNameExists() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        var keys: Set<String> = []
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            // Whole literal keys only (a prefix such as "lang." + code is followed by +).
            for m in text.matches(of: /Strings\.[tn]\("([a-zA-Z.]+[a-zA-Z])"\s*[,)]/) { keys.insert(String(m.1)) }
            for m in text.matches(of: /\bs?\.?t\("([a-zA-Z]+\.[a-zA-Z.]+)"\)/) { keys.insert(String(m.1)) }
        }
        #expect(keys.count > 100)
        for k in keys.sorted() { #expect(Strings.table[k] != nil, "no catalog entry for \(k)") }
    }

    @Test func theTemplateStoresErrorsAndThePhoneSMSReadInBothLanguages() {
        let e = LotsError("unknown variable {x}", at: "template", fix: "use one of: …").keyed("err.templateVariable", "x", "{case.id}")
        #expect(Strings.error(e, .sv) == "Okänd variabel {x} i mallen – använd någon av: {case.id}")
        #expect(Strings.error(e, .en) == "Unknown variable {x} in the template – use one of: {case.id}")
        #expect(Strings.t("phone.sms", .en, "Tolvan", "7", "Vårdcentralen Demo").hasPrefix("Hello Tolvan! You have spoken with 1177."))
    }

    @Test func aStoreErrorReadsInTheUIsLanguage() {
        let e = LotsError("you already have 6 open chats (the limit is 6)", at: "take", fix: "close or release a chat first").keyed("err.chatCap", "6", "6")
        #expect(Strings.error(e, .sv) == "Du har redan 6 öppna chattar (gränsen är 6) – avsluta eller släpp en först")
        #expect(Strings.error(e, .en).hasPrefix("You already have 6 open chats"))
        let taken = LotsError("x", at: "take", fix: "y").keyed("err.takenBy", "5", "Bertil Ek")
        #expect(Strings.error(taken, .sv) == "Ärende 5 är redan taget av Bertil Ek – öppna ett annat, eller be Bertil Ek släppa det")
    }
}
