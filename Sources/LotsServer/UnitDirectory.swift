import Foundation
import LotsCore

/// `GET /v1/units`: the region's directory as the citizen sees it.
struct UnitDirectory {
    let env: ServerEnvironment

    func list(at now: Date) -> [[String: Any]] {
        env.directory.providers.filter { $0.type != .egenvard }.map { p in
            let open = p.hours.isOpen(at: now)
            var o: [String: Any] = [
                "hsaId": p.hsaId, "name": p.name, "type": p.type.rawValue, "address": p.address, "phone": p.phone,
                "openNow": open, "hours": p.hours.summary,
                "nextOpening": open ? NSNull() : (p.hours.nextOpening(after: now).map { ISOTime.utc($0) as Any } ?? NSNull()),
            ]
            o["wait"] = wait(for: p)
            return o
        }
    }

    /// The unit's expected wait. Today the directory's forecast; the place where measured waiting times
    /// (the booking and waiting-time work, issue 15) come in: fill `measuredMinutes` from the store.
    func wait(for p: Provider) -> [String: Any] {
        ["expectedMinutes": p.waitMinutes, "measuredMinutes": NSNull(), "source": "directory"]
    }
}
