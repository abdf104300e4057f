/// What changed in one console's queue since a store revision: the entries to put in or update, and the
/// ids to take out. Merging it into the queue read before gives the queue read now, without reading all
/// of it again (`LotsStore.queueChanges(for:since:)`).
public struct QueueChanges: Sendable, Equatable {
    public var changed: [QueueEntry]
    public var removed: Set<Int64>
    /// The store revision these changes bring the queue up to.
    public var rev: Int64

    public init(changed: [QueueEntry], removed: Set<Int64>, rev: Int64) {
        self.changed = changed
        self.removed = removed
        self.rev = rev
    }

    /// `queue` (in queue order: most urgent, then longest waiting, then id) with these changes applied,
    /// still in queue order.
    public func applied(to queue: [QueueEntry]) -> [QueueEntry] {
        var out = queue
        apply(to: &out)
        return out
    }

    /// Applies the changes in place: a console's queue of thousands of rows is neither copied nor hashed
    /// whole for the one or two cases a commit touches.
    public func apply(to queue: inout [QueueEntry]) {
        if changed.isEmpty && removed.isEmpty { return }
        let touched = Array(removed) + changed.map(\.id)
        if touched.count <= 16 {
            queue.removeAll { touched.contains($0.id) }
        } else {
            let set = Set(touched)
            queue.removeAll { set.contains($0.id) }
        }
        for entry in changed {
            // First position whose entry sorts after `entry`.
            var lo = 0, hi = queue.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if queue[mid].sortsBefore(entry) { lo = mid + 1 } else { hi = mid }
            }
            queue.insert(entry, at: lo)
        }
    }
}

extension QueueEntry {
    /// Queue order, as the store's queue query sorts: urgency, submission time, id.
    public func sortsBefore(_ other: QueueEntry) -> Bool {
        (urgency.rank, submittedAt, id) < (other.urgency.rank, other.submittedAt, other.id)
    }
}
