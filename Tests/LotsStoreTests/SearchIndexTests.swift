import Foundation
import GRDB
import Testing
import LotsCore
import LotsStore

/// The reason's search index is kept by a trigger that fires only when the reason changes (migration v5);
/// every other update of a case must leave it whole and right.
@Suite struct SearchIndexTests {
    @Test func searchIndexStaysRightThroughCaseUpdatesAndPurge() throws {
        let f = try StoreFixture()
        let anna = try f.clinician()
        let id = try f.addCase("Fästingbett med röd ring som växer", minutesAgo: 10)
        try f.store.take(caseId: id, by: anna)
        try f.store.addCitizenMessage(caseId: id, body: "Ringen är större nu")
        try f.store.overrideUrgency(caseId: id, to: .p2, reason: "snabbt växande", by: anna)
        #expect(try f.store.search("fästingbett") == [id])
        #expect(try f.store.search("större") == [id])
        let queue = try DatabaseQueue(path: f.store.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO careCase_ft(careCase_ft) VALUES('integrity-check')")
            try db.execute(sql: "INSERT INTO message_ft(message_ft) VALUES('integrity-check')")
        }
        try f.store.close(caseId: id, outcome: .selfCareAdvice, by: anna)
        _ = try f.store.purge(closedBefore: Date().addingTimeInterval(3600))
        #expect(try f.store.search("fästingbett").isEmpty, "a purged reason is gone from the index")
        try queue.write { db in try db.execute(sql: "INSERT INTO careCase_ft(careCase_ft) VALUES('integrity-check')") }
    }

    /// Issue 11, group 17: closed chats must not fill the result limit.
    @Test func searchFindsEveryOpenCaseWhenClosedChatsOutnumberThem() throws {
        let f = try StoreFixture()
        var open: [Int64] = []
        for i in 0..<32 { open.append(try f.addCase("Hosta sedan en vecka", serial: 2 + i)) }
        for id in open { try f.store.addCitizenMessage(caseId: id, body: "nu har jag feber också") }
        var closed: [Int64] = []
        for i in 0..<40 { closed.append(try f.addCase("Ont i örat", serial: 100 + i)) }
        for id in closed {
            for _ in 0..<10 { try f.store.addCitizenMessage(caseId: id, body: "feber igen") }
        }
        try f.store.pool.write { db in
            try db.execute(sql: "UPDATE careCase SET status = 'closed', outcome = 'self-care-advice', closedAt = ? WHERE id IN (\(closed.map(String.init).joined(separator: ",")))",
                           arguments: [Date()])
        }
        let found = try f.store.search("feber", limit: 200)
        #expect(Set(found) == Set(open))
        #expect(try f.store.search("feber", limit: 10).count == 10)
        #expect(try f.store.search("feber", unit: "SE-NO-SUCH-UNIT").isEmpty)
    }
}
