import Foundation
import GRDB
import LotsCore

extension LotsStore {
    /// Everything about one case; nil when there is no such case.
    public func caseDetail(_ id: Int64) throws -> CaseDetail? {
        try pool.read { try Self.caseDetail($0, id) }
    }

    static func caseDetail(_ db: Database, _ id: Int64) throws -> CaseDetail? {
        do {
            guard let r = try Row.fetchOne(db, sql: """
                SELECT c.*, z.personnummer, COALESCE(c.citizenName, z.name) AS name, COALESCE(c.citizenPhone, z.phone) AS phone, u.name AS unitName, ru.name AS referralUnitName, s.displayName AS ownerName
                FROM careCase c JOIN citizen z ON z.id = c.citizenId JOIN unit u ON u.hsaId = c.unitHsaId
                LEFT JOIN unit ru ON ru.hsaId = c.referralUnitHsaId LEFT JOIN staff s ON s.id = c.ownerStaffId
                WHERE c.id = ?
                """, arguments: [id]) else { return nil }
            let answers = try Row.fetchAll(db, sql: "SELECT * FROM formAnswer WHERE caseId = ? ORDER BY position", arguments: [id]).map {
                FormAnswer(id: $0["questionId"], question: $0["question"], answer: $0["answer"])
            }
            let attachments = try Row.fetchAll(db, sql: """
                SELECT id, fileName, mimeType, width, height, byteCount, sha256, capturedAt, hasGPS, data IS NOT NULL AS hasBytes
                FROM attachment WHERE caseId = ? ORDER BY id
                """, arguments: [id]).map {
                CaseDetail.AttachmentInfo(id: $0["id"], fileName: $0["fileName"], mimeType: $0["mimeType"], width: $0["width"],
                                          height: $0["height"], byteCount: $0["byteCount"], sha256: $0["sha256"],
                                          capturedAt: $0["capturedAt"], hasGPS: $0["hasGPS"], hasBytes: $0["hasBytes"])
            }
            let messages = try Self.messages(db, caseId: id)
            let history = try Row.fetchAll(db, sql: "SELECT * FROM caseHistory WHERE caseId = ? ORDER BY id", arguments: [id]).map {
                CaseDetail.HistoryEntry(at: $0["at"], actor: $0["actor"], kind: $0["kind"], note: $0["note"])
            }
            let code: String? = r["symptomCode"]
            var detail = CaseDetail(
                id: id, personnummer: r["personnummer"], name: r["name"], phone: r["phone"], ageYears: r["ageYears"],
                sex: Sex(rawValue: r["sex"]) ?? .x, unitHsaId: r["unitHsaId"], unitName: r["unitName"],
                channel: Channel(rawValue: r["channel"]) ?? .app, status: CaseStatus(rawValue: r["status"]) ?? .new,
                outcome: (r["outcome"] as String?).flatMap(Outcome.init(rawValue:)), urgency: Urgency(rawValue: r["urgency"]) ?? .p3,
                symptomCode: code, symptomTitle: nil, careLevel: CareLevel(rawValue: r["careLevel"]) ?? .chatt,
                profession: Profession(rawValue: r["profession"]) ?? .sjukskoterska,
                referralType: ProviderType(rawValue: r["referralType"]) ?? .vardcentral, referralUnitName: r["referralUnitName"],
                rationale: r["rationale"], catalogVersion: r["catalogVersion"], reason: r["reason"], answers: answers,
                selfRatedHealth: r["selfRatedHealth"], expectations: r["expectations"], submittedAt: r["submittedAt"],
                ownerName: r["ownerName"], attachments: attachments, messages: messages, history: history)
            detail.triageUncertain = r["triageUncertain"]
            detail.language = r["language"]
            detail.earlierContacts = try Row.fetchAll(db, sql: """
                SELECT c.id, c.submittedAt, c.symptomCode, c.reason, c.urgency, c.status, c.outcome, u.name AS unitName
                FROM careCase c JOIN unit u ON u.hsaId = c.unitHsaId WHERE c.citizenId = ? AND c.id <> ? ORDER BY c.submittedAt DESC LIMIT 20
                """, arguments: [r["citizenId"] as Int64, id]).map {
                CaseDetail.EarlierContact(id: $0["id"], submittedAt: $0["submittedAt"], symptomCode: $0["symptomCode"], reason: $0["reason"],
                                          urgency: Urgency(rawValue: $0["urgency"]) ?? .p3, status: CaseStatus(rawValue: $0["status"]) ?? .new,
                                          outcome: ($0["outcome"] as String?).flatMap(Outcome.init(rawValue:)), unitName: $0["unitName"])
            }
            detail.pathway = (r["pathway"] as String?).flatMap(CarePathway.init(rawValue:))
            detail.closedAt = r["closedAt"]
            detail.referralUnitHsaId = r["referralUnitHsaId"]
            detail.unreadCount = r["unreadCount"]
            // 0 (the column's default) means the citizen has read nothing yet.
            detail.citizenReadUpTo = (r["citizenReadUpTo"] as Int64?).flatMap { $0 > 0 ? $0 : nil }
            detail.citizenReadAt = r["citizenReadAt"]
            detail.appointment = try Self.appointment(db, caseId: id)
            detail.offeredSlots = try Self.offeredSlots(db, caseId: id, now: Date())
            detail.forwards = try Row.fetchAll(db, sql: """
                SELECT f.*, u.name AS toName, s.displayName AS staffName FROM forward f JOIN unit u ON u.hsaId = f.toUnitHsaId
                LEFT JOIN staff s ON s.id = f.staffId WHERE f.caseId = ? ORDER BY f.id
                """, arguments: [id]).map {
                CaseDetail.ForwardInfo(fromUnitHsaId: $0["fromUnitHsaId"], toUnitHsaId: $0["toUnitHsaId"], toUnitName: $0["toName"],
                                       staffName: $0["staffName"], note: $0["note"], at: $0["at"])
            }
            detail.videoLinks = try String.fetchAll(db, sql: "SELECT url FROM videoMeeting WHERE caseId = ? ORDER BY id", arguments: [id])
            return detail
        }
    }

    /// The attachment's bytes, if retention has not purged them.
    public func attachmentData(_ id: Int64) throws -> Data? {
        try pool.read { try Data.fetchOne($0, sql: "SELECT data FROM attachment WHERE id = ?", arguments: [id]) }
    }
}
