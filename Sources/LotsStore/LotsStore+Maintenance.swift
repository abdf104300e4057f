import Foundation
import GRDB
import LotsCore

extension LotsStore {
    /// Copies the store to `path` with SQLite's online backup API while other processes keep writing.
    /// The copy is created 0600; an existing file is never overwritten.
    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw LotsError("the backup file already exists", at: path, fix: "choose a new file name, e.g. with today's date", code: .ioError)
        }
        let fd = Foundation.open(path, O_CREAT | O_RDWR | O_EXCL, 0o600)
        guard fd >= 0 else { throw LotsError("cannot create the backup file", at: path, fix: "check that the folder exists and is writable", code: .ioError) }
        Foundation.close(fd)
        do {
            let destination = try DatabaseQueue(path: path)
            try pool.backup(to: destination)
            try destination.close()
            // The access log's key goes beside the copy: without it the copy's log cannot be verified or extended.
            if FileManager.default.fileExists(atPath: AuditKey.path(for: self.path)) {
                try FileManager.default.copyItem(atPath: AuditKey.path(for: self.path), toPath: AuditKey.path(for: path))
                chmod(AuditKey.path(for: path), 0o600)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: AuditKey.path(for: path))
            throw LotsError("the backup failed: \(error)", at: path, fix: "check free disk space and try again", code: .ioError)
        }
        try audit(.system("backup"), action: "backup", detail: path)
    }

    /// Bytes in the write-ahead log now.
    public var walSize: Int {
        ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Runs a RESTART checkpoint when the WAL has grown past `limit` bytes, so it cannot grow without bound
    /// while consoles keep reading (SQLite's own PASSIVE autocheckpoint never restarts the log).
    public func checkpointIfLarge(limit: Int = 8 * 1024 * 1024) throws {
        guard walSize > limit else { return }
        _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.restart) }
    }

    /// What a purge removed.
    public struct PurgeResult: Sendable, Equatable {
        public var messages: Int
        public var answers: Int
        public var images: Int
        /// Set when the purge committed but VACUUM could not return the space.
        public var vacuumError: LotsError? = nil
    }

    /// Removes the chat, form answers, free text (reason, expectations, rationale, override reasons, handover
    /// notes) and image bytes of cases closed before `cutoff`, keeping the minimal contact record (unit, channel,
    /// urgency, outcome, times) and the whole access log.
    ///
    /// One transaction with `secure_delete` on, so the removed text is overwritten in the file, and the full-text
    /// indexes are optimized inside it, so no purged word stays in their pages. The space is then returned to the
    /// file system with VACUUM; that runs after the commit and its failure (e.g. a full disk: VACUUM needs room for
    /// a copy) is reported in `vacuumError` without undoing or hiding the purge.
    public func purge(closedBefore cutoff: Date) throws -> PurgeResult {
        var result = try pool.write { db -> PurgeResult in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
            let ids = "SELECT id FROM careCase WHERE status = 'closed' AND closedAt < ?"
            let r = PurgeResult(
                messages: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM message WHERE caseId IN (\(ids))", arguments: [cutoff]) ?? 0,
                answers: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM formAnswer WHERE caseId IN (\(ids))", arguments: [cutoff]) ?? 0,
                images: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attachment WHERE data IS NOT NULL AND caseId IN (\(ids))", arguments: [cutoff]) ?? 0)
            try db.execute(sql: "DELETE FROM message WHERE caseId IN (\(ids))", arguments: [cutoff])
            try db.execute(sql: "DELETE FROM formAnswer WHERE caseId IN (\(ids))", arguments: [cutoff])
            try db.execute(sql: "DELETE FROM draft WHERE caseId IN (\(ids))", arguments: [cutoff])
            try db.execute(sql: "UPDATE attachment SET data = NULL WHERE data IS NOT NULL AND caseId IN (\(ids))", arguments: [cutoff])
            try db.execute(sql: "UPDATE careCase SET reason = '', expectations = NULL, rationale = '' WHERE id IN (\(ids)) AND reason <> ''", arguments: [cutoff])
            try db.execute(sql: "UPDATE caseHistory SET note = '' WHERE note <> '' AND caseId IN (\(ids))", arguments: [cutoff])
            try db.execute(sql: "UPDATE forward SET note = '' WHERE note <> '' AND caseId IN (\(ids))", arguments: [cutoff])
            if r.messages > 0 {
                try db.execute(sql: "INSERT INTO message_ft(message_ft) VALUES ('optimize')")
                try db.execute(sql: "INSERT INTO openMessage_ft(openMessage_ft) VALUES ('optimize')")
            }
            try db.execute(sql: "INSERT INTO careCase_ft(careCase_ft) VALUES ('optimize')")
            try Self.audit(db, .system("purge"), action: "purge",
                           detail: "closed before \(ISOTime.utc(cutoff)): \(r.messages) messages, \(r.answers) answers, \(r.images) images")
            return r
        }
        do {
            try pool.writeWithoutTransaction { try $0.execute(sql: "VACUUM") }
        } catch let e as DatabaseError {
            result.vacuumError = Self.storeError(e, path: path)
        }
        return result
    }
}
