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
                               bodySv: $0["bodySv"], bodyEn: $0["bodyEn"], isPersonal: ($0["ownerStaffId"] as Int64?) != nil)
            }
        }
    }

    /// Creates (code nil) or updates one of the user's personal templates. Unknown variables are refused.
    @discardableResult
    public func savePersonalTemplate(code: String?, body: String, by user: StaffUser) throws -> String {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw LotsError("the template is empty", at: "template", fix: "write the text first").keyed("err.templateEmpty") }
        if let bad = TemplateCatalog.variablesUsed(in: text).first(where: { !TemplateCatalog.variables.contains($0) }) {
            throw LotsError("unknown variable {\(bad)}", at: "template", fix: "use one of: \(TemplateCatalog.variables.sorted().map { "{\($0)}" }.joined(separator: " "))")
                .keyed("err.templateVariable", bad, TemplateCatalog.variables.sorted().map { "{\($0)}" }.joined(separator: " "))
        }
        let title = String(text.split(separator: "\n").first?.prefix(40) ?? "")
        return try pool.write { db in
            if let code {
                try db.execute(sql: "UPDATE template SET titleSv = ?, titleEn = ?, bodySv = ?, bodyEn = ? WHERE code = ? AND ownerStaffId = ?",
                               arguments: [title, title, text, text, code, user.id])
                guard db.changesCount == 1 else { throw LotsError("template \(code) is not yours", at: "template", fix: "only personal templates can be edited")
                    .keyed("err.templateNotYours", code) }
                return code
            }
            let n = (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM template WHERE ownerStaffId = ?", arguments: [user.id]) ?? 0) + 1
            var newCode = "MY-\(user.username.uppercased())-\(n)"
            while try Bool.fetchOne(db, sql: "SELECT 1 FROM template WHERE code = ?", arguments: [newCode]) == true { newCode += "B" }
            try db.execute(sql: """
                INSERT INTO template (code, category, titleSv, titleEn, bodySv, bodyEn, ownerStaffId) VALUES (?, 'personal', ?, ?, ?, ?, ?)
                """, arguments: [newCode, title, title, text, text, user.id])
            return newCode
        }
    }
}
