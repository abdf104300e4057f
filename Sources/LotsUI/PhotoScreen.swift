import Foundation
import LotsCore

/// The photo viewer (issue 14): the attachment's metadata and GPS warning in the cell buffer; the picture itself
/// is drawn by the terminal edge (libchafa) into `imageArea`, which this screen leaves empty.
public enum PhotoScreen {
    /// Where the picture goes: below the metadata rows and the GPS warning's row, above the status line and footer.
    public static func imageArea(width: Int, height: Int) -> (x: Int, y: Int, columns: Int, rows: Int) {
        (1, 5, max(1, width - 2), max(1, height - 8))
    }

    static func render(_ s: ConsoleState, into b: inout CellBuffer) {
        guard let d = s.detail, let id = s.photoId, let i = d.attachments.firstIndex(where: { $0.id == id }) else { return }
        let a = d.attachments[i]
        let w = b.width
        let kind = a.mimeType == "image/png" ? "PNG" : "JPEG"
        let head = Strings.t("photo.title", s.lang, i + 1, d.attachments.count, Int(d.id)) + " · " + SafeText.sanitize(a.fileName, keepNewlines: false)
        b.put(CellWidth.truncate(head, to: w - 1), x: 0, y: 2, style: Style(.header))
        var meta = "\(kind) \(a.width)×\(a.height) \(CaseScreen.byteText(a.byteCount)) sha \(a.sha256.prefix(12))"
        meta += " · " + (a.capturedAt.map { Strings.t("photo.captured", s.lang, SafeText.sanitize($0, keepNewlines: false)) } ?? s.t("photo.noCapture"))
        b.put(CellWidth.truncate(meta, to: w - 1), x: 0, y: 3)
        if a.hasGPS {
            // A row of its own, whole at any width; words and a marker, not colour alone.
            for (i, l) in TextWrap.wrap("⚠ " + s.t("case.gps") + " – " + s.t("photo.gpsHint"), width: w - 1).prefix(1).enumerated() {
                b.put(l, x: 0, y: 4 + i, style: Style(.warning, bold: true))
            }
        }
        if !s.photoDrawable {
            let area = imageArea(width: w, height: b.height)
            b.put(CellWidth.truncate(s.t(a.hasBytes ? "photo.cannotDraw" : "photo.purged"), to: w - 2), x: area.x, y: area.y + 1, style: Style(.dim))
        }
    }
}
