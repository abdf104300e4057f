import Foundation
import Logging

/// The log file (errors and crashes, never patient text): `$XDG_STATE_HOME/lots/lots.log`, by default
/// `~/.local/state/lots/lots.log` (DESIGN §4). Every process on the host appends to the same file; when it passes
/// `maxBytes` it is rotated to `lots.log.1` … `lots.log.\(keep)` (the oldest dropped).
enum LogFile {
    static let maxBytes: off_t = 1 << 20
    static let keep = 3

    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        return state + "/lots/lots.log"
    }

    /// Opens the log for appending (0600, its folder 0700 created as needed), rotating it first when it is full;
    /// nil when it cannot be opened.
    static func open(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32? {
        let p = path(environment: environment)
        try? FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        var fd = Foundation.open(p, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        var st = stat()
        if fstat(fd, &st) == 0, st.st_size >= maxBytes {
            // Under an exclusive lock, and only if no other process rotated it meanwhile (same file, still full).
            flock(fd, LOCK_EX)
            var now = stat()
            if stat(p, &now) == 0, now.st_ino == st.st_ino, now.st_size >= maxBytes {
                for i in stride(from: keep - 1, through: 1, by: -1) { rename("\(p).\(i)", "\(p).\(i + 1)") }
                rename(p, p + ".1")
            }
            flock(fd, LOCK_UN)
            close(fd)
            fd = Foundation.open(p, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        }
        return fd >= 0 ? fd : nil
    }

    /// Appends one line with a timestamp (one write: lines of different processes never interleave).
    static func write(_ line: String, to fd: Int32) {
        let text = "\(ISO8601DateFormatter().string(from: Date())) \(line)\n"
        _ = text.withCString { Foundation.write(fd, $0, strlen($0)) }
    }

    /// An error's text with what could be patient data taken out: quoted parts (the input a message cites) and
    /// runs of six or more digits (personnummer, phone numbers).
    static func redacted(_ text: String) -> String {
        var s = text.replacingOccurrences(of: #""[^"]*""#, with: "\"…\"", options: .regularExpression)
        s = s.replacingOccurrences(of: #"[0-9][0-9 +-]{4,}[0-9]"#, with: "#", options: .regularExpression)
        return String(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? " " : Character($0) })
    }
}

/// swift-log's handler for the log file: one line per event (level, label, message, metadata sorted by key).
/// Messages and metadata must never carry patient text: callers log codes, actions and redacted errors.
struct FileLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    let environment: [String: String]

    init(label: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.label = label
        self.environment = environment
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let level = event.level, message = event.message
        let fields = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        guard let fd = LogFile.open(environment: environment) else { return }
        defer { close(fd) }
        LogFile.write("\(level) \(label) pid=\(getpid()): \(message)" + (fields.isEmpty ? "" : " " + fields), to: fd)
    }
}

/// The process's logger (bootstrapped in `Lots.main`).
enum Log {
    static let shared = Logger(label: "lots")
}
