import Foundation
import GRDB
import LotsCore

extension LotsStore {
    /// Stores a validated, triaged intake in one transaction: citizen, case, answers, attachments,
    /// the first system message, a history row and an audit event. Returns the new case id.
    ///
    /// `source` names where the intake came from, for the error when its unit is unknown.
    public func createCase(_ intake: Intake, triage: TriageResult, actor: Actor, source: String = "intake",
                           createdBy: Int64? = nil, now: Date = Date()) throws -> Int64 {
        try pool.write { db in
            try Self.insertCase(db, intake, triage: triage, actor: actor, source: source, createdBy: createdBy, now: now)
        }
    }

    /// Stores many cases in one transaction (the demo generator's path to 100,000 cases). Each case is
    /// dated at its own `submittedAt`, as if it had arrived then.
    public func createCases(_ items: [(Intake, TriageResult)], actor: Actor) throws -> [Int64] {
        try pool.write { db in
            try items.map { try Self.insertCase(db, $0.0, triage: $0.1, actor: actor, source: "demo", createdBy: nil, now: $0.0.submittedAt) }
        }
    }

    static func insertCase(_ db: Database, _ intake: Intake, triage: TriageResult, actor: Actor, source: String,
                           createdBy: Int64?, now: Date) throws -> Int64 {
        // Cached statements: compiling these inserts (with the FTS triggers behind them) for every case was a tenth
        // of the server's time per intake over HTTP (issue 13).
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM unit WHERE hsaId = ?"), arguments: [intake.unit]) == true else {
            throw LotsError("unknown unit \"\(intake.unit)\"", at: "unit in \(source)",
                            fix: "use the HSA-id of a unit in the store (lots demo loads the demo region)")
        }
        let pnr = intake.personnummer.canonical
        try db.cachedStatement(sql: """
            INSERT INTO citizen (personnummer, name, phone, sex) VALUES (?, ?, ?, ?)
            ON CONFLICT(personnummer) DO UPDATE SET name = excluded.name, phone = COALESCE(excluded.phone, citizen.phone)
            """).execute(arguments: [pnr, intake.name, intake.phone, intake.personnummer.sex.rawValue])
        let citizenId = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM citizen WHERE personnummer = ?"), arguments: [pnr])!
        let input = intake.triageInput
        try db.cachedStatement(sql: """
            INSERT INTO careCase (citizenId, unitHsaId, channel, status, urgency, urgencyRank, symptomCode, careLevel, profession,
              mission, referralType, referralUnitHsaId, rationale, catalogVersion, reason, selfRatedHealth, expectations, ageYears,
              sex, submittedAt, createdAt, updatedAt, createdByStaffId, attachmentCount, lastMessageAt, citizenName, citizenPhone, triageUncertain, language, pathway)
            VALUES (?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [citizenId, intake.unit, intake.channel.rawValue, triage.urgency.code, triage.urgency.rank,
                             triage.symptom?.code, triage.careLevel.rawValue, triage.profession.rawValue, triage.mission.rawValue,
                             triage.referral.type.rawValue, triage.referral.provider?.hsaId, triage.rationaleText,
                             triage.catalogVersion, intake.reason, intake.selfRatedHealth, intake.expectations, input.ageYears,
                             input.sex.rawValue, intake.submittedAt, now, now, createdBy, intake.attachments.count, now,
                             intake.name, intake.phone, !triage.confident, intake.language, triage.pathway?.rawValue])
        let caseId = db.lastInsertedRowID
        for (i, a) in intake.answers.enumerated() {
            try db.cachedStatement(sql: "INSERT INTO formAnswer (caseId, position, questionId, question, answer) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [caseId, i, a.id, a.question, a.answer])
        }
        for a in intake.attachments {
            let m = a.metadata
            try db.cachedStatement(sql: """
                INSERT INTO attachment (caseId, fileName, mimeType, width, height, byteCount, sha256, capturedAt, hasGPS, data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [caseId, a.fileName, m.kind.mimeType, m.width, m.height, m.byteCount, m.sha256, m.capturedAt, m.hasGPS, a.data])
        }
        try db.cachedStatement(sql: "INSERT INTO message (caseId, author, body, at) VALUES (?, 'system', ?, ?)")
            .execute(arguments: [caseId, Self.firstMessage(for: triage), now])
        try db.cachedStatement(sql: "INSERT INTO caseHistory (caseId, at, actor, kind, toStatus, note) VALUES (?, ?, ?, 'created', 'new', ?)")
            .execute(arguments: [caseId, now, actor.name, "\(intake.channel.rawValue), triage \(triage.urgency.code)"])
        try Self.audit(db, actor, action: "create-case", caseId: caseId, personnummer: pnr,
                       detail: "unit \(intake.unit), urgency \(triage.urgency.code)", at: now)
        return caseId
    }

    /// The automatic first message the citizen sees, by urgency.
    static func firstMessage(for triage: TriageResult) -> String {
        switch triage.urgency {
        case .emergency:
            return "Dina svar tyder på att du behöver akut hjälp. Ring 112 nu. Vi har också fått ditt ärende."
        case .p5:
            let advice = triage.symptom?.advice ?? ""
            return "Tack för din kontakt. Egenvårdsråd: \(advice) Du kan skriva här om du vill ha kontakt med oss."
        default:
            return "Tack för din kontakt. Ditt ärende har prioritet \(triage.urgency.code) (\(triage.urgency.swedishLabel)). Vi svarar så snart vi kan."
        }
    }
}
