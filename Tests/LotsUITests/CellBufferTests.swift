import Testing
import LotsUI

@Suite struct CellBufferTests {
    @Test func widthsOfSwedishEmojiAndCJK() {
        #expect(CellWidth.of("åäö") == 3)
        #expect(CellWidth.of("日本") == 4)
        #expect(CellWidth.of("👍🏽") == 2)
        #expect(CellWidth.of("e\u{301}") == 1)  // e + combining acute is one column
    }

    /// The fast path for one-scalar Latin characters must agree with the full rules at its edges.
    @Test func fastPathEdges() {
        #expect(CellWidth.of(Character("\u{301}")) == 0)   // a lone combining mark (first byte 0xCC)
        #expect(CellWidth.of(Character("\u{2FF}")) == 1)   // the last scalar of the fast path
        #expect(CellWidth.of(Character("\u{85}")) == 1)    // C1 control: drawn as one placeholder
        #expect(CellWidth.of(Character("\u{A0}")) == 1)
        #expect(CellWidth.of(Character("©\u{FE0F}")) == 2) // emoji presentation requested
        #expect(CellWidth.of("Ångström ©") == 10)
    }

    @Test func wideGlyphTakesTwoCellsWithAPlaceholder() {
        var b = CellBuffer(width: 10, height: 1)
        #expect(b.put("a日b", x: 0, y: 0) == 4)
        #expect(b[1, 0].text == "日" && b[2, 0].isContinuation && b[3, 0].text == "b")
        #expect(b.lines()[0] == "a日b      ")
    }

    @Test func wideGlyphAtTheEdgeIsNotSplit() {
        var b = CellBuffer(width: 4, height: 1)
        b.put("abc日", x: 0, y: 0)
        #expect(b.lines()[0] == "abc ")
    }

    @Test func overwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var b = CellBuffer(width: 6, height: 1)
        b.put("日本", x: 0, y: 0)
        b.put("x", x: 1, y: 0)
        #expect(b.lines()[0] == " x本  ")
    }

    @Test func controlCharactersNeverReachTheBuffer() {
        var b = CellBuffer(width: 10, height: 1)
        b.put("a\u{1B}b\u{9B}c", x: 0, y: 0)
        #expect(b.lines()[0] == "a\u{FFFD}b\u{FFFD}c     ")
    }

    @Test func truncateAddsAnEllipsisByColumns() {
        #expect(CellWidth.truncate("Vardag närmaste tiden", to: 10) == "Vardag nä…")
        #expect(CellWidth.truncate("日本語テキスト", to: 5) == "日本…")
        #expect(CellWidth.fit("ab", 4) == "ab  ")
    }

    @Test func fillingOverHalfAWideGlyphLeavesNoOrphan() {
        var b = CellBuffer(width: 6, height: 1)
        b.put("📎日", x: 0, y: 0)
        b.fill(x: 1, y: 0, width: 2, style: .normal)
        #expect(b.lines()[0] == "      ")
        #expect(CellWidth.of(b.lines()[0]) == 6)
    }
}
