import Foundation

/// A detached tmux server of its own (private socket), for driving the real console in end-to-end tests.
/// Every wait has a deadline; `kill()` (also on deinit) stops the server.
public final class Tmux: @unchecked Sendable {
    public let socket: String
    public let session = "lots"

    /// Starts a shell with a plain prompt (`PROMPT$ `) in a `width`×`height` pane.
    public init(width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        socket = "lots-e2e-\(UUID().uuidString.prefix(8))"
        var env = ["TERM=xterm-256color", "LANG=C.UTF-8", "PS1=PROMPT$ "]
        for (k, v) in environment { env.append("\(k)=\(v)") }
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", String(width), "-y", String(height),
                  "env -i PATH=\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") HOME=/tmp \(env.joined(separator: " ")) bash --norc --noprofile"],
                 output: false)
        _ = waitFor("PROMPT$", timeout: 10)
    }

    deinit { kill() }

    /// Runs `body` with no signal blocked on this thread. A spawned process inherits the thread's signal mask, and the
    /// test runner's threads block nearly all signals: a tmux server started from one never saw its shell exit, so
    /// `kill-server` left it (and the console in it) running after every end-to-end test.
    static func withSignalsUnblocked<T>(_ body: () throws -> T) rethrows -> T {
        var none = sigset_t(), old = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        return try body()
    }

    /// Runs one tmux client command. The tmux server daemon must inherit none of this process's pipes
    /// (Foundation's Process would otherwise wait for it forever), so every descriptor above 2 is closed
    /// before tmux starts, and starting the server captures no output.
    @discardableResult
    func tmux(_ args: [String], output: Bool = true) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\"; done; exec tmux \"$@\"",
                       "bash", "-L", socket] + args
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        guard output else {
            p.standardOutput = FileHandle.nullDevice
            try Self.withSignalsUnblocked { try p.run() }
            p.waitUntilExit()
            return ""
        }
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Types text literally (no key names).
    public func type(_ text: String) { _ = try? tmux(["send-keys", "-t", session, "-l", text]) }

    /// Sends key names such as `Enter`, `Escape`, `C-s`, `M-1`, `F2`.
    public func keys(_ names: String...) { _ = try? tmux(["send-keys", "-t", session] + names) }

    /// The visible pane as text.
    public func capture() -> String { (try? tmux(["capture-pane", "-p", "-t", session])) ?? "" }

    /// The pane with its colours and attributes as escape sequences (`capture-pane -e`).
    public func captureWithEscapes() -> String { (try? tmux(["capture-pane", "-p", "-e", "-t", session])) ?? "" }

    /// Waits until the pane shows `text`; returns false after `timeout` seconds.
    @discardableResult
    public func waitFor(_ text: String, timeout: TimeInterval = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if capture().contains(text) { return true }
            usleep(30_000)
        }
        return false
    }

    /// Resizes the window (and so the pane).
    public func resize(width: Int, height: Int) { _ = try? tmux(["resize-window", "-t", session, "-x", String(width), "-y", String(height)]) }

    /// The pid of the process running in the pane's shell (the console), if any.
    public func childPid() -> Int32? {
        guard let shell = Int32((try? tmux(["list-panes", "-t", session, "-F", "#{pane_pid}"]))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["pgrep", "-P", String(shell)]
        let out = Pipe()
        p.standardOutput = out
        try? p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.flatMap { Int32($0) }
    }

    /// Starts the console in the pane as `user` (password `demo`) and waits for `landsOn`; false on timeout.
    @discardableResult
    public func logIn(db: String, user: String, options: String = "", environment: String = "", landsOn: String = "Kontaktorsak") -> Bool {
        type("\(environment) \(TestPaths.lotsBinary.path) --db \(db) --user \(user) \(options)\n")
        guard waitFor("Lösenord", timeout: 10) else { return false }
        type("demo")
        keys("Enter")
        return waitFor(landsOn, timeout: 10)
    }

    /// Quits the console with `q` (twice when it asks first, with open chats or unsent text); true at the prompt.
    @discardableResult
    public func quitConsole(timeout: TimeInterval = 5) -> Bool {
        keys("q")
        if waitFor("q igen avslutar", timeout: 0.5) || waitFor("q again quits", timeout: 0.1) { keys("q") }
        return waitFor("PROMPT$", timeout: timeout)
    }

    /// The pane's title (escape sequences from a program could change it).
    public func paneTitle() -> String {
        ((try? tmux(["display-message", "-p", "-t", session, "#{pane_title}"])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// tmux's paste buffers (OSC 52 from a program could fill one).
    public func buffers() -> String { (try? tmux(["list-buffers"])) ?? "" }

    public func kill() { _ = try? tmux(["kill-server"], output: false) }
}
