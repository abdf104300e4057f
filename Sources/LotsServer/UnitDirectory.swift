import Foundation
import LotsCore

/// `GET /v1/units`: the region's directory as the citizen sees it.
struct UnitDirectory {
    let env: ServerEnvironment

    func list(at now: Date) -> [[String: Any]] {
        // Aggregates only (medians and counts), no patient data; a store error leaves the measured waits empty
        // rather than failing the directory.
        let waits = Dictionary(((try? env.store.unitWaits(now: now)) ?? []).map { ($0.unitHsaId, $0) }, uniquingKeysWith: { a, _ in a })
        return env.directory.providers.filter { $0.type != .egenvard }.map { p in
            let open = p.hours.isOpen(at: now)
            var o: [String: Any] = [
                "hsaId": p.hsaId, "name": p.name, "type": p.type.rawValue, "address": p.address, "phone": p.phone,
                "openNow": open, "hours": p.hours.summary,
                "nextOpening": open ? NSNull() : (p.hours.nextOpening(after: now).map { ISOTime.utc($0) as Any } ?? NSNull()),
            ]
            o["wait"] = wait(for: p, waits[p.hsaId], now: now)
            return o
        }
    }

    /// The unit's waits: the directory's forecast (`expectedMinutes`), the Vårdutbud forecasts per profession with
    /// their report dates, and the waits measured in Lots' own rows over the last 30 days (issue 15).
    /// `measuredMinutes` is the measured first-answer median of the profession that answered the most cases.
    func wait(for p: Provider, _ w: UnitWaits?, now: Date) -> [String: Any] {
        let expected: [[String: Any]] = (w?.expected ?? []).map {
            ["profession": $0.profession.rawValue, "days": $0.days, "reportedOn": $0.reportedOn, "stale": $0.isStale(now: now)]
        }
        let measured: [[String: Any]] = (w?.measured ?? []).map {
            ["profession": $0.profession.rawValue,
             "firstAnswerMinutes": $0.firstAnswerMinutes.map { $0 as Any } ?? NSNull(), "answeredCases": $0.answeredCases,
             "visitHours": $0.visitHours.map { $0 as Any } ?? NSNull(), "bookedVisits": $0.bookedVisits]
        }
        let headline = (w?.measured ?? []).filter { $0.firstAnswerMinutes != nil }.max { $0.answeredCases < $1.answeredCases }
        return [
            "expectedMinutes": p.waitMinutes,
            "measuredMinutes": headline?.firstAnswerMinutes.map { $0 as Any } ?? NSNull(),
            "source": headline == nil ? "directory" : "directory+measured",
            "expected": expected, "measured": measured,
        ]
    }
}
