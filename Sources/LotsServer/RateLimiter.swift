import Foundation
import Synchronization

/// Token buckets per key (a client address, or a citizen's identity): `perMinute` requests a minute, with a burst of
/// up to a tenth of that at once (at least 10). A key that waited long enough is forgotten.
final class RateLimiter: Sendable {
    struct Bucket { var tokens: Double; var at: TimeInterval }
    let perMinute: Int
    let burst: Double
    private let buckets = Mutex<[String: Bucket]>([:])

    init(perMinute: Int) {
        self.perMinute = perMinute
        burst = max(10, Double(perMinute) / 10)
    }

    /// True when `key` may make one more request now; counts it. Returns the seconds to wait otherwise.
    func allow(_ key: String, now: TimeInterval = Date().timeIntervalSinceReferenceDate) -> (ok: Bool, retryAfter: Int) {
        let rate = Double(perMinute) / 60
        return buckets.withLock { map in
            if map.count > 100_000 { map = map.filter { now - $0.value.at < burst / rate } }
            var b = map[key] ?? Bucket(tokens: burst, at: now)
            b.tokens = min(burst, b.tokens + (now - b.at) * rate)
            b.at = now
            if b.tokens >= 1 {
                b.tokens -= 1
                map[key] = b
                return (true, 0)
            }
            map[key] = b
            return (false, max(1, Int(((1 - b.tokens) / rate).rounded(.up))))
        }
    }
}
