import Foundation
import GRDB
import LotsCore

/// Video meetings: from a case, a meeting now (the link in the chat); a booked video time gets its link at booking.
extension LotsStore {
    /// Starts a video meeting now: a new unguessable room from the unit's URL template, the link sent in the chat
    /// (in the patient's language), history and access log. Returns the link.
    @discardableResult
    public func startVideoMeeting(caseId: Int64, by user: StaffUser, now: Date = Date()) throws -> String {
        try guarded { try pool.write { db in
            try Self.requireAccess(db, user, caseId: caseId, .write)
            let st = try Self.claim(db, caseId: caseId, state: try Self.caseState(db, caseId), by: user, now: now)
            guard st.status != .closed, st.status != .forwarded else {
                throw LotsError("case \(caseId) is \(st.status.rawValue)", at: "video", fix: "video meetings start from open cases").keyed("err.notWritable", "\(caseId)")
            }
            let template = try String.fetchOne(db, sql: "SELECT videoUrlTemplate FROM unit WHERE hsaId = ?", arguments: [st.unit])
            let url = VideoLink.url(template: template, room: VideoLink.newRoomId())
            let english = try String.fetchOne(db, sql: "SELECT language FROM careCase WHERE id = ?", arguments: [caseId]) == "en"
            let body = english ? "Let us meet by video now. Open this link: \(url)" : "Vi ses i ett videomöte nu. Öppna länken: \(url)"
            try db.execute(sql: "INSERT INTO message (caseId, author, staffId, body, at) VALUES (?, 'staff', ?, ?, ?)", arguments: [caseId, user.id, body, now])
            try db.execute(sql: "INSERT INTO videoMeeting (caseId, appointmentId, url, staffId, startsAt, createdAt) VALUES (?, NULL, ?, ?, ?, ?)",
                           arguments: [caseId, url, user.id, now, now])
            let next = st.status == .awaitingCitizen ? st.status : try st.status.transition(to: .awaitingCitizen)
            try db.execute(sql: """
                UPDATE careCase SET status = ?, firstResponseAt = COALESCE(firstResponseAt, ?), unreadCount = 0, lastMessageAt = ?, updatedAt = ? WHERE id = ?
                """, arguments: [next.rawValue, now, now, now, caseId])
            try Self.history(db, caseId, user.username, "video-meeting", from: st.status, to: next, note: "möte nu", at: now)
            try Self.audit(db, Actor(user: user), action: "video-meeting", caseId: caseId, personnummer: st.pnr, at: now)
            return url
        } }
    }

    /// A clinician acting on an unowned case (new or forwarded) takes it first, as `t` would; a case owned by
    /// someone else is refused.
    static func claim(_ db: Database, caseId: Int64, state st: (status: CaseStatus, owner: Int64?, pnr: String, unit: String), by user: StaffUser,
                      now: Date) throws -> (status: CaseStatus, owner: Int64?, pnr: String, unit: String) {
        if st.owner == user.id { return st }
        guard st.owner == nil || st.status == .new || st.status == .forwarded, st.status != .closed else {
            let name = try String.fetchOne(db, sql: "SELECT displayName FROM staff WHERE id = ?", arguments: [st.owner]) ?? "någon annan"
            throw LotsError("case \(caseId) is already taken by \(name)", at: "case", fix: "ask \(name) to release it").keyed("err.takenBy", "\(caseId)", name)
        }
        let next = try st.status.transition(to: .active)
        try db.execute(sql: "UPDATE careCase SET ownerStaffId = ?, status = ?, updatedAt = ? WHERE id = ?", arguments: [user.id, next.rawValue, now, caseId])
        try history(db, caseId, user.username, "taken", from: st.status, to: next, at: now)
        try audit(db, Actor(user: user), action: "take", caseId: caseId, personnummer: st.pnr, at: now)
        return (next, user.id, st.pnr, st.unit)
    }
}
