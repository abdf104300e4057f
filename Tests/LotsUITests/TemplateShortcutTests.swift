import Foundation
import Testing
import LotsCore
@testable import LotsUI

/// Inline template shortcuts (issue 14): `/kod` + Tab in the composer expands a template, with the picker's checks.
@Suite struct TemplateShortcutTests {
    func composing() -> ConsoleState {
        var s = Samples.caseState()
        _ = s.handle(.char("i"))
        #expect(s.composerFocused)
        s.composer.set("")  // the sample case has a saved draft
        return s
    }

    @Test func slashCodeAndTabExpandsTheTemplateFilledForTheCase() {
        var s = composing()
        for c in "Tack. /greeting" { _ = s.handle(.char(c)) }
        let effects = s.handle(.tab)
        #expect(s.composer.text == "Tack. Hej Li! Jag heter Anna Lind.")
        #expect(s.composerTemplate == "GREETING" && effects.count == 1)
        #expect(ConsoleView.render(s, width: 80, height: 24).text.contains("Hej Li! Jag heter Anna Lind."))
    }

    @Test func aPrefixOfOneCodeIsEnoughAndThePatientsLanguageIsUsed() {
        var s = composing()
        s.detail?.language = "en"
        for c in "/gre" { _ = s.handle(.char(c)) }
        _ = s.handle(.tab)
        #expect(s.composer.text == "Hello Li! I am Anna Lind.")
    }

    @Test func unknownCodesAndUnknownVariablesAreRefusedAndTabOtherwiseTypesASpace() {
        var s = composing()
        for c in "/nope" { _ = s.handle(.char(c)) }
        _ = s.handle(.tab)
        #expect(s.composer.text == "/nope" && s.status.contains("Ingen mall heter /nope"))
        _ = s.handle(.ctrl("u"))
        for c in "/broken" { _ = s.handle(.char(c)) }
        _ = s.handle(.tab)
        #expect(s.composer.text == "/broken" && s.status.contains("patient.shoeSize"))
        _ = s.handle(.ctrl("u"))
        for c in "Hej" { _ = s.handle(.char(c)) }
        _ = s.handle(.tab)
        #expect(s.composer.text == "Hej ")
    }
}
