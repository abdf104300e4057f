import Foundation

/// Who wrote a chat message.
public enum MessageAuthor: String, Sendable, Codable, CaseIterable {
    case citizen, staff, system
}

/// One message in a case's chat.
public struct Message: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var caseId: Int64
    public var author: MessageAuthor
    /// Display name of the staff author, when staff wrote it.
    public var staffName: String?
    /// Untrusted text: pass through `SafeText` before drawing.
    public var body: String
    /// The phrase template it started from, if any.
    public var templateCode: String?
    public var at: Date
    /// A staff-only note: shown to staff, never sent to or readable by the citizen.
    public var isStaffNote: Bool

    public init(id: Int64, caseId: Int64, author: MessageAuthor, staffName: String?, body: String, templateCode: String?, at: Date,
                isStaffNote: Bool = false) {
        self.isStaffNote = isStaffNote
        self.id = id
        self.caseId = caseId
        self.author = author
        self.staffName = staffName
        self.body = body
        self.templateCode = templateCode
        self.at = at
    }
}
