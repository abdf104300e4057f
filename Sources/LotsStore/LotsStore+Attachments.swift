import Foundation
import GRDB
import LotsCore

extension LotsStore {
    /// An attachment's bytes for the photo viewer, for a user who may read its case; the opening is logged
    /// ("view-attachment", the attachment's id) like any access to the case. Nil bytes once retention purged them.
    public func viewAttachment(_ attachmentId: Int64, for user: StaffUser, now: Date = Date()) throws -> Data? {
        try guarded { try pool.write { db in
            guard let caseId = try Int64.fetchOne(db, sql: "SELECT caseId FROM attachment WHERE id = ?", arguments: [attachmentId]) else {
                throw LotsError("no attachment with id \(attachmentId)", at: "attachment", fix: "reload the case", code: .noInput)
            }
            try Self.requireAccess(db, user, caseId: caseId, .read)
            let st = try Self.caseState(db, caseId)
            try Self.audit(db, Actor(user: user), action: "view-attachment", caseId: caseId, personnummer: st.pnr,
                           detail: "attachment \(attachmentId)", at: now)
            return try Data.fetchOne(db, sql: "SELECT data FROM attachment WHERE id = ?", arguments: [attachmentId])
        } }
    }
}
