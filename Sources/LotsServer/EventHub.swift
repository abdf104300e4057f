import Foundation
import Logging
import LotsStore
import Synchronization

/// Fans the store's changes out to the citizens' live streams (Server-Sent Events).
///
/// One task watches `PRAGMA data_version` the way every console does (ChangeDetector, 25 ms), so a commit by any
/// process – a clinician's console, `lots citizen reply`, this server – reaches the streams within ~25 ms. On a
/// change it reads what is new since its cursor in two indexed range queries, whatever the number of streams, and
/// hands each event to the streams of its case.
final class EventHub: Sendable {
    typealias Stream = AsyncStream<CitizenEvent>
    private struct State {
        var subscribers: [Int64: [UUID: Stream.Continuation]] = [:]
        var cursor: CitizenEventCursor
        var stopped = false
    }
    private let store: LotsStore
    private let detector: ChangeDetector
    private let state: Mutex<State>
    static let interval: Duration = .milliseconds(25)

    init(store: LotsStore) throws {
        self.store = store
        detector = try ChangeDetector(path: store.path)
        state = Mutex(State(cursor: try store.citizenEventCursor()))
    }

    /// Number of open streams (for logs and tests).
    var streamCount: Int { state.withLock { $0.subscribers.values.reduce(0) { $0 + $1.count } } }

    /// A stream of the events of one case; it ends when the caller stops iterating.
    func subscribe(caseId: Int64) -> Stream {
        let id = UUID()
        let (stream, continuation) = Stream.makeStream(bufferingPolicy: .bufferingNewest(1_000))
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { s in
                s.subscribers[caseId]?[id] = nil
                if s.subscribers[caseId]?.isEmpty == true { s.subscribers[caseId] = nil }
            }
        }
        let stopped = state.withLock { s in
            if !s.stopped { s.subscribers[caseId, default: [:]][id] = continuation }
            return s.stopped
        }
        if stopped { continuation.finish() }
        return stream
    }

    /// Watches the store until cancelled.
    func run(logger: Logger) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: Self.interval)
            do {
                guard try detector.poll() else { continue }
                try publishNew()
            } catch {
                logger.error("event feed: cannot read the store", metadata: ["error": "\(type(of: error))"])
            }
        }
        // Finished outside the lock: finishing runs each stream's onTermination, which takes the lock.
        let open = state.withLock { s in
            s.stopped = true
            defer { s.subscribers = [:] }
            return s.subscribers.values.flatMap(\.values)
        }
        for c in open { c.finish() }
    }

    /// Reads what is new and delivers it.
    func publishNew() throws {
        let cursor = state.withLock { $0.cursor }
        let (events, next) = try store.citizenEvents(after: cursor)
        let deliveries = state.withLock { s in
            s.cursor = next
            return events.flatMap { e in (s.subscribers[e.caseId] ?? [:]).values.map { (e, $0) } }
        }
        for (e, c) in deliveries { c.yield(e) }
    }
}
