import Testing
import LotsUI

@Suite struct TextEditorTests {
    @Test func cursorMovesByGrapheme() {
        var e = TextEditor("hå👍🏽日")
        e.handle(.left)
        e.handle(.backspace)
        #expect(e.text == "hå日")
        e.handle(.home)
        e.handle(.right)
        e.handle(.char("e"))
        #expect(e.text == "heå日")
    }

    @Test func homeEndAndWordJumpsWorkOnTheCurrentLine() {
        var e = TextEditor("första raden\nandra rad här")
        e.handle(.home)
        e.handle(.char(">"))
        #expect(e.text == "första raden\n>andra rad här")
        e.handle(.alt("f"))
        e.handle(.char("!"))
        #expect(e.text == "första raden\n>andra! rad här")
        e.handle(.up)
        e.handle(.end)
        e.handle(.char("."))
        #expect(e.text == "första raden.\n>andra! rad här")
    }

    @Test func longPasteWrapsByDisplayWidth() {
        var e = TextEditor("")
        e.insert(String(repeating: "日本", count: 10))
        let l = e.layout(width: 10)
        #expect(l.lines.count == 5)  // four full lines, and the cursor waiting on the fifth
        #expect(l.lines.prefix(4).allSatisfy { CellWidth.of($0) == 10 })
        #expect(l.cursorRow == 4 && l.cursorCol == 0)
    }

    @Test func respectsTheMaximumLength() {
        var e = TextEditor("", maxLength: 3)
        e.insert("abcdef")
        #expect(e.text == "abc")
    }
}

@Suite struct TextEditorKillTests {
    @Test func ctrlUKillsToTheLineStartWithoutCrashing() {
        var e = TextEditor("hej på dig")
        e.handle(.ctrl("u"))
        #expect(e.text.isEmpty && e.cursor == 0)
        e = TextEditor("första\nandra rad")
        e.handle(.left); e.handle(.left); e.handle(.left)
        e.handle(.ctrl("u"))
        #expect(e.text == "första\nrad" && e.cursor == 7)
        e.handle(.ctrl("u"))
        #expect(e.text == "första\nrad")
    }
}

@Suite struct EscapeSequenceTests {
    @Test func homeAndEndVariantsDecodeToKeys() {
        for body in ["[1~", "[7~", "[H", "OH"] { #expect(Key.decodeEscape(body) == .home, "\(body)") }
        for body in ["[4~", "[8~", "[F", "OF"] { #expect(Key.decodeEscape(body) == .end, "\(body)") }
        #expect(Key.decodeEscape("[3~") == .delete)
        #expect(Key.decodeEscape("[1;5C") == .right)
        #expect(Key.decodeEscape("OP") == .f(1))
        #expect(Key.decodeEscape("[15~") == .f(5))
    }

    @Test func unknownSequencesAreNothingNeverText() {
        for body in ["[200~", "[?1049h", "[99~", "[2;3x", "[", "x"] { #expect(Key.decodeEscape(body) == nil, "\(body)") }
    }
}
