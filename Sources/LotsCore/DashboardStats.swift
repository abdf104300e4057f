import Foundation

/// What a supervisor's dashboard shows for one unit: load, waits, missed targets, arrivals and staff.
public struct DashboardStats: Sendable, Equatable {
    public struct Oldest: Sendable, Equatable {
        public var caseId: Int64
        public var submittedAt: Date
        public init(caseId: Int64, submittedAt: Date) { self.caseId = caseId; self.submittedAt = submittedAt }
    }
    public struct StaffLoad: Sendable, Equatable {
        public var name: String
        public var openChats: Int
        public init(name: String, openChats: Int) { self.name = name; self.openChats = openChats }
    }

    public var unitName: String
    /// Open cases by urgency, then status.
    public var open: [Urgency: [CaseStatus: Int]]
    public var oldest: [Urgency: Oldest]
    /// Open cases past their response target with no staff answer yet, most urgent first.
    public var overdue: [QueueEntry]
    /// Arrivals in each of the last 24 hours, oldest first.
    public var arrivalsPerHour: [Int]
    public var medianFirstResponseMinutesToday: Double?
    public var staffOnline: [StaffLoad]
    /// Owned cases whose citizen has waited on the owner past the target: to reassign (issue 14).
    public var silentOwners: [SilentOwnerCase] = []
    /// The unit's expected and measured waits (issue 15); nil when not loaded.
    public var waits: UnitWaits?

    public init(unitName: String, open: [Urgency: [CaseStatus: Int]], oldest: [Urgency: Oldest], overdue: [QueueEntry],
                arrivalsPerHour: [Int], medianFirstResponseMinutesToday: Double?, staffOnline: [StaffLoad]) {
        self.unitName = unitName; self.open = open; self.oldest = oldest; self.overdue = overdue
        self.arrivalsPerHour = arrivalsPerHour; self.medianFirstResponseMinutesToday = medianFirstResponseMinutesToday
        self.staffOnline = staffOnline
    }

    public func openCount(_ u: Urgency) -> Int { open[u]?.values.reduce(0, +) ?? 0 }
    public var totalOpen: Int { Urgency.allCases.reduce(0) { $0 + openCount($1) } }

    /// Eight-level bars for a series, e.g. `▁▃█▂`.
    public static func sparkline(_ values: [Int]) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        let top = max(1, values.max() ?? 1)
        return String(values.map { $0 == 0 ? " " : bars[min(7, ($0 * 8 - 1) / top)] })
    }
}
