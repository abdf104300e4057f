import Foundation

/// A video meeting's link, from a unit's URL template with an unguessable room id.
///
/// The template is an `https` URL with `{room}` where the room id goes, e.g.
/// `https://video.regiondemo.se/m/{room}`. The room id is 128 random bits (26 base-32 characters, from the
/// system's cryptographic generator), so a link cannot be guessed from another.
public enum VideoLink {
    /// The template of a unit that has none configured (the demo region's meeting service).
    public static let defaultTemplate = "https://video.regiondemo.se/m/{room}"

    /// Checks a template: https, one `{room}`, no spaces or control characters.
    public static func validate(_ template: String, at location: String) throws {
        guard template.hasPrefix("https://"), template.components(separatedBy: "{room}").count == 2,
              !template.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 32 } == true }),
              URL(string: template.replacingOccurrences(of: "{room}", with: "x")) != nil else {
            throw LotsError("invalid video URL template \"\(SafeText.sanitize(String(template.prefix(80)), keepNewlines: false))\"", at: location,
                            fix: "write an https URL with {room} once where the room id goes, e.g. https://video.example.se/m/{room}")
        }
    }

    /// A new room id: 26 characters of RFC 4648 base 32 (lower case), 130 bits from the system's CSPRNG.
    public static func newRoomId() -> String {
        var g = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        return String((0..<26).map { _ in alphabet[Int(g.next(upperBound: UInt32(32)))] })
    }

    /// The link for a room.
    public static func url(template: String?, room: String) -> String {
        (template ?? defaultTemplate).replacingOccurrences(of: "{room}", with: room)
    }
}
