import Foundation
import Testing
import LotsPhoto
import LotsTestSupport

/// The photo viewer's drawing with libchafa (issue 14): JPEG and PNG in symbols mode, within the given cells.
@Suite struct PhotoRendererTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("intake/\(name)"))
    }

    @Test(arguments: ["rash-gps.jpg", "throat.jpg", "eye.png"])
    func drawsWithinTheCellsInSymbols(_ name: String) throws {
        let d = try #require(PhotoRenderer.draw(try Self.fixture(name), columns: 60, rows: 16))
        #expect(d.columns <= 60 && d.rows <= 16 && d.columns > 0 && d.rows > 0)
        #expect(d.lines.count == d.rows, "\(d.lines.count) lines for \(d.rows) rows")
        // Block symbols and colour escapes, no sixel or kitty sequence.
        let blocks = d.text.unicodeScalars.filter { (0x2580...0x259F).contains($0.value) || (0x2500...0x257F).contains($0.value) }.count
        #expect(blocks > 0, "\(d.text.prefix(200))")
        #expect(d.text.contains("\u{1B}[") && !d.text.contains("\u{1B}P") && !d.text.contains("\u{1B}_G"))
    }

    @Test func aLandscapePhotoKeepsItsShape() throws {
        let d = try #require(PhotoRenderer.draw(try Self.fixture("rash-gps.jpg"), columns: 78, rows: 16))  // 640×480
        // Cells are about twice as tall as wide: 4:3 in 16 rows is ~42 columns.
        #expect(d.rows == 16 && (38...46).contains(d.columns), "\(d.columns)×\(d.rows)")
    }

    @Test func notAnImageIsNotDrawn() throws {
        #expect(PhotoRenderer.draw(try Self.fixture("not-an-image.jpg"), columns: 40, rows: 10) == nil)
        #expect(PhotoRenderer.draw(Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]), columns: 40, rows: 10) == nil)  // a cut JPEG
        #expect(PhotoRenderer.draw(Data(), columns: 40, rows: 10) == nil)
    }

    @Test func withoutColourOnlyShapes() throws {
        let d = try #require(PhotoRenderer.draw(try Self.fixture("rash-gps.jpg"), columns: 40, rows: 10, colors: .none))
        #expect(!d.text.contains("38;5;") && !d.text.contains("38;2;"))
    }

    @Test func tmuxGetsSymbols() {
        #expect(PhotoRenderer.bestPixels(environment: ["TMUX": "/tmp/tmux-0/default,1,0", "TERM": "xterm-kitty"]) == .symbols)
        #expect(PhotoRenderer.colors(environment: ["NO_COLOR": "1"]) == .none)
        #expect(PhotoRenderer.colors(environment: ["COLORTERM": "truecolor"]) == .truecolor)
    }
}
