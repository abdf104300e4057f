import CChafa
import Foundation

/// Draws an attached JPEG or PNG as terminal text with libchafa: symbols (block and half-block characters with
/// colours) everywhere, sixel or kitty graphics only where the terminal says it supports them.
public enum PhotoRenderer {
    public enum Pixels: Int32, Sendable { case symbols = 0, sixel = 1, kitty = 2 }
    public enum Colors: Int32, Sendable { case none = 0, sixteen = 1, indexed240 = 2, truecolor = 3 }

    /// A drawn image: terminal text (one line per row for symbols; one escape sequence for sixel/kitty), cells used.
    public struct Drawing: Sendable, Equatable {
        public var text: String
        public var columns: Int
        public var rows: Int
        public var pixels: Pixels
        /// Symbols mode: the text of each row (with colour escapes), to place row by row.
        public var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
    }

    /// Decoded images bigger than this are not drawn (intake refuses them already: a second guard).
    public static let maxPixels = 40_000_000

    /// Draws `data` into at most `columns`×`rows` cells; nil when it does not decode as JPEG or PNG.
    public static func draw(_ data: Data, columns: Int, rows: Int, pixels: Pixels = .symbols, colors: Colors = .indexed240) -> Drawing? {
        guard columns > 0, rows > 0 else { return nil }
        var w: Int32 = 0, h: Int32 = 0
        let rgba = data.withUnsafeBytes { raw -> UnsafeMutablePointer<UInt8>? in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else { return nil }
            return lots_decode_rgba(base, raw.count, &w, &h, maxPixels)
        }
        guard let rgba else { return nil }
        defer { free(rgba) }
        var cw: Int32 = 0, ch: Int32 = 0
        guard let out = lots_chafa_render(rgba, w, h, Int32(columns), Int32(rows), pixels.rawValue, colors.rawValue, &cw, &ch) else { return nil }
        defer { lots_chafa_free(out) }
        return Drawing(text: String(cString: out), columns: Int(cw), rows: Int(ch), pixels: pixels)
    }

    /// The graphics the terminal supports by the environment (TERM, TERM_PROGRAM, …, as chafa's terminal database
    /// reads them). Inside tmux (TMUX set) only symbols: tmux does not pass sixel or kitty graphics through by default.
    public static func bestPixels(environment: [String: String] = ProcessInfo.processInfo.environment) -> Pixels {
        if environment["TMUX"].map({ !$0.isEmpty }) ?? false { return .symbols }
        let g = lots_chafa_graphics()
        return g & 2 != 0 ? .kitty : g & 1 != 0 ? .sixel : .symbols
    }

    /// Colours by the environment: none with NO_COLOR, truecolor with COLORTERM=truecolor/24bit, else 240.
    public static func colors(environment: [String: String] = ProcessInfo.processInfo.environment) -> Colors {
        if let n = environment["NO_COLOR"], !n.isEmpty { return .none }
        if let c = environment["COLORTERM"], c == "truecolor" || c == "24bit" { return .truecolor }
        return (environment["TERM"] ?? "").contains("256") ? .indexed240 : .sixteen
    }
}
