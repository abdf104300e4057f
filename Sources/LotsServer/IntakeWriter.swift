import Foundation
import LotsCore
import LotsStore
import Synchronization

/// Group commit for intakes: requests that arrive while a write is under way are stored together in the next
/// transaction, so many concurrent citizens share one fsync instead of queueing for one each. Every caller still
/// gets its answer only after its own case is durably committed.
final class IntakeWriter: Sendable {
    typealias Reply = CheckedContinuation<Result<Int64, LotsError>, any Error>
    private struct State {
        var pending: [(LotsStore.CitizenIntake, Reply)] = []
        var writing = false
    }
    private let store: LotsStore
    private let state = Mutex(State())
    static let maxBatch = 128

    init(store: LotsStore) { self.store = store }

    /// Stores one intake (with others waiting at the same time); the case id, or the intake's own error.
    func write(_ item: LotsStore.CitizenIntake) async throws -> Result<Int64, LotsError> {
        try await withCheckedThrowingContinuation { (c: Reply) in
            let start = state.withLock { s -> Bool in
                s.pending.append((item, c))
                if s.writing { return false }
                s.writing = true
                return true
            }
            // A thread of its own: the write waits for the disk, and the few cooperative threads stay free to read
            // and answer requests meanwhile (and to gather the next batch).
            if start { Thread.detachNewThread { self.drain() } }
        }
    }

    /// Writes batches until nothing is pending.
    private func drain() {
        while true {
            let batch = state.withLock { s -> [(LotsStore.CitizenIntake, Reply)] in
                let b = Array(s.pending.prefix(Self.maxBatch))
                s.pending.removeFirst(b.count)
                if b.isEmpty { s.writing = false }
                return b
            }
            if batch.isEmpty { return }
            do {
                let results = try store.createCitizenCases(batch.map(\.0))
                for (r, (_, c)) in zip(results, batch) { c.resume(returning: r) }
            } catch {
                for (_, c) in batch { c.resume(throwing: error) }
            }
        }
    }
}
