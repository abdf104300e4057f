import Foundation
import LotsCore

/// What the snooze prompt accepts: a time, then the reason. `+30m`, `+2h`, `14:30` (today, or tomorrow when
/// past; Europe/Stockholm), or `svar`/`reply` (until the citizen answers).
public struct SnoozeSpec: Sendable, Equatable {
    public var until: Date?
    public var untilReply: Bool
    public var reason: String

    /// The spec, or nil when the first word is not a time the prompt understands.
    public static func parse(_ text: String, now: Date) -> SnoozeSpec? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let first = String(trimmed.prefix { !$0.isWhitespace }).lowercased()
        let reason = trimmed.dropFirst(first.count).trimmingCharacters(in: .whitespaces)
        if first == "svar" || first == "reply" { return SnoozeSpec(until: nil, untilReply: true, reason: reason) }
        if first.hasPrefix("+"), let unit = first.last, let n = Int(first.dropFirst().dropLast()), n > 0, n <= 10_000 {
            let seconds: Double? = unit == "m" ? 60 : unit == "h" || unit == "t" ? 3600 : unit == "d" ? 86_400 : nil
            return seconds.map { SnoozeSpec(until: now.addingTimeInterval(Double(n) * $0), untilReply: false, reason: reason) }
        }
        let parts = first.split(separator: ":")
        if parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m), parts[1].count == 2 {
            let local = StockholmTime(now)
            var at = local.startOfDay.addingTimeInterval(Double(h * 3600 + m * 60))
            if at <= now { at = StockholmTime(now.addingTimeInterval(86_400)).startOfDay.addingTimeInterval(Double(h * 3600 + m * 60)) }
            return SnoozeSpec(until: at, untilReply: false, reason: reason)
        }
        return nil
    }
}
