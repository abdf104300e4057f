import Foundation
import GRDB
import LotsCore

/// What the citizen side may see of a case: never staff notes, never the triage's rationale.
public struct CitizenCaseView: Sendable, Equatable {
    public var id: Int64
    public var status: String
    public var unitHsaId: String
    public var unitName: String
    public var urgency: String
    public var channel: String
    public var citizenReadUpTo: Int64
    public var messages: [Message]
}

/// One change a citizen's live stream reports (Server-Sent Events).
public struct CitizenEvent: Sendable, Equatable {
    public enum Kind: String, Sendable { case message, status, forwarded, closed }
    public var kind: Kind
    public var caseId: Int64
    /// The message, for `.message`.
    public var message: Message?
    /// The new status, for status changes.
    public var status: String?
}

/// Where the citizen event feed has read up to: the last message and history row seen.
public struct CitizenEventCursor: Sendable, Equatable {
    public var messageId: Int64
    public var historyId: Int64
    public init(messageId: Int64, historyId: Int64) {
        self.messageId = messageId
        self.historyId = historyId
    }
}

extension LotsStore {
    /// The authors whose messages the citizen sees (with `staffOnly = 0`, see `citizenVisibleMessages`).
    static let citizenVisibleAuthors = "('citizen', 'staff', 'system')"

    /// Stores a citizen's intake (web or app) with its case token's hash, in one transaction.
    public func createCitizenCase(_ intake: Intake, triage: TriageResult, tokenHash: String, via: String, now: Date = Date()) throws -> Int64 {
        try pool.write { db in
            let id = try Self.insertCase(db, intake, triage: triage, actor: .system(via), source: "request body", createdBy: nil, now: now)
            try db.cachedStatement(sql: "INSERT INTO caseToken (caseId, tokenHash) VALUES (?, ?)").execute(arguments: [id, tokenHash])
            return id
        }
    }

    /// One intake of a group commit.
    public struct CitizenIntake: Sendable {
        public var intake: Intake
        public var triage: TriageResult
        public var tokenHash: String
        public init(intake: Intake, triage: TriageResult, tokenHash: String) {
            self.intake = intake
            self.triage = triage
            self.tokenHash = tokenHash
        }
    }

    /// Stores several citizens' intakes in one transaction (a group commit: one fsync for all), each in its own
    /// savepoint, so one intake's error (an unknown unit) leaves the others stored and itself wholly absent.
    public func createCitizenCases(_ items: [CitizenIntake], now: Date = Date()) throws -> [Result<Int64, LotsError>] {
        try pool.write { db in
            var results: [Result<Int64, LotsError>] = []
            for item in items {
                var outcome: Result<Int64, LotsError> = .failure(LotsError("not stored", at: "request body", fix: "try again"))
                do {
                    try db.inSavepoint {
                        let id = try Self.insertCase(db, item.intake, triage: item.triage, actor: .system(item.intake.channel.rawValue),
                                                     source: "request body", createdBy: nil, now: now)
                        try db.cachedStatement(sql: "INSERT INTO caseToken (caseId, tokenHash) VALUES (?, ?)").execute(arguments: [id, item.tokenHash])
                        outcome = .success(id)
                        return .commit
                    }
                } catch let e as LotsError {
                    outcome = .failure(e)
                }
                results.append(outcome)
            }
            return results
        }
    }

    /// The case a token hash belongs to, if any.
    public func caseId(forTokenHash hash: String) throws -> Int64? {
        try pool.read { try Int64.fetchOne($0.cachedStatement(sql: "SELECT caseId FROM caseToken WHERE tokenHash = ?"), arguments: [hash]) }
    }

    /// The personnummer (canonical) of a case's citizen; nil when there is no such case.
    public func casePersonnummer(_ caseId: Int64) throws -> String? {
        try pool.read {
            try String.fetchOne($0.cachedStatement(sql: "SELECT z.personnummer FROM careCase c JOIN citizen z ON z.id = c.citizenId WHERE c.id = ?"),
                                arguments: [caseId])
        }
    }

