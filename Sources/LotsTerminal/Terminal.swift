import CNcursesw
import Foundation
import LotsCore
import LotsUI

/// Set by signal handlers; read by the console loop. Handlers only set flags.
nonisolated(unsafe) private var terminationFlag: sig_atomic_t = 0

/// The only code that talks to ncurses: start-up and teardown, keys, and a blit that writes only the
/// cells that changed since the last frame.
public final class Terminal {
    private var last: CellBuffer?
    private let theme: Theme
    /// False when the locale is not UTF-8: non-ASCII is then drawn as ASCII placeholders.
    public let unicode: Bool
    private var pairs: [Theme.Colors: Int16] = [:]
    private var ended = false
    /// The real stderr while it points at the log file.
    private var savedStderr: Int32 = -1

    /// Refuses, with a clear error, when there is no usable terminal.
    public static func checkUsable(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard isatty(STDIN_FILENO) == 1 else {
            throw LotsError("standard input is not a terminal", at: "console", fix: "run lots in a terminal, or use a subcommand such as lots intake", code: .other)
        }
        guard isatty(STDOUT_FILENO) == 1 else {
            throw LotsError("standard output is not a terminal", at: "console", fix: "do not pipe the console; use lots export for text output", code: .other)
        }
        let term = environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else {
            throw LotsError("the terminal type \(term.isEmpty ? "is not set" : "\"dumb\" cannot draw the console")", at: "TERM",
                            fix: "use a terminal such as xterm-256color, screen, tmux or linux (e.g. TERM=xterm-256color lots)", code: .other)
        }
    }

    /// Reports a command's crash (signal, version, pid, a backtrace) to the log file at `logPath` (opened, with
    /// its folders, only when it happens), then lets the signal take its default action. Touches no terminal:
    /// a command's output may be a pipe.
    public static func installCommandCrashReport(logPath: String, version: String) {
        lots_install_crash_handler_for(-1, version, 0, logPath)
    }

    /// True once SIGTERM, SIGINT or SIGHUP arrived.
    public static var terminationRequested: Bool { terminationFlag != 0 }

    /// `crashLog`: an open log file; on a fatal signal the terminal is restored and the report (`version`, the
    /// signal, a backtrace) goes there (stderr points at it while the console runs), never over the screen.
    public init(monochrome: Bool, crashLog: Int32? = nil, version: String = "") throws {
        if let fd = crashLog {
            savedStderr = dup(STDERR_FILENO)
            dup2(fd, STDERR_FILENO)
        }
        lots_install_crash_handler(crashLog ?? -1, version)
        setlocale(LC_ALL, "")
        var utf8 = String(cString: lots_codeset()).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        if !utf8, setlocale(LC_CTYPE, "C.UTF-8") != nil {
            utf8 = String(cString: lots_codeset()).uppercased().replacingOccurrences(of: "-", with: "") == "UTF8"
        }
        unicode = utf8
        // A parent may hand us a blocked signal mask; SIGTERM and SIGWINCH must get through.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGTERM, SIGINT, SIGHUP, SIGWINCH] { sigaddset(&unblock, sig) }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        for sig in [SIGTERM, SIGINT, SIGHUP] {
            signal(sig) { _ in terminationFlag = 1 }
        }
        set_escdelay(25)
        guard initscr() != nil else {
            lots_remove_crash_handler()
            if savedStderr >= 0 { dup2(savedStderr, STDERR_FILENO); close(savedStderr) }
            throw LotsError("cannot start the terminal", at: "TERM", fix: "check TERM and that the terminfo entry exists", code: .other)
        }
        raw()
        noecho()
        nonl()
        keypad(lots_stdscr(), true)
        lots_define_keys()
        curs_set(0)
        var mono = monochrome || !has_colors()
        if !mono {
            start_color()
            use_default_colors()
            mono = lots_colors() < 8
        }
        theme = mono ? .monochrome : .color
    }

    deinit { end() }

    /// Restores the terminal; safe to call more than once.
    public func end() {
        guard !ended else { return }
        ended = true
        endwin()
        lots_remove_crash_handler()
        if savedStderr >= 0 { dup2(savedStderr, STDERR_FILENO); close(savedStderr); savedStderr = -1 }
    }

    /// Sleeps in the kernel until a key arrives, one of `fds` is readable, a signal (resize, termination) comes, or
    /// `timeoutMs` passes (-1: no limit). Returns the readable descriptors (STDIN_FILENO for keys).
    public func wait(for fds: [Int32], timeoutMs: Int32) -> Set<Int32> {
        var polls = ([STDIN_FILENO] + fds).map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        let n = poll(&polls, nfds_t(polls.count), timeoutMs)
        guard n > 0 else { return n < 0 && errno == EINTR ? [STDIN_FILENO] : [] }  // a signal: let curses see a resize
        return Set(polls.filter { $0.revents != 0 }.map(\.fd))
    }

    /// Columns and rows of the terminal now.
    public var size: (width: Int, height: Int) { (Int(lots_cols()), Int(lots_lines())) }

    /// The next key, or nil after `timeoutMs` without one. Alt-x arrives as ESC followed by x.
    public func readKey(timeoutMs: Int32) -> Key? {
        lots_timeout(timeoutMs)
        var ch: wint_t = 0
        let r = lots_get_wch(&ch)
        if r == ERR { return nil }
        if r == lots_key_code_yes() { return functionKey(Int32(ch)) }
        let v = UInt32(ch)
        if v == 27 {
            lots_timeout(0)
            var next: wint_t = 0
            let r2 = lots_get_wch(&next)
            if r2 == OK, next == 0x5B || next == 0x4F { return escapeSequence(Character(Unicode.Scalar(UInt32(next))!)) }
            if r2 == OK, let s = Unicode.Scalar(UInt32(next)), next >= 32 { return .alt(Character(s)) }
            if r2 == OK { unget_wch(wchar_t(bitPattern: UInt32(next))) }
            if r2 == lots_key_code_yes() { ungetch(Int32(next)) }
            return .escape
        }
        switch v {
        case 13, 10: return .enter
        case 9: return .tab
        case 127, 8: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96)!))
        default: return Unicode.Scalar(v).map { .char(Character($0)) }
        }
    }

    /// Reads the rest of a CSI/SS3 sequence ncurses did not decode and names its key; an unknown sequence
    /// is consumed and ignored (nil), never typed. `ESC [` or `ESC O` alone (Alt-[ / Alt-O) stay Alt keys.
    func escapeSequence(_ intro: Character) -> Key? {
        var body = String(intro)
        lots_timeout(10)
        while body.count < 16 {
            var ch: wint_t = 0
            let r = lots_get_wch(&ch)
            guard r == OK, let s = Unicode.Scalar(UInt32(ch)) else {
                if r == lots_key_code_yes() { ungetch(Int32(ch)) }
                return body.count == 1 ? .alt(intro) : nil
            }
            let c = Character(s)
            body.append(c)
            // SS3 has one final byte; CSI ends at its first final byte (parameters and intermediates come before).
            if intro == "O" || (Key.isFinalByte(c) && body.count > 1) { return Key.decodeEscape(body) }
        }
        return nil
    }

    func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_BTAB: .backTab
        case lots_key_resize(): .resize
        default:
            if code > lots_key_f0(), code <= lots_key_f0() + 12 { .f(Int(code - lots_key_f0())) } else { nil }
        }
    }

    /// Draws a frame, writing only the cells that differ from the last one (everything after a resize).
    public func draw(_ buffer: CellBuffer) {
        let full = last == nil || last!.width != buffer.width || last!.height != buffer.height
        if full { werase(lots_stdscr()) }
        for y in 0..<buffer.height {
            var x = 0
            while x < buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation || (!full && last![x, y] == cell) { x += 1; continue }
                apply(cell.style)
                var text = cell.text
                if !unicode, !text.allSatisfy(\.isASCII) { text = CellWidth.of(Character(text)) == 2 ? "??" : Self.ascii(text) }
                var wide = Array(text.unicodeScalars.map { wchar_t(bitPattern: $0.value) })
                wide.append(0)
                // The bottom-right cell cannot be written without scrolling on some terminals; skip errors.
                _ = lots_put(Int32(y), Int32(x), wide, Int32(wide.count - 1))
                x += 1
            }
        }
        last = buffer
        refresh()
    }

    /// Draws attention: a visible flash, or the bell when asked for (off by default).
    public func alert(bell: Bool) {
        if bell { beep() } else { flash() }
    }

    /// Forgets the last frame, so the next draw repaints everything.
    public func invalidate() { last = nil }

    /// Writes terminal text the cell buffer cannot hold (a photo drawn by libchafa: coloured symbols row by row, or
    /// one sixel/kitty sequence) at a cell after the frame. Cursor and attributes are saved and restored around it,
    /// so curses' own output stays right; `forgetScreen()` afterwards makes the next frame repaint over it.
    public func overlay(_ lines: [String], x: Int, y: Int) {
        var out = "\u{1B}7"
        for (i, l) in lines.enumerated() { out += "\u{1B}[\(y + i + 1);\(x + 1)H" + l + "\u{1B}[0m" }
        out += "\u{1B}8"
        var bytes = Array(out.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR { continue } else { break } }
            bytes = bytes.dropFirst(n)
        }
    }

    /// The next draw repaints every cell, also those curses believes unchanged (an overlay drew over them).
    public func forgetScreen() {
        last = nil
        clearok(lots_stdscr(), true)
    }

    func apply(_ style: Style) {
        let look = theme.look(style)
        var attrs = lots_a_normal()
        if look.bold { attrs |= lots_a_bold() }
        if look.reverse { attrs |= lots_a_reverse() }
        if look.underline { attrs |= lots_a_underline() }
        var pair: Int16 = 0
        if let colors = look.colors {
            if let p = pairs[colors] { pair = p } else {
                pair = Int16(pairs.count + 1)
                init_pair(pair, colors.fg, colors.bg)
                pairs[colors] = pair
            }
        }
        _ = lots_set_attr(attrs, pair)
    }

    /// ASCII stand-ins for a non-UTF-8 terminal.
    static func ascii(_ s: String) -> String {
        String(s.map { c -> Character in
            switch c {
            case "å", "ä": "a"
            case "Å", "Ä": "A"
            case "ö": "o"
            case "Ö": "O"
            case "é": "e"
            case "▶": ">"
            case "─", "┌", "┐", "└", "┘": "-"
            case "│": "|"
            case "…": "~"
            default: c.isASCII ? c : "?"
            }
        })
    }
}
