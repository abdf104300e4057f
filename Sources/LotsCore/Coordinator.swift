import Foundation

/// A clinician of the unit as the supervisor's assign picker shows them: load against their own cap, presence.
public struct ClinicianLoad: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var openChats: Int
    /// The per-user chat cap (`staff.openChatCap`).
    public var chatCap: Int
    public var lastSeenAt: Date?

    public init(id: Int64, username: String, displayName: String, openChats: Int, chatCap: Int, lastSeenAt: Date?) {
        self.id = id; self.username = username; self.displayName = displayName; self.openChats = openChats
        self.chatCap = chatCap; self.lastSeenAt = lastSeenAt
    }

    /// Seen by a console in the last two minutes (consoles mark presence every 30 s).
    public func isOnline(at now: Date) -> Bool { lastSeenAt.map { now.timeIntervalSince($0) < 120 } ?? false }
    public var isFull: Bool { openChats >= chatCap }
}

/// An owned open case whose citizen has waited on the owner longer than the urgency's response target: a
/// candidate for reassignment.
public struct SilentOwnerCase: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var urgency: Urgency
    /// Untrusted: sanitize before drawing.
    public var reason: String
    public var ownerName: String
    /// Since when the citizen has waited for the owner: the first citizen message after the owner's last
    /// message, or the case's arrival when staff never answered.
    public var waitingSince: Date

    public init(id: Int64, urgency: Urgency, reason: String, ownerName: String, waitingSince: Date) {
        self.id = id; self.urgency = urgency; self.reason = reason; self.ownerName = ownerName; self.waitingSince = waitingSince
    }

    public func overdueSeconds(at now: Date) -> Int { Int(now.timeIntervalSince(waitingSince)) - urgency.responseTargetSeconds }
}
