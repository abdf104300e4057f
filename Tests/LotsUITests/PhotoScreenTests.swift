import Foundation
import Testing
import LotsCore
@testable import LotsUI

/// The photo viewer's frame (issue 14): metadata, the GPS warning whole on its own row, keys; the picture area empty.
@Suite struct PhotoScreenTests {
    @Test func pOpensTheFirstPhotoAndTheViewerShowsItsMetadataAndTheGPSWarning() throws {
        var s = Samples.caseState()
        #expect(s.handle(.char("p")) == [.viewAttachment(caseId: 5, attachmentId: 1)])
        #expect(s.screen == .caseView)  // not until the store has read (and logged) it
        _ = s.apply(.attachmentOpened(attachmentId: 1, drawable: true))
        #expect(s.screen == .photo && s.photoId == 1)
        let lines = ConsoleView.render(s, width: 80, height: 24).lines()
        #expect(lines[2].hasPrefix("Bild 1 av 1 · ärende 5 · hals.jpg"), "\(lines[2])")
        #expect(lines[3].contains("JPEG 640×480 8.3 kB sha 678c0186b7b4 · tagen 2026:11:21 09:15:30"), "\(lines[3])")
        #expect(lines[4].hasPrefix("⚠ VARNING: GPS-position i bilden"), "\(lines[4])")
        let area = PhotoScreen.imageArea(width: 80, height: 24)
        #expect(area.y == 5 && area.rows == 16 && area.columns == 78)
        #expect(lines[area.y..<(area.y + area.rows)].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty })
        #expect(lines.last!.contains("Esc Ärendet"))
        // One photo: → stays; Esc goes back to the case.
        #expect(s.handle(.right).isEmpty)
        _ = s.handle(.escape)
        #expect(s.screen == .caseView && s.photoId == nil)
    }

    @Test func aPhotoThatCannotBeDrawnSaysSoAndACaseWithoutPhotosToo() throws {
        var s = Samples.caseState()
        s.detail?.attachments[0].hasBytes = false
        _ = s.apply(.attachmentOpened(attachmentId: 1, drawable: false))
        #expect(ConsoleView.render(s, width: 80, height: 24).text.contains("Bilden är raderad enligt gallringsreglerna"))
        var none = Samples.caseState()
        none.detail?.attachments = []
        #expect(none.handle(.char("p")).isEmpty && none.status == "Ärendet har inga bilder")
    }

    @Test func nextAndPreviousCycleThroughTheAttachments() {
        var s = Samples.caseState()
        var second = s.detail!.attachments[0]
        second.id = 2; second.fileName = "arm.png"; second.mimeType = "image/png"; second.hasGPS = false
        s.detail?.attachments.append(second)
        _ = s.apply(.attachmentOpened(attachmentId: 1, drawable: true))
        #expect(s.handle(.right) == [.viewAttachment(caseId: 5, attachmentId: 2)])
        #expect(s.handle(.left) == [.viewAttachment(caseId: 5, attachmentId: 2)])  // wraps around
        _ = s.apply(.attachmentOpened(attachmentId: 2, drawable: true))
        let text = ConsoleView.render(s, width: 80, height: 24).text
        #expect(text.contains("Bild 2 av 2") && text.contains("PNG") && !text.contains("VARNING"))
    }
}
