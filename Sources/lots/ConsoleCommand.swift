import ArgumentParser
import Foundation
import LotsCore
import LotsPhoto
import LotsStore
import LotsTerminal
import LotsUI

/// `lots` / `lots console`: the ncurses console.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the console (default when no subcommand is given).",
        discussion: """
        Log in, work the unit's live queue, open cases, chat with templates, forward and close.
        Press ? or F1 in the console for every key. Colours follow the terminal; NO_COLOR=1 gives a
        monochrome console where reverse and bold carry the meaning.

        Examples:
          lots
          lots console --user anna --lang en
          NO_COLOR=1 lots --user bertil
          lots --user anna --lock-after 300
        """
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Log in as this user (the password is still asked for).") var user: String?
    @Option(help: "sv or en (default: sv, or en with an English LANG).") var lang: String?
    @Option(help: "Lower your chat cap for this session (the cap itself is per user: lots user cap NAME N, set by an admin).")
    var chatCap: Int?
    @Option(help: "Lock the screen after this many seconds without a key press.") var lockAfter: Int = 600
    @Flag(help: "Ring the terminal bell on alerts (a new 112/P1 case, a reply in your chat, overdue chats); by default the screen only flashes.")
    var bell = false

    func run() throws {
        // Checked here, not in validate(): the argument parser would wrap the error (exit 1, a doubled prefix).
        if let lang, Lang(rawValue: lang) == nil {
            throw LotsError("unknown language \"\(lang.prefix(20))\"", at: "--lang", fix: "use sv or en", code: .usage)
        }
        let env = ProcessInfo.processInfo.environment
        try Terminal.checkUsable(environment: env)
        let s = try store.open()
        let engine = try triageEngine(for: s)
        let language = Lang.resolve(flag: lang, environment: env)
        let detector = try ChangeDetector(path: s.path)
        if let chatCap, !(1...50).contains(chatCap) {
            throw LotsError("chat cap \(chatCap) is out of range", at: "--chat-cap", fix: "choose 1 to 50", code: .usage)
        }
        let controller = ConsoleController(store: s, engine: engine, lang: language, chatCap: chatCap)
        guard (5...86_400).contains(lockAfter) else {
            throw LotsError("lock time \(lockAfter) s is out of range", at: "--lock-after", fix: "choose 5 to 86400 seconds", code: .usage)
        }
        var state = ConsoleState(lang: language, now: Date(), user: user)
        state.lockAfter = TimeInterval(lockAfter)
        // A crash restores the terminal and reports to the log file, never over the screen.
        let log = LogFile.open(environment: env)
        let terminal = try Terminal(monochrome: env["NO_COLOR"].map { !$0.isEmpty } ?? false, crashLog: log, version: Lots.configuration.version)
        defer { terminal.end() }
        var lastTick = Date()
        var lastBeat = Date()
        var lastCheckpoint = Date()
        var running = true
        var dirty = true
        var alertsSeen = 0
        // The photo viewer draws with libchafa over the frame: symbols everywhere, sixel/kitty where the terminal says so.
        let pixels = PhotoRenderer.bestPixels(environment: env), colors = PhotoRenderer.colors(environment: env)
        var overlaid: Int64?
        while running && !Terminal.terminationRequested {
            if state.alerts > alertsSeen {
                alertsSeen = state.alerts
                terminal.alert(bell: bell)
            }
            if dirty {
                let (w, h) = terminal.size
                let showing = state.screen == .photo && state.photoDrawable && !state.locked && state.modal == nil ? state.photoId : nil
                if overlaid != nil && overlaid != showing { terminal.forgetScreen() }  // repaint over the last photo
                terminal.draw(ConsoleView.render(state, width: w, height: h))
                if let id = showing {
                    let area = PhotoScreen.imageArea(width: w, height: h)
                    if let d = controller.photoDrawing(id: id, columns: area.columns, rows: area.rows, pixels: pixels, colors: colors) {
                        terminal.overlay(d.pixels == .symbols ? d.lines : [d.text], x: area.x + (area.columns - d.columns) / 2, y: area.y)
                    }
                }
                overlaid = showing
                dirty = false
            }
            // A 25 ms wait lets another process's commit reach the screen within ~40 ms, and costs an idle
            // console well under 1 % of a core: it only draws when something changed.
            if let key = terminal.readKey(timeoutMs: 25) {
                if key == .resize { if overlaid != nil { terminal.forgetScreen() } else { terminal.invalidate() } }
                running = controller.run(state.handle(key), state: &state)
                dirty = true
            }
            controller.flushDraft()
            if (try? detector.poll()) == true {
                for event in controller.reload(state: state) { _ = state.apply(event) }
                dirty = true
            }
            if Date().timeIntervalSince(lastTick) >= 1 {
                lastTick = Date()
                running = controller.run(state.apply(.tick(lastTick)), state: &state) && running
                for event in controller.staleDashboard(force: false, marking: false) { _ = state.apply(event) }
                dirty = true
            }
            if Date().timeIntervalSince(lastCheckpoint) >= 5 {
                // Readers keep SQLite's PASSIVE autocheckpoint from resetting the log; a RESTART does.
                lastCheckpoint = Date()
                try? s.checkpointIfLarge()
            }
            if Date().timeIntervalSince(lastBeat) >= 30 {
                lastBeat = Date()
                controller.heartbeat()
            }
        }
        controller.flushDraft(force: true)
        if let u = controller.user {
            try? s.touchPresence(u, at: nil)
            try? s.audit(Actor(user: u), action: "logout")
        }
    }
}
