import Crypto
import Foundation

/// What Lots derives from an attached photo's bytes, never from its name.
public struct ImageMetadata: Sendable, Equatable {
    public enum Kind: String, Sendable { case jpeg, png
        public var mimeType: String { self == .jpeg ? "image/jpeg" : "image/png" }
    }
    public var kind: Kind
    public var width: Int
    public var height: Int
    public var byteCount: Int
    /// Lowercase hex SHA-256 of the bytes.
    public var sha256: String
    /// EXIF DateTimeOriginal as written by the camera (local time, no zone), e.g. `2026:11:20 14:03:11`.
    public var capturedAt: String?
    /// True when the file carries an EXIF GPS block: the photo may reveal where the citizen lives.
    public var hasGPS: Bool
}

/// Reads JPEG and PNG headers: type from magic bytes, pixel size from SOF/IHDR, EXIF capture time and
/// GPS presence. Every offset is bounds-checked; malformed files are errors, never crashes.
public enum ImageInspector {
    public static let maxBytes = 10 * 1024 * 1024
    /// Larger claims are refused: a decompression bomb must not reach a viewer.
    public static let maxSide = 20_000
    public static let maxPixels = 100_000_000

    public static func inspect(_ data: Data, name: String) throws -> ImageMetadata {
        let bytes = [UInt8](data)
        func bad(_ what: String, _ fix: String = "attach a JPEG or PNG photo") -> LotsError { LotsError(what, at: name, fix: fix) }
        guard bytes.count <= maxBytes else {
            throw bad("image is \(bytes.count) bytes, over the 10 MB limit", "attach a smaller photo (at most 10 MB)")
        }
        var meta: ImageMetadata
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            meta = try jpeg(bytes, bad: bad)
        } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            meta = try png(bytes, bad: bad)
        } else {
            throw bad("not a JPEG or PNG image (unknown magic bytes)")
        }
        guard meta.width > 0, meta.height > 0 else { throw bad("image has zero width or height") }
        guard meta.width <= maxSide, meta.height <= maxSide, meta.width * meta.height <= maxPixels else {
            throw bad("image claims \(meta.width)×\(meta.height) pixels, over the \(maxSide)-pixel limit", "attach an ordinary photo")
        }
        meta.byteCount = bytes.count
        meta.sha256 = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        return meta
    }

    static func be16(_ b: [UInt8], _ i: Int) -> Int? { i + 1 < b.count ? Int(b[i]) << 8 | Int(b[i + 1]) : nil }
    static func be32(_ b: [UInt8], _ i: Int) -> Int? {
        i + 3 < b.count ? Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) : nil
    }

    static func jpeg(_ b: [UInt8], bad: (String, String) -> LotsError) throws -> ImageMetadata {
        var meta = ImageMetadata(kind: .jpeg, width: 0, height: 0, byteCount: 0, sha256: "", capturedAt: nil, hasGPS: false)
        var i = 2
        var sawFrame = false
        while i + 3 < b.count {
            guard b[i] == 0xFF else { throw bad("corrupt JPEG: no segment marker at byte \(i)", "attach the original photo") }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0xD9 || marker == 0xDA { break }  // end of image, start of scan
            if (0xD0...0xD7).contains(marker) || marker == 0x01 { i += 2; continue }
            guard let len = be16(b, i + 2), len >= 2, i + 2 + len <= b.count else {
                throw bad("corrupt JPEG: segment at byte \(i) runs past the end", "attach the original photo")
            }
            let body = i + 4
            switch marker {
            case 0xC0...0xCF where marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
                guard let h = be16(b, body + 1), let w = be16(b, body + 3) else { throw bad("corrupt JPEG frame header", "attach the original photo") }
                meta.height = h
                meta.width = w
                sawFrame = true
            case 0xE1 where len >= 8 && Array(b[body..<min(body + 6, b.count)]) == [0x45, 0x78, 0x69, 0x66, 0, 0]:
                let tiff = Array(b[(body + 6)..<(i + 2 + len)])
                (meta.capturedAt, meta.hasGPS) = exif(tiff)
            default: break
            }
            i += 2 + len
        }
        guard sawFrame else { throw bad("JPEG has no frame header (no pixel size)", "attach the original photo") }
        return meta
    }

    static func png(_ b: [UInt8], bad: (String, String) -> LotsError) throws -> ImageMetadata {
        guard b.count >= 33, Array(b[12..<16]) == Array("IHDR".utf8), let w = be32(b, 16), let h = be32(b, 20) else {
            throw bad("corrupt PNG: no IHDR header", "attach the original photo")
        }
        var meta = ImageMetadata(kind: .png, width: w, height: h, byteCount: 0, sha256: "", capturedAt: nil, hasGPS: false)
        var i = 8
        while i + 8 <= b.count, let len = be32(b, i) {
            let type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
            guard len >= 0, i + 12 + len <= b.count else { break }
            if type == "eXIf" { (meta.capturedAt, meta.hasGPS) = exif(Array(b[(i + 8)..<(i + 8 + len)])) }
            if type == "IEND" { break }
            i += 12 + len
        }
        return meta
    }

    /// Walks a TIFF/EXIF block for DateTimeOriginal (0x9003, in the Exif IFD) and the GPS IFD pointer (0x8825).
    static func exif(_ t: [UInt8]) -> (String?, Bool) {
        guard t.count >= 8 else { return (nil, false) }
        let little = t[0] == 0x49 && t[1] == 0x49
        guard little || (t[0] == 0x4D && t[1] == 0x4D) else { return (nil, false) }
        func u16(_ i: Int) -> Int? { guard i >= 0, i + 1 < t.count else { return nil }
            return little ? Int(t[i]) | Int(t[i + 1]) << 8 : Int(t[i]) << 8 | Int(t[i + 1]) }
        func u32(_ i: Int) -> Int? { guard i >= 0, i + 3 < t.count else { return nil }
            return little ? Int(t[i]) | Int(t[i + 1]) << 8 | Int(t[i + 2]) << 16 | Int(t[i + 3]) << 24
                          : Int(t[i]) << 24 | Int(t[i + 1]) << 16 | Int(t[i + 2]) << 8 | Int(t[i + 3]) }
        func entries(_ ifd: Int) -> [(tag: Int, type: Int, count: Int, value: Int, at: Int)] {
            guard let n = u16(ifd), n < 1000 else { return [] }
            return (0..<n).compactMap { k in
                let e = ifd + 2 + k * 12
                guard let tag = u16(e), let type = u16(e + 2), let count = u32(e + 4), let value = u32(e + 8) else { return nil }
                return (tag, type, count, value, e + 8)
            }
        }
        guard let ifd0 = u32(4) else { return (nil, false) }
        let first = entries(ifd0)
        let hasGPS = first.contains { $0.tag == 0x8825 && $0.value > 0 && $0.value < t.count }
        var date: String?
        func ascii(_ e: (tag: Int, type: Int, count: Int, value: Int, at: Int)) -> String? {
            guard e.type == 2, e.count >= 19, e.count < 64 else { return nil }
            let start = e.count <= 4 ? e.at : e.value
            guard start >= 0, start + 19 <= t.count else { return nil }
            let s = String(decoding: t[start..<(start + 19)], as: UTF8.self)
            return s.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ":" || $0 == " ") } ? s : nil
        }
        if let exifPtr = first.first(where: { $0.tag == 0x8769 })?.value, exifPtr != ifd0 {
            date = entries(exifPtr).first { $0.tag == 0x9003 }.flatMap(ascii)
        }
        if date == nil { date = first.first { $0.tag == 0x0132 }.flatMap(ascii) }
        return (date, hasGPS)
    }
}
