/// Where a case is in its life. DESIGN §2.
public enum CaseStatus: String, CaseIterable, Sendable, Codable {
    case new
    case active
    case awaitingCitizen = "awaiting-citizen"
    case awaitingStaff = "awaiting-staff"
    case forwarded
    case closed

    /// Statuses that keep a case in a queue.
    public var isOpen: Bool { self != .closed }

    /// The statuses this one may move to. Anything else is an error, never a silent no-op.
    public var allowedNext: Set<CaseStatus> {
        switch self {
        case .new: [.active, .forwarded, .closed]
        case .active: [.awaitingCitizen, .awaitingStaff, .forwarded, .closed, .new]
        case .awaitingCitizen: [.awaitingStaff, .active, .forwarded, .closed, .new]
        case .awaitingStaff: [.active, .awaitingCitizen, .forwarded, .closed, .new]
        case .forwarded: [.active, .forwarded, .closed]
        case .closed: []
        }
    }

    /// Validates a transition; throws a `LotsError` naming both ends when it is not allowed.
    public func transition(to next: CaseStatus) throws -> CaseStatus {
        guard allowedNext.contains(next) else {
            throw LotsError("a case cannot go from \(rawValue) to \(next.rawValue)", at: "case status",
                            fix: "allowed from \(rawValue): \(allowedNext.map(\.rawValue).sorted().joined(separator: ", ").ifEmpty("none, the case is closed"))")
        }
        return next
    }
}

/// How a closed case ended. DESIGN §2.
public enum Outcome: String, CaseIterable, Sendable, Codable {
    case selfCareAdvice = "self-care-advice"
    case bookedVisit = "booked-visit"
    case videoMeeting = "video-meeting"
    case referred
    case emergency112 = "emergency-112"
    case noResponse = "no-response"
    case duplicate
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
