import Foundation
import Testing
import LotsCore
import LotsStore

/// A console that merges `queueChanges` into the queue it read before must see exactly what a whole read sees.
@Suite struct QueueChangesStoreTests {
    @Test func mergedChangesEqualAWholeReadAfterEveryKindOfChange() throws {
        let f = try StoreFixture()
        let anna = try f.clinician()
        for i in 0..<6 { try f.addCase(["Ont i halsen", "Bröstsmärta och svårt att andas", "Snuva"][i % 3], minutesAgo: Double(60 - i), serial: i + 1) }
        var (queue, rev) = try f.store.queueSnapshot(for: anna)
        #expect(queue.count == 6)

        func step(_ change: () throws -> Void) throws -> QueueChanges {
            try change()
            let changes = try #require(try f.store.queueChanges(for: anna, since: rev))
            #expect(changes.rev > rev, "every change moves the revision on")
            queue = changes.applied(to: queue)
            rev = changes.rev
            #expect(queue == (try f.store.queue(for: anna)), "merged queue differs from a whole read")
            return changes
        }
        let new = try step { try f.addCase("Feber 39 och ont i kroppen", minutesAgo: 30, serial: 40) }
        #expect(new.changed.count == 1 && new.removed.isEmpty)
        let other = try step { try f.addCase("Snuva", unit: "SE2321000016-DEMO2", serial: 41) }
        #expect(other.changed.isEmpty && other.removed.count == 1, "another unit's case is not anna's to see")
        let first = queue[0].id
        _ = try step { try f.store.take(caseId: first, by: anna) }
        _ = try step { try f.store.addCitizenMessage(caseId: first, body: "Det blir värre") }
        _ = try step { try f.store.overrideUrgency(caseId: queue[3].id, to: .p1, reason: "andnöd i telefon", by: anna) }
        let closed = try step { try f.store.close(caseId: first, outcome: .selfCareAdvice, overrideReason: "bedömd i chatten", by: anna) }
        #expect(closed.removed == [first])
        let moved = queue[1].id
        _ = try step { _ = try f.store.forward(caseId: moved, to: "SE2321000016-DEMO2", note: "närmare hemmet", by: anna) }
        #expect(!queue.contains { $0.id == moved })
        let quiet = try #require(try f.store.queueChanges(for: anna, since: rev))
        #expect(quiet.changed.isEmpty && quiet.removed.isEmpty && quiet.rev == rev, "no change, no revision")
        #expect(try f.store.queueChanges(for: anna, since: 0, limit: 3) == nil, "too many changes: read the whole queue")
    }
}
