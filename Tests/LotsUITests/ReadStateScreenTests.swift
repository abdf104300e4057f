import Foundation
import Testing
import LotsCore
@testable import LotsUI

/// The chat's "new messages" divider and the citizen's read receipt (issue 14).
@Suite struct ReadStateScreenTests {
    static func detail(unread: Int, readUpTo: Int64? = nil) -> CaseDetail {
        var d = Samples.detail
        d.messages.append(Message(id: 4, caseId: 5, author: .staff, staffName: "Anna Lind", body: "Hur länge?", templateCode: nil,
                                  at: Samples.now.addingTimeInterval(-500)))
        d.messages.append(Message(id: 5, caseId: 5, author: .citizen, staffName: nil, body: "Fyra veckor", templateCode: nil,
                                  at: Samples.now.addingTimeInterval(-400)))
        d.messages.append(Message(id: 6, caseId: 5, author: .citizen, staffName: nil, body: "Och nu feber", templateCode: nil,
                                  at: Samples.now.addingTimeInterval(-300)))
        d.unreadCount = unread
        d.citizenReadUpTo = readUpTo
        d.citizenReadAt = readUpTo == nil ? nil : Samples.now.addingTimeInterval(-450)
        return d
    }

    @Test func theDividerSitsAtTheFirstUnreadCitizenMessageAndStaysAfterTheReadReload() throws {
        var s = Samples.queueState()
        _ = s.apply(.caseLoaded(Self.detail(unread: 2), draft: nil, draftTemplate: nil, templateValues: [:]))
        #expect(s.unreadDivider == 5)
        // The reload after opening (now read: 0 unread) keeps the divider where it was.
        _ = s.apply(.caseLoaded(Self.detail(unread: 0), draft: nil, draftTemplate: nil, templateValues: [:]))
        let lines = ConsoleView.render(s, width: 80, height: 40).lines()
        let divider = try #require(lines.firstIndex { $0.contains("nya meddelanden") }, "\(lines)")
        let unread = try #require(lines.firstIndex { $0.contains("Fyra veckor") })
        let read = try #require(lines.firstIndex { $0.contains("Hur länge?") })
        #expect(read < divider && divider == unread - 2, "\(lines)")  // the divider, the author line, then the text
        #expect(lines.filter { $0.contains("nya meddelanden") }.count == 1)
        // Another case: no divider when nothing is unread.
        var other = Self.detail(unread: 0); other.id = 9
        _ = s.apply(.caseLoaded(other, draft: nil, draftTemplate: nil, templateValues: [:]))
        #expect(s.unreadDivider == nil)
        #expect(!ConsoleView.render(s, width: 80, height: 40).text.contains("nya meddelanden"))
    }

    @Test func theReadReceiptFollowsTheNewestStaffMessageTheCitizenRead() throws {
        var s = Samples.queueState(lang: .en)
        _ = s.apply(.caseLoaded(Self.detail(unread: 0, readUpTo: 5), draft: nil, draftTemplate: nil, templateValues: [:]))
        let lines = ConsoleView.render(s, width: 80, height: 40).lines()
        let receipt = try #require(lines.firstIndex { $0.contains("✓ read by the patient") }, "\(lines)")
        let asked = try #require(lines.firstIndex { $0.contains("Hur länge?") })
        #expect(receipt == asked + 1 && lines[receipt].contains("10:22"), "\(lines[receipt])")
        #expect(lines.filter { $0.contains("read by the patient") }.count == 1)
        _ = s.apply(.caseLoaded(Self.detail(unread: 0), draft: nil, draftTemplate: nil, templateValues: [:]))
        #expect(!ConsoleView.render(s, width: 80, height: 40).text.contains("read by the patient"))
    }
}