    /// The citizen's view of a case; logs the access (`citizen-view`) to the case's access log.
    public func citizenCase(_ caseId: Int64, actor: Actor, now: Date = Date()) throws -> CitizenCaseView? {
        try pool.write { db in
            guard let r = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT c.id, c.status, c.unitHsaId, COALESCE(u.name, c.unitHsaId) AS unitName, c.urgency, c.channel, c.citizenReadUpTo, z.personnummer
                FROM careCase c JOIN citizen z ON z.id = c.citizenId LEFT JOIN unit u ON u.hsaId = c.unitHsaId WHERE c.id = ?
                """), arguments: [caseId]) else { return nil }
            try Self.audit(db, actor, action: "citizen-view", caseId: caseId, personnummer: r["personnummer"], at: now)
            return CitizenCaseView(id: r["id"], status: r["status"], unitHsaId: r["unitHsaId"], unitName: r["unitName"], urgency: r["urgency"],
                                   channel: r["channel"], citizenReadUpTo: r["citizenReadUpTo"],
                                   messages: try Self.citizenVisibleMessages(db, caseId: caseId, after: 0))
        }
    }

    /// Records that the citizen has read the staff's messages up to `messageId` (never moves back).
    /// Returns the receipt now stored.
    @discardableResult
    public func markCitizenRead(caseId: Int64, upTo messageId: Int64, actor: Actor, now: Date = Date()) throws -> Int64 {
        try pool.write { db in
            guard let r = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT c.citizenReadUpTo, z.personnummer FROM careCase c JOIN citizen z ON z.id = c.citizenId WHERE c.id = ?
                """), arguments: [caseId]) else {
                throw LotsError("no case with id \(caseId)", at: "caseId", fix: "use the caseId returned by POST /v1/intakes", code: .noInput)
            }
            guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM message WHERE id = ? AND caseId = ? AND staffOnly = 0 AND author IN \(Self.citizenVisibleAuthors)"),
                                    arguments: [messageId, caseId]) == true else {
                throw LotsError("message \(messageId) is not in case \(caseId)", at: "upTo", fix: "give the id of a message of this case")
            }
            let current: Int64 = r["citizenReadUpTo"]
            guard messageId > current else { return current }
            try db.cachedStatement(sql: "UPDATE careCase SET citizenReadUpTo = ?, citizenReadAt = ? WHERE id = ?").execute(arguments: [messageId, Date(), caseId])
            try Self.audit(db, actor, action: "citizen-read", caseId: caseId, personnummer: r["personnummer"], detail: "up to message \(messageId)", at: now)
            return messageId
        }
    }

    /// Where the event feed starts: after everything already stored.
    public func citizenEventCursor() throws -> CitizenEventCursor {
        try pool.read { db in
            CitizenEventCursor(messageId: try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM message") ?? 0,
                               historyId: try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM caseHistory") ?? 0)
        }
    }

    /// What happened after `cursor` that a citizen's stream reports: staff and system messages, status changes,
    /// forwarding and closing. Returns the events and the new cursor. One pair of indexed range queries,
    /// whatever the number of open streams.
    public func citizenEvents(after cursor: CitizenEventCursor) throws -> ([CitizenEvent], CitizenEventCursor) {
        try pool.read { db in
            var events: [CitizenEvent] = []
            var next = cursor
            let messages = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT m.id, m.caseId, m.author, m.body, m.templateCode, m.at, m.staffOnly, s.displayName FROM message m LEFT JOIN staff s ON s.id = m.staffId
                WHERE m.id > ? ORDER BY m.id LIMIT 5000
                """), arguments: [cursor.messageId])
            for r in messages {
                let m = Self.message(r)
                next.messageId = max(next.messageId, m.id)
                // What citizenVisibleMessages shows (never a staff note), less the citizen's own messages.
                if !m.isStaffNote, (r["author"] as String) == "staff" || (r["author"] as String) == "system" {
                    events.append(CitizenEvent(kind: .message, caseId: m.caseId, message: m, status: nil))
                }
            }
            let history = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, caseId, kind, toStatus FROM caseHistory WHERE id > ? ORDER BY id LIMIT 5000
                """), arguments: [cursor.historyId])
            for r in history {
                next.historyId = max(next.historyId, r["id"])
                guard let to: String = r["toStatus"] else { continue }
                let kind: CitizenEvent.Kind = to == "closed" ? .closed : (r["kind"] as String) == "forwarded" ? .forwarded : .status
                events.append(CitizenEvent(kind: kind, caseId: r["caseId"], message: nil, status: to))
            }
            return (events, next)
        }
    }

    /// True when the store answers a trivial query (the health check).
    public func isHealthy() -> Bool {
        (try? pool.read { try Int.fetchOne($0, sql: "SELECT 1") }) == 1
    }
}

extension LotsStore {
    /// A refused attempt on a case over the citizen API (a token or identity of someone else), in the case's access log.
    public func logCitizenDenied(caseId: Int64, reason: String, now: Date = Date()) throws {
        try pool.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM careCase WHERE id = ?", arguments: [caseId]) == true else { return }
            try Self.audit(db, Actor(name: "citizen:unknown", role: "citizen"), action: "citizen-denied", caseId: caseId, detail: reason, at: now)
        }
    }
}
