import Foundation
import GRDB
import LotsCore

/// Read state seen from the citizen's side: the read receipt of staff messages (issue 14). The staff side's
/// unread count is `careCase.unreadCount` (see `markRead(caseId:by:)`).
extension LotsStore {
    /// Records that the citizen side has shown the citizen every message up to `upToMessageId` (the citizen API's
    /// `POST /v1/cases/{id}/read`). Receipts only move forward: an older id leaves the newer receipt in place.
    /// The id must be a citizen-visible message of the case (a staff note can never be "read" by the citizen).
    /// Returns the receipt now stored.
    @discardableResult
    public func markReadByCitizen(caseId: Int64, upToMessageId: Int64, now: Date = Date()) throws -> Int64 {
        try pool.write { db in
            guard let current = try Row.fetchOne(db, sql: "SELECT citizenReadUpTo FROM careCase WHERE id = ?", arguments: [caseId]) else {
                throw LotsError("no case with id \(caseId)", at: "CASE", fix: "use the id of the citizen's own case", code: .noInput)
            }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM message WHERE id = ? AND caseId = ? AND staffOnly = 0",
                                    arguments: [upToMessageId, caseId]) == true else {
                throw LotsError("case \(caseId) has no message \(upToMessageId) the citizen can see", at: "upToMessageId",
                                fix: "send the id of the newest message shown to the citizen")
            }
            let old: Int64? = current["citizenReadUpTo"]
            if let old, old >= upToMessageId { return old }
            try db.execute(sql: "UPDATE careCase SET citizenReadUpTo = ?, citizenReadAt = ? WHERE id = ?", arguments: [upToMessageId, now, caseId])
            return upToMessageId
        }
    }
}
