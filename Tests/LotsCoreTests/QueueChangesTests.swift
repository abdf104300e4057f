import Foundation
import Testing
import LotsCore

@Suite struct QueueChangesTests {
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func entry(_ id: Int64, _ u: Urgency, minutes: Double, unread: Int = 0) -> QueueEntry {
        QueueEntry(id: id, urgency: u, ageYears: 40, sex: .f, citizenName: "C\(id)", reason: "r", symptomCode: nil, status: .new,
                   channel: .app, submittedAt: t0.addingTimeInterval(minutes * 60), firstResponseAt: nil, ownerName: nil,
                   unreadCount: unread, attachmentCount: 0)
    }

    @Test func insertsUpdatesAndRemovesInQueueOrder() {
        let queue = [entry(1, .p1, minutes: 0), entry(2, .p2, minutes: 0), entry(3, .p2, minutes: 5), entry(4, .p4, minutes: 1)]
        let changes = QueueChanges(changed: [entry(5, .p2, minutes: 3), entry(4, .p1, minutes: 1), entry(2, .p2, minutes: 0, unread: 2)],
                                   removed: [1], rev: 9)
        let merged = changes.applied(to: queue)
        #expect(merged.map(\.id) == [4, 2, 5, 3])
        #expect(merged[1].unreadCount == 2, "an updated entry replaces the old one")
    }

    @Test func tiesAreBrokenByIdLikeTheStore() {
        let queue = [entry(1, .p3, minutes: 0), entry(3, .p3, minutes: 0)]
        let merged = QueueChanges(changed: [entry(2, .p3, minutes: 0)], removed: [], rev: 1).applied(to: queue)
        #expect(merged.map(\.id) == [1, 2, 3])
    }

    @Test func nothingChangedIsTheSameQueue() {
        let queue = [entry(1, .p1, minutes: 0)]
        #expect(QueueChanges(changed: [], removed: [], rev: 1).applied(to: queue) == queue)
        #expect(QueueChanges(changed: [], removed: [7], rev: 1).applied(to: queue) == queue)
    }
}
