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
