import Foundation

/// One row of a unit's queue: everything the queue screen shows, from one query.
public struct QueueEntry: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var urgency: Urgency
    public var ageYears: Int
    public var sex: Sex
    public var citizenName: String
    /// Untrusted: sanitize before drawing.
    public var reason: String
    public var symptomCode: String?
    public var status: CaseStatus
    public var channel: Channel
    public var submittedAt: Date
    public var firstResponseAt: Date?
    public var ownerName: String?
    public var unreadCount: Int
    public var attachmentCount: Int
    /// The automatic triage found no confident match ("ej säker automatisk bedömning").
    public var uncertain: Bool
    /// On hold until this time (back at the top with a marker once it has passed), or until the citizen answers.
    public var snoozedUntil: Date?
    public var snoozedUntilReply: Bool

    public init(id: Int64, urgency: Urgency, ageYears: Int, sex: Sex, citizenName: String, reason: String, symptomCode: String?,
                status: CaseStatus, channel: Channel, submittedAt: Date, firstResponseAt: Date?, ownerName: String?,
                unreadCount: Int, attachmentCount: Int, uncertain: Bool = false,
                snoozedUntil: Date? = nil, snoozedUntilReply: Bool = false) {
        self.snoozedUntil = snoozedUntil
        self.snoozedUntilReply = snoozedUntilReply
        self.id = id
        self.urgency = urgency
        self.ageYears = ageYears
        self.sex = sex
        self.citizenName = citizenName
        self.reason = reason
        self.symptomCode = symptomCode
        self.status = status
        self.channel = channel
        self.submittedAt = submittedAt
        self.firstResponseAt = firstResponseAt
        self.ownerName = ownerName
        self.unreadCount = unreadCount
        self.attachmentCount = attachmentCount
        self.uncertain = uncertain
    }

    /// Where a snooze stands at `now`.
    public enum SnoozeState: Sendable, Equatable { case none, waiting, returned }
    public func snooze(at now: Date) -> SnoozeState {
        if snoozedUntilReply { return .waiting }
        guard let until = snoozedUntil else { return .none }
        return until > now ? .waiting : .returned
    }

    /// Seconds left to the urgency's response target (negative when overdue); nil once staff responded.
    public func secondsToTarget(now: Date) -> Int? {
        guard firstResponseAt == nil else { return nil }
        return urgency.responseTargetSeconds - Int(now.timeIntervalSince(submittedAt))
    }
}
