import Foundation
import GRDB
import LotsCore

/// One line of the contacts report: contacts of one kind and how fast staff first answered them.
public struct ContactReportRow: Sendable, Equatable {
    public var unitHsaId: String
    public var unitName: String
    public var channel: String
    public var urgency: String
    /// The outcome, or `open` for cases not yet closed.
    public var outcome: String
    public var contacts: Int
    public var answered: Int
    /// Median minutes from arrival to the first staff message, over answered contacts.
    public var medianFirstResponseMinutes: Double?
}

extension LotsStore {
    /// Digital care contacts that arrived in `[from, to)`, grouped by unit, channel, urgency and outcome.
    public func contactReport(from: Date, to: Date) throws -> [ContactReportRow] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT c.unitHsaId, u.name AS unitName, c.channel, c.urgency, COALESCE(c.outcome, 'open') AS outcome,
                       (julianday(c.firstResponseAt) - julianday(c.submittedAt)) * 1440.0 AS minutes
                FROM careCase c JOIN unit u ON u.hsaId = c.unitHsaId
                WHERE c.submittedAt >= ? AND c.submittedAt < ?
                """, arguments: [from, to])
            var groups: [[String]: (name: String, minutes: [Double], count: Int)] = [:]
            for r in rows {
                let key: [String] = [r["unitHsaId"], r["channel"], r["urgency"], r["outcome"]]
                var g = groups[key] ?? (r["unitName"], [], 0)
                g.count += 1
                if let m = r["minutes"] as Double? { g.minutes.append(m) }
                groups[key] = g
            }
            return groups.map { key, g in
                let sorted = g.minutes.sorted()
                let median: Double? = sorted.isEmpty ? nil
                    : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
                return ContactReportRow(unitHsaId: key[0], unitName: g.name, channel: key[1], urgency: key[2], outcome: key[3],
                                        contacts: g.count, answered: sorted.count, medianFirstResponseMinutes: median.map { ($0 * 10).rounded() / 10 })
            }.sorted { ($0.unitHsaId, Urgency(rawValue: $0.urgency)?.rank ?? 9, $0.channel, $0.outcome) < ($1.unitHsaId, Urgency(rawValue: $1.urgency)?.rank ?? 9, $1.channel, $1.outcome) }
        }
    }
}
