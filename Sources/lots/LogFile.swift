import Foundation

/// The log file (errors and crashes, never patient text): `$XDG_STATE_HOME/lots/lots.log`, by default
/// `~/.local/state/lots/lots.log` (DESIGN §4).
enum LogFile {
    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        return state + "/lots/lots.log"
    }

    /// Opens the log for appending (0600, its folder 0700 created as needed); nil when it cannot be opened.
    static func open(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32? {
        let p = path(environment: environment)
        try? FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let fd = Foundation.open(p, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        return fd >= 0 ? fd : nil
    }

    /// Appends one line with a timestamp.
    static func write(_ line: String, to fd: Int32) {
        let text = "\(ISO8601DateFormatter().string(from: Date())) \(line)\n"
        _ = text.withCString { Foundation.write(fd, $0, strlen($0)) }
    }
}
