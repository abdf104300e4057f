import Foundation
import GRDB
import LotsCore

extension LotsStore {
    /// Inserts or updates shared phrase templates (not personal ones) in one transaction.
    public func importTemplates(_ templates: [PhraseTemplate]) throws {
        try pool.write { db in
            for t in templates {
                try db.execute(sql: """
                    INSERT INTO template (code, category, titleSv, titleEn, bodySv, bodyEn) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(code) DO UPDATE SET category = excluded.category, titleSv = excluded.titleSv,
                      titleEn = excluded.titleEn, bodySv = excluded.bodySv, bodyEn = excluded.bodyEn
                    """, arguments: [t.code, t.category, t.titleSv, t.titleEn, t.bodySv, t.bodyEn])
            }
        }
    }

    /// Shared and the user's own templates, most used first.
    public func templates(for staffId: Int64? = nil) throws -> [PhraseTemplate] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM template WHERE ownerStaffId IS NULL OR ownerStaffId = ? ORDER BY useCount DESC, category, code
                """, arguments: [staffId]).map {
                PhraseTemplate(code: $0["code"], category: $0["category"], titleSv: $0["titleSv"], titleEn: $0["titleEn"],
                               bodySv: $0["bodySv"], bodyEn: $0["bodyEn"])
            }
        }
    }
}
