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
        ConsoleMemory.configure()
        let s = try store.open()
        // The triage engine is built only when a phone nurse logs in (ConsoleKnowledge): ~10 MB less per console.
        let knowledge = try ConsoleKnowledge(store: s)
        let language = Lang.resolve(flag: lang, environment: env)
        let detector = try ChangeDetector(path: s.path)
        if let chatCap, !(1...50).contains(chatCap) {
            throw LotsError("chat cap \(chatCap) is out of range", at: "--chat-cap", fix: "choose 1 to 50", code: .usage)
        }
        let controller = ConsoleController(store: s, knowledge: knowledge, lang: language, chatCap: chatCap)
        guard (5...86_400).contains(lockAfter) else {
            throw LotsError("lock time \(lockAfter) s is out of range", at: "--lock-after", fix: "choose 5 to 86400 seconds", code: .usage)
        }
        var state = ConsoleState(lang: language, now: Date(), user: user)
        state.lockAfter = TimeInterval(lockAfter)
        // A crash restores the terminal and reports to the log file, never over the screen.
        let log = LogFile.open(environment: env)
        let terminal = try Terminal(monochrome: env["NO_COLOR"].map { !$0.isEmpty } ?? false, crashLog: log, version: Lots.configuration.version)
        defer { terminal.end() }
        // LOTS_CONSOLE_POLLING=1: the old design (a 25 ms poll of data_version, a tick a second), kept only so the
        // scale benchmark can measure both in the same run.
        let polling = env["LOTS_CONSOLE_POLLING"] == "1"
        var lastTick = Date()
        var lastBeat = Date()
        var lastCheck = Date()
        var lastCheckpoint = Date()
        var running = true
        var dirty = true
        var alertsSeen = 0
        // The photo viewer draws with libchafa over the frame: symbols everywhere, sixel/kitty where the terminal says so.
        let pixels = PhotoRenderer.bestPixels(environment: env), colors = PhotoRenderer.colors(environment: env)
        var overlaid: Int64?
        // The notifier socket of the logged-in user's unit (every unit for a phone nurse); made again at a new log-in.
        var listener: CommitListener?
        var listening: Int64?
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
            if !polling, listening != controller.user?.id {
                listening = controller.user?.id
                listener = controller.user.map { u in CommitListener(store: s.path, unit: u.role == .phoneNurse ? nil : u.unitHsaId) } ?? nil
            }
            // Sleep in the kernel until a key, a commit to this unit, or the next timed event (clock minute, lock,
            // snooze, presence every 30 s, a pending draft, a stale dashboard, the once-a-minute check for lost hints).
            var deadline = polling ? Date().addingTimeInterval(0.025) : state.nextTimedEvent(after: lastTick)
            deadline = min(deadline, lastBeat.addingTimeInterval(30), lastCheck.addingTimeInterval(60))
            if let d = controller.pendingDraft { deadline = min(deadline, d.since.addingTimeInterval(0.3)) }
            if controller.dashboardStale { deadline = min(deadline, controller.dashboardReadAt.addingTimeInterval(1)) }
            let wait = max(0, min(60_000, Int32((deadline.timeIntervalSinceNow * 1000).rounded(.up))))
            let ready = terminal.wait(for: listener.map { [$0.fd] } ?? [], timeoutMs: wait)
            if ready.contains(STDIN_FILENO) {
                if !polling { running = controller.run(state.apply(.tick(Date())), state: &state) }  // keys act at the time they are pressed
                while running, let key = terminal.readKey(timeoutMs: 0) {
                    if key == .resize { if overlaid != nil { terminal.forgetScreen() } else { terminal.invalidate() } }
                    running = controller.run(state.handle(key), state: &state)
                    dirty = true
                }
            }
            controller.flushDraft()
            var check = polling
            if let l = listener, ready.contains(l.fd) { l.drain(); check = true }
            if Date() >= lastCheck.addingTimeInterval(60) { lastCheck = Date(); check = true }
            // data_version stays the truth: a datagram is only a hint that something may have been committed.
            if check, (try? detector.poll()) == true {
                for event in controller.reload(state: state) { _ = state.apply(event) }
                dirty = true
                if Date().timeIntervalSince(lastCheckpoint) >= 5 {
                    // Readers keep SQLite's PASSIVE autocheckpoint from resetting the log; a RESTART does.
                    lastCheckpoint = Date()
                    try? s.checkpointIfLarge()
                }
            }
            if controller.dashboardStale {
                for event in controller.staleDashboard(force: false, marking: false) { _ = state.apply(event); dirty = true }
            }
            let tickDue = polling ? lastTick.addingTimeInterval(1) : state.nextTimedEvent(after: lastTick)
            if Date() >= tickDue {
                lastTick = Date()
                running = controller.run(state.apply(.tick(lastTick)), state: &state) && running
                dirty = true
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
